// The window stays responsive while a big sync runs (issue 12): marking a message read during
// the window's sync of 10,000 new messages returns to the event loop within 50 ms, measured
// with a timer around the real action (Message > Mark as Read, the toolbar's button); the flag
// reaches the cache while the sync still runs, and the server after the next pass. Seeds
// erin's INBOX (this test's own mailbox) with tests/bench/seed_maildir.py.
#include "core/store/Store.h"
#include "tests/support/TestSupport.h"
#include "ui/MainWindow.h"
#include "ui/MessageActions.h"
#include "ui/MessageListModel.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUuid>

using herald::test::stack;

namespace {
constexpr int kSeeded = 10000;
// What this test tells apart: a UI thread that waits on the sync's write lock (seconds, up to
// the 10 s busy timeout) from one that does not. Under a loaded CI machine an event-loop turn
// alone can take tens of ms, so the bound is loose; the 50 ms goal is the benchmarks' business.
constexpr qint64 kBudgetMs = 250;

bool syncIdle(herald::ui::MainWindow &w)
{
    const QString msg = w.statusBar()->currentMessage();
    return msg.startsWith(QStringLiteral("Up to date")) ||
           msg.startsWith(QStringLiteral("Sync problem"));
}

qint64 cachedMessages(herald::store::Store &store)
{
    herald::store::Statement st(store.db(), "SELECT count(*) FROM messages");
    st.step();
    const qint64 n = st.int64(0);
    st.reset();
    return n;
}
} // namespace

class TestGuiResponsive : public QObject
{
    Q_OBJECT

    QTemporaryDir m_profile;
    QString m_messageId;

private slots:
    void initTestCase()
    {
        HERALD_REQUIRE_STACK();
        const auto &s = stack();
        const QString added = s.addAccountWithCli(m_profile.path(), QStringLiteral("erin"));
        QVERIFY2(added.isEmpty(), qPrintable(added));
        m_messageId =
            QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral("@gui.test");
        QVERIFY(s.deliver(QStringLiteral("erin"), QStringLiteral("INBOX"),
                          "From: Dave <dave@herald.test>\r\nSubject: Read me during the sync\r\n"
                          "Message-ID: <" +
                              m_messageId.toUtf8() + ">\r\n\r\nHello Erin.\r\n"));
    }

    void markReadDuringABigSyncIsInstant()
    {
        const auto &s = stack();
        herald::store::Store store(m_profile.path());
        herald::ui::MainWindow window(store);
        window.setMarkReadOnOpen(false); // the action below is what marks it
        window.show();
        // First pass: the one message, which the window then shows.
        window.syncNow();
        QVERIFY(QTest::qWaitFor([&] { return syncIdle(window); }, 30000));
        QCOMPARE(window.messageModel()->rowCount(), 1);
        QCOMPARE(window.messageModel()->message(0)->messageId, m_messageId);
        const qint64 id = window.messageModel()->message(0)->id;
        QVERIFY(!(window.messageModel()->message(0)->flags & herald::store::FlagSeen));
        window.messageListView()->selectionModel()->select(window.messageModel()->index(0, 0),
                                                           QItemSelectionModel::ClearAndSelect |
                                                               QItemSelectionModel::Rows);

        // 10,000 new messages on the server, written straight into the maildir.
        const QString seeded = s.seedInbox(QStringLiteral("erin"), kSeeded);
        QVERIFY2(seeded.isEmpty(), qPrintable(seeded));

        auto *toggle = window.findChild<QAction *>(QStringLiteral("toggleRead"));
        QVERIFY(toggle);
        window.syncNow();
        // Wait until the sync is writing: its first batch of headers is in the cache.
        QVERIFY(QTest::qWaitFor([&] { return cachedMessages(store) > 600; }, 60000));

        // Toggle read/unread an odd number of times while the pass runs (headers, then
        // bodies); each time, how long until the event loop runs again.
        qint64 worst = 0;
        int during = 0;
        QList<qint64> all;
        for (int i = 0; i < 15; ++i) {
            if (syncIdle(window))
                break;
            ++during;
            QElapsedTimer timer;
            qint64 back = -1;
            QTimer::singleShot(0, this, [&] { back = timer.elapsed(); });
            timer.start();
            toggle->trigger();
            QTRY_VERIFY_WITH_TIMEOUT(back >= 0, 20000);
            worst = std::max(worst, back);
            all << back;
            QTest::qWait(200); // (spacing between the user's clicks, not an assertion)
        }
        qInfo() << "mark read/unread during the sync, ms:" << all << "worst" << worst << "cached"
                << cachedMessages(store);
        QVERIFY2(during >= 5, "the sync ended before the window could be measured during it");
        if (during % 2 == 0)
            toggle->trigger(); // end on "read"
        QVERIFY2(worst < kBudgetMs,
                 qPrintable(QStringLiteral("a mark-read took %1 ms during the sync").arg(worst)));
        // The window shows it read at once; the cache has it while the sync still runs.
        QVERIFY(window.messageModel()->message(0)->flags & herald::store::FlagSeen);
        QTRY_VERIFY_WITH_TIMEOUT(store.messages().byId(id)->flags & herald::store::FlagSeen, 20000);

        QVERIFY(QTest::qWaitFor([&] { return syncIdle(window); }, 300000));
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Up to date"));
        QCOMPARE(cachedMessages(store), qint64(kSeeded + 1));
        QVERIFY(store.messages().byId(id)->flags & herald::store::FlagSeen);
        // The next pass after the undo window sends it to the server.
        const qint64 heldUntil =
            QDateTime::currentSecsSinceEpoch() + window.messageActions()->undoWindow();
        QVERIFY(
            QTest::qWaitFor([&] { return QDateTime::currentSecsSinceEpoch() > heldUntil; }, 30000));
        window.syncNow();
        QVERIFY(QTest::qWaitFor([&] { return syncIdle(window); }, 60000));
        bool seenOnServer = false;
        for (const QString &file : s.messageFiles(QStringLiteral("erin"))) {
            QFile f(file);
            if (f.open(QIODevice::ReadOnly) && f.read(4096).contains(m_messageId.toUtf8()))
                seenOnServer = file.section(QLatin1Char(','), -1).contains(QLatin1Char('S'));
        }
        QVERIFY2(seenOnServer, "the mark-read did not reach the server");
        QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));
    }
};

QTEST_MAIN(TestGuiResponsive)
#include "tst_gui_responsive.moc"
