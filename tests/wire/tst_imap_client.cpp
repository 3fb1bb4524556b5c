// ImapClient against scripted servers: framing, unsolicited data, BYE, garbage, huge literals,
// pipelining, UID MOVE fallback, QRESYNC select, APPEND, IDLE, timeouts, certificate trust.
#include "core/imap/ImapClient.h"
#include "core/imap/ImapSession.h"
#include "tests/wire/FakeServer.h"
#include "tests/wire/WireHelpers.h"

#include <QSignalSpy>
#include <QtTest>

using namespace herald;
using namespace herald::imap;
using herald::test::FakeServer;
using herald::test::Waiter;

namespace {
const QByteArray kCaps = "IMAP4rev1 LITERAL+ SASL-IR AUTH=PLAIN UIDPLUS MOVE IDLE CONDSTORE "
                         "QRESYNC ENABLE ESEARCH SPECIAL-USE LIST-EXTENDED ID NAMESPACE";
QByteArray greeting(const QByteArray &caps = kCaps)
{
    return "* OK [CAPABILITY " + caps + "] Fake ready.\r\n";
}
} // namespace

class TestImapClient : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    test::TestCertificate m_cert;

    net::ConnectOptions options(quint16 port, bool trustTestCa = true)
    {
        net::ConnectOptions o;
        o.host = QStringLiteral("localhost");
        o.port = port;
        o.security = net::Security::ImplicitTls;
        o.connectTimeoutMs = 5000;
        o.readTimeoutMs = 5000;
        if (trustTestCa)
            o.trust.addCaFile(m_cert.certificatePath);
        return o;
    }

    // Starts a TLS fake server whose script begins with greeting + LOGIN; returns the script.
    test::FakeScript &loginScript(FakeServer &server, const QByteArray &caps = kCaps)
    {
        server.setCertificate(m_cert);
        server.setImplicitTls(true);
        auto &s = server.script();
        s.send(greeting(caps))
            .expect("* LOGIN alice secret")
            .send("$tag OK [CAPABILITY " + caps + "] Logged in\r\n");
        return s;
    }

    bool connectAndLogin(ImapClient &client, quint16 port)
    {
        Waiter<Empty> connected, loggedIn;
        client.connectToServer(options(port), connected.cb());
        client.login(QStringLiteral("alice"), QStringLiteral("secret"), loggedIn.cb());
        if (!QTest::qWaitFor([&] { return loggedIn.done(); }, 10000))
            return false;
        if (!connected.result->ok())
            qWarning() << connected.result->error.message;
        return connected.result->ok() && loggedIn.result->ok();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cert = test::makeTestCertificate(m_dir.path());
        QVERIFY(m_cert.isValid());
    }

    void literalSplitAtEveryByte_data()
    {
        QTest::addColumn<QList<int>>("cuts");
        const int size = int(fetchResponse().size());
        for (int cut = 1; cut < size; ++cut)
            QTest::addRow("cut %d", cut) << QList<int>{cut};
        QList<int> all;
        for (int i = 1; i < size; ++i)
            all << i;
        QTest::newRow("every byte") << all;
    }
    static QByteArray fetchResponse()
    {
        return "* 1 FETCH (UID 5 FLAGS (\\Seen) BODY[] {14}\r\nHi\r\n{3}\r\n(\"x\r\n)\r\n";
    }
    void literalSplitAtEveryByte()
    {
        QFETCH(QList<int>, cuts);
        FakeServer server;
        loginScript(server)
            .expect("* UID FETCH 5 (UID FLAGS BODY.PEEK[])")
            .send(fetchResponse(), cuts)
            .send("$tag OK Fetch completed\r\n");
        const quint16 port = server.start();
        ImapClient client;
        QVERIFY(connectAndLogin(client, port));
        QList<FetchData> messages;
        Waiter<FetchResult> fetched;
        client.uidFetch(
            UidSet::range(5, 5), "UID FLAGS BODY.PEEK[]", {},
            [&](const FetchData &f) { messages << f; }, fetched.cb());
        QTRY_VERIFY_WITH_TIMEOUT(fetched.done(), 10000);
        QVERIFY2(fetched.result->ok(), qPrintable(fetched.result->error.message));
        QCOMPARE(messages.size(), 1);
        QCOMPARE(*messages[0].uid, 5u);
        QCOMPARE(messages[0].section("BODY[]"), QByteArray("Hi\r\n{3}\r\n(\"x\r\n"));
        QCOMPARE(*messages[0].flags, QList<QByteArray>{"\\Seen"});
        QVERIFY(server.failures().isEmpty());
    }

    void unsolicitedDuringFetch()
    {
        FakeServer server;
        loginScript(server)
            .expect("* UID FETCH 5:6 (UID FLAGS)")
            .send("* 1 FETCH (UID 5 FLAGS ())\r\n"
                  "* 3 EXPUNGE\r\n"
                  "* 7 FETCH (FLAGS (\\Seen))\r\n"
                  "* 9 FETCH (UID 99 FLAGS (\\Flagged))\r\n"
                  "* 10 EXISTS\r\n"
                  "* VANISHED 40:41\r\n"
                  "* 2 FETCH (UID 6 FLAGS (\\Answered))\r\n"
                  "$tag OK done\r\n");
        const quint16 port = server.start();
        ImapClient client;
        QVERIFY(connectAndLogin(client, port));
        QList<MailboxEvent> events;
        connect(&client, &ImapClient::mailboxEvent, this,
                [&](const MailboxEvent &e) { events << e; });
        QList<quint32> uids;
        Waiter<FetchResult> fetched;
        client.uidFetch(
            UidSet::range(5, 6), "(UID FLAGS)", {}, [&](const FetchData &f) { uids << *f.uid; },
            fetched.cb());
        QTRY_VERIFY_WITH_TIMEOUT(fetched.done(), 5000);
        QVERIFY(fetched.result->ok());
        QCOMPARE(uids, (QList<quint32>{5, 6}));
        QCOMPARE(fetched.result->value.messages, 2u);
        QCOMPARE(events.size(), 5);
        QCOMPARE(events[0].kind, MailboxEvent::Kind::Expunge);
        QCOMPARE(events[0].number, 3u);
        QCOMPARE(events[1].kind, MailboxEvent::Kind::Fetch);
        QCOMPARE(events[1].fetch.seq, 7u);
        QCOMPARE(*events[1].fetch.flags, QList<QByteArray>{"\\Seen"});
        QCOMPARE(events[2].kind, MailboxEvent::Kind::Fetch);
        QCOMPARE(*events[2].fetch.uid, 99u);
        QCOMPARE(events[3].kind, MailboxEvent::Kind::Exists);
        QCOMPARE(events[3].number, 10u);
        QCOMPARE(events[4].kind, MailboxEvent::Kind::Vanished);
        QCOMPARE(events[4].vanished.uids.toByteArray(), QByteArray("40:41"));
    }

    void byeEndsConnectionWithReason()
    {
        FakeServer server;
        loginScript(server).expect("* NOOP").send("* BYE Server shutting down\r\n").close();
        const quint16 port = server.start();
        ImapClient client;
        QVERIFY(connectAndLogin(client, port));
        QSignalSpy disconnected(&client, &ImapClient::disconnected);
        Waiter<Empty> noop, queued;
        client.noop(noop.cb());
        QTRY_VERIFY_WITH_TIMEOUT(noop.done(), 5000);
        QCOMPARE(noop.result->error.kind, net::Error::Kind::ServerBye);
        QVERIFY(noop.result->error.message.contains(QStringLiteral("Server shutting down")));
        QCOMPARE(disconnected.count(), 1);
        QCOMPARE(client.state(), ImapClient::State::Disconnected);
        client.noop(queued.cb());
        QTRY_VERIFY(queued.done());
        QCOMPARE(queued.result->error.kind, net::Error::Kind::NotConnected);
    }

    void garbageLineIsProtocolError_data()
    {
        QTest::addColumn<QByteArray>("garbage");
        QTest::newRow("words") << QByteArray("hello there, this is not IMAP\r\n");
        QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff\r\n", 6);
        QTest::newRow("unknown tag") << QByteArray("zz9 OK who are you\r\n");
        QTest::newRow("broken fetch") << QByteArray("* 1 FETCH (UID \r\n");
    }
    void garbageLineIsProtocolError()
    {
        QFETCH(QByteArray, garbage);
        FakeServer server;
        loginScript(server).expect("* NOOP").send(garbage).send("$tag OK fine\r\n");
        const quint16 port = server.start();
        ImapClient client;
        QVERIFY(connectAndLogin(client, port));
        QSignalSpy disconnected(&client, &ImapClient::disconnected);
        Waiter<Empty> noop;
        client.noop(noop.cb());
        QTRY_VERIFY_WITH_TIMEOUT(noop.done(), 5000);
        QCOMPARE(noop.result->error.kind, net::Error::Kind::Protocol);
        QVERIFY(!noop.result->error.message.isEmpty());
        QCOMPARE(disconnected.count(), 1);
    }

    void hugeLiteralRefusedWithBoundedMemory()
    {
        FakeServer server;
        const QByteArray filler(64 * 1024, 'x');
        auto &s = loginScript(server).expect("* UID FETCH 1 (BODY.PEEK[])");
        s.send("* 1 FETCH (UID 1 BODY[] {2147483648}\r\n");
        for (int i = 0; i < 16; ++i)
            s.send(filler);
        const quint16 port = server.start();
        ImapClient client;
        QVERIFY(connectAndLogin(client, port));
        const qint64 before = test::residentKiB();
        Waiter<FetchResult> fetched;
        int messages = 0;
        client.uidFetch(
            UidSet::range(1, 1), "(BODY.PEEK[])", {}, [&](const FetchData &) { ++messages; },
            fetched.cb());
        QTRY_VERIFY_WITH_TIMEOUT(fetched.done(), 5000);
        QCOMPARE(fetched.result->error.kind, net::Error::Kind::Protocol);
        QVERIFY(fetched.result->error.message.contains(QStringLiteral("2147483648")));
        QCOMPARE(messages, 0);
        const qint64 grownKiB = test::residentKiB() - before;
        QVERIFY2(grownKiB < 64 * 1024,
                 qPrintable(QStringLiteral("RSS grew by %1 KiB").arg(grownKiB)));
    }

    void pipelinedCommandsCompleteInOrder()
    {
        FakeServer server;
        loginScript(server)
            .expect("* SELECT INBOX (CONDSTORE)")
            .expect("* UID FETCH 1:* (UID FLAGS)")
            .expect("* UID SEARCH RETURN (ALL) UNSEEN")
            .expect("* UID STORE 2 (UNCHANGEDSINCE 50) +FLAGS (\\Seen)")
            .expect("* NOOP")
            .send("* FLAGS (\\Seen \\Deleted)\r\n* 2 EXISTS\r\n* OK [UIDVALIDITY 77] ok\r\n"
                  "* OK [UIDNEXT 3] ok\r\n* OK [HIGHESTMODSEQ 60] ok\r\n"
                  "h2 OK [READ-WRITE] selected\r\n"
                  "* 1 FETCH (UID 1 FLAGS (\\Seen))\r\n* 2 FETCH (UID 2 FLAGS ())\r\nh3 OK "
                  "fetched\r\n"
                  "* ESEARCH (TAG \"h4\") UID ALL 2\r\nh4 OK searched\r\n"
                  "* 2 FETCH (UID 2 MODSEQ (61) FLAGS (\\Seen))\r\nh5 OK stored\r\n"
                  "h6 OK noop\r\n");
        const quint16 port = server.start();
        ImapClient client;
        QVERIFY(connectAndLogin(client, port));
        QStringList order;
        Waiter<SelectResult> selected;
        Waiter<FetchResult> fetched;
        Waiter<SearchResult> searched;
        Waiter<StoreResult> stored;
        Waiter<Empty> nooped;
        QList<FetchData> fetches;
        SelectOptions so;
        so.condstore = true;
        client.select(QStringLiteral("INBOX"), so, [&](const Result<SelectResult> &r) {
            order << "select";
            selected.result = r;
        });
        client.uidFetch(
            UidSet::parse("1:*").value(), "(UID FLAGS)", {},
            [&](const FetchData &f) { fetches << f; },
            [&](const Result<FetchResult> &r) {
                order << "fetch";
                fetched.result = r;
            });
        client.uidSearch("UNSEEN", [&](const Result<SearchResult> &r) {
            order << "search";
            searched.result = r;
        });
        client.uidStore(UidSet::range(2, 2), StoreMode::Add, {"\\Seen"}, 50,
                        [&](const Result<StoreResult> &r) {
                            order << "store";
                            stored.result = r;
                        });
        client.noop([&](const Result<Empty> &r) {
            order << "noop";
            nooped.result = r;
        });
        QCOMPARE(client.commandsPending(), 5);
        QTRY_VERIFY_WITH_TIMEOUT(nooped.done(), 5000);
        QCOMPARE(order, (QStringList{"select", "fetch", "search", "store", "noop"}));
        QVERIFY(selected.result->ok());
        const SelectResult &sr = selected.result->value;
        QCOMPARE(sr.uidValidity, 77u);
        QCOMPARE(sr.uidNext, 3u);
        QCOMPARE(sr.exists, 2u);
        QCOMPARE(*sr.highestModSeq, quint64(60));
        QVERIFY(!sr.readOnly);
        QCOMPARE(sr.flags.size(), 2);
        QCOMPARE(fetches.size(), 2);
        QCOMPARE(searched.result->value.uids.toByteArray(), QByteArray("2"));
        QCOMPARE(stored.result->value.updated.size(), 1);
        QCOMPARE(*stored.result->value.updated[0].modseq, quint64(61));
        QCOMPARE(client.state(), ImapClient::State::Selected);
        QCOMPARE(client.selectedMailbox(), QStringLiteral("INBOX"));
        QVERIFY(server.failures().isEmpty());
    }

    void moveFallbackNeverSendsPlainExpunge()
    {
        const QByteArray caps = "IMAP4rev1 LITERAL+ UIDPLUS IDLE";
        FakeServer server;
        loginScript(server, caps)
            .expect("* UID COPY 4:5 Archive")
            .send("$tag OK [COPYUID 7 4:5 10:11] copied\r\n")
            .expect("* UID STORE 4:5 +FLAGS.SILENT (\\Deleted)")
            .send("$tag OK stored\r\n")
            .expect("* UID EXPUNGE 4:5")
            .send("* 3 EXPUNGE\r\n* 3 EXPUNGE\r\n$tag OK expunged\r\n");
        const quint16 port = server.start();
        ImapClient client;
        QVERIFY(connectAndLogin(client, port));
        QList<MailboxEvent> events;
        connect(&client, &ImapClient::mailboxEvent, this,
                [&](const MailboxEvent &e) { events << e; });
        Waiter<CopyResult> moved;
        client.uidMove(UidSet::range(4, 5), QStringLiteral("Archive"), moved.cb());
        QTRY_VERIFY_WITH_TIMEOUT(moved.done(), 5000);
        QVERIFY2(moved.result->ok(), qPrintable(moved.result->error.message));
        QCOMPARE(moved.result->value.uidValidity, 7u);
        QCOMPARE(moved.result->value.destinationUids.toByteArray(), QByteArray("10:11"));
        QCOMPARE(events.size(), 2);
        QVERIFY(!test::containsCommand(server.received(), "EXPUNGE"));
        QVERIFY(test::containsCommand(server.received(), "UID EXPUNGE"));
        QVERIFY(server.failures().isEmpty());
    }

    void moveAndExpungeRefusedWithoutUidplus()
    {
        const QByteArray caps = "IMAP4rev1 LITERAL+";
        FakeServer server;
        loginScript(server, caps);
        const quint16 port = server.start();
        ImapClient client;
        QVERIFY(connectAndLogin(client, port));
        Waiter<CopyResult> moved;
        Waiter<Empty> expunged;
        client.uidMove(UidSet::range(4, 5), QStringLiteral("Archive"), moved.cb());
        client.uidExpunge(UidSet::range(4, 5), expunged.cb());
        QTRY_VERIFY(moved.done() && expunged.done());
        QCOMPARE(moved.result->error.kind, net::Error::Kind::Unsupported);
        QCOMPARE(expunged.result->error.kind, net::Error::Kind::Unsupported);
        QTest::qWait(50);
        QVERIFY(!server.received().contains("COPY"));
        QVERIFY(!server.received().contains("EXPUNGE"));
    }

    void moveWithMoveExtension()
    {
        FakeServer server;
        loginScript(server)
            .expect("* UID MOVE 4:5 &AMk-t&AOk-")
            .send("* OK [COPYUID 7 4:5 10:11] moved\r\n* VANISHED 4:5\r\n$tag OK done\r\n");
        const quint16 port = server.start();
        ImapClient client;
        QVERIFY(connectAndLogin(client, port));
        Waiter<CopyResult> moved;
        client.uidMove(UidSet::range(4, 5), QString::fromUtf8("\xC3\x89t\xC3\xA9"), moved.cb());
        QTRY_VERIFY_WITH_TIMEOUT(moved.done(), 5000);
        QVERIFY(moved.result->ok());
        QCOMPARE(moved.result->value.destinationUids.toByteArray(), QByteArray("10:11"));
    }

    void qresyncSelect()
    {
        FakeServer server;
        loginScript(server)
            .expect("* ENABLE QRESYNC")
            .send("* ENABLED QRESYNC\r\n$tag OK enabled\r\n")
            .expect("* SELECT INBOX (QRESYNC (67890007 20050715194045000 41:211))")
            .send("* 314 EXISTS\r\n* OK [UIDVALIDITY 67890007] ok\r\n* OK [UIDNEXT 567] ok\r\n"
                  "* OK [HIGHESTMODSEQ 20050715194045319] ok\r\n"
                  "* VANISHED (EARLIER) 41,43:116,118,120:211,214:540\r\n"
                  "* 49 FETCH (UID 117 FLAGS (\\Seen \\Answered) MODSEQ (90060115194045001))\r\n"
                  "* 50 FETCH (UID 119 FLAGS (\\Draft $MDNSent) MODSEQ (90060115194045308))\r\n"
                  "$tag OK [READ-WRITE] done\r\n");
        const quint16 port = server.start();
        ImapClient client;
        QVERIFY(connectAndLogin(client, port));
        Waiter<QList<QByteArray>> enabled;
        client.enable({"QRESYNC"}, enabled.cb());
        QTRY_VERIFY_WITH_TIMEOUT(enabled.done(), 5000);
        QCOMPARE(client.enabledExtensions(), QList<QByteArray>{"QRESYNC"});
        SelectOptions so;
        so.qresync = QresyncParams{67890007, 20050715194045000ull, UidSet::range(41, 211)};
        Waiter<SelectResult> selected;
        client.select(QStringLiteral("INBOX"), so, selected.cb());
        QTRY_VERIFY_WITH_TIMEOUT(selected.done(), 5000);
        QVERIFY(selected.result->ok());
        const SelectResult &r = selected.result->value;
        QCOMPARE(r.exists, 314u);
        QCOMPARE(r.uidValidity, 67890007u);
        QCOMPARE(*r.highestModSeq, quint64(20050715194045319ull));
        QCOMPARE(r.vanished.toByteArray(), QByteArray("41,43:116,118,120:211,214:540"));
        QCOMPARE(r.changed.size(), 2);
        QCOMPARE(*r.changed[1].uid, 119u);
    }

    void appendWithSynchronizingLiteral()
    {
        const QByteArray caps = "IMAP4rev1 UIDPLUS";
        FakeServer server;
        loginScript(server, caps)
            .expect("* APPEND Sent (\\Seen) \"05-Jan-2024 10:00:00 +0000\" {5}")
            .send("+ Ready for literal data\r\n")
            .expect("hello")
            .send("$tag OK [APPENDUID 38505 3955] APPEND completed\r\n");
        const quint16 port = server.start();
        ImapClient client;
        QVERIFY(connectAndLogin(client, port));
        Waiter<AppendResult> appended;
        client.append(QStringLiteral("Sent"), "hello", {"\\Seen"},
                      QDateTime(QDate(2024, 1, 5), QTime(10, 0), Qt::UTC), appended.cb());
        QTRY_VERIFY_WITH_TIMEOUT(appended.done(), 5000);
        QVERIFY2(appended.result->ok(), qPrintable(appended.result->error.message));
        QCOMPARE(appended.result->value.uidValidity, 38505u);
        QCOMPARE(appended.result->value.uid, 3955u);
    }

    void appendWithLiteralPlus()
    {
        FakeServer server;
        loginScript(server)
            .expect("* APPEND INBOX {5+}")
            .expect("hello")
            .send("$tag OK [APPENDUID 1 2] done\r\n");
        const quint16 port = server.start();
        ImapClient client;
        QVERIFY(connectAndLogin(client, port));
        Waiter<AppendResult> appended;
        client.append(QStringLiteral("INBOX"), "hello", {}, QDateTime(), appended.cb());
        QTRY_VERIFY_WITH_TIMEOUT(appended.done(), 5000);
        QVERIFY(appended.result->ok());
        QCOMPARE(appended.result->value.uid, 2u);
    }

    // A message with LF (or CR) line ends, as a draft or an mbox file has them, goes out with
    // CRLF: Cyrus refuses bare newlines in APPEND. The literal's size counts the CRs added.
    void appendSendsCrlfLineEnds_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("expectedSize");
        QTest::newRow("LF") << QByteArray("Subject: a\n\nbody\n") << QByteArray("{20+}");
        QTest::newRow("CR") << QByteArray("Subject: a\r\rbody\r") << QByteArray("{20+}");
        QTest::newRow("mixed") << QByteArray("Subject: a\r\n\nbody\r") << QByteArray("{20+}");
        QTest::newRow("CRLF kept")
            << QByteArray("Subject: a\r\n\r\nbody\r\n") << QByteArray("{20+}");
    }
    void appendSendsCrlfLineEnds()
    {
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, expectedSize);
        FakeServer server;
        loginScript(server)
            .expect("* APPEND INBOX " + expectedSize)
            .expect("Subject: a")
            .expect("")
            .expect("body")
            .expect("")
            .send("$tag OK [APPENDUID 1 2] done\r\n");
        const quint16 port = server.start();
        ImapClient client;
        QVERIFY(connectAndLogin(client, port));
        Waiter<AppendResult> appended;
        client.append(QStringLiteral("INBOX"), message, {}, QDateTime(), appended.cb());
        QTRY_VERIFY_WITH_TIMEOUT(appended.done(), 5000);
        QVERIFY2(appended.result->ok(), qPrintable(appended.result->error.message));
    }

    void idleDeliversEventsAndDone()
    {
        FakeServer server;
        loginScript(server)
            .expect("* IDLE")
            .send("+ idling\r\n")
            .send("* 5 EXISTS\r\n* 2 FETCH (FLAGS (\\Seen))\r\n")
            .expect("DONE")
            .send("$tag OK IDLE terminated\r\n")
            .expect("* IDLE")
            .send("+ idling\r\n")
            .expect("DONE")
            .send("$tag OK IDLE terminated\r\n")
            .expect("* NOOP")
            .send("$tag OK noop\r\n");
        const quint16 port = server.start();
        ImapClient client;
        QVERIFY(connectAndLogin(client, port));
        QList<MailboxEvent> events;
        connect(&client, &ImapClient::mailboxEvent, this,
                [&](const MailboxEvent &e) { events << e; });
        bool started = false;
        Waiter<Empty> idled;
        client.idle([&] { started = true; }, idled.cb());
        QTRY_VERIFY_WITH_TIMEOUT(events.size() == 2, 5000);
        QVERIFY(started);
        QVERIFY(client.isIdling());
        client.idleDone();
        QTRY_VERIFY_WITH_TIMEOUT(idled.done(), 5000);
        QVERIFY(idled.result->ok());
        // A command queued during IDLE ends it automatically.
        Waiter<Empty> idled2, noop;
        bool started2 = false;
        client.idle([&] { started2 = true; }, idled2.cb());
        QTRY_VERIFY_WITH_TIMEOUT(started2, 5000);
        client.noop(noop.cb());
        QTRY_VERIFY_WITH_TIMEOUT(noop.done(), 5000);
        QVERIFY(idled2.result->ok());
        QVERIFY(noop.result->ok());
        QVERIFY(server.failures().isEmpty());
    }

    void readTimeout()
    {
        FakeServer server;
        loginScript(server).expect("* NOOP");
        const quint16 port = server.start();
        ImapClient client;
        QVERIFY(connectAndLogin(client, port));
        client.setReadTimeout(300);
        Waiter<Empty> noop;
        client.noop(noop.cb());
        QTRY_VERIFY_WITH_TIMEOUT(noop.done(), 5000);
        QCOMPARE(noop.result->error.kind, net::Error::Kind::Timeout);
    }

    void cancelFailsPendingCommands()
    {
        FakeServer server;
        loginScript(server).expect("* NOOP");
        const quint16 port = server.start();
        ImapClient client;
        QVERIFY(connectAndLogin(client, port));
        Waiter<Empty> noop;
        client.noop(noop.cb());
        QTest::qWait(50);
        client.cancel();
        QTRY_VERIFY(noop.done());
        QCOMPARE(noop.result->error.kind, net::Error::Kind::Cancelled);
    }

    // An engine asked to stop (the window closing during a long pass) stops waiting for the
    // server within a fraction of a second, not after the read timeout or the whole pass.
    void stopFlagCancelsASessionWait()
    {
        FakeServer server;
        loginScript(server, "IMAP4rev1 IDLE").expect("* NOOP"); // never answered
        const quint16 port = server.start();
        ImapSession session;
        std::atomic<bool> stop{false};
        session.setStopFlag(&stop);
        const net::Error opened = session.open(
            options(port), {QStringLiteral("alice"), QStringLiteral("secret"), QString()});
        QVERIFY2(!opened, qPrintable(opened.message));
        QTimer::singleShot(200, this, [&] { stop = true; });
        QElapsedTimer clock;
        clock.start();
        const auto noop = session.wait<Empty>([&](auto done) { session.client().noop(done); });
        QCOMPARE(noop.error.kind, net::Error::Kind::Cancelled);
        QVERIFY2(clock.elapsed() < 2000,
                 qPrintable(QString::number(clock.elapsed()))); // timeout: 5 s
        // Once stopped, the next wait returns at once.
        const auto again = session.wait<Empty>([&](auto done) { session.client().noop(done); });
        QVERIFY(!again.ok());
    }

    void listStatusNamespaceId()
    {
        FakeServer server;
        loginScript(server)
            .expect("* ID (\"name\" \"Herald\")")
            .expect("* NAMESPACE")
            .expect("* LIST \"\" \"*\" RETURN (SPECIAL-USE)")
            .expect("* STATUS \"Sent Items\" (MESSAGES UIDNEXT)")
            .send("* ID (\"name\" \"Fake\")\r\nh2 OK\r\n"
                  "* NAMESPACE ((\"\" \"/\")) NIL NIL\r\nh3 OK\r\n"
                  "* LIST (\\HasNoChildren) \"/\" INBOX\r\n"
                  "* LIST (\\HasNoChildren \\Sent) \"/\" \"Sent Items\"\r\n"
                  "* LIST (\\HasNoChildren) \"/\" &AMk-t&AOk-\r\nh4 OK\r\n"
                  "* STATUS \"Sent Items\" (MESSAGES 3 UIDNEXT 9)\r\nh5 OK\r\n");
        const quint16 port = server.start();
        ImapClient client;
        QVERIFY(connectAndLogin(client, port));
        Waiter<QList<QPair<QByteArray, QByteArray>>> id;
        Waiter<NamespaceData> ns;
        Waiter<QList<ListEntry>> list;
        Waiter<StatusData> status;
        client.id({{"name", "Herald"}}, id.cb());
        client.namespaces(ns.cb());
        client.list(QString(), QStringLiteral("*"), list.cb());
        client.status(QStringLiteral("Sent Items"), {"MESSAGES", "UIDNEXT"}, status.cb());
        QTRY_VERIFY_WITH_TIMEOUT(status.done(), 5000);
        QCOMPARE(id.result->value.value(0).second, QByteArray("Fake"));
        QCOMPARE(ns.result->value.personal.size(), 1);
        QCOMPARE(list.result->value.size(), 3);
        QCOMPARE(list.result->value[1].specialUse(), QByteArray("\\Sent"));
        QCOMPARE(list.result->value[2].name, QString::fromUtf8("\xC3\x89t\xC3\xA9"));
        QCOMPARE(status.result->value.items.value("UIDNEXT"), quint64(9));
    }

    void authenticatePlainWithSaslIr()
    {
        FakeServer server;
        server.setCertificate(m_cert);
        server.setImplicitTls(true);
        server.script()
            .send(greeting())
            .expect("* AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==")
            .send("$tag OK Logged in\r\n")
            .expect("* CAPABILITY")
            .send("* CAPABILITY IMAP4rev1 IDLE\r\n$tag OK\r\n");
        const quint16 port = server.start();
        ImapClient client;
        Waiter<Empty> connected, authed;
        client.connectToServer(options(port), connected.cb());
        client.authenticatePlain(QStringLiteral("alice"), QStringLiteral("secret"), authed.cb());
        QTRY_VERIFY_WITH_TIMEOUT(authed.done(), 5000);
        QVERIFY2(authed.result->ok(),
                 qPrintable(net::kindName(authed.result->error.kind) + ' ' +
                            authed.result->error.message + ' ' + server.failures().join(',')));
        QCOMPARE(client.state(), ImapClient::State::Authenticated);
        QCOMPARE(client.capabilities(), (QList<QByteArray>{"IMAP4REV1", "IDLE"}));
    }

    void authenticationFailure()
    {
        FakeServer server;
        server.setCertificate(m_cert);
        server.setImplicitTls(true);
        server.script()
            .send(greeting("IMAP4rev1 AUTH=PLAIN"))
            .expect("* AUTHENTICATE PLAIN")
            .send("+ \r\n")
            .expect("AGFsaWNlAHdyb25n")
            .send("$tag NO [AUTHENTICATIONFAILED] Authentication failed.\r\n");
        const quint16 port = server.start();
        ImapClient client;
        Waiter<Empty> connected, authed;
        client.connectToServer(options(port), connected.cb());
        client.authenticatePlain(QStringLiteral("alice"), QStringLiteral("wrong"), authed.cb());
        QTRY_VERIFY_WITH_TIMEOUT(authed.done(), 5000);
        QCOMPARE(authed.result->error.kind, net::Error::Kind::Authentication);
        QVERIFY(authed.result->error.message.contains(QStringLiteral("Authentication failed.")));
        QCOMPARE(authed.result->code.name, QByteArray("AUTHENTICATIONFAILED"));
    }
};

QTEST_GUILESS_MAIN(TestImapClient)
#include "tst_imap_client.moc"
