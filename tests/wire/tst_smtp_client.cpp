// SmtpClient against scripted servers: STARTTLS is mandatory (no credential ever reaches a server
// that does not offer or refuses it), replies are matched one per command so a rejected RCPT under
// PIPELINING never makes the next message look sent, a connection lost after the final dot is
// "maybe sent", dot-stuffing, SIZE, SMTPUTF8 and DSN parameters, multi-line replies.
#include "core/smtp/SmtpClient.h"
#include "core/smtp/SmtpSession.h"
#include "tests/wire/FakeServer.h"

#include <QtTest>
#include <optional>

using namespace herald;
using namespace herald::smtp;
using herald::test::FakeServer;

namespace {
const QByteArray kEhloTls = "250-mail.test Hello\r\n"
                            "250-PIPELINING\r\n"
                            "250-SIZE 10240000\r\n"
                            "250-8BITMIME\r\n"
                            "250-ENHANCEDSTATUSCODES\r\n"
                            "250-AUTH PLAIN LOGIN\r\n"
                            "250-DSN\r\n"
                            "250 SMTPUTF8\r\n";
const QByteArray kMessage = "From: alice@herald.test\r\nTo: bob@herald.test\r\nSubject: hi\r\n\r\n"
                            ".hidden line\r\nbody\r\n";

void expectMessage(test::FakeScript &s)
{
    s.expect("From: alice@herald.test").expect("To: bob@herald.test").expect("Subject: hi");
    s.expect("").expect("..hidden line").expect("body").expect(".");
}
} // namespace

class TestSmtpClient : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    test::TestCertificate m_cert;

    net::ConnectOptions options(quint16 port, net::Security security)
    {
        net::ConnectOptions o;
        o.host = QStringLiteral("localhost");
        o.port = port;
        o.security = security;
        o.connectTimeoutMs = 5000;
        o.readTimeoutMs = 5000;
        o.trust.addCaFile(m_cert.certificatePath);
        return o;
    }

    void tlsServer(FakeServer &server)
    {
        server.setCertificate(m_cert);
        server.setImplicitTls(true);
    }

    static test::FakeScript &loggedIn(FakeServer &server)
    {
        auto &s = server.script();
        s.send("220 mail.test ESMTP\r\n").expect("EHLO *").send(kEhloTls);
        s.expect("AUTH PLAIN AGFsaWNlAHNlY3JldA==").send("235 2.7.0 Authentication successful\r\n");
        return s;
    }

    static Envelope envelope(const QStringList &to)
    {
        Envelope e;
        e.from = QStringLiteral("alice@herald.test");
        e.recipients = to;
        return e;
    }

    static void assertNoCredentials(const QByteArray &wire)
    {
        QVERIFY2(!wire.contains("AUTH"), wire.constData());
        QVERIFY2(!wire.contains("MAIL"), wire.constData());
        QVERIFY2(!wire.contains("secret"), wire.constData());
        QVERIFY2(!wire.contains(QByteArray("\0alice\0secret", 13).toBase64()), wire.constData());
        QVERIFY2(!wire.contains(QByteArray("secret").toBase64()), wire.constData());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cert = test::makeTestCertificate(m_dir.path());
        QVERIFY(m_cert.isValid());
    }

    void replyParser()
    {
        SmtpReplyParser p;
        QCOMPARE(p.addLine("250-mail.test"), SmtpReplyParser::Status::NeedMore);
        QCOMPARE(p.addLine("250-PIPELINING"), SmtpReplyParser::Status::NeedMore);
        QCOMPARE(p.addLine("250 SIZE 100"), SmtpReplyParser::Status::Complete);
        const SmtpReply r = p.take();
        QCOMPARE(r.code, 250);
        QCOMPARE(r.lines, (QStringList{"mail.test", "PIPELINING", "SIZE 100"}));
        QCOMPARE(p.addLine("550 5.1.1 <x@y>: User unknown"), SmtpReplyParser::Status::Complete);
        const SmtpReply u = p.take();
        QCOMPARE(u.enhanced, QStringLiteral("5.1.1"));
        QCOMPARE(u.toString(), QStringLiteral("550 5.1.1 <x@y>: User unknown"));
        QCOMPARE(p.addLine("354"), SmtpReplyParser::Status::Complete);
        QCOMPARE(p.take().code, 354);
        QCOMPARE(p.addLine("250-a"), SmtpReplyParser::Status::NeedMore);
        QCOMPARE(p.addLine("251 b"), SmtpReplyParser::Status::Error); // codes must agree
        QCOMPARE(p.addLine("* OK hello"), SmtpReplyParser::Status::Error);
        QCOMPARE(p.addLine("600 what"), SmtpReplyParser::Status::Error);
    }

    void sendsOverImplicitTlsWithDotStuffing()
    {
        FakeServer server;
        tlsServer(server);
        auto &s = loggedIn(server);
        s.expect("MAIL FROM:<alice@herald.test> *").expect("RCPT TO:<bob@herald.test>");
        s.send("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n", {7, 15}); // replies split mid-line
        s.expect("DATA").send("354 End data with <CR><LF>.<CR><LF>\r\n");
        expectMessage(s);
        s.send("250 2.0.0 Ok: queued as 4ABC\r\n");
        s.expect("QUIT").send("221 2.0.0 Bye\r\n").close();
        const quint16 port = server.start();

        SmtpSession session;
        QCOMPARE(session
                     .open(options(port, net::Security::ImplicitTls),
                           {QStringLiteral("alice"), QStringLiteral("secret"), {}})
                     .message,
                 QString());
        QVERIFY(session.client().hasExtension("PIPELINING"));
        QCOMPARE(session.client().maximumSize(), 10240000);
        const SendResult r = session.send(envelope({QStringLiteral("bob@herald.test")}), kMessage);
        QVERIFY2(r.sent(), qPrintable(r.describe()));
        QCOMPARE(r.reply.toString(), QStringLiteral("250 2.0.0 Ok: queued as 4ABC"));
        QCOMPARE(r.recipients.size(), size_t(1));
        QCOMPARE(r.recipients[0].state, RecipientResult::State::Accepted);
        session.close();
        QTRY_VERIFY(server.scriptDone());
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join('\n')));
        // The declared size is the size of the message on the wire.
        QVERIFY(server.received().contains("SIZE=" + QByteArray::number(kMessage.size() + 1)));
        QVERIFY(!server.received().contains("SMTPUTF8")); // only when an address needs it
        QVERIFY(!server.received().contains("BODY=8BITMIME"));
    }

    void rejectedRecipientUnderPipeliningDoesNotConfuseTheNextMessage()
    {
        FakeServer server;
        tlsServer(server);
        auto &s = loggedIn(server);
        // Message 1: one recipient rejected -> nothing sent, RSET.
        s.expect("MAIL FROM:<alice@herald.test> *")
            .expect("RCPT TO:<bob@herald.test>")
            .expect("RCPT TO:<nobody@herald.test>");
        s.send("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n550 5.1.1 <nobody@herald.test>: Recipient address "
               "rejected: User unknown\r\n");
        s.expect("RSET").send("250 2.0.0 Ok\r\n");
        // Message 2: accepted recipients, then the server is slow and finally refuses the data.
        s.expect("MAIL FROM:<alice@herald.test> *").expect("RCPT TO:<carol@herald.test>");
        s.send("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n");
        s.expect("DATA").send("354 go ahead\r\n");
        expectMessage(s);
        s.wait(600).send("451 4.3.0 Error: queue file write error\r\n");
        s.expect("RSET").send("250 2.0.0 Ok\r\n");
        const quint16 port = server.start();

        SmtpSession session;
        QVERIFY(!session.open(options(port, net::Security::ImplicitTls),
                              {QStringLiteral("alice"), QStringLiteral("secret"), {}}));
        const SendResult first = session.send(
            envelope({QStringLiteral("bob@herald.test"), QStringLiteral("nobody@herald.test")}),
            kMessage);
        QCOMPARE(first.status, SendResult::Status::PermanentFailure);
        QCOMPARE(first.recipients[0].state, RecipientResult::State::Accepted);
        QCOMPARE(first.recipients[1].state, RecipientResult::State::Rejected);
        QVERIFY(first.recipients[1].reply.toString().contains("User unknown"));
        QVERIFY2(first.describe().contains("nobody@herald.test (550 5.1.1"),
                 qPrintable(first.describe()));
        QVERIFY2(first.describe().contains("accepted but not sent to bob@herald.test"),
                 qPrintable(first.describe()));
        QVERIFY(!server.received().contains("DATA")); // never a partial delivery

        std::optional<SendResult> second;
        session.client().sendMessage(envelope({QStringLiteral("carol@herald.test")}), kMessage,
                                     [&](const SendResult &r) { second = r; });
        // The whole message is at the server, which has not answered yet: not sent.
        QTRY_VERIFY(server.received().endsWith("body\r\n.\r\n"));
        QTest::qWait(200);
        QVERIFY(!second.has_value());
        QTRY_VERIFY(second.has_value());
        QCOMPARE(second->status, SendResult::Status::TemporaryFailure);
        QCOMPARE(second->reply.code, 451);
        QTRY_VERIFY(server.scriptDone());
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join('\n')));
    }

    void staleReplyDropsTheConnection()
    {
        FakeServer server;
        tlsServer(server);
        auto &s = loggedIn(server);
        s.expect("MAIL FROM:<alice@herald.test> *").expect("RCPT TO:<bob@herald.test>");
        // One reply too many: whatever it is, it must not count for a later command.
        s.send("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n250 2.0.0 Ok: queued as STALE\r\n");
        s.expect("DATA").send("354 go\r\n");
        const quint16 port = server.start();
        SmtpSession session;
        QVERIFY(!session.open(options(port, net::Security::ImplicitTls),
                              {QStringLiteral("alice"), QStringLiteral("secret"), {}}));
        const SendResult r = session.send(envelope({QStringLiteral("bob@herald.test")}), kMessage);
        QVERIFY(!r.sent());
        QCOMPARE(r.status, SendResult::Status::TemporaryFailure);
        QVERIFY(!session.isOpen());
    }

    void connectionLostAfterFinalDotIsMaybeSent()
    {
        FakeServer server;
        tlsServer(server);
        auto &s = loggedIn(server);
        s.expect("MAIL FROM:<alice@herald.test> *").expect("RCPT TO:<bob@herald.test>");
        s.send("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n");
        s.expect("DATA").send("354 go ahead\r\n");
        expectMessage(s);
        s.close();
        const quint16 port = server.start();
        SmtpSession session;
        QVERIFY(!session.open(options(port, net::Security::ImplicitTls),
                              {QStringLiteral("alice"), QStringLiteral("secret"), {}}));
        const SendResult r = session.send(envelope({QStringLiteral("bob@herald.test")}), kMessage);
        QCOMPARE(r.status, SendResult::Status::MaybeSent);
        QVERIFY(r.describe().contains("may have been sent"));
    }

    void connectionLostBeforeFinalDotIsTemporary()
    {
        FakeServer server;
        tlsServer(server);
        auto &s = loggedIn(server);
        s.expect("MAIL FROM:<alice@herald.test> *").expect("RCPT TO:<bob@herald.test>");
        s.send("250 2.1.0 Ok\r\n").close();
        const quint16 port = server.start();
        SmtpSession session;
        QVERIFY(!session.open(options(port, net::Security::ImplicitTls),
                              {QStringLiteral("alice"), QStringLiteral("secret"), {}}));
        const SendResult r = session.send(envelope({QStringLiteral("bob@herald.test")}), kMessage);
        QCOMPARE(r.status, SendResult::Status::TemporaryFailure);
        QVERIFY(r.error.isError());
    }

    void startTlsRefusedNeverSendsCredentials_data()
    {
        QTest::addColumn<QByteArray>("ehlo");
        QTest::addColumn<QByteArray>("startTlsReply"); // empty: STARTTLS must not be sent
        QTest::addColumn<int>("kind");
        const int unavailable = int(net::Error::Kind::StartTlsUnavailable);
        QTest::newRow("not offered")
            << QByteArray("250-mail.test\r\n250-AUTH PLAIN LOGIN\r\n250 PIPELINING\r\n")
            << QByteArray() << unavailable;
        QTest::newRow("refused 454")
            << QByteArray("250-mail.test\r\n250-STARTTLS\r\n250 AUTH PLAIN\r\n")
            << QByteArray("454 4.7.0 TLS not available due to local problem\r\n") << unavailable;
        QTest::newRow("refused 502")
            << QByteArray("250-mail.test\r\n250 STARTTLS\r\n")
            << QByteArray("502 5.5.1 command not implemented\r\n") << unavailable;
        QTest::newRow("injected data after 220")
            << QByteArray("250-mail.test\r\n250 STARTTLS\r\n")
            << QByteArray("220 2.0.0 Ready to start TLS\r\n250 2.1.0 injected\r\n")
            << int(net::Error::Kind::Protocol);
    }
    void startTlsRefusedNeverSendsCredentials()
    {
        QFETCH(QByteArray, ehlo);
        QFETCH(QByteArray, startTlsReply);
        QFETCH(int, kind);
        FakeServer server; // plaintext; TLS never starts
        auto &s = server.script();
        s.send("220 mail.test ESMTP\r\n").expect("EHLO *").send(ehlo);
        if (!startTlsReply.isEmpty())
            s.expect("STARTTLS").send(startTlsReply);
        s.wait(300);
        const quint16 port = server.start();
        SmtpSession session;
        const net::Error e = session.open(options(port, net::Security::StartTls),
                                          {QStringLiteral("alice"), QStringLiteral("secret"), {}});
        QCOMPARE(int(e.kind), kind);
        QVERIFY(!e.message.isEmpty());
        QVERIFY(!session.isOpen());
        QTest::qWait(350);
        assertNoCredentials(server.received());
        // Even on purpose: AUTH is refused locally without TLS.
        QVERIFY(!server.received().contains("MAIL FROM"));
    }

    void startTlsThenAuthLogin()
    {
        FakeServer server;
        server.setCertificate(m_cert);
        auto &s = server.script();
        s.send("220 mail.test ESMTP\r\n").expect("EHLO *");
        // Before TLS the server claims AUTH; the client must forget it after the upgrade.
        s.send("250-mail.test\r\n250-AUTH PLAIN\r\n250 STARTTLS\r\n");
        s.expect("STARTTLS").send("220 2.0.0 Ready to start TLS\r\n").startTls();
        s.expect("EHLO *").send("250-mail.test\r\n250 AUTH LOGIN\r\n");
        s.expect("AUTH LOGIN").send("334 VXNlcm5hbWU6\r\n");
        s.expect(QByteArray("alice").toBase64()).send("334 UGFzc3dvcmQ6\r\n");
        s.expect(QByteArray("secret").toBase64()).send("235 2.7.0 Authentication successful\r\n");
        s.expect("QUIT").send("221 Bye\r\n");
        const quint16 port = server.start();
        SmtpSession session;
        const net::Error e = session.open(options(port, net::Security::StartTls),
                                          {QStringLiteral("alice"), QStringLiteral("secret"), {}});
        QVERIFY2(!e, qPrintable(e.message));
        QVERIFY(session.client().isEncrypted());
        QVERIFY(!session.client().hasExtension("STARTTLS"));
        session.close();
        QTRY_VERIFY(server.scriptDone());
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join('\n')));
        // The plaintext part of the conversation carried no credential.
        const QByteArray wire = server.received();
        QVERIFY(wire.indexOf("STARTTLS") < wire.indexOf("AUTH LOGIN"));
    }

    void wrongPasswordIsOneClearError()
    {
        FakeServer server;
        tlsServer(server);
        auto &s = server.script();
        s.send("220 mail.test ESMTP\r\n").expect("EHLO *").send(kEhloTls);
        s.expect("AUTH PLAIN *").send("535 5.7.8 Error: authentication failed: bad password\r\n");
        const quint16 port = server.start();
        SmtpSession session;
        const net::Error e = session.open(options(port, net::Security::ImplicitTls),
                                          {QStringLiteral("alice"), QStringLiteral("wrong"), {}});
        QCOMPARE(e.kind, net::Error::Kind::Authentication);
        QVERIFY2(e.message.contains("535 5.7.8 Error: authentication failed"),
                 qPrintable(e.message));
    }

    void xoauth2SendsTheTokenAndEndsAFailedExchange()
    {
        const QByteArray initial = QByteArray("user=alice@herald.test\x01"
                                              "auth=Bearer tok123\x01\x01")
                                       .toBase64();
        FakeServer server;
        tlsServer(server);
        auto &ok = server.script();
        ok.send("220 mail.test ESMTP\r\n").expect("EHLO *");
        ok.send("250-mail.test\r\n250 AUTH PLAIN XOAUTH2\r\n");
        ok.expect("AUTH XOAUTH2 " + initial).send("235 2.7.0 Accepted\r\n");
        auto &bad = server.script();
        bad.send("220 mail.test ESMTP\r\n").expect("EHLO *");
        bad.send("250-mail.test\r\n250 AUTH XOAUTH2\r\n");
        bad.expect("AUTH XOAUTH2 " + initial);
        bad.send("334 " + QByteArray(R"({"status":"401","schemes":"bearer"})").toBase64() + "\r\n");
        bad.expect("").send("535 5.7.8 Username and Password not accepted\r\n");
        const quint16 port = server.start();
        const net::Credentials token{QStringLiteral("alice@herald.test"), QString(),
                                     QStringLiteral("tok123")};
        SmtpSession first;
        const net::Error e1 = first.open(options(port, net::Security::ImplicitTls), token);
        QVERIFY2(!e1, qPrintable(e1.message));
        SmtpSession second;
        const net::Error e2 = second.open(options(port, net::Security::ImplicitTls), token);
        QCOMPARE(e2.kind, net::Error::Kind::Authentication);
        QVERIFY2(e2.message.contains("535 5.7.8"), qPrintable(e2.message));
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join('\n')));
    }

    void sizeIsCheckedBeforeMail()
    {
        FakeServer server;
        tlsServer(server);
        auto &s = server.script();
        s.send("220 mail.test ESMTP\r\n").expect("EHLO *");
        s.send("250-mail.test\r\n250-SIZE 100\r\n250 AUTH PLAIN\r\n");
        s.expect("AUTH PLAIN *").send("235 ok\r\n");
        const quint16 port = server.start();
        SmtpSession session;
        QVERIFY(!session.open(options(port, net::Security::ImplicitTls),
                              {QStringLiteral("alice"), QStringLiteral("secret"), {}}));
        const QByteArray big = kMessage + QByteArray(200, 'x') + "\r\n";
        const SendResult r = session.send(envelope({QStringLiteral("bob@herald.test")}), big);
        QCOMPARE(r.status, SendResult::Status::PermanentFailure);
        QVERIFY2(r.describe().contains("accepts at most"), qPrintable(r.describe()));
        QTest::qWait(100);
        QVERIFY(!server.received().contains("MAIL FROM"));
        QVERIFY(session.client().isReady()); // nothing was sent: the session is still usable
    }

    void smtpUtf8AndDsnOnlyWhenNeeded()
    {
        FakeServer server;
        tlsServer(server);
        auto &s = loggedIn(server);
        s.expect("MAIL FROM:<alice@herald.test> SIZE=" + QByteArray::number(kMessage.size() + 1) +
                 " SMTPUTF8 RET=HDRS ENVID=id+2Bx@herald.test");
        s.expect("RCPT TO:<jürgen@herald.test> NOTIFY=FAILURE,DELAY");
        s.send("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n");
        s.expect("DATA").send("354 go\r\n");
        expectMessage(s);
        s.send("250 2.0.0 Ok\r\n");
        const quint16 port = server.start();
        SmtpSession session;
        QVERIFY(!session.open(options(port, net::Security::ImplicitTls),
                              {QStringLiteral("alice"), QStringLiteral("secret"), {}}));
        Envelope e = envelope({QStringLiteral("jürgen@herald.test")});
        e.requestDsn = true;
        e.envelopeId = QStringLiteral("id+x@herald.test");
        const SendResult r = session.send(e, kMessage);
        QVERIFY2(r.sent(), qPrintable(r.describe()));
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join('\n')));
    }

    void withoutPipeliningCommandsGoOneByOne()
    {
        FakeServer server;
        tlsServer(server);
        auto &s = server.script();
        s.send("220 mail.test ESMTP\r\n").expect("EHLO *");
        s.send("250-mail.test\r\n250 AUTH PLAIN\r\n");
        s.expect("AUTH PLAIN *").send("235 ok\r\n");
        // Each command waits for its reply: the server checks nothing else is buffered.
        s.expect("MAIL FROM:<alice@herald.test>").send("250 ok\r\n");
        s.expect("RCPT TO:<bob@herald.test>").send("250 ok\r\n");
        s.expect("RCPT TO:<carol@herald.test>").send("250 ok\r\n");
        s.expect("DATA").send("354 go\r\n");
        expectMessage(s);
        s.send("250 queued\r\n");
        const quint16 port = server.start();
        SmtpSession session;
        QVERIFY(!session.open(options(port, net::Security::ImplicitTls),
                              {QStringLiteral("alice"), QStringLiteral("secret"), {}}));
        const SendResult r = session.send(
            envelope({QStringLiteral("bob@herald.test"), QStringLiteral("carol@herald.test")}),
            kMessage);
        QVERIFY2(r.sent(), qPrintable(r.describe()));
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join('\n')));
    }

    void addressInjectionIsRefusedLocally()
    {
        FakeServer server;
        tlsServer(server);
        loggedIn(server);
        const quint16 port = server.start();
        SmtpSession session;
        QVERIFY(!session.open(options(port, net::Security::ImplicitTls),
                              {QStringLiteral("alice"), QStringLiteral("secret"), {}}));
        const SendResult r = session.send(
            envelope({QStringLiteral("bob@herald.test>\r\nRCPT TO:<eve@evil.test")}), kMessage);
        QCOMPARE(r.status, SendResult::Status::PermanentFailure);
        QTest::qWait(100);
        QVERIFY(!server.received().contains("eve@"));
    }

    // Closing the window quits the sync thread while a session waits for the server.
    // QThread::quit() ends every nested event loop of that thread; the session must come back
    // with Cancelled instead of reading an empty result (and later running the client's
    // callback on the dead locals: a crash seen when a window closed during a send).
    void threadQuitDuringAWaitCancelsCleanly()
    {
        QTcpServer silent; // accepts, never greets
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QThread thread;
        QObject worker;
        worker.moveToThread(&thread);
        thread.start();
        std::atomic<bool> returned{false};
        net::Error result;
        QMetaObject::invokeMethod(&worker, [&] {
            smtp::SmtpSession session;
            net::ConnectOptions options;
            options.host = QStringLiteral("127.0.0.1");
            options.port = silent.serverPort();
            options.security = net::Security::StartTls;
            result = session.open(options, {QStringLiteral("alice"), QStringLiteral("pw"), {}});
            returned = true;
        });
        QTRY_VERIFY(silent.hasPendingConnections()); // the session now waits for the greeting
        QVERIFY(!returned);
        thread.quit();
        QVERIFY(thread.wait(5000));
        QVERIFY(returned);
        QCOMPARE(result.kind, net::Error::Kind::Cancelled);
        worker.moveToThread(QThread::currentThread());
    }
};

QTEST_GUILESS_MAIN(TestSmtpClient)
#include "tst_smtp_client.moc"
