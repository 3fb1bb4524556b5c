// A draft the server refuses (APPEND answered NO, e.g. over quota) against a scripted server:
// the draft stays in the cache as it was, its task stays with the server's words and a time to
// try again (not dropped, as it was before), imap::refusedDrafts() tells the window, and the
// next replay after that time uploads it.
#include "core/engine/imap/DraftUploader.h"
#include "core/engine/imap/TaskReplayer.h"
#include "core/engine/smtp/Drafts.h"
#include "core/imap/ImapSession.h"
#include "core/store/Store.h"
#include "tests/wire/FakeServer.h"
#include "tests/wire/WireHelpers.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace herald;
using herald::test::FakeServer;

class TestDraftRefused : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    test::TestCertificate m_cert;

    // The dialogue up to the APPEND of `bytes` into Drafts; the caller scripts the answer.
    test::FakeScript &scriptUntilAppend(FakeServer &server, const QByteArray &messageId,
                                        const QByteArray &bytes)
    {
        test::FakeScript &script =
            test::loggedInScript(server, m_cert, "IMAP4rev1 LITERAL+ UIDPLUS");
        script.expect("* LIST \"\" *")
            .send("* LIST (\\HasNoChildren \\Drafts) \"/\" Drafts\r\n$tag OK listed\r\n")
            .expect("* SELECT Drafts")
            .send("* 0 EXISTS\r\n* OK [UIDVALIDITY 5] v\r\n* OK [UIDNEXT 1] n\r\n"
                  "$tag OK [READ-WRITE] selected\r\n")
            .expect("* UID SEARCH HEADER Message-ID \"<" + messageId + ">\"")
            .send("* SEARCH\r\n$tag OK searched\r\n")
            .expect("* APPEND Drafts (\\Draft \\Seen) {" + QByteArray::number(bytes.size()) + "+}");
        // The literal (LITERAL+: no wait for "+"), line by line, then the command's CRLF.
        QList<QByteArray> lines = bytes.split('\n');
        if (lines.last().isEmpty())
            lines.removeLast();
        for (QByteArray line : lines)
            script.expect(line.endsWith('\r') ? line.chopped(1) : line);
        if (bytes.endsWith('\n'))
            script.expect("");
        return script;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cert = test::makeTestCertificate(m_dir.path());
        QVERIFY(m_cert.isValid());
    }

    void refusedDraftStaysWithTheServersWords()
    {
        store::Store store(m_dir.filePath(QStringLiteral("profile")));
        store::Account account;
        account.name = QStringLiteral("alice");
        account.email = QStringLiteral("alice@example.org");
        account.incomingUrl = QStringLiteral("imaps://alice@localhost:1");
        account.outgoingUrl = QStringLiteral("smtps://alice@localhost:465");
        account.id = store.accounts().add(account);
        mime::Draft draft;
        draft.subject = QStringLiteral("Plans for the weekend");
        draft.text = QStringLiteral("A single line.");
        const qint64 id = smtp::Drafts(store).save(account, draft);
        const auto saved = store.messages().byId(id);
        QVERIFY(saved);
        const QByteArray bytes = *store.bodies().get(id);
        QCOMPARE(imap::refusedDrafts(store).count, 0);

        FakeServer server;
        scriptUntilAppend(server, saved->messageId.toUtf8(), bytes)
            .send("$tag NO [OVERQUOTA] Quota exceeded (mailbox for user is full)\r\n");
        const quint16 port = server.start();
        {
            imap::ImapSession session;
            const net::Error opened = test::openTlsSession(session, port, m_cert);
            QVERIFY2(!opened, qPrintable(opened.message));
            const net::Error e = imap::TaskReplayer(session, store, account.id).replayAll();
            QVERIFY2(!e, qPrintable(e.message)); // a refusal is not the pass's failure
        }
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join('\n')));
        QVERIFY(server.scriptDone());

        // The draft is as it was; the task stays, with the server's words and a later try.
        const auto row = store.messages().byId(id);
        QVERIFY(row);
        QVERIFY(row->flags & store::FlagDraft);
        QVERIFY(!row->uid);
        QCOMPARE(*store.bodies().get(id), bytes);
        const auto tasks = store.tasks().list(account.id, imap::kDraftTaskKind);
        QCOMPARE(tasks.size(), size_t(1));
        QCOMPARE(tasks.front().state, QStringLiteral("pending"));
        QVERIFY2(tasks.front().lastError.contains(QStringLiteral("Quota exceeded")),
                 qPrintable(tasks.front().lastError));
        QVERIFY(tasks.front().nextAttemptAt > QDateTime::currentSecsSinceEpoch());
        const imap::DraftRefusals refused = imap::refusedDrafts(store);
        QCOMPARE(refused.count, 1);
        QCOMPARE(refused.words, tasks.front().lastError);
        // Not due before its time: a replay now does not try again.
        QVERIFY(store.tasks().due(account.id, QDateTime::currentSecsSinceEpoch()).empty());

        // Its time comes (the test moves it), and the server has room again: uploaded once.
        store.tasks().setState(tasks.front().id, QStringLiteral("pending"), tasks.front().lastError,
                               QDateTime::currentSecsSinceEpoch() - 1);
        FakeServer again;
        scriptUntilAppend(again, saved->messageId.toUtf8(), bytes)
            .send("$tag OK [APPENDUID 5 1] appended\r\n");
        const quint16 port2 = again.start();
        {
            imap::ImapSession session;
            QVERIFY(!test::openTlsSession(session, port2, m_cert));
            const net::Error e = imap::TaskReplayer(session, store, account.id).replayAll();
            QVERIFY2(!e, qPrintable(e.message));
        }
        QVERIFY2(again.failures().isEmpty(), qPrintable(again.failures().join('\n')));
        QCOMPARE(store.messages().byId(id)->uid, std::optional<qint64>(1));
        QVERIFY(store.tasks().list(account.id, imap::kDraftTaskKind).empty());
        QCOMPARE(imap::refusedDrafts(store).count, 0);
    }
};

QTEST_GUILESS_MAIN(TestDraftRefused)
#include "tst_draft_refused.moc"
