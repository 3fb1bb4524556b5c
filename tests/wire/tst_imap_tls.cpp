// TLS policy of ImapClient: STARTTLS is mandatory when asked for (never a credential in clear),
// untrusted certificates fail with their SHA-256 fingerprint and can then be pinned.
#include "core/imap/ImapClient.h"
#include "core/net/CertificateTrust.h"
#include "tests/wire/FakeServer.h"
#include "tests/wire/WireHelpers.h"

#include <QtTest>

using namespace herald;
using namespace herald::imap;
using herald::test::FakeServer;
using herald::test::Waiter;

class TestImapTls : public QObject
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

    static void assertNoCredentials(const FakeServer &server)
    {
        const QByteArray wire = server.received();
        QVERIFY2(!wire.contains("LOGIN"), wire.constData());
        QVERIFY2(!wire.contains("AUTHENTICATE"), wire.constData());
        QVERIFY2(!wire.contains("secret"), wire.constData());
        QVERIFY2(!wire.contains(QByteArray("\0alice\0secret", 13).toBase64()), wire.constData());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cert = test::makeTestCertificate(m_dir.path());
        QVERIFY(m_cert.isValid());
    }

    void startTlsRefusedNeverSendsCredentials_data()
    {
        QTest::addColumn<QByteArray>("greeting");
        QTest::addColumn<QByteArray>("capabilityReply"); // empty: no CAPABILITY round trip
        QTest::addColumn<QByteArray>("startTlsReply");   // empty: STARTTLS must not be sent
        QTest::newRow("not offered in greeting")
            << QByteArray("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hi\r\n") << QByteArray()
            << QByteArray();
        QTest::newRow("not offered by CAPABILITY")
            << QByteArray("* OK hi\r\n")
            << QByteArray("* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n$tag OK\r\n") << QByteArray();
        QTest::newRow("answers NO")
            << QByteArray("* OK [CAPABILITY IMAP4rev1 STARTTLS] hi\r\n") << QByteArray()
            << QByteArray("$tag NO TLS not available now\r\n");
        QTest::newRow("answers BAD") << QByteArray("* OK [CAPABILITY IMAP4rev1 STARTTLS] hi\r\n")
                                     << QByteArray() << QByteArray("$tag BAD what?\r\n");
        QTest::newRow("pre-authenticated")
            << QByteArray("* PREAUTH [CAPABILITY IMAP4rev1 STARTTLS] welcome\r\n") << QByteArray()
            << QByteArray();
        QTest::newRow("OK with injected data")
            << QByteArray("* OK [CAPABILITY IMAP4rev1 STARTTLS] hi\r\n") << QByteArray()
            << QByteArray("$tag OK begin TLS\r\n* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n");
    }
    void startTlsRefusedNeverSendsCredentials()
    {
        QFETCH(QByteArray, greeting);
        QFETCH(QByteArray, capabilityReply);
        QFETCH(QByteArray, startTlsReply);
        FakeServer server; // plaintext until STARTTLS
        auto &s = server.script();
        s.send(greeting);
        if (!capabilityReply.isEmpty())
            s.expect("* CAPABILITY").send(capabilityReply);
        if (!startTlsReply.isEmpty())
            s.expect("* STARTTLS").send(startTlsReply);
        s.wait(300);
        const quint16 port = server.start();
        ImapClient client;
        Waiter<Empty> connected, login, auth;
        client.connectToServer(options(port, net::Security::StartTls), connected.cb());
        // Queued before the connection is up: must never reach the wire.
        client.login(QStringLiteral("alice"), QStringLiteral("secret"), login.cb());
        client.authenticatePlain(QStringLiteral("alice"), QStringLiteral("secret"), auth.cb());
        QTRY_VERIFY_WITH_TIMEOUT(connected.done() && login.done() && auth.done(), 5000);
        QVERIFY(!connected.result->ok());
        const auto kind = connected.result->error.kind;
        QVERIFY2(kind == net::Error::Kind::StartTlsUnavailable ||
                     kind == net::Error::Kind::Protocol,
                 qPrintable(connected.result->error.message));
        QVERIFY(!connected.result->error.message.isEmpty());
        QVERIFY(!login.result->ok());
        QVERIFY(!auth.result->ok());
        QTest::qWait(100);
        assertNoCredentials(server);
        QCOMPARE(client.state(), ImapClient::State::Disconnected);
    }

    void startTlsUpgradesThenLogsIn()
    {
        FakeServer server;
        server.setCertificate(m_cert);
        server.script()
            .send("* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] hi\r\n")
            .expect("* STARTTLS")
            .send("$tag OK Begin TLS negotiation now\r\n")
            .startTls()
            .expect("* CAPABILITY")
            .send("* CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR\r\n$tag OK\r\n")
            .expect("* AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==")
            .send("$tag OK [CAPABILITY IMAP4rev1 IDLE] Logged in\r\n");
        const quint16 port = server.start();
        ImapClient client;
        Waiter<Empty> connected, auth;
        client.connectToServer(options(port, net::Security::StartTls), connected.cb());
        client.authenticatePlain(QStringLiteral("alice"), QStringLiteral("secret"), auth.cb());
        QTRY_VERIFY_WITH_TIMEOUT(auth.done(), 5000);
        QVERIFY2(connected.result->ok(), qPrintable(connected.result->error.message));
        QVERIFY2(auth.result->ok(),
                 qPrintable(auth.result->error.message + server.failures().join(',')));
        QVERIFY(client.isEncrypted());
        QVERIFY(!client.hasCapability("LOGINDISABLED")); // plaintext capabilities were discarded
        QVERIFY(client.hasCapability("IDLE"));
    }

    void untrustedCertificateShowsFingerprintThenPin()
    {
        FakeServer server;
        server.setCertificate(m_cert);
        server.setImplicitTls(true);
        server.script().send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hi\r\n");
        const quint16 port = server.start();

        net::ConnectOptions o = options(port, net::Security::ImplicitTls);
        o.trust = net::CertificateTrust(); // system CAs only
        ImapClient client;
        Waiter<Empty> first;
        client.connectToServer(o, first.cb());
        QTRY_VERIFY_WITH_TIMEOUT(first.done(), 5000);
        const net::Error &err = first.result->error;
        QCOMPARE(err.kind, net::Error::Kind::UntrustedCertificate);
        const QString expected = net::CertificateTrust::fingerprint(m_cert.certificate);
        QCOMPARE(err.certificateFingerprint, expected);
        QVERIFY(expected.contains(QLatin1Char(':')));
        QCOMPARE(expected.size(), 32 * 3 - 1);
        QVERIFY(err.message.contains(expected));
        QCOMPARE(err.certificate, m_cert.certificate);
        QCOMPARE(client.state(), ImapClient::State::Disconnected);

        // The user accepts the certificate: the pin persists as a hex string list.
        net::CertificateTrust trust;
        trust.addPin(err.certificate);
        const QStringList stored = trust.pins();
        net::CertificateTrust restored;
        restored.setPins(stored);
        o.trust = restored;
        Waiter<Empty> second;
        client.connectToServer(o, second.cb());
        QTRY_VERIFY_WITH_TIMEOUT(second.done(), 5000);
        QVERIFY2(second.result->ok(), qPrintable(second.result->error.message));
        QVERIFY(client.isEncrypted());
    }

    // With an extra CA configured, the handshake is given that CA alone (fast start-up);
    // a server whose chain ends at a system CA must still be accepted, and one that ends
    // nowhere refused. SSL_CERT_DIR stands in for the system store, as OpenSSL allows.
    void systemStoreStillDecidesWithAnExtraCa_data()
    {
        QTest::addColumn<bool>("inSystemStore");
        QTest::newRow("server's CA in the system store") << true;
        QTest::newRow("server's CA nowhere") << false;
    }
    void systemStoreStillDecidesWithAnExtraCa()
    {
        QFETCH(bool, inSystemStore);
        QTemporaryDir otherCaDir, systemDir;
        const test::TestCertificate otherCa = test::makeTestCertificate(otherCaDir.path());
        QVERIFY(otherCa.isValid());
        if (inSystemStore) {
            QProcess hash;
            hash.start(QStringLiteral("openssl"),
                       {QStringLiteral("x509"), QStringLiteral("-hash"), QStringLiteral("-noout"),
                        QStringLiteral("-in"), m_cert.certificatePath});
            QVERIFY(hash.waitForFinished(10000) && hash.exitCode() == 0);
            const QString name =
                QString::fromLatin1(hash.readAllStandardOutput().trimmed()) + QStringLiteral(".0");
            QVERIFY(QFile::copy(m_cert.certificatePath, QDir(systemDir.path()).filePath(name)));
        }
        const QByteArray previous = qgetenv("SSL_CERT_DIR");
        qputenv("SSL_CERT_DIR", systemDir.path().toLocal8Bit());
        const auto restore = qScopeGuard([&] { qputenv("SSL_CERT_DIR", previous); });

        FakeServer server;
        server.setCertificate(m_cert);
        server.setImplicitTls(true);
        server.script().send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hi\r\n");
        const quint16 port = server.start();
        net::ConnectOptions o = options(port, net::Security::ImplicitTls);
        o.trust = net::CertificateTrust();
        o.trust.addCaFile(otherCa.certificatePath); // an extra CA that did not sign the server
        ImapClient client;
        Waiter<Empty> connected;
        client.connectToServer(o, connected.cb());
        QTRY_VERIFY_WITH_TIMEOUT(connected.done(), 5000);
        if (inSystemStore) {
            QVERIFY2(connected.result->ok(), qPrintable(connected.result->error.message));
            QVERIFY(client.isEncrypted());
        } else {
            QCOMPARE(connected.result->error.kind, net::Error::Kind::UntrustedCertificate);
            QVERIFY(connected.result->error.message.contains(
                net::CertificateTrust::fingerprint(m_cert.certificate)));
        }
    }
};

QTEST_GUILESS_MAIN(TestImapTls)
#include "tst_imap_tls.moc"
