// The status bar says Online, Offline or Syncing… (issue 13), against the real Dovecot: a pass
// says Syncing… then Online and the time of the last sync; with the line cut (TcpProxy) the
// pass fails and it says Offline; a watcher that loses the server says Offline and Online again
// once it is back; a long initial sync (a few thousand messages, seeded straight into the
// maildir) shows a progress bar with done / total. grace is this test's own mailbox.
#include "core/store/Store.h"
#include "tests/support/SyncHarness.h"
#include "tests/support/TcpProxy.h"
#include "tests/support/TestSupport.h"
#include "ui/MainWindow.h"
#include "ui/StatusIndicator.h"

#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using herald::test::stack;
using namespace herald;

namespace {
const QString kUser = QStringLiteral("grace");
constexpr int kSeeded = 3000;

QStringList texts(const QSignalSpy &spy)
{
    QStringList out;
    for (const auto &args : spy)
        out << args.first().toString();
    return out;
}
} // namespace

class TestGuiStatus : public QObject
{
    Q_OBJECT

    test::TcpProxy m_proxy{stack().host, stack().imapsPort};
    test::HeraldProfile m_profile;

    bool passEnds(ui::MainWindow &w)
    {
        QSignalSpy done(&w, &ui::MainWindow::syncFinished);
        w.syncNow();
        return done.wait(120000);
    }

private slots:
    void initTestCase()
    {
        HERALD_REQUIRE_STACK();
        QVERIFY2(m_proxy.start(), qPrintable(m_proxy.errorString()));
        QString error;
        QVERIFY2(m_profile.addAccount(kUser, m_proxy.port(), &error), qPrintable(error));
        qputenv("HERALD_TEST_PASSWORD", stack().password(kUser).toUtf8());
    }

    void passSaysSyncingThenOnlineAndOfflineWhenCut()
    {
        store::Store store(m_profile.path());
        ui::MainWindow window(store);
        window.show();
        ui::StatusIndicator *status = window.statusIndicator();
        QVERIFY(status);
        QCOMPARE(status->stateText(), QStringLiteral("Offline")); // nothing reached yet
        QVERIFY(status->lastSyncLabel()->text().contains(QStringLiteral("not yet")));
        QVERIFY(!status->progressBar()->isVisible());
        QSignalSpy states(status, &ui::StatusIndicator::stateChanged);

        QVERIFY(passEnds(window));
        QCOMPARE(texts(states),
                 (QStringList{QStringLiteral("Syncing…"), QStringLiteral("Online")}));
        QCOMPARE(status->stateLabel()->text(), QStringLiteral("Online"));
        QCOMPARE(status->stateLabel()->accessibleName(), QStringLiteral("Connection: Online"));
        QVERIFY(status->lastSuccessfulSync().isValid());
        QVERIFY2(!status->lastSyncLabel()->text().contains(QStringLiteral("not yet")),
                 qPrintable(status->lastSyncLabel()->text()));
        const QDateTime lastGood = status->lastSuccessfulSync();

        // The line is cut: the pass fails for network reasons.
        m_proxy.stop();
        states.clear();
        QVERIFY(passEnds(window));
        QCOMPARE(texts(states),
                 (QStringList{QStringLiteral("Syncing…"), QStringLiteral("Offline")}));
        QVERIFY2(status->stateLabel()->toolTip().contains(kUser + QStringLiteral(": offline")),
                 qPrintable(status->stateLabel()->toolTip()));
        QCOMPARE(status->lastSuccessfulSync(), lastGood); // the last *successful* one

        QVERIFY2(m_proxy.start(), qPrintable(m_proxy.errorString()));
        QVERIFY(passEnds(window));
        QCOMPARE(status->stateText(), QStringLiteral("Online"));
        QVERIFY(status->lastSuccessfulSync() >= lastGood);
    }

    // Push: the watcher's first pass says Syncing…, then Online while it watches; when the
    // server goes away the watcher is not connected: Offline; back: Online again.
    void watcherOfflineWhenTheLineIsCut()
    {
        store::Store store(m_profile.path());
        ui::MainWindow window(store);
        window.show();
        ui::StatusIndicator *status = window.statusIndicator();
        QSignalSpy states(status, &ui::StatusIndicator::stateChanged);
        window.startWatching();
        QTRY_COMPARE_WITH_TIMEOUT(status->stateText(), QStringLiteral("Online"), 30000);
        QCOMPARE(texts(states).value(0), QStringLiteral("Syncing…"));

        m_proxy.stop(); // the open IDLE connection is reset, and reconnecting is refused
        QTRY_COMPARE_WITH_TIMEOUT(status->stateText(), QStringLiteral("Offline"), 15000);
        QVERIFY2(m_proxy.start(), qPrintable(m_proxy.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(status->stateText(), QStringLiteral("Online"), 30000);
    }

    // A first sync of a few thousand messages: a progress bar with done / total appears, moves,
    // and goes when the sync is over.
    void progressBarOnALongInitialSync()
    {
        const auto &s = stack();
        const QString seeded = s.seedInbox(kUser, kSeeded);
        QVERIFY2(seeded.isEmpty(), qPrintable(seeded));

        QTemporaryDir fresh; // a new profile: the initial sync of them all
        const QString added = s.addAccountWithCli(fresh.path(), kUser);
        QVERIFY2(added.isEmpty(), qPrintable(added));
        store::Store store(fresh.path());
        ui::MainWindow window(store);
        window.show();
        ui::StatusIndicator *status = window.statusIndicator();
        QProgressBar *bar = status->progressBar();
        QCOMPARE(bar->accessibleName(), QStringLiteral("Sync progress"));
        QSignalSpy values(bar, &QProgressBar::valueChanged);
        QSignalSpy done(&window, &ui::MainWindow::syncFinished);
        window.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 60000);
        QVERIFY2(bar->maximum() >= kSeeded, qPrintable(QString::number(bar->maximum())));
        QCOMPARE(status->stateText(), QStringLiteral("Syncing…"));
        QVERIFY2(bar->toolTip().contains(QStringLiteral("INBOX")), qPrintable(bar->toolTip()));
        QVERIFY(done.wait(300000));
        QVERIFY(!bar->isVisible());
        QCOMPARE(status->stateText(), QStringLiteral("Online"));
        // It moved: values strictly between the start and the end were shown.
        int between = 0;
        for (const auto &args : values)
            between += args.first().toInt() > 0 && args.first().toInt() < kSeeded;
        QVERIFY2(between >= 2, qPrintable(QStringLiteral("%1 intermediate values").arg(between)));
    }
};

QTEST_MAIN(TestGuiStatus)
#include "tst_gui_status.moc"
