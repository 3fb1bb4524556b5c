// Issue 14's acceptance: a change queued while the window watches reaches the server within
// 2 s. The window's watchers (ui/InboxWatchers: one sync::AccountWatch per account, IDLE on the
// real Dovecot) run; each change is queued the way the window queues it (sync::LocalActions,
// smtp::Drafts) on the window's own connection. Timed: until the replayer removed the task,
// which it does only after the server's OK; then a second IMAP connection (another device's,
// UID SEARCH) asks the server until it has it. The window's undo hold (10 s) is left out: what is
// timed is the watcher noticing a due task (every 250 ms, tasks::replayedOverImap) and sending it.
//
// And TaskReplayer with a task of a kind it does not send: it leaves the task, with words, and
// sends nothing (before, replay() ended in UID STORE \Deleted + UID EXPUNGE for such a kind).
#include "core/engine/imap/AccountSync.h"
#include "core/engine/imap/TaskReplayer.h"
#include "core/engine/smtp/Drafts.h"
#include "core/store/Store.h"
#include "core/sync/LocalActions.h"
#include "tests/support/TestSupport.h"
#include "ui/InboxWatchers.h"
#include "ui/StatusIndicator.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using herald::test::stack;
namespace store = herald::store;

namespace {
const QString kUser = QStringLiteral("grace");
const QString kFolder = QStringLiteral("Replays"); // the copies' and moves' destination
} // namespace

class TestWatchReplaysTasks : public QObject
{
    Q_OBJECT

    QTemporaryDir m_profile;
    std::unique_ptr<store::Store> m_store; // the window's connection
    store::Account m_account;
    std::unique_ptr<herald::ui::InboxWatchers> m_watchers;

    // Delivers a message to the INBOX and waits until the watcher brought it into the cache;
    // returns its row id (0 on failure).
    qint64 arrive(const QByteArray &messageId, const QString &subject)
    {
        const QByteArray eml = "From: carol@herald.test\r\nTo: " + stack().email(kUser).toUtf8() +
                               "\r\nSubject: " + subject.toUtf8() + "\r\nMessage-ID: <" +
                               messageId + ">\r\n\r\nQueued while watching.\r\n";
        if (!stack().deliver(kUser, QStringLiteral("INBOX"), eml))
            return 0;
        const auto inbox = m_store->folders().byName(m_account.id, QStringLiteral("INBOX"));
        qint64 id = 0;
        (void)QTest::qWaitFor( // (0 says it did not come)
            [&] {
                for (const auto &row : m_store->messages().list({m_account.id, inbox->id, -1}))
                    if (row.messageId == QString::fromUtf8(messageId) && row.uid)
                        id = row.id;
                return id != 0;
            },
            10000);
        return id;
    }

    // Python lines for Stack::otherDevice that fail unless `folder` holds a message whose
    // header `field` contains `mark` (and, if given, carrying `flag`, a SEARCH key).
    static QString present(const QString &folder, const QByteArray &mark,
                           const QString &flag = QStringLiteral("ALL"),
                           const char *field = "Message-ID")
    {
        return QStringLiteral("m.select('%1')\n"
                              "typ, data = m.uid('SEARCH', '%2', 'HEADER', '%3', '%4')\n"
                              "assert typ == 'OK' and data[0].split(), 'not in %1'")
            .arg(folder, flag, QLatin1String(field), QString::fromUtf8(mark));
    }
    static QString absent(const QString &folder, const QByteArray &mark)
    {
        return QStringLiteral("m.select('%1')\n"
                              "typ, data = m.uid('SEARCH', 'HEADER', 'Message-ID', '%2')\n"
                              "assert typ == 'OK' and not data[0].split(), 'still in %1'")
            .arg(folder, QString::fromUtf8(mark));
    }

private slots:
    void initTestCase()
    {
        HERALD_REQUIRE_STACK();
        const QString added = stack().addAccountWithCli(m_profile.path(), kUser);
        QVERIFY2(added.isEmpty(), qPrintable(added));
        // The destination folder exists on the server before the watcher's first pass.
        QVERIFY(stack().deliver(kUser, kFolder,
                                "Subject: destination\r\nMessage-ID: <dest-" +
                                    QUuid::createUuid().toByteArray(QUuid::WithoutBraces) +
                                    "@replays.test>\r\n\r\nx\r\n"));
        m_store = std::make_unique<store::Store>(m_profile.path());
        m_account = m_store->accounts().list().front();
        m_watchers = std::make_unique<herald::ui::InboxWatchers>(m_profile.path());
        bool upToDate = false; // (signals from the watcher's thread arrive queued)
        const auto c = connect(m_watchers.get(), &herald::ui::InboxWatchers::accountActivity, this,
                               [&](qint64, const QString &, int activity, const QString &) {
                                   upToDate |=
                                       activity == int(herald::ui::AccountActivity::UpToDate);
                               });
        m_watchers->watch(m_store->accounts().list());
        // Up to date: the first pass (every folder) is done and IDLE runs.
        const bool done = QTest::qWaitFor([&] { return upToDate; }, 60000);
        disconnect(c);
        QVERIFY2(done, "the watcher did not finish its first pass");
        QVERIFY(m_store->folders().byName(m_account.id, kFolder));
    }

    void queuedChangeReachesServerWithinTwoSeconds_data()
    {
        QTest::addColumn<QString>("change");
        QTest::newRow("copy") << "copy";
        QTest::newRow("draft") << "draft";
        QTest::newRow("move") << "move";
        QTest::newRow("flag") << "flag";
    }

    void queuedChangeReachesServerWithinTwoSeconds()
    {
        QFETCH(QString, change);
        const QByteArray mark = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        const QByteArray messageId = mark + "@replays.test";
        qint64 id = 0;
        if (change != QLatin1String("draft")) {
            id = arrive(messageId, QStringLiteral("replay %1").arg(change));
            QVERIFY2(id, "the message did not reach the cache");
        }
        // What the server must show once the change is there: UID SEARCH (cheap, however
        // full the mailbox) on a connection of another device.
        QStringList onServer;
        herald::sync::LocalActions actions(*m_store);
        QElapsedTimer timer;
        timer.start();
        if (change == QLatin1String("copy")) {
            actions.copy(id, kFolder);
            onServer << present(kFolder, mark) << present(QStringLiteral("INBOX"), mark);
        } else if (change == QLatin1String("move")) {
            actions.move(id, kFolder);
            onServer << present(kFolder, mark) << absent(QStringLiteral("INBOX"), mark);
        } else if (change == QLatin1String("flag")) {
            actions.changeFlags(id, {QStringLiteral("\\Flagged")}, {});
            onServer << present(QStringLiteral("INBOX"), mark, QStringLiteral("FLAGGED"));
        } else {
            herald::mime::Draft draft;
            draft.from.email = stack().email(kUser);
            herald::mime::Address carol;
            carol.name = QStringLiteral("Carol");
            carol.email = QStringLiteral("carol@herald.test");
            draft.to.push_back(carol);
            draft.subject = QStringLiteral("draft %1").arg(QString::fromUtf8(mark));
            draft.text = QStringLiteral("Saved while watching.");
            herald::smtp::Drafts(*m_store).save(m_account, draft);
            onServer << present(QStringLiteral("Drafts"), mark, QStringLiteral("DRAFT"), "SUBJECT");
        }
        // Timed: until the server's OK (the replayer removes a task only after it) ...
        const QString kind = change;
        const bool sent = QTest::qWaitFor(
            [&] { return m_store->tasks().list(m_account.id, kind).empty(); }, 10000);
        const qint64 ms = timer.elapsed();
        QVERIFY2(sent,
                 qPrintable(QStringLiteral("the %1 task is still queued after 10 s").arg(change)));
        // ... then asked of the server itself.
        QString wrong;
        QVERIFY2(
            QTest::qWaitFor(
                [&] { return (wrong = stack().otherDevice(kUser, onServer.join('\n'))).isEmpty(); },
                10000),
            qPrintable(QStringLiteral("the %1 is not on the server: %2").arg(change, wrong)));
        const qint64 seen = timer.elapsed();
        qInfo() << change << "sent after" << ms << "ms; seen by another device after" << seen
                << "ms";
        QVERIFY2(ms < 2000, qPrintable(QStringLiteral("the %1 took %2 ms").arg(change).arg(ms)));
    }

    // A task of a kind the IMAP replayer does not send ("send", the outbox's) for a message on
    // the server: replayOne() sends nothing — the message stays on the server, undeleted — and
    // leaves the task pending with words saying why.
    void aKindItDoesNotSendIsLeftAlone()
    {
        const QByteArray mark = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        const qint64 id = arrive(mark + "@replays.test", QStringLiteral("not mine"));
        QVERIFY(id);
        const auto row = m_store->messages().byId(id);
        QJsonObject payload{{QStringLiteral("folder"), QStringLiteral("INBOX")},
                            {QStringLiteral("uid"), double(*row->uid)},
                            {QStringLiteral("message"), double(id)}};
        const QString json =
            QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
        m_watchers.reset(); // (the watcher leaves a "send" task alone too; stop it anyway)
        const qint64 taskId = m_store->tasks().enqueue(m_account.id, QStringLiteral("send"), json);
        const store::Task task = *m_store->tasks().byId(taskId);

        herald::imap::AccountSync sync(*m_store, m_account, herald::imap::SyncPolicy());
        herald::imap::ImapSession session;
        const auto opened = sync.openSession(session);
        QVERIFY2(!opened.isError(), qPrintable(opened.message));
        herald::imap::TaskReplayer replayer(session, *m_store, m_account.id);
        herald::net::Error lost;
        QCOMPARE(replayer.replayOne(task, &lost), herald::imap::TaskReplayer::Outcome::Left);
        QVERIFY(!lost.isError());
        session.close();

        const auto left = m_store->tasks().byId(taskId);
        QVERIFY2(left, "the task was removed");
        QCOMPARE(left->state, QStringLiteral("pending"));
        QVERIFY2(left->lastError.contains(QStringLiteral("is not sent over IMAP")),
                 qPrintable(left->lastError));
        // Still in the INBOX, not even marked \\Deleted.
        const QString there = stack().otherDevice(
            kUser, present(QStringLiteral("INBOX"), mark, QStringLiteral("UNDELETED")));
        QVERIFY2(there.isEmpty(), qPrintable(there));
        m_store->tasks().remove(taskId);
    }

    void cleanupTestCase() { m_watchers.reset(); }
};

QTEST_MAIN(TestWatchReplaysTasks)
#include "tst_watch_replays_tasks.moc"
