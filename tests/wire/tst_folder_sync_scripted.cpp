// imap::FolderSync against scripted servers (ScriptedImap): every branch of the resync decision
// tree, which a real Dovecot (always QRESYNC) never takes. Each row seeds a cache, plays one
// dialogue, and compares the cache afterwards: UIDs, flags, MODSEQs, and the folder state
// (UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ). A second folder ("Archive") is cached in every row
// and must come out untouched.
//
// Drop rows: the same dialogues with the line dropped at each exchange (before the answer, and
// half-way through a multi-line answer). After the drop the folder state must be the one from
// before (it is written last, so it never vouches for flags not stored yet) and every message
// must hold its old or its new state, nothing else; a second sync on a new connection then
// reaches exactly the state of the row without a drop.
#include "core/engine/imap/FolderSync.h"
#include "core/imap/ImapSession.h"
#include "core/ingest/MessageIngest.h"
#include "core/store/Store.h"
#include "tests/wire/ScriptedImap.h"
#include "tests/wire/WireHelpers.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace herald;
using herald::test::FakeServer;
using herald::test::ImapExtensions;
using herald::test::ImapScenario;

namespace {

// One message in a cache, or the server's state of it: "uid flags modseq".
struct Msg
{
    quint32 uid;
    QByteArray flags;
    qint64 modseq = 0; // 0: none
};

struct FolderState
{
    qint64 uidValidity = 0; // 0: never synced (no state at all)
    qint64 uidNext = 0;
    qint64 highestModSeq = 0; // 0: none
};

struct Case
{
    ImapScenario scenario;
    QList<Msg> cached; // INBOX before
    FolderState cachedState;
    QList<Msg> expected; // INBOX after
    FolderState expectedState;
    bool fullResync = false;
    bool uidValidityChanged = false;
    int headerBatch = 500;
    // The next sync's dialogue when the line dropped after the first exchange had already
    // reset the folder (a new UIDVALIDITY): a first sync.
    std::optional<ImapScenario> afterReset;
};

QByteArray num(qint64 n)
{
    return QByteArray::number(n);
}

QList<QByteArray> selectLines(int exists, qint64 uidValidity, qint64 uidNext, qint64 modseq,
                              const QList<QByteArray> &more = {})
{
    QList<QByteArray> lines = {"* FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft $Work)",
                               "* " + num(exists) + " EXISTS",
                               "* OK [UIDVALIDITY " + num(uidValidity) + "] v",
                               "* OK [UIDNEXT " + num(uidNext) + "] n"};
    if (modseq)
        lines << "* OK [HIGHESTMODSEQ " + num(modseq) + "] m";
    else
        lines << "* OK [NOMODSEQ] no modseqs";
    return lines + more;
}

// INBOX as cached by an earlier sync: UIDs 1..6, HIGHESTMODSEQ 100.
QList<Msg> sixCached(bool modseqs)
{
    return {{1, "\\Seen", modseqs ? 91 : 0},    {2, "", modseqs ? 92 : 0},
            {3, "\\Flagged", modseqs ? 93 : 0}, {4, "\\Seen", modseqs ? 94 : 0},
            {5, "", modseqs ? 95 : 0},          {6, "$Work", modseqs ? 96 : 0}};
}

// Since then, on the server: 2, 5, 6 expunged (and 7, 8, 9, which came and went unseen),
// 1 marked unread, 4 answered, 10 is new mail.
QList<Msg> afterChanges(bool modseqs)
{
    return {{1, "", modseqs ? 120 : 0},
            {3, "\\Flagged", modseqs ? 93 : 0},
            {4, "\\Answered \\Seen", modseqs ? 121 : 0},
            {10, "", modseqs ? 125 : 0}};
}

const QByteArray kHeaderItemsModseq =
    "(UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK[HEADER])";
const QByteArray kHeaderItems = "(UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[HEADER])";

Case qresyncFirstSync()
{
    Case c;
    c.scenario = ImapScenario(ImapExtensions::Qresync);
    c.scenario.on("SELECT INBOX (CONDSTORE)", selectLines(3, 7, 4, 30), "OK [READ-WRITE] selected")
        .on("UID FETCH 1:* (UID FLAGS MODSEQ)",
            {test::fetchFlagsLine(1, 1, "\\Seen", 21), test::fetchFlagsLine(2, 2, "", 22),
             test::fetchFlagsLine(3, 3, "\\Flagged $Work", 23)})
        .on("UID FETCH 1:3 " + kHeaderItemsModseq,
            {test::fetchHeaderLine(1, 1, "\\Seen", 21), test::fetchHeaderLine(2, 2, "", 22),
             test::fetchHeaderLine(3, 3, "\\Flagged $Work", 23)});
    c.expected = {{1, "\\Seen", 21}, {2, "", 22}, {3, "\\Flagged $Work", 23}};
    c.expectedState = {7, 4, 30};
    c.fullResync = true;
    return c;
}

Case qresyncResync()
{
    Case c;
    c.scenario = ImapScenario(ImapExtensions::Qresync);
    // VANISHED (EARLIER) ranges in any order, reversed ones and UIDs never cached included.
    c.scenario
        .on("SELECT INBOX (QRESYNC (7 100))",
            selectLines(4, 7, 11, 130,
                        {"* VANISHED (EARLIER) 5:7,2,9:8", test::fetchFlagsLine(1, 1, "", 120),
                         test::fetchFlagsLine(3, 4, "\\Seen \\Answered", 121)}),
            "OK [READ-WRITE] selected")
        .on("UID SEARCH UID 7:*", {"* SEARCH 10"})
        .on("UID FETCH 10 " + kHeaderItemsModseq, {test::fetchHeaderLine(4, 10, "", 125)});
    c.cached = sixCached(true);
    c.cachedState = {7, 7, 100};
    c.expected = afterChanges(true);
    c.expectedState = {7, 11, 130};
    return c;
}

Case condstoreResync()
{
    Case c;
    c.scenario = ImapScenario(ImapExtensions::CondstoreOnly);
    c.scenario
        .on("SELECT INBOX (CONDSTORE)", selectLines(4, 7, 11, 130), "OK [READ-WRITE] selected")
        .on("UID FETCH 1:* (UID FLAGS) (CHANGEDSINCE 100)",
            {test::fetchFlagsLine(1, 1, "", 120),
             test::fetchFlagsLine(3, 4, "\\Seen \\Answered", 121),
             test::fetchFlagsLine(4, 10, "", 125)})
        .on("UID SEARCH UID 7:*", {"* SEARCH 10"})
        .on("UID FETCH 10 " + kHeaderItemsModseq, {test::fetchHeaderLine(4, 10, "", 125)})
        // 4 on the server, 7 in the cache: the expunges are found by their UIDs.
        .on("UID SEARCH ALL", {"* SEARCH 1 3 4 10"});
    c.cached = sixCached(true);
    c.cachedState = {7, 7, 100};
    c.expected = afterChanges(true);
    c.expectedState = {7, 11, 130};
    return c;
}

Case condstoreBatches()
{
    // New mail written one header per transaction (headerBatch 1, two FETCHes in flight): a drop
    // between two batches leaves some new rows and the old folder state, which the next sync
    // completes (the rows already there are refreshed, not added twice).
    Case c;
    c.scenario = ImapScenario(ImapExtensions::CondstoreOnly);
    c.scenario
        .on("SELECT INBOX (CONDSTORE)", selectLines(9, 7, 14, 103), "OK [READ-WRITE] selected")
        .on("UID FETCH 1:* (UID FLAGS) (CHANGEDSINCE 100)",
            {test::fetchFlagsLine(7, 11, "", 101), test::fetchFlagsLine(8, 12, "\\Seen", 102),
             test::fetchFlagsLine(9, 13, "", 103)})
        .on("UID SEARCH UID 7:*", {"* SEARCH 11 12 13"})
        .on("UID FETCH 13 " + kHeaderItemsModseq, {test::fetchHeaderLine(9, 13, "", 103)})
        .on("UID FETCH 12 " + kHeaderItemsModseq, {test::fetchHeaderLine(8, 12, "\\Seen", 102)})
        .on("UID FETCH 11 " + kHeaderItemsModseq, {test::fetchHeaderLine(7, 11, "", 101)});
    c.cached = sixCached(true);
    c.cachedState = {7, 7, 100};
    c.expected = sixCached(true) + QList<Msg>{{11, "", 101}, {12, "\\Seen", 102}, {13, "", 103}};
    c.expectedState = {7, 14, 103};
    c.headerBatch = 1;
    return c;
}

Case neitherResync()
{
    Case c;
    c.scenario = ImapScenario(ImapExtensions::Neither);
    c.scenario.on("SELECT INBOX", selectLines(4, 7, 11, 0), "OK [READ-WRITE] selected")
        .on("UID FETCH 1:* (UID FLAGS)",
            {test::fetchFlagsLine(1, 1, ""), test::fetchFlagsLine(2, 3, "\\Flagged"),
             test::fetchFlagsLine(3, 4, "\\Seen \\Answered"), test::fetchFlagsLine(4, 10, "")})
        .on("UID FETCH 10 " + kHeaderItems, {test::fetchHeaderLine(4, 10, "")});
    c.cached = sixCached(false);
    c.cachedState = {7, 7, 0};
    c.expected = afterChanges(false);
    c.expectedState = {7, 11, 0};
    c.fullResync = true;
    return c;
}

Case uidValidityChange()
{
    Case c;
    c.scenario = ImapScenario(ImapExtensions::Qresync);
    c.scenario
        .on("SELECT INBOX (QRESYNC (7 100))", selectLines(2, 8, 3, 40), "OK [READ-WRITE] selected")
        .on("UID FETCH 1:* (UID FLAGS MODSEQ)",
            {test::fetchFlagsLine(1, 1, "\\Seen", 31), test::fetchFlagsLine(2, 2, "", 32)})
        .on("UID FETCH 1:2 " + kHeaderItemsModseq,
            {test::fetchHeaderLine(1, 1, "\\Seen", 31), test::fetchHeaderLine(2, 2, "", 32)});
    c.cached = sixCached(true);
    c.cachedState = {7, 7, 100};
    c.expected = {{1, "\\Seen", 31}, {2, "", 32}};
    c.expectedState = {8, 3, 40};
    c.fullResync = true;
    c.uidValidityChanged = true;
    c.afterReset = ImapScenario(ImapExtensions::Qresync);
    c.afterReset->on("SELECT INBOX (CONDSTORE)", selectLines(2, 8, 3, 40),
                     "OK [READ-WRITE] selected");
    for (int step = 1; step < c.scenario.steps(); ++step)
        c.afterReset->on(c.scenario.exchange(step));
    return c;
}

Case modseqBackwards()
{
    // The server was restored from a backup: HIGHESTMODSEQ 50 < the cached 100, and the
    // messages' MODSEQs are all below the cached ones. The server's flags must win.
    Case c;
    c.scenario = ImapScenario(ImapExtensions::Qresync);
    c.scenario
        .on("SELECT INBOX (QRESYNC (7 100))", selectLines(6, 7, 7, 50), "OK [READ-WRITE] selected")
        .on("UID FETCH 1:* (UID FLAGS MODSEQ)",
            {test::fetchFlagsLine(1, 1, "", 41), test::fetchFlagsLine(2, 2, "", 42),
             test::fetchFlagsLine(3, 3, "\\Seen", 43), test::fetchFlagsLine(4, 4, "\\Seen", 44),
             test::fetchFlagsLine(5, 5, "", 45), test::fetchFlagsLine(6, 6, "$Work", 46)});
    c.cached = sixCached(true);
    c.cachedState = {7, 7, 100};
    c.expected = {{1, "", 41},       {2, "", 42}, {3, "\\Seen", 43},
                  {4, "\\Seen", 44}, {5, "", 45}, {6, "$Work", 46}};
    c.expectedState = {7, 7, 50};
    c.fullResync = true;
    return c;
}

Case existsMismatch()
{
    // A QRESYNC server that does not report the expunge of 3: 5 EXISTS against 6 cached after
    // the incremental steps is detected and repaired by a full resync.
    Case c;
    c.scenario = ImapScenario(ImapExtensions::Qresync);
    c.scenario
        .on("SELECT INBOX (QRESYNC (7 100))", selectLines(5, 7, 7, 110), "OK [READ-WRITE] selected")
        .on("UID FETCH 1:* (UID FLAGS MODSEQ)",
            {test::fetchFlagsLine(1, 1, "\\Seen", 91), test::fetchFlagsLine(2, 2, "", 92),
             test::fetchFlagsLine(3, 4, "\\Seen", 94), test::fetchFlagsLine(4, 5, "", 95),
             test::fetchFlagsLine(5, 6, "$Work", 96)});
    c.cached = sixCached(true);
    c.cachedState = {7, 7, 100};
    c.expected = sixCached(true);
    c.expected.removeAt(2);
    c.expectedState = {7, 7, 110};
    c.fullResync = true;
    return c;
}

Case makeCase(const QString &name)
{
    if (name == QLatin1String("qresync first sync"))
        return qresyncFirstSync();
    if (name == QLatin1String("qresync resync"))
        return qresyncResync();
    if (name == QLatin1String("condstore resync"))
        return condstoreResync();
    if (name == QLatin1String("condstore new mail in batches"))
        return condstoreBatches();
    if (name == QLatin1String("neither resync"))
        return neitherResync();
    if (name == QLatin1String("uidvalidity change"))
        return uidValidityChange();
    if (name == QLatin1String("highestmodseq backwards"))
        return modseqBackwards();
    if (name == QLatin1String("exists mismatch"))
        return existsMismatch();
    qFatal("unknown case");
}

const QStringList kCases = {"qresync first sync",      "qresync resync",
                            "condstore resync",        "condstore new mail in batches",
                            "neither resync",          "uidvalidity change",
                            "highestmodseq backwards", "exists mismatch"};

QString flagText(const QByteArray &imapFlags)
{
    int bits = 0;
    QStringList keywords;
    QList<QByteArray> atoms;
    for (const QByteArray &a : imapFlags.split(' '))
        if (!a.isEmpty())
            atoms << a;
    imap::splitFlags(atoms, &bits, &keywords);
    QStringList names;
    for (const QByteArray &f : imap::joinFlags(bits, keywords))
        names << QString::fromUtf8(f);
    names.sort();
    return names.join(QLatin1Char(' '));
}

QString describe(const Msg &m)
{
    return QStringLiteral("%1 [%2] %3").arg(m.uid).arg(flagText(m.flags)).arg(m.modseq);
}

QStringList describe(const QList<Msg> &msgs)
{
    QStringList out;
    for (const Msg &m : msgs)
        out << describe(m);
    return out;
}

// The folder's messages as the cache holds them, by UID.
QList<Msg> cachedMessages(store::Store &store, qint64 folderId)
{
    QList<Msg> out;
    for (const auto &s : store.messages().uidStates(folderId)) {
        const auto row = store.messages().byUid(folderId, s.uid);
        QByteArray flags;
        for (const QByteArray &f : imap::joinFlags(s.flags, s.keywords))
            flags += (flags.isEmpty() ? "" : " ") + f;
        out << Msg{quint32(s.uid), flags, row && row->modSeq ? *row->modSeq : 0};
    }
    std::sort(out.begin(), out.end(), [](const Msg &a, const Msg &b) { return a.uid < b.uid; });
    return out;
}

QString describe(const FolderState &s)
{
    return QStringLiteral("uidvalidity %1 uidnext %2 highestmodseq %3")
        .arg(s.uidValidity)
        .arg(s.uidNext)
        .arg(s.highestModSeq);
}

FolderState stateOf(store::Store &store, qint64 folderId)
{
    const auto f = store.folders().byId(folderId);
    return {f->uidValidity.value_or(0), f->uidNext.value_or(0), f->highestModSeq.value_or(0)};
}

std::optional<qint64> orNull(qint64 v)
{
    return v ? std::optional<qint64>(v) : std::nullopt;
}

void seed(store::Store &store, qint64 accountId, qint64 folderId, const QList<Msg> &msgs,
          const FolderState &state)
{
    sync::MessageIngest ingest(store);
    for (const Msg &m : msgs) {
        sync::IncomingMessage meta;
        meta.accountId = accountId;
        meta.folderId = folderId;
        meta.uid = m.uid;
        QList<QByteArray> atoms;
        for (const QByteArray &a : m.flags.split(' '))
            if (!a.isEmpty())
                atoms << a;
        imap::splitFlags(atoms, &meta.flags, &meta.keywords);
        meta.modSeq = orNull(m.modseq);
        ingest.addHeaders(meta, test::scriptedHeader(m.uid));
    }
    if (state.uidValidity)
        store.folders().setSyncState(folderId, state.uidValidity, state.uidNext,
                                     orNull(state.highestModSeq));
}

} // namespace

Q_DECLARE_METATYPE(ImapScenario::Drop)

class TestFolderSyncScripted : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    test::TestCertificate m_cert;
    int m_profiles = 0;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cert = test::makeTestCertificate(m_dir.path());
        QVERIFY(m_cert.isValid());
    }

    void sync_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<ImapScenario::Drop>("drop");
        QTest::addColumn<int>("dropStep");
        for (const QString &name : kCases)
            QTest::newRow(qPrintable(name)) << name << ImapScenario::Drop::None << -1;
        // The line dropped at each exchange of the dialogues that change a cached folder.
        for (const QString &name : kCases) {
            const Case c = makeCase(name);
            for (int step = 0; step < c.scenario.steps(); ++step) {
                const QByteArray command = c.scenario.command(step);
                QTest::addRow("%s, dropped at %s", qPrintable(name), command.constData())
                    << name << ImapScenario::Drop::BeforeAnswer << step;
                if (c.scenario.untaggedCount(step) >= 2)
                    QTest::addRow("%s, dropped mid-answer to %s", qPrintable(name),
                                  command.constData())
                        << name << ImapScenario::Drop::MidAnswer << step;
            }
        }
    }

    void sync()
    {
        QFETCH(QString, name);
        QFETCH(ImapScenario::Drop, drop);
        QFETCH(int, dropStep);
        const Case c = makeCase(name);

        FakeServer server;
        server.setCertificate(m_cert);
        server.setImplicitTls(true);
        c.scenario.play(server.script(), drop, dropStep);
        if (drop != ImapScenario::Drop::None) // the next sync, on a new connection
            (c.afterReset && dropStep > 0 ? *c.afterReset : c.scenario).play(server.script());
        const quint16 port = server.start();
        QVERIFY(port);

        store::Store store(m_dir.filePath(QStringLiteral("profile%1").arg(++m_profiles)));
        store::Account account;
        account.name = QStringLiteral("alice");
        account.email = QStringLiteral("alice@example.org");
        account.incomingUrl = QStringLiteral("imaps://alice@localhost:%1").arg(port);
        account.outgoingUrl = QStringLiteral("smtps://alice@localhost:465");
        const qint64 accountId = store.accounts().add(account);
        store::Folder inbox, archive;
        inbox.accountId = archive.accountId = accountId;
        inbox.name = QStringLiteral("INBOX");
        archive.name = QStringLiteral("Archive");
        const qint64 inboxId = store.folders().upsert(inbox);
        const qint64 archiveId = store.folders().upsert(archive);
        seed(store, accountId, inboxId, c.cached, c.cachedState);
        const QList<Msg> archived = {{1, "\\Seen", 11}, {2, "\\Flagged", 12}};
        const FolderState archiveState{3, 3, 12};
        seed(store, accountId, archiveId, archived, archiveState);

        imap::SyncPolicy policy;
        policy.bodies = false;
        policy.headerBatch = c.headerBatch;
        imap::FolderSyncStats stats;
        {
            imap::ImapSession session;
            const net::Error opened = test::openTlsSession(session, port, m_cert);
            QVERIFY2(!opened, qPrintable(opened.message));
            const net::Error e = imap::FolderSync(session, store, policy)
                                     .sync(*store.folders().byId(inboxId), stats);
            if (drop == ImapScenario::Drop::None) {
                QVERIFY2(!e, qPrintable(e.message));
            } else {
                QVERIFY2(e, "a sync whose line dropped reported success");
                // The folder state is written last: never ahead of the flags it vouches for.
                // Only a new UIDVALIDITY may take it back to "never synced" before that.
                const FolderState now = stateOf(store, inboxId);
                const bool reset = c.uidValidityChanged && now.uidValidity == 0;
                QCOMPARE(describe(now), describe(reset ? FolderState{} : c.cachedState));
                // Each message holds its state from before or the server's, nothing else.
                QStringList allowed = describe(c.expected);
                if (!reset)
                    allowed += describe(c.cached); // (after a reset the old generation is gone)
                for (const QString &m : describe(cachedMessages(store, inboxId)))
                    QVERIFY2(allowed.contains(m), qPrintable("after the drop: " + m));
            }
        }
        if (drop != ImapScenario::Drop::None) {
            stats = {};
            imap::ImapSession session;
            const net::Error opened = test::openTlsSession(session, port, m_cert);
            QVERIFY2(!opened, qPrintable(opened.message));
            const net::Error e = imap::FolderSync(session, store, policy)
                                     .sync(*store.folders().byId(inboxId), stats);
            QVERIFY2(!e, qPrintable(e.message));
        }
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join('\n')));
        QVERIFY(server.scriptDone());
        QCOMPARE(describe(cachedMessages(store, inboxId)), describe(c.expected));
        QCOMPARE(describe(stateOf(store, inboxId)), describe(c.expectedState));
        if (drop == ImapScenario::Drop::None) {
            QCOMPARE(stats.fullResync, c.fullResync);
            QCOMPARE(stats.uidValidityChanged, c.uidValidityChanged);
        }
        QCOMPARE(describe(cachedMessages(store, archiveId)), describe(archived));
        QCOMPARE(describe(stateOf(store, archiveId)), describe(archiveState));
    }
};

QTEST_GUILESS_MAIN(TestFolderSyncScripted)
#include "tst_folder_sync_scripted.moc"
