// New-mail notifications against the real servers and a real D-Bus: a private session bus
// (dbus-daemon) with a recording notification service (tests/support/notification_recorder)
// that owns org.freedesktop.Notifications. The window watches alice's INBOX (IDLE); mail
// another device delivers is announced within 2 s with its sender and subject; a forged sender
// (DMARC fails) says so; several at once are one notification; a click opens the message;
// with notifications off nothing is sent. The bus and the recorder are stopped by PID.
#include "core/store/Store.h"
#include "tests/support/NotificationBus.h"
#include "tests/support/TestSupport.h"
#include "ui/DesktopNotifications.h"
#include "ui/MailNotifier.h"
#include "ui/MainWindow.h"
#include "ui/MessageListModel.h"
#include "ui/MessageView.h"
#include "ui/NotificationSettingsPage.h"
#include "ui/SettingsDialog.h"

#include <QCheckBox>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using herald::test::stack;
using namespace herald;

class TestNotifications : public QObject
{
    Q_OBJECT

    test::NotificationBus m_bus;
    QTemporaryDir m_profile;
    qint64 m_alice = 0;

    static QString unique(const char *what)
    {
        return QStringLiteral("%1 %2").arg(
            QLatin1String(what), QUuid::createUuid().toString(QUuid::WithoutBraces).left(8));
    }
    static QByteArray mail(const QString &from, const QString &subject)
    {
        return ("From: " + from + "\r\nTo: alice@herald.test\r\nSubject: " + subject +
                "\r\nMessage-ID: <" + QUuid::createUuid().toString(QUuid::WithoutBraces) +
                "@notify.test>\r\nDate: " +
                QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date) + "\r\n\r\nHi.\r\n")
            .toUtf8();
    }
    // Through Postfix as another domain's server would hand it over. Honest: from 127.0.0.1
    // (allowed by herald.test's SPF), DKIM-signed. Forged: from 127.0.0.2 without a signature,
    // so DMARC (p=reject) fails.
    static QString inject(const QByteArray &eml, bool forged)
    {
        const auto &s = stack();
        QStringList args{QFileInfo(s.script).dir().filePath(QStringLiteral("inject_mail.py")),
                         "--port",
                         QString::number(s.smtpPort),
                         "--from-ip",
                         forged ? "127.0.0.2" : "127.0.0.1",
                         "--mail-from",
                         forged ? "ceo@herald.test" : "erin@herald.test",
                         "--rcpt",
                         s.email(QStringLiteral("alice"))};
        if (!forged)
            args << "--sign" << s.dkimKey << "--domain" << s.domain << "--selector"
                 << s.dkimSelector;
        QProcess p;
        p.start(QStringLiteral("/usr/bin/python3"), args);
        if (!p.waitForStarted())
            return QStringLiteral("inject_mail.py did not start");
        p.write(eml);
        p.closeWriteChannel();
        p.waitForFinished(30000);
        return p.exitCode() == 0 ? QString() : QString::fromLocal8Bit(p.readAllStandardError());
    }
    // Waits until Postfix handed the message to Dovecot: the clock starts there.
    static bool inAliceInbox(const QString &subject)
    {
        return QTest::qWaitFor(
            [&] {
                return !stack()
                            .waitForMessage(QStringLiteral("alice"), QStringLiteral("INBOX"),
                                            subject.toUtf8(), 0)
                            .isEmpty();
            },
            10000);
    }
    // Mail from `from` reaches alice's INBOX through Postfix; the notifications that follow
    // within 2 s of its arrival there (after the first `before`) go to `sent`.
    void arrives(const QString &from, const QString &subject, bool forged, int before,
                 QList<QJsonObject> *sent)
    {
        const QString error = inject(mail(from, subject), forged);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(inAliceInbox(subject));
        QElapsedTimer clock;
        clock.start();
        *sent = newNotifications(before, 1, 2000);
        QVERIFY2(!sent->isEmpty(), "no notification within 2 s of the delivery");
        qInfo() << subject << "notified after" << clock.elapsed() << "ms";
    }
    // The notifications sent after the first `before`, waiting up to `ms` for `count` of them.
    QList<QJsonObject> newNotifications(int before, int count, int ms)
    {
        (void)QTest::qWaitFor([&] { return m_bus.notifications().size() >= before + count; }, ms);
        return m_bus.notifications().mid(before);
    }
    // A window watching alice's INBOX, after its first pass.
    std::unique_ptr<ui::MainWindow> watchingWindow(store::Store &store)
    {
        auto window = std::make_unique<ui::MainWindow>(store);
        window->show();
        window->startWatching();
        if (!QTest::qWaitFor([&] { return window->mailNotifier()->watchesAccount(m_alice); },
                             60000) ||
            !QTest::qWaitFor(
                [&] {
                    return window->statusBar()->currentMessage().contains(
                        QStringLiteral("watching INBOX"));
                },
                30000))
            return nullptr;
        return window;
    }

private slots:
    void initTestCase()
    {
        // Before anything in this process talks to a session bus.
        const QString started = m_bus.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        HERALD_REQUIRE_STACK();
        const QString error = stack().addAccountWithCli(m_profile.path(), QStringLiteral("alice"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        store::Store store(m_profile.path());
        m_alice = store.accounts().byName(QStringLiteral("alice"))->id;
    }

    void cleanupTestCase() { m_bus.stop(); }

    void newMailIsAnnouncedWithinTwoSeconds()
    {
        store::Store store(m_profile.path());
        const auto window = watchingWindow(store);
        QVERIFY2(window, "the window did not start watching alice's INBOX");
        QVERIFY(window->desktopNotifications()->hasSessionBus());
        QSignalSpy answered(window->desktopNotifications(), &ui::DesktopNotifications::sent);
        const int before = int(m_bus.notifications().size());

        // Old mail is never announced: the first pass set the mark.
        QTest::qWait(300);
        QCOMPARE(int(m_bus.notifications().size()), before);

        const QString subject = unique("Lunch plans");
        QList<QJsonObject> sent;
        arrives(QStringLiteral("Erin Example <erin@herald.test>"), subject, false, before, &sent);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(sent.size(), 1);
        const QJsonObject n = sent.front();
        QCOMPARE(n.value("app").toString(), QStringLiteral("Herald"));
        QCOMPARE(n.value("category").toString(), QStringLiteral("email.arrived"));
        QVERIFY2(n.value("summary").toString().contains(QStringLiteral("Erin Example")),
                 qPrintable(n.value("summary").toString()));
        QVERIFY2(n.value("body").toString().contains(subject),
                 qPrintable(n.value("body").toString()));
        QVERIFY(!n.value("body").toString().contains(QStringLiteral("DMARC")));
        QVERIFY(n.value("actions").toVariant().toStringList().contains(QStringLiteral("default")));

        // A click raises the window and opens the message (once the service's answer with the
        // notification's id is in: a person cannot click sooner).
        QTRY_COMPARE(answered.count(), 1);
        m_bus.click(uint(n.value("id").toInteger()));
        QTRY_COMPARE_WITH_TIMEOUT(window->messageView()->subjectText(), subject, 5000);
    }

    void forgedSenderSaysSo()
    {
        store::Store store(m_profile.path());
        const auto window = watchingWindow(store);
        QVERIFY(window);
        const int before = int(m_bus.notifications().size());
        const QString subject = unique("Urgent wire transfer");
        QList<QJsonObject> sent;
        arrives(QStringLiteral("The CEO <ceo@herald.test>"), subject, true, before, &sent);
        if (QTest::currentTestFailed())
            return;
        const QString body = sent.front().value("body").toString();
        QVERIFY2(sent.front().value("summary").toString().contains(QStringLiteral("The CEO")),
                 qPrintable(sent.front().value("summary").toString()));
        QVERIFY2(body.contains(subject), qPrintable(body));
        QVERIFY2(body.contains(QStringLiteral("⚠ DMARC failed")), qPrintable(body));
        QVERIFY2(body.contains(QStringLiteral("herald.test")), qPrintable(body));
    }

    // Five that arrive together (one sync pass brings them) make one notification.
    void severalAtOnceAreGrouped()
    {
        store::Store store(m_profile.path());
        const int before = int(m_bus.notifications().size());
        QStringList subjects;
        for (int i = 1; i <= 5; ++i) {
            subjects << unique("Batch");
            QVERIFY(stack().deliver(
                QStringLiteral("alice"), QStringLiteral("INBOX"),
                mail(QStringLiteral("Sender %1 <s%1@herald.test>").arg(i), subjects.back())));
        }
        ui::MainWindow window(store); // not watching: one pass brings all five
        window.show();
        QSignalSpy done(&window, &ui::MainWindow::syncFinished);
        window.syncNow();
        QVERIFY(done.wait(60000));
        const auto sent = newNotifications(before, 1, 5000);
        QTest::qWait(500); // (and nothing more follows)
        QCOMPARE(int(m_bus.notifications().size()), before + 1);
        const QJsonObject n = sent.front();
        QCOMPARE(
            n.value("summary").toString(),
            QStringLiteral("5 new messages in %1").arg(stack().email(QStringLiteral("alice"))));
        const QString body = n.value("body").toString();
        for (const QString &newest : {subjects[4], subjects[3], subjects[2]})
            QVERIFY2(body.contains(newest), qPrintable(body));
        QVERIFY2(body.contains(QStringLiteral("Sender 5")), qPrintable(body));
        QVERIFY2(body.contains(QStringLiteral("and 2 more")), qPrintable(body));
    }

    // Turned off in Settings > Notifications: the mail arrives, no notification goes out, and
    // turning it on again does not announce what came meanwhile.
    void turnedOffSendsNone()
    {
        store::Store store(m_profile.path());
        const auto window = watchingWindow(store);
        QVERIFY(window);
        auto *page = window->openSettings()->findChild<ui::NotificationSettingsPage *>();
        QVERIFY(page);
        page->notifyBox()->click();
        QVERIFY(!window->mailNotifier()->isEnabled());
        const int before = int(m_bus.notifications().size());
        const QString subject = unique("Quiet please");
        QVERIFY(stack().deliver(QStringLiteral("alice"), QStringLiteral("INBOX"),
                                mail(QStringLiteral("Erin <erin@herald.test>"), subject)));
        auto *list = window->messageModel();
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (int r = 0; r < list->rowCount(); ++r)
                    if (list->message(r)->subject == subject)
                        return true;
                return false;
            },
            10000));
        QTest::qWait(2500); // longer than the notifier waits for a verdict
        QCOMPARE(int(m_bus.notifications().size()), before);
        page->notifyBox()->click();
        QVERIFY(window->mailNotifier()->isEnabled());
        window->mailNotifier()->check();
        QTest::qWait(500);
        QCOMPARE(int(m_bus.notifications().size()), before);
    }
};

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"
