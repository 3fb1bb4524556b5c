// ImapClient against the real Dovecot of tests/support/stack.sh: IMAPS and STARTTLS logins,
// certificate trust, LIST with SPECIAL-USE, QRESYNC select, APPEND, FETCH, STORE, MOVE.
#include "core/imap/ImapClient.h"
#include "tests/support/TestSupport.h"

#include <QUuid>
#include <QtTest>

using namespace herald;
using namespace herald::imap;
using herald::test::stack;

namespace {
template <class T> struct Waiter
{
    std::optional<Result<T>> result;
    ResultCallback<T> cb()
    {
        return [this](const Result<T> &r) { result = r; };
    }
};

template <class T> Result<T> waitFor(Waiter<T> &w, int ms = 10000)
{
    if (!QTest::qWaitFor([&] { return w.result.has_value(); }, ms)) {
        Result<T> r;
        r.error = net::Error::make(net::Error::Kind::Timeout, QStringLiteral("test timed out"));
        return r;
    }
    return *w.result;
}
} // namespace

class TestImapIntegration : public QObject
{
    Q_OBJECT

    net::ConnectOptions options(bool implicitTls, const QString &host, bool trustCa = true)
    {
        const auto &s = stack();
        net::ConnectOptions o;
        o.host = host;
        o.tlsHostName = s.tlsHostname;
        o.port = implicitTls ? s.imapsPort : s.imapPort;
        o.security = implicitTls ? net::Security::ImplicitTls : net::Security::StartTls;
        o.connectTimeoutMs = 10000;
        o.readTimeoutMs = 20000;
        if (trustCa)
            o.trust.addCaFile(s.caFile);
        return o;
    }

    bool login(ImapClient &client, bool implicitTls, const QString &host, const QString &user)
    {
        Waiter<Empty> connected, loggedIn;
        client.connectToServer(options(implicitTls, host), connected.cb());
        client.login(user, stack().password(user), loggedIn.cb());
        const auto r = waitFor(loggedIn);
        if (!connected.result || !connected.result->ok()) {
            qWarning() << "connect:"
                       << (connected.result ? connected.result->error.message : QString());
            return false;
        }
        if (!r.ok())
            qWarning() << "login:" << r.error.message;
        return r.ok();
    }

private slots:
    void initTestCase() { HERALD_REQUIRE_STACK(); }

    void imapsLogin()
    {
        ImapClient client;
        QVERIFY(login(client, true, stack().host, QStringLiteral("alice")));
        QVERIFY(client.isEncrypted());
        QCOMPARE(client.state(), ImapClient::State::Authenticated);
        QVERIFY(client.hasCapability("QRESYNC"));
        Waiter<Empty> out;
        client.logout(out.cb());
        QVERIFY(waitFor(out).ok());
        QCOMPARE(client.state(), ImapClient::State::Disconnected);
    }

    void startTlsLogin_data()
    {
        QTest::addColumn<QString>("host");
        QTest::newRow("ALT_HOST (plaintext login disabled)") << stack().altHost;
        QTest::newRow("HOST (server would accept plaintext)") << stack().host;
    }
    void startTlsLogin()
    {
        QFETCH(QString, host);
        ImapClient client;
        QVERIFY(login(client, false, host, QStringLiteral("bob")));
        QVERIFY(client.isEncrypted());
    }

    void untrustedWithoutCaThenPinned()
    {
        ImapClient client;
        Waiter<Empty> first;
        client.connectToServer(options(true, stack().host, false), first.cb());
        const auto r = waitFor(first);
        QCOMPARE(r.error.kind, net::Error::Kind::UntrustedCertificate);
        QString compact = r.error.certificateFingerprint;
        compact.remove(QLatin1Char(':'));
        QCOMPARE(compact.toLower(), stack().certSha256.toLower());
        net::ConnectOptions o = options(true, stack().host, false);
        o.trust.addPin(r.error.certificateFingerprint);
        Waiter<Empty> second;
        client.connectToServer(o, second.cb());
        QVERIFY2(waitFor(second).ok(), qPrintable(second.result->error.message));
    }

    void mailboxRoundTrip()
    {
        ImapClient client;
        QVERIFY(login(client, true, stack().host, QStringLiteral("carol")));
        QList<MailboxEvent> events;
        connect(&client, &ImapClient::mailboxEvent, this,
                [&](const MailboxEvent &e) { events << e; });

        Waiter<QList<QByteArray>> enabled;
        client.enable({"QRESYNC"}, enabled.cb());
        QVERIFY(waitFor(enabled).ok());
        QVERIFY(client.enabledExtensions().contains("QRESYNC"));

        Waiter<QList<ListEntry>> listed;
        client.list(QString(), QStringLiteral("*"), listed.cb());
        const auto folders = waitFor(listed);
        QVERIFY(folders.ok());
        QMap<QByteArray, QString> special;
        QStringList names;
        for (const ListEntry &e : folders.value) {
            names << e.name;
            if (!e.specialUse().isEmpty())
                special.insert(e.specialUse(), e.name);
        }
        QVERIFY2(names.contains(QStringLiteral("INBOX")), qPrintable(names.join(',')));
        QCOMPARE(special.value("\\Sent"), QStringLiteral("Sent"));
        QCOMPARE(special.value("\\Trash"), QStringLiteral("Trash"));

        const QByteArray messageId =
            "<" + QUuid::createUuid().toString(QUuid::Id128).toLatin1() + "@herald.test>";
        const QByteArray eml = "From: Alice <alice@herald.test>\r\nTo: carol@herald.test\r\n"
                               "Subject: integration\r\nMessage-ID: " +
                               messageId +
                               "\r\nDate: Fri, 05 Jan 2024 10:00:00 +0000\r\n\r\nHello Carol.\r\n";
        Waiter<AppendResult> appended;
        client.append(QStringLiteral("INBOX"), eml, {"$Herald"},
                      QDateTime(QDate(2024, 1, 5), QTime(10, 0), Qt::UTC), appended.cb());
        const auto ap = waitFor(appended);
        QVERIFY2(ap.ok(), qPrintable(ap.error.message));
        QVERIFY(ap.value.uid > 0);
        QVERIFY(ap.value.uidValidity > 0);

        Waiter<SelectResult> selected;
        SelectOptions so;
        so.qresync = QresyncParams{ap.value.uidValidity, 1, UidSet()};
        client.select(QStringLiteral("INBOX"), so, selected.cb());
        const auto sel = waitFor(selected);
        QVERIFY2(sel.ok(), qPrintable(sel.error.message));
        QCOMPARE(sel.value.uidValidity, ap.value.uidValidity);
        QVERIFY(sel.value.exists >= 1);
        QVERIFY(sel.value.uidNext > ap.value.uid);
        QVERIFY(sel.value.highestModSeq.has_value());
        QVERIFY(!sel.value.changed.isEmpty()); // everything changed since modseq 1

        QList<FetchData> fetched;
        Waiter<FetchResult> fetchDone;
        client.uidFetch(
            UidSet::range(ap.value.uid, ap.value.uid),
            "(UID FLAGS MODSEQ INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE BODY.PEEK[])", {},
            [&](const FetchData &f) { fetched << f; }, fetchDone.cb());
        QVERIFY(waitFor(fetchDone).ok());
        QCOMPARE(fetched.size(), 1);
        const FetchData &f = fetched[0];
        QCOMPARE(f.section("BODY[]"), eml);
        QCOMPARE(f.envelope->messageId, messageId);
        QCOMPARE(f.envelope->from.value(0).email(), QByteArray("alice@herald.test"));
        QVERIFY(f.flags->contains("$Herald"));
        QVERIFY(!f.flags->contains("\\Seen")); // BODY.PEEK never marks read
        QCOMPARE(*f.size, quint64(eml.size()));
        QCOMPARE(f.internalDate->date(), QDate(2024, 1, 5));
        QCOMPARE(f.bodyStructure->subtype, QByteArray("plain"));

        Waiter<StoreResult> stored;
        client.uidStore(UidSet::range(ap.value.uid, ap.value.uid), StoreMode::Add, {"\\Flagged"},
                        *f.modseq, stored.cb());
        const auto st = waitFor(stored);
        QVERIFY2(st.ok(), qPrintable(st.error.message));
        QVERIFY(st.value.modified.isEmpty());
        QCOMPARE(st.value.updated.size(), 1);
        QVERIFY(st.value.updated[0].flags->contains("\\Flagged"));
        // A stale UNCHANGEDSINCE is refused for that UID.
        Waiter<StoreResult> stale;
        client.uidStore(UidSet::range(ap.value.uid, ap.value.uid), StoreMode::Remove, {"\\Flagged"},
                        *f.modseq, stale.cb());
        const auto sst = waitFor(stale);
        QVERIFY(sst.ok());
        QVERIFY(sst.value.modified.contains(ap.value.uid));

        Waiter<SearchResult> searched;
        client.uidSearch("HEADER Message-ID \"" + messageId + "\"", searched.cb());
        const auto se = waitFor(searched);
        QVERIFY(se.ok());
        QCOMPARE(se.value.uids.toByteArray(), QByteArray::number(ap.value.uid));

        Waiter<StatusData> before;
        client.status(QStringLiteral("Archive"), {"MESSAGES", "UIDNEXT"}, before.cb());
        const auto b = waitFor(before);
        QVERIFY(b.ok());

        events.clear();
        Waiter<CopyResult> moved;
        client.uidMove(UidSet::range(ap.value.uid, ap.value.uid), QStringLiteral("Archive"),
                       moved.cb());
        const auto mv = waitFor(moved);
        QVERIFY2(mv.ok(), qPrintable(mv.error.message));
        QCOMPARE(mv.value.sourceUids.toByteArray(), QByteArray::number(ap.value.uid));
        QCOMPARE(mv.value.destinationUids.toByteArray(),
                 QByteArray::number(b.value.items.value("UIDNEXT")));
        // VANISHED (QRESYNC is enabled) for the moved UID.
        QVERIFY(std::any_of(events.begin(), events.end(), [&](const MailboxEvent &e) {
            return e.kind == MailboxEvent::Kind::Vanished && e.vanished.uids.contains(ap.value.uid);
        }));

        Waiter<StatusData> after;
        client.status(QStringLiteral("Archive"), {"MESSAGES"}, after.cb());
        QCOMPARE(waitFor(after).value.items.value("MESSAGES"), b.value.items.value("MESSAGES") + 1);

        Waiter<Empty> out;
        client.logout(out.cb());
        QVERIFY(waitFor(out).ok());
    }

    void idleSeesNewMail()
    {
        ImapClient client;
        QVERIFY(login(client, true, stack().host, QStringLiteral("bob")));
        Waiter<SelectResult> selected;
        client.select(QStringLiteral("INBOX"), {}, selected.cb());
        QVERIFY(waitFor(selected).ok());
        QList<MailboxEvent> events;
        connect(&client, &ImapClient::mailboxEvent, this,
                [&](const MailboxEvent &e) { events << e; });
        bool started = false;
        Waiter<Empty> idled;
        client.idle([&] { started = true; }, idled.cb());
        QTRY_VERIFY_WITH_TIMEOUT(started, 5000);
        QString error;
        QVERIFY2(stack().deliver(QStringLiteral("bob"), QStringLiteral("INBOX"),
                                 "From: a@herald.test\r\nSubject: idle\r\n\r\nx\r\n", &error),
                 qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(events.begin(), events.end(),
                        [](const MailboxEvent &e) { return e.kind == MailboxEvent::Kind::Exists; }),
            5000);
        client.idleDone();
        QVERIFY(waitFor(idled).ok());
    }
};

QTEST_GUILESS_MAIN(TestImapIntegration)
#include "tst_imap_client.moc"
