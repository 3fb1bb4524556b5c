#include "tests/support/ProfileFixture.h"

#include "core/store/Store.h"
#include "core/sync/MessageIngest.h"
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
    ingest.addMessage(meta, readData(QStringLiteral("utf8-attachment.eml")));
    meta.uid = 3;
    meta.flags = 0;
    meta.keywords = QStringList{QStringLiteral("$Newsletter")};
    ingest.addMessage(meta, readData(QStringLiteral("html-alternative.eml")));
    meta.folderId = archiveId;
    meta.uid = 7;
    meta.keywords.clear();
    ingest.addMessage(meta, readData(QStringLiteral("plain.eml")));
    tx.commit();
}

} // namespace herald::test
