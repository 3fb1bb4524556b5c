// Where the compose window and herald-cli start a message (core/smtp/StartDraft.h): answers
// to a cached message from the identity it was addressed to, HTML-only mail quoted as text,
// and saved bytes read back into every field (Bcc and attachments included).
#include "core/accounts/AccountSettings.h"
#include "core/engine/smtp/StartDraft.h"
#include "core/ingest/MessageIngest.h"
#include "core/mime/MessageBuilder.h"
#include "core/store/Store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace herald;

namespace {
const QByteArray kHtmlOnly =
    "From: Bob <bob@herald.test>\r\n"
    "To: Alias <alias@herald.test>\r\n"
    "Subject: Menu\r\n"
    "Date: Tue, 4 Mar 2025 10:15:00 +0100\r\n"
    "Message-ID: <menu@herald.test>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/html; charset=utf-8\r\n"
    "\r\n"
    "<html><head><style>p{color:red}</style></head><body><p>Soup &amp; bread</p>"
    "<p>Caf&eacute; at <b>noon</b></p></body></html>\r\n";
}

class TestStartDraft : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Store> m_store;
    store::Account m_account;

private slots:
    void initTestCase()
    {
        m_store = std::make_unique<store::Store>(m_dir.path());
        m_account.name = QStringLiteral("me");
        m_account.email = QStringLiteral("me@herald.test");
        m_account.displayName = QStringLiteral("Me");
        m_account.incomingUrl = QStringLiteral("imaps://me@127.0.0.1:1");
        m_account.outgoingUrl = QStringLiteral("smtps://me@127.0.0.1:2");
        accounts::AccountSettings settings;
        accounts::setIdentity(
            settings, {QStringLiteral("me@herald.test"), QString(), QStringLiteral("Me, at home")});
        accounts::setIdentity(settings,
                              {QStringLiteral("alias@herald.test"), QStringLiteral("Me (alias)"),
                               QStringLiteral("The alias")});
        m_account.settingsJson = settings.toJson();
        m_account.id = m_store->accounts().add(m_account);
    }

    void replyToHtmlOnlyMailFromTheAliasItCameTo()
    {
        store::Folder inbox;
        inbox.accountId = m_account.id;
        inbox.name = QStringLiteral("INBOX");
        sync::IncomingMessage meta;
        meta.accountId = m_account.id;
        meta.folderId = m_store->folders().upsert(inbox);
        const qint64 id = sync::MessageIngest(*m_store).addMessage(meta, kHtmlOnly);

        const auto parent = smtp::loadCached(*m_store, id);
        QVERIFY(parent);
        const accounts::Identity identity = smtp::identityForAnswer(m_account, parent->parsed);
        QCOMPARE(identity.email, QStringLiteral("alias@herald.test"));
        const mime::Draft d = smtp::answerDraft(m_account, *parent, smtp::Answer::Reply, identity);
        QCOMPARE(d.from.email, QStringLiteral("alias@herald.test"));
        QCOMPARE(d.to.size(), size_t(1));
        QCOMPARE(d.to.front().email, QStringLiteral("bob@herald.test"));
        QCOMPARE(d.subject, QStringLiteral("Re: Menu"));
        QVERIFY(d.inReplyTo.contains(QStringLiteral("menu@herald.test")));
        // The HTML is quoted as text: no markup, entities decoded, no style sheet.
        QVERIFY2(d.text.contains(QStringLiteral("> Soup & bread")), qPrintable(d.text));
        QVERIFY2(d.text.contains(QStringLiteral("> Café at noon")), qPrintable(d.text));
        QVERIFY(!d.text.contains(QLatin1Char('<')) || d.text.contains(QStringLiteral("<bob@")));
        QVERIFY(!d.text.contains(QStringLiteral("color")));
        QVERIFY(d.text.endsWith(QStringLiteral("-- \nThe alias\n")));

        // A forward needs the body; the row alone is not enough.
        smtp::CachedMessage headersOnly = *parent;
        headersOnly.raw.clear();
        QVERIFY_THROWS_EXCEPTION(
            std::runtime_error,
            smtp::answerDraft(m_account, headersOnly, smtp::Answer::ForwardInline, identity));
        const mime::Draft fwd =
            smtp::answerDraft(m_account, *parent, smtp::Answer::ForwardAsAttachment, identity);
        QCOMPARE(fwd.subject, QStringLiteral("Fwd: Menu"));
        QCOMPARE(fwd.attachments.size(), size_t(1));
        QCOMPARE(fwd.attachments.front().data, kHtmlOnly);
    }

    void savedBytesReadBackIntoEveryField()
    {
        mime::Draft d;
        d.from = {QStringLiteral("Me"), QStringLiteral("me@herald.test"), {}};
        d.to = {{QStringLiteral("Bob"), QStringLiteral("bob@herald.test"), {}}};
        d.cc = {{QString(), QStringLiteral("carol@herald.test"), {}}};
        d.bcc = {{QString(), QStringLiteral("dave@herald.test"), {}}};
        d.writeBcc = true;
        d.subject = QStringLiteral("Plans für Montag");
        d.text = QStringLiteral("Hi Bob,\n\nline two\n\n-- \nMe\n");
        d.inReplyTo = QStringLiteral("p@x");
        d.references = QStringList{QStringLiteral("r@x"), QStringLiteral("p@x")};
        mime::Draft::File f;
        f.data = QByteArray("\x00\x01\x02binary\xff", 10);
        f.filename = QStringLiteral("data.bin");
        f.mimeType = QStringLiteral("application/octet-stream");
        d.attachments.push_back(f);
        const QByteArray raw = mime::buildMessage(d);
        QVERIFY(!raw.isEmpty());

        const mime::Draft back = smtp::draftFromBytes(raw);
        QCOMPARE(back.from.email, d.from.email);
        QCOMPARE(back.to.front().display(), QStringLiteral("Bob <bob@herald.test>"));
        QCOMPARE(back.cc.front().email, QStringLiteral("carol@herald.test"));
        QCOMPARE(back.bcc.size(), size_t(1));
        QCOMPARE(back.bcc.front().email, QStringLiteral("dave@herald.test"));
        QCOMPARE(back.subject, d.subject);
        QCOMPARE(back.text, d.text);
        QCOMPARE(back.inReplyTo, d.inReplyTo);
        QCOMPARE(back.references, d.references);
        QCOMPARE(back.attachments.size(), size_t(1));
        QCOMPARE(back.attachments.front().filename, f.filename);
        QCOMPARE(back.attachments.front().data, f.data);

        // Sent bytes have no Bcc: the outbox's envelope gives it back.
        d.writeBcc = false;
        const mime::Draft sent =
            smtp::draftFromBytes(mime::buildMessage(d), {QStringLiteral("bob@herald.test"),
                                                         QStringLiteral("CAROL@herald.test"),
                                                         QStringLiteral("dave@herald.test")});
        QCOMPARE(sent.bcc.size(), size_t(1));
        QCOMPARE(sent.bcc.front().email, QStringLiteral("dave@herald.test"));
    }
};

QTEST_GUILESS_MAIN(TestStartDraft)
#include "tst_start_draft.moc"
