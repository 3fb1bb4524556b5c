// `herald-cli watch` sees what other devices do within 2 seconds: new mail,
// flag changes and expunges (IMAP IDLE on the real Dovecot), and sends local
// changes made while it runs. Against Dovecot and, as imap_watch_cyrus, Cyrus IMAP (IDLE
// woken by Cyrus's idled).
#include "tests/support/SyncHarness.h"
#include "tests/support/TestSupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>
#include <QUuid>

using herald::test::stack;

class TestImapWatch : public QObject
{
    Q_OBJECT

    QTemporaryDir m_profile;
    QProcess m_watch;
    QString m_user = QStringLiteral("bob");

    QByteArray cli(const QStringList &args)
    {
        QProcess p;
        p.start(qEnvironmentVariable("HERALD_CLI"),
                QStringList{QStringLiteral("--profile"), m_profile.path()} + args);
        p.waitForFinished(30000);
        if (p.exitCode() != 0)
            qWarning() << "herald-cli" << args << "failed:" << p.readAllStandardError();
        return p.readAllStandardOutput();
    }

    void otherDevice(const QString &lines)
    {
        const QString error = stack().otherDevice(m_user, lines);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    // The cached INBOX message with this Message-ID, or an empty object.
    QJsonObject cached(const QString &messageId)
    {
        const auto list =
            QJsonDocument::fromJson(cli({QStringLiteral("list"), QStringLiteral("--folder"),
                                         QStringLiteral("INBOX"), QStringLiteral("--json")}))
                .array();
        for (const auto &v : list)
            if (v[QStringLiteral("message_id")].toString() == messageId)
                return v.toObject();
        return {};
    }

    // Waits until watch reports that it applied a change of the given kind to the
    // cache ("1 new", "1 changed", "1 removed"), then checks the cache itself with
    // `check` (what the UI would show). Returns the ms until watch's report, or -1.
    // The report, not the check, is timed: the check starts a process.
    template <class Check>
    qint64 waitFor(const QByteArray &report, Check check, int timeoutMs = 2000)
    {
        QElapsedTimer t;
        t.start();
        qint64 reportedAt = -1;
        while (t.elapsed() < timeoutMs && reportedAt < 0) {
            m_watch.waitForReadyRead(20);
            m_output += m_watch.readAll();
            const int at = m_output.indexOf(report);
            if (at >= 0) {
                reportedAt = t.elapsed();
                m_output.remove(0, at + report.size());
            }
        }
        if (reportedAt < 0 || !check()) {
            qWarning() << "watch output so far:" << m_output;
            return -1;
        }
        return reportedAt;
    }
    QByteArray m_output;

private slots:
    void initTestCase()
    {
        HERALD_REQUIRE_STACK();
        const QString wrongServer = herald::test::checkImapServerIdentity(m_user);
        QVERIFY2(wrongServer.isEmpty(), qPrintable(wrongServer));
        const auto &s = stack();
        qputenv("HERALD_WATCH_PW", s.password(m_user).toUtf8());
        cli({"account", "add", "--name", "b", "--email", s.email(m_user), "--incoming",
             QStringLiteral("imaps://%1@127.0.0.1:%2").arg(m_user).arg(s.imapsPort), "--outgoing",
             QStringLiteral("smtp+starttls://%1@127.0.0.1:%2").arg(m_user).arg(s.submissionPort),
             "--password-env", "HERALD_WATCH_PW", "--ca-file", s.caFile});
        m_watch.setProcessChannelMode(QProcess::MergedChannels);
        m_watch.start(qEnvironmentVariable("HERALD_CLI"),
                      {QStringLiteral("--profile"), m_profile.path(), QStringLiteral("watch")});
        QVERIFY(m_watch.waitForStarted());
        QElapsedTimer t;
        t.start();
        while (!m_output.contains("watching INBOX") && t.elapsed() < 20000) {
            m_watch.waitForReadyRead(500);
            m_output += m_watch.readAll();
        }
        m_output.clear();
        QVERIFY2(t.elapsed() < 20000, "watch did not finish its first pass");
    }

    void newMailArrivesWithinTwoSeconds()
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces) + "@watch.test";
        const QByteArray eml = "From: carol@herald.test\r\nTo: bob@herald.test\r\nSubject: watch "
                               "me\r\nMessage-ID: <" +
                               id.toUtf8() + ">\r\n\r\nHello from another device.\r\n";
        QVERIFY(stack().deliver(m_user, QStringLiteral("INBOX"), eml));
        const qint64 ms = waitFor(" 1 new", [&] { return !cached(id).isEmpty(); });
        QVERIFY2(ms >= 0, "new mail not in the cache within 2 s");
        qInfo() << "new mail visible after" << ms << "ms";
        QVERIFY(!cached(id)[QStringLiteral("flags")].toArray().contains(QStringLiteral("\\Seen")));
    }

    void flagsAndExpungesFromOtherDevices()
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces) + "@watch.test";
        QVERIFY(
            stack().deliver(m_user, QStringLiteral("INBOX"),
                            "Subject: flag me\r\nMessage-ID: <" + id.toUtf8() + ">\r\n\r\nx\r\n"));
        QVERIFY(waitFor(" 1 new", [&] { return !cached(id).isEmpty(); }) >= 0);
        const int uid = cached(id)[QStringLiteral("uid")].toInt();
        const int rowId = cached(id)[QStringLiteral("id")].toInt();
        const QString bodyFile =
            m_profile.filePath(QStringLiteral("bodies/%1/%2.eml").arg(rowId / 1000).arg(rowId));
        QVERIFY2(QFile::exists(bodyFile), qPrintable(bodyFile));

        otherDevice(
            QStringLiteral("m.uid('STORE', '%1', '+FLAGS', '(\\\\Flagged $Work)')").arg(uid));
        const qint64 flagMs = waitFor(" 1 changed", [&] {
            const auto flags = cached(id)[QStringLiteral("flags")].toArray();
            return flags.contains(QStringLiteral("\\Flagged")) &&
                   flags.contains(QStringLiteral("$Work"));
        });
        QVERIFY2(flagMs >= 0, "flag change not seen within 2 s");

        otherDevice(QStringLiteral("m.uid('STORE', '%1', '+FLAGS', '(\\\\Deleted)')\n"
                                   "m.uid('EXPUNGE', '%1')")
                        .arg(uid));
        const qint64 goneMs = waitFor(" 1 removed", [&] { return cached(id).isEmpty(); });
        QVERIFY2(goneMs >= 0, "expunge not seen within 2 s");
        QVERIFY2(!QFile::exists(bodyFile), "the expunged message's body file is still there");
        qInfo() << "flag change after" << flagMs << "ms, expunge after" << goneMs << "ms";
    }

    void localChangesAreSentWhileWatching()
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces) + "@watch.test";
        QVERIFY(
            stack().deliver(m_user, QStringLiteral("INBOX"),
                            "Subject: read me\r\nMessage-ID: <" + id.toUtf8() + ">\r\n\r\nx\r\n"));
        QVERIFY(waitFor(" 1 new", [&] { return !cached(id).isEmpty(); }) >= 0);
        const QJsonObject row = cached(id);
        cli({"flag", QString::number(row[QStringLiteral("id")].toInt()), "--add", "\\Seen"});
        // Asked over IMAP (the server's answer, whichever server it is).
        QVERIFY2(QTest::qWaitFor([&] { return stack().isSeenOnServer(m_user, id); }, 5000),
                 "the local \\Seen did not reach the server while watching");
    }

    // DNS that does not answer (a UDP port that swallows every question) must not hold up
    // IDLE: sender checks of new mail run beside the watcher, which reports the next message
    // within 2 s while the checks of the one before still wait for DNS.
    void newMailWithinTwoSecondsWhileDnsIsDown()
    {
        QUdpSocket swallow;
        QVERIFY(swallow.bind(QHostAddress::LocalHost, 0));
        m_watch.terminate();
        QVERIFY(m_watch.waitForFinished(10000));
        m_output.clear();
        m_watch.start(
            qEnvironmentVariable("HERALD_CLI"),
            {QStringLiteral("--profile"), m_profile.path(), QStringLiteral("--nameserver"),
             QStringLiteral("127.0.0.1:%1").arg(swallow.localPort()), QStringLiteral("watch")});
        QVERIFY(m_watch.waitForStarted());
        QVERIFY(waitFor(
                    "watching INBOX", [] { return true; }, 20000) >= 0);
        for (int i = 0; i < 2; ++i) {
            const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces) + "@watch.test";
            const QByteArray eml = "From: carol@herald.test\r\nTo: bob@herald.test\r\n"
                                   "Subject: dns down\r\nMessage-ID: <" +
                                   id.toUtf8() + ">\r\n\r\nChecked while DNS is down.\r\n";
            QVERIFY(stack().deliver(m_user, QStringLiteral("INBOX"), eml));
            const qint64 ms = waitFor(" 1 new", [&] { return !cached(id).isEmpty(); });
            QVERIFY2(ms >= 0,
                     qPrintable(QStringLiteral("message %1 not seen within 2 s").arg(i + 1)));
            qInfo() << "with DNS down, message" << i + 1 << "seen after" << ms << "ms";
        }
    }

    void cleanupTestCase()
    {
        if (m_watch.state() != QProcess::NotRunning) {
            m_watch.terminate(); // SIGTERM: watch stops cleanly
            QVERIFY(m_watch.waitForFinished(10000));
            QCOMPARE(m_watch.exitCode(), 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestImapWatch)
#include "tst_imap_watch.moc"
