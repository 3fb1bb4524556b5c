// The window syncs with the same engine as herald-cli, on a worker thread:
// after "Sync Now" the folder tree and list show the server's mail, and a
// message opened (marked read) in the window is read on the server after the
// next pass. Against Dovecot and, as gui_sync_cyrus, Cyrus IMAP (what other devices do
// there reaches the window too).
#include "core/store/Store.h"
#include "tests/support/SyncHarness.h"
#include "tests/support/TestSupport.h"
#include "ui/AccountEditDialog.h"
#include "ui/AccountSettingsPage.h"
#include "ui/FolderTreeModel.h"
#include "ui/MainWindow.h"
#include "ui/MessageListModel.h"
#include "ui/MessageView.h"
#include "ui/SettingsDialog.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUuid>

using herald::test::stack;

class TestGuiSync : public QObject
{
    Q_OBJECT

    QTemporaryDir m_profile;
    QString m_messageId;

    bool waitForIdleSync(herald::ui::MainWindow &w, int timeoutMs = 30000)
    {
        return QTest::qWaitFor(
            [&] {
                const QString msg = w.statusBar()->currentMessage();
                return msg.startsWith(QStringLiteral("Up to date")) ||
                       msg.startsWith(QStringLiteral("Sync problem"));
            },
            timeoutMs);
    }

private slots:
    void initTestCase()
    {
        HERALD_REQUIRE_STACK();
        const QString wrongServer = herald::test::checkImapServerIdentity(QStringLiteral("carol"));
        QVERIFY2(wrongServer.isEmpty(), qPrintable(wrongServer));
        const auto &s = stack();
        const QString added = s.addAccountWithCli(m_profile.path(), QStringLiteral("carol"));
        QVERIFY2(added.isEmpty(), qPrintable(added));
        m_messageId =
            QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral("@gui.test");
        QVERIFY(s.deliver(QStringLiteral("carol"), QStringLiteral("INBOX"),
                          "From: Dave <dave@herald.test>\r\nSubject: Seen in the window\r\n"
                          "Message-ID: <" +
                              m_messageId.toUtf8() + ">\r\n\r\nHello Carol.\r\n"));
    }

    void syncShowsServerMailAndSendsReadState()
    {
        herald::store::Store store(m_profile.path());
        herald::ui::MainWindow window(store);
        window.show();
        window.syncNow();
        QVERIFY(waitForIdleSync(window));
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Up to date"));

        auto *folders = window.folderModel();
        const auto inbox =
            store.folders().byName(store.accounts().list().front().id, QStringLiteral("INBOX"));
        QVERIFY(inbox);
        QVERIFY(folders->indexOfFolder(inbox->id).isValid());
        // The first sync into an empty cache opens the Inbox by itself ...
        QCOMPARE(window.messageModel()->folderId(), inbox->id);
        QVERIFY(window.messageModel()->rowCount() > 0);
        // ... and the window builds the search index after the pass.
        QVERIFY(QTest::qWaitFor([&] { return store.search().pendingCount() == 0; }, 20000));
        QVERIFY(!store.search().search(QStringLiteral("Carol")).empty());
        window.openFolder(inbox->id);
        auto *list = window.messageModel();
        int row = -1;
        for (int r = 0; r < list->rowCount(); ++r)
            if (list->message(r) && list->message(r)->messageId == m_messageId)
                row = r;
        QVERIFY2(row >= 0, "the delivered message is not in the window's list after sync");

        // Open it: marked read in the cache and queued for the server.
        QTreeView *view = window.messageListView();
        view->setCurrentIndex(list->index(row, 0));
        view->selectionModel()->select(list->index(row, 0), QItemSelectionModel::ClearAndSelect |
                                                                QItemSelectionModel::Rows);
        QVERIFY(QTest::qWaitFor([&] {
            const auto m = store.messages().byUid(inbox->id, *list->message(row)->uid);
            return m && (m->flags & herald::store::FlagSeen);
        }));
        window.syncNow();
        QVERIFY(waitForIdleSync(window));
        QVERIFY2(stack().isSeenOnServer(QStringLiteral("carol"), m_messageId),
                 "reading in the window did not set \\Seen on the server");
    }

    // Mail queued while offline (herald-cli send --queue-only) goes out with the window's sync.
    void windowSyncSendsTheOutbox()
    {
        const auto &s = stack();
        const QString marker = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QProcess send;
        send.start(qEnvironmentVariable("HERALD_CLI"),
                   {"--profile", m_profile.path(), "send", "--account", "carol", "--to",
                    s.email(QStringLiteral("bob")), "--subject", "Queued " + marker,
                    "--queue-only"});
        QVERIFY(send.waitForFinished(20000));
        QVERIFY2(send.exitCode() == 0, send.readAllStandardError().constData());

        herald::store::Store store(m_profile.path());
        herald::ui::MainWindow window(store);
        window.show();
        window.syncNow();
        QVERIFY(waitForIdleSync(window));
        QVERIFY2(!s.waitForMessage(QStringLiteral("bob"), QStringLiteral("INBOX"), marker.toUtf8(),
                                   20000)
                      .isEmpty(),
                 "the queued message never reached bob");
    }

    // With bodies left on the server (account set --bodies none), opening a message in the
    // window downloads its body and shows it.
    void openingAMessageFetchesItsBody()
    {
        const auto &s = stack();
        QProcess set;
        set.start(qEnvironmentVariable("HERALD_CLI"),
                  {"--profile", m_profile.path(), "account", "set", "carol", "--bodies", "none"});
        QVERIFY(set.waitForFinished(20000));
        QCOMPARE(set.exitCode(), 0);
        const QString messageId =
            QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral("@gui.test");
        QVERIFY(s.deliver(QStringLiteral("carol"), QStringLiteral("INBOX"),
                          "From: Dave <dave@herald.test>\r\nSubject: Fetched when opened\r\n"
                          "Message-ID: <" +
                              messageId.toUtf8() + ">\r\n\r\nThe body came later.\r\n"));

        herald::store::Store store(m_profile.path());
        herald::ui::MainWindow window(store);
        window.show();
        window.syncNow();
        QVERIFY(waitForIdleSync(window));
        const auto inbox =
            store.folders().byName(store.accounts().list().front().id, QStringLiteral("INBOX"));
        QVERIFY(inbox);
        window.openFolder(inbox->id);
        auto *list = window.messageModel();
        int row = -1;
        for (int r = 0; r < list->rowCount(); ++r)
            if (list->message(r) && list->message(r)->messageId == messageId)
                row = r;
        QVERIFY(row >= 0);
        QVERIFY(!store.bodies().has(list->message(row)->id));
        window.messageListView()->setCurrentIndex(list->index(row, 0));
        auto *view = window.messageView();
        QVERIFY(QTest::qWaitFor([&] { return view->bodyShown(); }, 30000));
        QVERIFY2(view->bodyText().contains(QStringLiteral("The body came later.")),
                 qPrintable(view->bodyText() + view->missingBodyNotice()));
    }

    // Push in the window: with the INBOX watched (IDLE), what another device does shows within
    // 2 s (new mail, a flag, an expunge), and a message read in the window is read on the
    // server soon after, without "Sync Now".
    void windowSeesOtherDevicesWithinTwoSeconds()
    {
        const auto &s = stack();
        const QString carol = QStringLiteral("carol");
        herald::store::Store store(m_profile.path());
        herald::ui::MainWindow window(store);
        window.show();
        window.startWatching();
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return window.statusBar()->currentMessage().contains(
                             QStringLiteral("watching INBOX"));
                     },
                     30000),
                 qPrintable(window.statusBar()->currentMessage()));
        const auto inbox =
            store.folders().byName(store.accounts().list().front().id, QStringLiteral("INBOX"));
        QVERIFY(inbox);
        window.openFolder(inbox->id);
        auto *list = window.messageModel();
        const auto rowOf = [&](const QString &messageId) {
            for (int r = 0; r < list->rowCount(); ++r)
                if (list->message(r) && list->message(r)->messageId == messageId)
                    return r;
            return -1;
        };
        QElapsedTimer clock;

        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces) + "@push.test";
        QVERIFY(s.deliver(carol, QStringLiteral("INBOX"),
                          "From: Erin <erin@herald.test>\r\nSubject: Pushed\r\nMessage-ID: <" +
                              id.toUtf8() + ">\r\n\r\nArrived while watching.\r\n"));
        clock.start();
        QVERIFY2(QTest::qWaitFor([&] { return rowOf(id) >= 0; }, 2000),
                 "new mail not in the window's list within 2 s");
        const qint64 newMs = clock.elapsed();
        const qint64 uid = *list->message(rowOf(id))->uid;

        QString error = s.otherDevice(
            carol, QStringLiteral("m.uid('STORE', '%1', '+FLAGS', '(\\\\Flagged)')").arg(uid));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        clock.restart();
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         const int r = rowOf(id);
                         return r >= 0 && (list->message(r)->flags & herald::store::FlagFlagged);
                     },
                     2000),
                 "another device's flag not in the window within 2 s");
        const qint64 flagMs = clock.elapsed();

        // Read here: marked in the cache at once, on the server without a sync pass.
        const int row = rowOf(id);
        window.messageListView()->selectionModel()->setCurrentIndex(
            list->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(window.messageView()->messageId(), list->message(row)->id);
        QVERIFY2(QTest::qWaitFor([&] { return s.isSeenOnServer(carol, id); }, 6000),
                 "read in the window, not on the server");
        // The watcher's reloads keep the open message selected and shown.
        QCOMPARE(window.messageView()->messageId(), list->message(rowOf(id))->id);

        error =
            s.otherDevice(carol, QStringLiteral("m.uid('STORE', '%1', '+FLAGS', '(\\\\Deleted)')\n"
                                                "m.uid('EXPUNGE', '%1')")
                                     .arg(uid));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        clock.restart();
        QVERIFY2(QTest::qWaitFor([&] { return rowOf(id) < 0; }, 2000),
                 "another device's expunge not in the window within 2 s");
        QCOMPARE(window.messageView()->messageId(), 0); // no longer shown
        qInfo() << "window: new mail after" << newMs << "ms, flag after" << flagMs
                << "ms, expunge after" << clock.elapsed() << "ms";

        // Settings saved: the watcher restarts with them and keeps bringing new mail.
        auto *page = window.openSettings()->accountsPage();
        auto *edit = page->editAccount(0);
        edit->findChild<QLineEdit *>(QStringLiteral("displayName"))
            ->setText(QStringLiteral("Carol C."));
        edit->accept();
        QTRY_COMPARE_WITH_TIMEOUT(store.accounts().list().front().displayName,
                                  QStringLiteral("Carol C."), 10000);
        const QString after = QUuid::createUuid().toString(QUuid::WithoutBraces) + "@push.test";
        QVERIFY(s.deliver(carol, QStringLiteral("INBOX"),
                          "From: Erin <erin@herald.test>\r\nSubject: After the settings\r\n"
                          "Message-ID: <" +
                              after.toUtf8() + ">\r\n\r\nStill watching.\r\n"));
        QVERIFY2(QTest::qWaitFor([&] { return rowOf(after) >= 0; }, 30000),
                 "no new mail after the watcher restarted with the saved settings");

        // Removed: its watcher stops, the window shows no account, the cache has nothing left.
        auto *ask = page->removeAccount(0);
        ask->findChild<QPushButton *>(QStringLiteral("confirmRemove"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(store.accounts().list().empty(), 10000);
        QTRY_COMPARE(window.folderModel()->rowCount(), 0);
        QCOMPARE(window.messageModel()->rowCount(), 0);
    }
};

QTEST_MAIN(TestGuiSync)
#include "tst_gui_sync.moc"
