// Cancelling (the window closing sets the stop flag) ends a POP3 download, an SMTP send and an
// IMAP pass within 0.2 s, against scripted servers that go silent at each step and never
// answer. Nothing is lost: the outbox message is still queued (no attempt counted, no backoff)
// unless the final dot was sent, then it is "maybe-sent" (DESIGN.md's outbox rule: never resent
// without the user); the POP3 cache keeps what was committed and the server deletes nothing
// (no QUIT).
#include "core/engine/imap/AccountSync.h"
#include "core/engine/pop3/Pop3Download.h"
#include "core/engine/smtp/Outbox.h"
#include "core/engine/smtp/OutboxSender.h"
#include "core/store/Store.h"
#include "core/sync/SentFolder.h"
#include "tests/wire/FakeServer.h"
#include "tests/wire/WireProfile.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QtTest>
#include <atomic>

using namespace herald;
using herald::test::FakeServer;

namespace {
constexpr qint64 kCancelBudgetMs = 200;

// Where a script stops answering: the bytes the client sent last (empty: at the greeting).
using Silence = QByteArray;
} // namespace

class TestCancel : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    test::TestCertificate m_cert;
    int m_profiles = 0;

    test::WireProfile profile(const QString &incomingUrl, const QString &outgoingUrl)
    {
        return test::wireProfile(m_dir, ++m_profiles, m_cert.certificatePath, incomingUrl,
                                 outgoingUrl);
    }

    // Sets *stop once the server has received `silence` (or, when empty, accepted the
    // connection) and starts `sinceStop`: the engine call that runs meanwhile must return soon.
    void stopWhenSilent(QTimer &watcher, FakeServer &server, const Silence &silence,
                        std::atomic<bool> &stop, QElapsedTimer &sinceStop)
    {
        connect(&watcher, &QTimer::timeout, this, [&server, silence, &stop, &sinceStop] {
            const bool reached =
                silence.isEmpty() ? server.connections() > 0 : server.received().contains(silence);
            if (reached && !stop) {
                sinceStop.start();
                stop = true;
            }
        });
        watcher.start(5);
    }

    static void verifyWithinBudget(const QElapsedTimer &sinceStop)
    {
        QVERIFY2(sinceStop.isValid(), "the server never reached its silent step");
        const qint64 ms = sinceStop.elapsed();
        qInfo("returned %lld ms after the stop flag was set", ms);
        QVERIFY2(ms < kCancelBudgetMs, qPrintable(QStringLiteral("took %1 ms").arg(ms)));
    }

    static void verifyPromptCancel(const net::Error &e, const QElapsedTimer &sinceStop)
    {
        verifyWithinBudget(sinceStop);
        QCOMPARE(e.kind, net::Error::Kind::Cancelled);
    }

    static FakeServer &tlsServer(FakeServer &server, const test::TestCertificate &cert,
                                 bool implicit)
    {
        server.setCertificate(cert);
        server.setImplicitTls(implicit);
        return server;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cert = test::makeTestCertificate(m_dir.path());
        QVERIFY(m_cert.isValid());
    }

    void pop3DownloadEndsWhenStopped_data()
    {
        QTest::addColumn<bool>("startTls");
        QTest::addColumn<Silence>("silence");
        QTest::newRow("greeting") << false << Silence();
        QTest::newRow("after STLS") << true << Silence("STLS\r\n");
        QTest::newRow("PASS") << false << Silence("PASS secret\r\n");
        QTest::newRow("RETR") << false << Silence("RETR 2\r\n");
    }
    void pop3DownloadEndsWhenStopped()
    {
        QFETCH(bool, startTls);
        QFETCH(Silence, silence);
        FakeServer server;
        tlsServer(server, m_cert, !startTls);
        auto &s = server.script();
        if (!silence.isEmpty()) {
            s.send("+OK POP3 ready\r\n");
            if (startTls) // STLS accepted, then the handshake is never answered
                s.expect("CAPA")
                    .send("+OK\r\nSTLS\r\nUSER\r\n.\r\n")
                    .expect("STLS")
                    .send("+OK begin TLS\r\n");
            else
                s.expect("CAPA").send("+OK\r\nUSER\r\nUIDL\r\n.\r\n");
        }
        if (silence.startsWith("RETR")) {
            const QByteArray one = "Subject: one\r\n\r\nfirst\r\n";
            s.expect("USER alice").send("+OK\r\n").expect("PASS secret").send("+OK\r\n");
            s.expect("UIDL").send("+OK\r\n1 u1\r\n2 u2\r\n.\r\n");
            s.expect("LIST").send("+OK\r\n1 " + QByteArray::number(one.size()) +
                                  "\r\n2 99\r\n.\r\n");
            s.expect("RETR 1").send("+OK\r\n" + one + ".\r\n");
        } else if (silence.startsWith("PASS")) {
            s.expect("USER alice").send("+OK\r\n");
        }
        const quint16 port = server.start();
        const QString scheme = startTls ? QStringLiteral("pop3+starttls") : QStringLiteral("pop3s");
        test::WireProfile wire =
            profile(QStringLiteral("%1://alice@localhost:%2").arg(scheme).arg(port),
                    QStringLiteral("smtps://alice@localhost:1"));

        std::atomic<bool> stop{false};
        QElapsedTimer sinceStop;
        QTimer watcher;
        stopWhenSilent(watcher, server, silence, stop, sinceStop);
        pop3::Pop3Download download(*wire.store, wire.account);
        download.setStopFlag(&stop);
        pop3::DownloadReport report;
        const net::Error e = download.run(report);
        verifyPromptCancel(e, sinceStop);
        QVERIFY(!server.received().contains("DELE"));
        QVERIFY(!server.received().contains("QUIT"));
        // The cache is consistent: the message that arrived whole is kept, the other is not.
        const int expected = silence.startsWith("RETR") ? 1 : 0;
        QCOMPARE(report.downloaded, expected);
        store::MessageQuery all;
        all.accountId = wire.account.id;
        QCOMPARE(int(wire.store->messages().list(all).size()), expected);
    }

    void smtpSendEndsWhenStopped_data()
    {
        QTest::addColumn<bool>("startTls");
        QTest::addColumn<QByteArray>("silentAt"); // the script's last expect, never answered
        QTest::addColumn<Silence>("silence");
        QTest::addColumn<QString>("state"); // the outbox task's state afterwards
        QTest::newRow("greeting") << false << QByteArray("greeting") << Silence() << "pending";
        QTest::newRow("after STARTTLS")
            << true << QByteArray() << Silence("STARTTLS\r\n") << "pending";
        QTest::newRow("AUTH") << false << QByteArray("AUTH PLAIN *") << Silence("AUTH PLAIN")
                              << "pending";
        QTest::newRow("MAIL") << false << QByteArray("MAIL FROM:<alice@herald.test> *")
                              << Silence("MAIL FROM:") << "pending";
        QTest::newRow("RCPT") << false << QByteArray("RCPT TO:<bob@herald.test> *")
                              << Silence("RCPT TO:") << "pending";
        QTest::newRow("DATA") << false << QByteArray("DATA") << Silence("DATA\r\n") << "pending";
        QTest::newRow("dot") << false << QByteArray() << Silence("\r\n.\r\n") << "maybe-sent";
    }
    void smtpSendEndsWhenStopped()
    {
        QFETCH(bool, startTls);
        QFETCH(QByteArray, silentAt);
        QFETCH(Silence, silence);
        QFETCH(QString, state);
        FakeServer server;
        tlsServer(server, m_cert, !startTls);
        auto &s = server.script();
        if (startTls) { // STARTTLS accepted, then the handshake is never answered
            s.send("220 mail.test ESMTP\r\n").expect("EHLO *");
            s.send("250-mail.test\r\n250 STARTTLS\r\n").expect("STARTTLS").send("220 go ahead\r\n");
        } else if (silentAt != "greeting") {
            const QList<QPair<QByteArray, QByteArray>> steps = {
                {"EHLO *", "250-mail.test\r\n250 AUTH PLAIN\r\n"},
                {"AUTH PLAIN *", "235 2.7.0 ok\r\n"},
                {"MAIL FROM:<alice@herald.test> *", "250 2.1.0 Ok\r\n"},
                {"RCPT TO:<bob@herald.test> *", "250 2.1.5 Ok\r\n"},
                {"DATA", "354 go ahead\r\n"},
            };
            s.send("220 mail.test ESMTP\r\n");
            for (const auto &[expect, reply] : steps) {
                s.expect(expect);
                if (expect == silentAt)
                    break;
                s.send(reply);
            }
        }
        const quint16 port = server.start();
        const QString scheme = startTls ? QStringLiteral("smtp+starttls") : QStringLiteral("smtps");
        test::WireProfile wire =
            profile(QStringLiteral("imaps://alice@localhost:1"),
                    QStringLiteral("%1://alice@localhost:%2").arg(scheme).arg(port));
        const smtp::QueuedMessage q =
            smtp::Outbox(*wire.store).enqueue(wire.account, test::wireDraft());

        std::atomic<bool> stop{false};
        QElapsedTimer sinceStop;
        QTimer watcher;
        stopWhenSilent(watcher, server, silence, stop, sinceStop);
        smtp::OutboxSender sender(*wire.store, wire.account,
                                  sync::imapSentFolder(*wire.store, wire.account));
        sender.setStopFlag(&stop);
        sender.setReadTimeout(30000); // not what ends the wait
        const smtp::OutboxReport r = sender.flush();
        const auto task = wire.store->tasks().byId(q.taskId);
        QVERIFY(task);
        if (state == QLatin1String("maybe-sent")) {
            verifyWithinBudget(sinceStop);
            QCOMPARE(r.maybeSent, 1);
        } else if (r.error) {
            verifyPromptCancel(r.error, sinceStop); // cancelled while connecting
        } else {
            verifyWithinBudget(sinceStop);
            QVERIFY2(task->lastError.contains(QStringLiteral("cancelled"), Qt::CaseInsensitive),
                     qPrintable(task->lastError));
        }
        QCOMPARE(task->state, state);
        if (state == QLatin1String("pending")) {
            QCOMPARE(task->attempts, 0); // nothing went: no attempt counted, no backoff
            QVERIFY(task->nextAttemptAt <= QDateTime::currentSecsSinceEpoch());
        }
        QVERIFY(wire.store->bodies().get(q.messageRowId)); // the message's bytes are still there
    }

    // The IMAP pass had a stop flag before; one row for symmetry: silent after LOGIN.
    void imapPassEndsWhenStopped()
    {
        FakeServer server;
        tlsServer(server, m_cert, true);
        server.script().send("* OK [CAPABILITY IMAP4rev1] ready\r\n").expect("* LOGIN *");
        const quint16 port = server.start();
        test::WireProfile wire = profile(QStringLiteral("imaps://alice@localhost:%1").arg(port),
                                         QStringLiteral("smtps://alice@localhost:1"));
        std::atomic<bool> stop{false};
        QElapsedTimer sinceStop;
        QTimer watcher;
        stopWhenSilent(watcher, server, "LOGIN", stop, sinceStop);
        imap::AccountSync sync(*wire.store, wire.account);
        sync.setStopFlag(&stop);
        imap::AccountSyncReport report;
        verifyPromptCancel(sync.run(report), sinceStop);
    }
};

QTEST_GUILESS_MAIN(TestCancel)
#include "tst_cancel.moc"
