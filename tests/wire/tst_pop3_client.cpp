// Pop3Client and Pop3Download against scripted servers: dot-unstuffing across reads, pipelining,
// logins (AUTH PLAIN, USER/PASS, APOP), STLS refusal never sends credentials, garbage answers
// give one clear error and leave the cache untouched, the no-UIDL content-hash fallback, and
// DELE only after the message is in the cache.
#include "core/accounts/AccountSettings.h"
#include "core/engine/pop3/Pop3Download.h"
#include "core/pop3/Pop3Client.h"
#include "core/store/Pop3State.h"
#include "core/store/Store.h"
#include "tests/wire/FakeServer.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

using namespace herald;
using namespace herald::pop3;
using herald::test::FakeServer;

namespace {
template <class T> struct Waiter
{
    std::optional<Result<T>> result;
    ResultCallback<T> cb()
    {
        return [this](const Result<T> &r) { result = r; };
    }
    bool done() const { return result.has_value(); }
};

const QByteArray kCapa = "+OK\r\nCAPA\r\nTOP\r\nUIDL\r\nUSER\r\nSASL PLAIN\r\nPIPELINING\r\n.\r\n";
const QByteArray kPlain = QByteArray("\0alice\0secret", 13).toBase64();

QByteArray stuffed(const QByteArray &message)
{
    QByteArray out;
    for (const QByteArray &line : message.split('\n')) {
        if (line.isEmpty())
            continue;
        out += line.startsWith('.') ? "." + line : line;
        out += "\n";
    }
    return out;
}
} // namespace

class TestPop3Wire : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    test::TestCertificate m_cert;

    net::ConnectOptions options(quint16 port, net::Security security = net::Security::ImplicitTls)
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

    // A TLS fake server whose script starts with greeting, CAPA and AUTH PLAIN for alice/secret.
    void loginScript(FakeServer &server, test::FakeScript &s)
    {
        server.setCertificate(m_cert);
        server.setImplicitTls(true);
        s.send("+OK POP3 ready\r\n")
            .expect("CAPA")
            .send(kCapa)
            .expect("AUTH PLAIN")
            .send("+ \r\n")
            .expect(kPlain)
            .send("+OK Logged in.\r\n");
    }

    bool connectAndLogin(Pop3Client &client, quint16 port)
    {
        Waiter<Empty> connected, login;
        client.connectToServer(options(port), connected.cb());
        client.authenticatePlain(QStringLiteral("alice"), QStringLiteral("secret"), login.cb());
        if (!QTest::qWaitFor([&] { return login.done(); }, 5000))
            return false;
        if (!login.result->ok())
            qWarning() << "login:" << login.result->error.message;
        return connected.result && connected.result->ok() && login.result->ok();
    }

    // A profile with one POP3 account pointing at the fake server.
    struct Profile
    {
        QTemporaryDir dir;
        std::unique_ptr<store::Store> store;
        store::Account account;
    };
    std::unique_ptr<Profile> profile(quint16 port)
    {
        auto p = std::make_unique<Profile>();
        p->store = std::make_unique<store::Store>(p->dir.path());
        accounts::AccountSettings settings;
        qputenv("HERALD_WIRE_POP3_PASSWORD", "secret");
        settings.passwordSource = QStringLiteral("env:HERALD_WIRE_POP3_PASSWORD");
        settings.caFile = m_cert.certificatePath;
        p->account.name = QStringLiteral("pop");
        p->account.email = QStringLiteral("alice@example.test");
        p->account.incomingUrl = QStringLiteral("pop3s://alice@localhost:%1").arg(port);
        p->account.outgoingUrl = QStringLiteral("smtps://alice@localhost:1");
        p->account.settingsJson = settings.toJson();
        p->account.id = p->store->accounts().add(p->account);
        return p;
    }

    static qint64 count(store::Store &s, const char *table)
    {
        store::Statement st(s.db(), (QByteArray("SELECT count(*) FROM ") + table).constData());
        st.step();
        return st.int64(0);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cert = test::makeTestCertificate(m_dir.path());
        QVERIFY(m_cert.isValid());
    }

    void retrUnstuffsDotsSplitAcrossReads()
    {
        const QByteArray message = "Subject: dots\r\n\r\n.leading dot\r\n..two dots\r\nplain\r\n"
                                   ".\r\n"; // a body line that is only "."
        QByteArray wire = "+OK 60 octets\r\nSubject: dots\r\n\r\n..leading dot\r\n...two dots\r\n"
                          "plain\r\n..\r\n.\r\n";
        // Split inside the status line, between "\r" and "\n", right before and after each dot.
        QList<int> splits;
        for (int i = 1; i < wire.size(); ++i)
            if (wire.at(i) == '.' || wire.at(i - 1) == '.' || wire.at(i) == '\n' || i == 3)
                splits << i;
        FakeServer server;
        auto &s = server.script();
        loginScript(server, s);
        s.expect("RETR 1").send(wire, splits).expect("QUIT").send("+OK Bye\r\n");
        const quint16 port = server.start();
        Pop3Client client;
        QVERIFY(connectAndLogin(client, port));
        Waiter<QByteArray> retr;
        Waiter<Empty> quit;
        client.retr(1, retr.cb());
        client.quit(quit.cb());
        QTRY_VERIFY_WITH_TIMEOUT(quit.done(), 5000);
        QVERIFY2(retr.result->ok(), qPrintable(retr.result->error.message));
        QCOMPARE(retr.result->value, message);
        QVERIFY(quit.result->ok());
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join("; ")));
        QCOMPARE(client.state(), Pop3Client::State::Disconnected);
    }

    void pipelinesListUidlAndRetr()
    {
        FakeServer server;
        auto &s = server.script();
        loginScript(server, s);
        // The three commands arrive before any answer: the script reads all three first.
        s.expect("UIDL")
            .expect("LIST")
            .expect("RETR 2")
            .send("+OK\r\n1 aaa\r\n2 bbb\r\n.\r\n+OK\r\n1 10\r\n2 20\r\n.\r\n")
            .send("+OK\r\nSubject: b\r\n\r\nbody\r\n.\r\n", {5, 17, 30})
            .expect("STAT")
            .send("+OK 2 30\r\n");
        const quint16 port = server.start();
        Pop3Client client;
        QVERIFY(connectAndLogin(client, port));
        QVERIFY(client.isPipelining());
        Waiter<QList<UidlEntry>> uidl;
        Waiter<QList<ListEntry>> list;
        Waiter<QByteArray> retr;
        Waiter<MailboxStat> stat;
        client.uidl(uidl.cb());
        client.list(list.cb());
        client.retr(2, retr.cb());
        client.stat(stat.cb());
        QTRY_VERIFY_WITH_TIMEOUT(stat.done(), 5000);
        QVERIFY(uidl.result->ok() && list.result->ok() && retr.result->ok() && stat.result->ok());
        QCOMPARE(uidl.result->value.size(), 2);
        QCOMPARE(uidl.result->value[1].uid, QByteArray("bbb"));
        QCOMPARE(list.result->value[1].size, 20);
        QCOMPARE(retr.result->value, QByteArray("Subject: b\r\n\r\nbody\r\n"));
        QCOMPARE(stat.result->value.count, 2);
        QCOMPARE(stat.result->value.size, 30);
    }

    void userPassWhenNoSasl()
    {
        FakeServer server;
        server.setCertificate(m_cert);
        server.setImplicitTls(true);
        server.script()
            .send("+OK ready\r\n")
            .expect("CAPA")
            .send("-ERR unknown command\r\n")
            .expect("USER alice")
            .send("+OK\r\n")
            .expect("PASS secret")
            .send("-ERR [AUTH] Authentication failed.\r\n");
        const quint16 port = server.start();
        Pop3Client client;
        Waiter<Empty> connected, login;
        client.connectToServer(options(port), connected.cb());
        client.loginUserPass(QStringLiteral("alice"), QStringLiteral("secret"), login.cb());
        QTRY_VERIFY_WITH_TIMEOUT(login.done(), 5000);
        QVERIFY(connected.result->ok());
        QVERIFY(!client.capabilitiesKnown());
        QCOMPARE(login.result->error.kind, net::Error::Kind::Authentication);
        QVERIFY2(login.result->error.message.contains("Authentication failed"),
                 qPrintable(login.result->error.message));
    }

    void apopWhenChosen()
    {
        const QByteArray ts = "<1896.697170952@dbc.mtview.ca.us>";
        const QByteArray digest =
            QCryptographicHash::hash(ts + "tanstaaf", QCryptographicHash::Md5).toHex();
        QCOMPARE(digest, QByteArray("c4c9334bac560ecc979e58001b3e22fb")); // RFC 1939's example
        FakeServer server;
        server.setCertificate(m_cert);
        server.setImplicitTls(true);
        server.script()
            .send("+OK POP3 server ready " + ts + "\r\n")
            .expect("CAPA")
            .send(kCapa)
            .expect("APOP mrose " + digest)
            .send("+OK maildrop has 0 messages\r\n");
        const quint16 port = server.start();
        Pop3Client client;
        Waiter<Empty> connected, login;
        client.connectToServer(options(port), connected.cb());
        QTRY_VERIFY_WITH_TIMEOUT(connected.done(), 5000);
        QCOMPARE(client.apopTimestamp(), ts);
        client.apop(QStringLiteral("mrose"), QStringLiteral("tanstaaf"), login.cb());
        QTRY_VERIFY_WITH_TIMEOUT(login.done(), 5000);
        QVERIFY2(login.result->ok(), qPrintable(login.result->error.message));
        QCOMPARE(client.state(), Pop3Client::State::Transaction);
    }

    void stlsRefusedNeverSendsCredentials_data()
    {
        QTest::addColumn<QByteArray>("capa");
        QTest::addColumn<QByteArray>("stlsReply"); // empty: STLS must not be sent
        QTest::newRow("not offered")
            << QByteArray("+OK\r\nUSER\r\nSASL PLAIN\r\n.\r\n") << QByteArray();
        QTest::newRow("refused") << QByteArray("+OK\r\nUSER\r\nSTLS\r\n.\r\n")
                                 << QByteArray("-ERR TLS not available\r\n");
        QTest::newRow("no CAPA, refused")
            << QByteArray("-ERR what?\r\n") << QByteArray("-ERR command unknown\r\n");
        QTest::newRow("garbage to STLS")
            << QByteArray("+OK\r\nSTLS\r\n.\r\n") << QByteArray("* OK begin\r\n");
        QTest::newRow("data injected after +OK")
            << QByteArray("+OK\r\nSTLS\r\n.\r\n") << QByteArray("+OK go\r\n+OK injected\r\n");
    }
    void stlsRefusedNeverSendsCredentials()
    {
        QFETCH(QByteArray, capa);
        QFETCH(QByteArray, stlsReply);
        FakeServer server; // plaintext until STLS
        auto &s = server.script();
        s.send("+OK ready <1.2@host>\r\n").expect("CAPA").send(capa);
        if (!stlsReply.isEmpty())
            s.expect("STLS").send(stlsReply);
        s.wait(300);
        const quint16 port = server.start();
        Pop3Client client;
        Waiter<Empty> connected, user, plain, apop;
        client.connectToServer(options(port, net::Security::StartTls), connected.cb());
        // Queued before the connection is up: must never reach the wire.
        client.loginUserPass(QStringLiteral("alice"), QStringLiteral("secret"), user.cb());
        client.authenticatePlain(QStringLiteral("alice"), QStringLiteral("secret"), plain.cb());
        client.apop(QStringLiteral("alice"), QStringLiteral("secret"), apop.cb());
        QTRY_VERIFY_WITH_TIMEOUT(connected.done() && user.done() && plain.done() && apop.done(),
                                 5000);
        QVERIFY(!connected.result->ok());
        const auto kind = connected.result->error.kind;
        QVERIFY2(kind == net::Error::Kind::StartTlsUnavailable ||
                     kind == net::Error::Kind::Protocol,
                 qPrintable(connected.result->error.message));
        QVERIFY(!user.result->ok() && !plain.result->ok() && !apop.result->ok());
        QTest::qWait(100);
        const QByteArray wire = server.received();
        for (const char *secret : {"USER", "PASS", "AUTH", "APOP", "secret", "alice"})
            QVERIFY2(!wire.contains(secret), wire.constData());
        QVERIFY2(!wire.contains(kPlain), wire.constData());
        QCOMPARE(client.state(), Pop3Client::State::Disconnected);
    }

    void loginRefusedLocallyWithoutTls()
    {
        // Even if a caller skipped the security policy, no credential goes out in clear.
        FakeServer server;
        server.script().send("+OK ready\r\n").expect("CAPA").send(kCapa).wait(500);
        const quint16 port = server.start();
        Pop3Client client;
        net::ConnectOptions o = options(port, net::Security::StartTls);
        Waiter<Empty> connected;
        client.connectToServer(o, connected.cb());
        QTRY_VERIFY_WITH_TIMEOUT(connected.done(), 5000); // fails: no STLS offered
        QVERIFY(!connected.result->ok());
        QVERIFY(!server.received().contains("USER"));
    }

    void garbageAnswerIsOneClearError()
    {
        FakeServer server;
        auto &s = server.script();
        loginScript(server, s);
        s.expect("UIDL").expect("LIST").send("HTTP/1.1 400 Bad Request\r\n\r\n").wait(300);
        const quint16 port = server.start();
        Pop3Client client;
        QVERIFY(connectAndLogin(client, port));
        Waiter<QList<UidlEntry>> uidl;
        Waiter<QList<ListEntry>> list;
        Waiter<QByteArray> retr;
        QList<net::Error> disconnects;
        connect(&client, &Pop3Client::disconnected, this,
                [&](const net::Error &e) { disconnects << e; });
        client.uidl(uidl.cb());
        client.list(list.cb());
        client.retr(1, retr.cb());
        QTRY_VERIFY_WITH_TIMEOUT(uidl.done() && list.done() && retr.done(), 5000);
        QCOMPARE(uidl.result->error.kind, net::Error::Kind::Protocol);
        QVERIFY2(uidl.result->error.message.contains("HTTP/1.1 400"),
                 qPrintable(uidl.result->error.message));
        QCOMPARE(list.result->error.message, uidl.result->error.message);
        QCOMPARE(retr.result->error.message, uidl.result->error.message);
        QCOMPARE(disconnects.size(), 1);
        QCOMPARE(client.state(), Pop3Client::State::Disconnected);
    }

    void messageLargerThanLimitStops()
    {
        FakeServer server;
        auto &s = server.script();
        loginScript(server, s);
        s.expect("RETR 1").send("+OK\r\n" + QByteArray(4000, 'x') + "\r\n.\r\n").wait(300);
        const quint16 port = server.start();
        Pop3Client client;
        client.setMaxMessageBytes(1000);
        QVERIFY(connectAndLogin(client, port));
        Waiter<QByteArray> retr;
        client.retr(1, retr.cb());
        QTRY_VERIFY_WITH_TIMEOUT(retr.done(), 5000);
        QCOMPARE(retr.result->error.kind, net::Error::Kind::Protocol);
        QVERIFY(retr.result->value.isEmpty());
    }

    void silentServerTimesOut()
    {
        FakeServer server;
        auto &s = server.script();
        loginScript(server, s);
        s.expect("RETR 1").wait(5000);
        const quint16 port = server.start();
        Pop3Client client;
        QVERIFY(connectAndLogin(client, port));
        client.setReadTimeout(400);
        Waiter<QByteArray> retr;
        QElapsedTimer t;
        t.start();
        client.retr(1, retr.cb());
        QTRY_VERIFY_WITH_TIMEOUT(retr.done(), 4000);
        QCOMPARE(retr.result->error.kind, net::Error::Kind::Timeout);
        QVERIFY(t.elapsed() < 3000);
        QCOMPARE(client.state(), Pop3Client::State::Disconnected);
    }

    void engineGarbageLeavesCacheUntouched()
    {
        FakeServer server;
        auto &s = server.script();
        loginScript(server, s);
        s.expect("UIDL").expect("LIST").send("+OK\r\n1 aaa\r\n.\r\n").send("\x01\x02 nonsense\r\n");
        const quint16 port = server.start();
        auto p = profile(port);
        Pop3Download download(*p->store, p->account);
        DownloadReport report;
        const net::Error e = download.run(report);
        QCOMPARE(e.kind, net::Error::Kind::Protocol);
        QVERIFY2(e.message.contains("does not understand"), qPrintable(e.message));
        QCOMPARE(count(*p->store, "messages"), 0);
        QCOMPARE(count(*p->store, "folders"), 0);
        QCOMPARE(count(*p->store, "pop3_state"), 0);
    }

    void engineDeletesOnlyAfterCommit()
    {
        const QByteArray m1 = "Subject: one\r\nMessage-ID: <1@x>\r\n\r\nfirst\r\n";
        const QByteArray m2 = "Subject: two\r\nMessage-ID: <2@x>\r\n\r\n.second\r\n";
        FakeServer server;
        auto &s = server.script();
        loginScript(server, s);
        s.expect("UIDL")
            .expect("LIST")
            .send("+OK\r\n1 u1\r\n2 u2\r\n.\r\n+OK\r\n1 40\r\n2 42\r\n.\r\n")
            .expect("RETR 1")
            .expect("RETR 2")
            .send("+OK\r\n" + stuffed(m1).replace("\n", "\r\n").replace("\r\r", "\r") + ".\r\n")
            .send("+OK\r\n" + stuffed(m2).replace("\n", "\r\n").replace("\r\r", "\r") + ".\r\n")
            .expect("DELE 1")
            .expect("DELE 2")
            .send("+OK\r\n+OK\r\n")
            .expect("QUIT")
            .send("+OK bye\r\n");
        const quint16 port = server.start();
        auto p = profile(port);
        Pop3Download download(*p->store, p->account);
        DownloadOptions o = download.options();
        o.leaveOnServer = false;
        download.setOptions(o);
        DownloadReport report;
        const net::Error e = download.run(report);
        QVERIFY2(!e, qPrintable(e.message));
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join("; ")));
        QCOMPARE(report.downloaded, 2);
        QCOMPARE(report.deleted, 2);
        const auto second = p->store->messages().byRemoteKey(p->account.id, QStringLiteral("u2"));
        QVERIFY(second);
        QCOMPARE(*p->store->bodies().get(second->id), m2);
        QCOMPARE(second->folderName, QStringLiteral("INBOX"));
        QVERIFY(p->store->folders().byName(p->account.id, QStringLiteral("INBOX"))->isLocal);
    }

    void engineWithoutUidlUsesContentHash()
    {
        const QByteArray headers = "Subject: same\r\nFrom: a@b\r\n\r\n";
        FakeServer server;
        auto &s = server.script();
        loginScript(server, s);
        s.expect("UIDL")
            .expect("LIST")
            .send("-ERR no UIDL here\r\n+OK\r\n1 30\r\n2 30\r\n.\r\n")
            .expect("TOP 1 0")
            .expect("TOP 2 0")
            .send("+OK\r\n" + headers + ".\r\n+OK\r\n" + headers + ".\r\n")
            .expect("RETR 1")
            .expect("RETR 2")
            .send("+OK\r\n" + headers + "x\r\n.\r\n+OK\r\n" + headers + "y\r\n.\r\n")
            .expect("QUIT")
            .send("+OK bye\r\n");
        const quint16 port = server.start();
        auto p = profile(port);
        Pop3Download download(*p->store, p->account);
        DownloadReport report;
        const net::Error e = download.run(report);
        QVERIFY2(!e, qPrintable(e.message));
        QVERIFY(report.usedContentHash);
        QCOMPARE(report.downloaded, 2);
        // Documented in core/pop3/README.md.
        const QByteArray digest =
            QCryptographicHash::hash("Subject: same\nFrom: a@b\n\n30", QCryptographicHash::Sha256)
                .toHex();
        const QString key = "sha256:" + QString::fromLatin1(digest);
        QCOMPARE(Pop3Download::contentKey(headers, 30), key);
        QVERIFY(p->store->messages().byRemoteKey(p->account.id, key));
        QVERIFY(p->store->messages().byRemoteKey(p->account.id, key + "#2"));
    }
};

QTEST_MAIN(TestPop3Wire)
#include "tst_pop3_client.moc"
