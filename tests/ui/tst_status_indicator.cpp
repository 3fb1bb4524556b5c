// The status bar's indicator on its own (no server): how the accounts' activities add up to
// "Syncing…", "Online" or "Offline", when the progress bar shows and what it counts, the last
// successful sync, and the accessible names. The real engines feeding it are tested in
// tests/integration/tst_gui_status.
#include "ui/StatusIndicator.h"

#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTest>

using namespace herald::ui;

namespace {
constexpr int kSyncing = int(AccountActivity::Syncing);
constexpr int kUpToDate = int(AccountActivity::UpToDate);
constexpr int kFailed = int(AccountActivity::Failed);
constexpr int kUnreachable = int(AccountActivity::Unreachable);
} // namespace

class TestStatusIndicator : public QObject
{
    Q_OBJECT
private slots:
    // Each row: the activities of accounts 1 and 2 (-1: not heard of), and the words.
    void accountsAddUp_data()
    {
        QTest::addColumn<int>("first");
        QTest::addColumn<int>("second");
        QTest::addColumn<QString>("text");
        QTest::newRow("nothing yet") << -1 << -1 << "Offline";
        QTest::newRow("syncing") << kSyncing << -1 << "Syncing…";
        QTest::newRow("one syncing") << kUpToDate << kSyncing << "Syncing…";
        QTest::newRow("up to date") << kUpToDate << kUpToDate << "Online";
        QTest::newRow("refused login is reached") << kFailed << -1 << "Online";
        QTest::newRow("unreachable") << kUnreachable << -1 << "Offline";
        QTest::newRow("all unreachable") << kUnreachable << kUnreachable << "Offline";
        QTest::newRow("one unreachable")
            << kUpToDate << kUnreachable << "Online — 1 account offline";
    }
    void accountsAddUp()
    {
        QFETCH(int, first);
        QFETCH(int, second);
        QFETCH(QString, text);
        StatusIndicator status;
        if (first >= 0)
            status.setActivity(1, QStringLiteral("work"), first, QStringLiteral("why 1"));
        if (second >= 0)
            status.setActivity(2, QStringLiteral("home"), second, QStringLiteral("why 2"));
        QCOMPARE(status.stateText(), text);
        QCOMPARE(status.stateLabel()->text(), text);
        QCOMPARE(status.stateLabel()->accessibleName(), QStringLiteral("Connection: ") + text);
        if (first == kUnreachable)
            QVERIFY2(
                status.stateLabel()->toolTip().contains(QStringLiteral("work: offline (why 1)")),
                qPrintable(status.stateLabel()->toolTip()));
    }

    void lastSuccessfulSync()
    {
        StatusIndicator status;
        QVERIFY(status.lastSyncLabel()->text().contains(QStringLiteral("not yet")));
        status.setActivity(1, QStringLiteral("work"), kSyncing, QString());
        status.setActivity(1, QStringLiteral("work"), kUnreachable, QStringLiteral("refused"));
        QVERIFY(!status.lastSuccessfulSync().isValid()); // a failure is no sync
        const QDateTime before = QDateTime::currentDateTime();
        status.setActivity(1, QStringLiteral("work"), kUpToDate, QString());
        QVERIFY(status.lastSuccessfulSync() >= before.addSecs(-1));
        QVERIFY(status.lastSyncLabel()->text().startsWith(QStringLiteral("Last sync: ")));
        QVERIFY(!status.lastSyncLabel()->text().contains(QStringLiteral("not yet")));
        QCOMPARE(status.lastSyncLabel()->accessibleName(), status.lastSyncLabel()->text());
    }

    void progressBarOnLongWork()
    {
        StatusIndicator status;
        status.show();
        QProgressBar *bar = status.progressBar();
        QCOMPARE(bar->accessibleName(), QStringLiteral("Sync progress"));
        status.setActivity(1, QStringLiteral("work"), kSyncing, QString());
        status.setCount(1, QStringLiteral("INBOX"), false, 0, StatusIndicator::kLongWork - 1);
        QVERIFY(!bar->isVisible()); // short work: over before it could be read
        status.setCount(1, QStringLiteral("INBOX"), false, 500, 3000);
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->maximum(), 3000);
        QCOMPARE(bar->value(), 500);
        QVERIFY2(bar->toolTip().contains(QStringLiteral("INBOX")), qPrintable(bar->toolTip()));
        // A second account's long step adds up.
        status.setActivity(2, QStringLiteral("home"), kSyncing, QString());
        status.setCount(2, QStringLiteral("Archive"), true, 1000, 1000 + 1000);
        QCOMPARE(bar->maximum(), 5000);
        QCOMPARE(bar->value(), 1500);
        // Done or over: gone.
        status.setCount(2, QStringLiteral("Archive"), true, 2000, 2000);
        QCOMPARE(bar->maximum(), 3000);
        status.setActivity(1, QStringLiteral("work"), kUnreachable, QStringLiteral("lost"));
        QVERIFY(!bar->isVisible());
    }

    void stateChangedOnlyWhenTheWordsChange()
    {
        StatusIndicator status;
        QSignalSpy spy(&status, &StatusIndicator::stateChanged);
        status.setActivity(1, QStringLiteral("work"), kSyncing, QString());
        status.setCount(1, QStringLiteral("INBOX"), false, 10, 3000);
        status.setActivity(1, QStringLiteral("work"), kUpToDate, QString());
        status.setActivity(1, QStringLiteral("work"), kUpToDate, QString());
        QCOMPARE(spy.size(), 2);
        QCOMPARE(spy.at(0).first().toString(), QStringLiteral("Syncing…"));
        QCOMPARE(spy.at(1).first().toString(), QStringLiteral("Online"));
    }
};

QTEST_MAIN(TestStatusIndicator)
#include "tst_status_indicator.moc"
