#include "tests/support/ProfileFixture.h"

#include "core/ingest/MessageIngest.h"
#include "core/store/Store.h"
#include "tests/support/TestSupport.h"

#include <QFile>

namespace herald::test {

namespace {
QByteArray readData(const QString &name)
{
    QFile f(dataFile(QStringLiteral("messages/") + name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test message %s", qPrintable(f.fileName()));
    return f.readAll();
}
} // namespace

ProfileFixture::ProfileFixture()
{
    store::Store s(m_dir.path());
    store::Account account;
    account.name = QStringLiteral("test");
    account.email = QStringLiteral("test@herald.test");
    account.incomingUrl = QStringLiteral("imaps://test@127.0.0.1:993");
    account.outgoingUrl = QStringLiteral("smtps://test@127.0.0.1:465");
    const qint64 accountId = s.accounts().add(account);
    store::Folder inbox;
    inbox.accountId = accountId;
    inbox.name = QStringLiteral("INBOX");
    inboxId = s.folders().upsert(inbox);
    store::Folder archive = inbox;
    archive.name = QStringLiteral("Archive/2024");
    archive.specialUse = QStringLiteral("\\Archive");
    archiveId = s.folders().upsert(archive);

    sync::MessageIngest ingest(s);
    store::Transaction tx(s.db());
    sync::IncomingMessage meta;
    meta.accountId = accountId;
    meta.folderId = inboxId;
    meta.uid = 1;
    ingest.addMessage(meta, readData(QStringLiteral("plain.eml")));
    meta.uid = 2;
    meta.flags = store::FlagSeen | store::FlagFlagged;
    const qint64 verified =
        ingest.addMessage(meta, readData(QStringLiteral("utf8-attachment.eml")));
    meta.uid = 3;
    meta.flags = 0;
    meta.keywords = QStringList{QStringLiteral("$Newsletter")};
    const qint64 forged = ingest.addMessage(meta, readData(QStringLiteral("html-alternative.eml")));
    // Verdicts as the sync's sender checks store them (core/sync/VerdictPass).
    s.messages().setAuth(
        verified,
        QStringLiteral(R"({"spf":{"result":"pass","domain":"herald.test","ip":"127.0.0.1"},)"
                       R"("dkim":[{"result":"pass","domain":"herald.test","selector":"herald",)"
                       R"("algorithm":"rsa-sha256"}],"dmarc":{"result":"pass","policy":"reject",)"
                       R"("domain":"herald.test"},"arc":{"result":"none"},"source":"local"})"),
        store::AuthSummary::Pass, store::AuthState::Verified);
    s.messages().setAuth(
        forged,
        QStringLiteral(
            R"({"spf":{"result":"fail","domain":"herald.test","ip":"127.0.0.2"},)"
            R"("dkim":[],"dmarc":{"result":"fail","policy":"reject",)"
            R"("domain":"lists.herald.test","disposition":"reject"},"arc":{"result":"none"},)"
            R"("source":"local"})"),
        store::AuthSummary::Fail, store::AuthState::Verified);
    meta.folderId = archiveId;
    meta.uid = 7;
    meta.keywords.clear();
    ingest.addMessage(meta, readData(QStringLiteral("plain.eml")));
    tx.commit();
}

} // namespace herald::test
