// The outbox against scripted SMTP servers: the message is in the cache before any network I/O;
// a connection lost after the final dot leaves it "maybe-sent" and it is never resent without the
// user; 4xx goes back to pending with backoff; 5xx is held with the server's words; a sender
// that died mid-send leaves a lease that turns into "maybe-sent"; server_saves_sent skips IMAP.
#include "core/accounts/AccountSettings.h"
#include "core/engine/smtp/Outbox.h"
#include "core/engine/smtp/OutboxSender.h"
#include "core/store/Store.h"
#include "core/sync/SentFolder.h"
#include "tests/wire/FakeServer.h"
#include "tests/wire/WireProfile.h"

#include <QSslSocket>
#include <QTimer>
#include <QtTest>

using namespace herald;
using herald::test::FakeServer;

class TestOutboxSender : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    test::TestCertificate m_cert;
    int m_profiles = 0;

    using Fixture = test::WireProfile;

    Fixture fixture(quint16 smtpPort)
    {
        return test::wireProfile(m_dir, ++m_profiles, m_cert.certificatePath,
                                 QStringLiteral("imaps://alice@localhost:1"),
                                 QStringLiteral("smtps://alice@localhost:%1").arg(smtpPort));
    }

    static mime::Draft draft() { return test::wireDraft(); }

    static QString state(Fixture &f, qint64 task) { return f.store->tasks().byId(task)->state; }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cert = test::makeTestCertificate(m_dir.path());
        QVERIFY(m_cert.isValid());
    }

    void storedBeforeAnyNetworkIo()
    {
        Fixture f = fixture(1); // nothing listens there
        const smtp::QueuedMessage q = smtp::Outbox(*f.store).enqueue(f.account, draft());
        const auto entry = smtp::Outbox(*f.store).entry(q.taskId);
        QVERIFY(entry);
        QCOMPARE(entry->state, QStringLiteral("pending"));
        QCOMPARE(entry->recipients, QStringList{"bob@herald.test"});
        const auto bytes = f.store->bodies().get(q.messageRowId);
        QVERIFY(bytes);
        QVERIFY(
            bytes->toLower().contains(("message-id: <" + q.messageId + ">").toLower().toUtf8()));
        // The outbox is a local folder of the cache, so lists and search see it.
        const auto row = f.store->messages().byId(q.messageRowId);
        QCOMPARE(f.store->folders().byId(row->folderId)->isLocal, true);
    }

    void connectionLostAfterDotIsMaybeSentAndNeverResent()
    {
        FakeServer server;
        server.setCertificate(m_cert);
        server.setImplicitTls(true);
        // The server ends the connection as soon as the final dot arrived.
        auto &s = server.script();
        s.send("220 mail.test ESMTP\r\n").expect("EHLO *");
        s.send("250-mail.test\r\n250-PIPELINING\r\n250 AUTH PLAIN\r\n");
        s.expect("AUTH PLAIN *").send("235 2.7.0 ok\r\n");
        s.expect("MAIL FROM:<alice@herald.test> *").expect("RCPT TO:<bob@herald.test> *");
        s.send("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n");
        s.expect("DATA").send("354 go ahead\r\n");
        const quint16 port = server.start();
        Fixture f = fixture(port);
        const smtp::QueuedMessage q = smtp::Outbox(*f.store).enqueue(f.account, draft());
        // Close once ".\r\n" arrived (the script cannot know the message's lines).
        QTimer watcher;
        connect(&watcher, &QTimer::timeout, this, [&] {
            if (server.received().endsWith("\r\n.\r\n") && server.findChild<QSslSocket *>())
                for (auto *socket : server.findChildren<QSslSocket *>())
                    socket->abort();
        });
        watcher.start(5);
        smtp::OutboxSender sender(*f.store, f.account, sync::imapSentFolder(*f.store, f.account));
        sender.setReadTimeout(5000);
        const smtp::OutboxReport r = sender.flush();
        QCOMPARE(r.maybeSent, 1);
        QCOMPARE(state(f, q.taskId), QStringLiteral("maybe-sent"));
        QVERIFY(f.store->tasks().byId(q.taskId)->lastError.contains(
            QStringLiteral("may have been sent")));

        // Later passes leave it alone: the user decides.
        const smtp::OutboxReport again = sender.flush(true);
        QCOMPARE(again.sent + again.retrying + again.maybeSent, 0);
        QCOMPARE(server.connections(), 1);
        QCOMPARE(state(f, q.taskId), QStringLiteral("maybe-sent"));
        smtp::Outbox(*f.store).retryNow(q.taskId); // "send it again"
        QCOMPARE(state(f, q.taskId), QStringLiteral("pending"));
    }

    void temporaryFailureBacksOffPermanentIsHeld_data()
    {
        QTest::addColumn<QByteArray>("finalReply");
        QTest::addColumn<QString>("expected");
        QTest::newRow("4xx") << QByteArray("451 4.3.0 try again later\r\n") << "pending";
        QTest::newRow("5xx") << QByteArray("554 5.7.1 message refused: looks like spam\r\n")
                             << "held";
        QTest::newRow("250") << QByteArray("250 2.0.0 Ok: queued as X\r\n") << "gone";
    }
    void temporaryFailureBacksOffPermanentIsHeld()
    {
        QFETCH(QByteArray, finalReply);
        QFETCH(QString, expected);
        FakeServer server;
        server.setCertificate(m_cert);
        server.setImplicitTls(true);
        auto &s = server.script();
        s.send("220 mail.test ESMTP\r\n").expect("EHLO *");
        s.send("250-mail.test\r\n250-PIPELINING\r\n250 AUTH PLAIN\r\n");
        s.expect("AUTH PLAIN *").send("235 2.7.0 ok\r\n");
        s.expect("MAIL FROM:<alice@herald.test> *").expect("RCPT TO:<bob@herald.test> *");
        s.send("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n");
        s.expect("DATA").send("354 go ahead\r\n");
        const quint16 port = server.start();
        Fixture f = fixture(port);
        const smtp::QueuedMessage q = smtp::Outbox(*f.store).enqueue(f.account, draft());
        bool answered = false;
        QTimer watcher;
        connect(&watcher, &QTimer::timeout, this, [&] {
            if (!answered && server.received().endsWith("\r\n.\r\n"))
                for (auto *socket : server.findChildren<QSslSocket *>()) {
                    answered = true;
                    socket->write(finalReply);
                }
            if (answered && server.received().endsWith("RSET\r\n"))
                for (auto *socket : server.findChildren<QSslSocket *>())
                    if (!socket->property("rset").toBool()) {
                        socket->setProperty("rset", true);
                        socket->write("250 2.0.0 Ok\r\n");
                    }
            if (answered && server.received().endsWith("QUIT\r\n"))
                for (auto *socket : server.findChildren<QSslSocket *>())
                    socket->write("221 Bye\r\n");
        });
        watcher.start(5);
        smtp::OutboxSender sender(*f.store, f.account, sync::imapSentFolder(*f.store, f.account));
        sender.setReadTimeout(5000);
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        sender.flush();
        const auto task = f.store->tasks().byId(q.taskId);
        if (expected == QLatin1String("gone")) {
            QVERIFY(!task); // sent, and the server keeps the Sent copy: out of the outbox
            QVERIFY(!f.store->messages().byId(q.messageRowId));
            return;
        }
        QVERIFY(task);
        QCOMPARE(task->state, expected);
        QCOMPARE(task->attempts, 1);
        QVERIFY2(task->lastError.contains(QString::fromLatin1(finalReply.trimmed())),
                 qPrintable(task->lastError));
        if (expected == QLatin1String("pending"))
            QVERIFY(task->nextAttemptAt >= before + smtp::OutboxSender::backoffSeconds(0));
    }

    void deadSenderLeaseBecomesMaybeSent()
    {
        Fixture f = fixture(1);
        const smtp::QueuedMessage q = smtp::Outbox(*f.store).enqueue(f.account, draft());
        // A sender claimed it and vanished; its lease ran out.
        f.store->tasks().setState(q.taskId, QStringLiteral("sending"), QString(),
                                  QDateTime::currentSecsSinceEpoch() - 1);
        smtp::OutboxSender sender(*f.store, f.account, sync::imapSentFolder(*f.store, f.account));
        sender.flush();
        QCOMPARE(state(f, q.taskId), QStringLiteral("maybe-sent"));
    }

    void backoffGrowsAndIsCapped()
    {
        QCOMPARE(smtp::OutboxSender::backoffSeconds(0), 60);
        QCOMPARE(smtp::OutboxSender::backoffSeconds(1), 120);
        QCOMPARE(smtp::OutboxSender::backoffSeconds(3), 480);
        QCOMPARE(smtp::OutboxSender::backoffSeconds(20), 3600);
    }
};

QTEST_GUILESS_MAIN(TestOutboxSender)
#include "tst_outbox_sender.moc"
