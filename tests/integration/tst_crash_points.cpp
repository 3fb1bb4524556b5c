// Deterministic crash points (issue 14, after isync's journal tests): `herald-cli sync` of a
// fresh profile (a folder of mail on the real Dovecot, a local draft waiting for its upload, a
// message in the outbox) ends at its Nth commit (HERALD_CRASH_AFTER_COMMITS, or
// HERALD_CRASH_BEFORE_COMMIT: core/store/CrashPoint.h), N and the variant drawn from the row's
// seed. Each row asserts:
// - the run stopped exactly there (exit code 86 and the commit named on stderr);
// - the crash is reproducible: a second fresh profile with the same seed held exactly the same
//   cache at the crash (folders and their sync state, UIDs, flags, bodies, tasks);
// - the next sync without the variable completes and the cache equals the server: integrity
//   ok, no (folder, UID) twice, nothing missing, flags equal, every body present; the draft
//   survived (one in the profile, one copy in the server's Drafts folder); the queued message
//   was sent once (one Sent copy) or waits in the outbox: never lost, never twice;
// - the two variants agree: "before commit N+1" held the same cache as "after commit N".
// HERALD_CRASH_SEED=S adds a row for seed S. The commit count of a clean sync (the range of N)
// is measured once in initTestCase.
#include "core/store/CrashPoint.h"
#include "tests/support/SyncHarness.h"
#include "tests/support/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QtTest>
#include <sqlite3.h>

using namespace herald::test;

namespace {
const QString kUser = QStringLiteral("carol");
const QString kFolder = QStringLiteral("Points");
const QString kDrafts = QStringLiteral("Drafts");
const QString kSent = QStringLiteral("Sent");
const QString kAfter = QStringLiteral("HERALD_CRASH_AFTER_COMMITS");
const QString kBefore = QStringLiteral("HERALD_CRASH_BEFORE_COMMIT");
constexpr int kMessages = 120;
// Of a clean sync's 31 commits (with 120 messages), the folder "Points" is written in the last
// seven: four seeds crash before it (folder list, draft upload, outbox), six inside it; half
// of them "before", half "after". (When the sync's commits change, N moves with them.)
const QList<quint32> kSeeds = {2026, 42, 4, 99, 36, 5, 34, 70, 29, 41};

// Every row of a read-only query on a profile's cache, columns joined by '|'.
QStringList queryRows(const QString &dbPath, const char *sql)
{
    QStringList out;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(dbPath.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) !=
        SQLITE_OK) {
        sqlite3_close(db);
        return {QStringLiteral("<cannot open>")};
    }
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) {
        out << QStringLiteral("<sql error: %1>").arg(QString::fromUtf8(sqlite3_errmsg(db)));
    } else {
        while (sqlite3_step(st) == SQLITE_ROW) {
            QStringList cols;
            for (int i = 0; i < sqlite3_column_count(st); ++i)
                cols << QString::fromUtf8(
                    reinterpret_cast<const char *>(sqlite3_column_text(st, i)));
            out << cols.join(QLatin1Char('|'));
        }
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

// What the cache held at the crash, without what differs between two runs by design: the
// Message-IDs and dates of the draft and the queued message, and their UIDs in the Drafts and
// Sent folders (emptied before each run, their UIDs keep growing).
QStringList snapshot(const QString &db)
{
    QStringList s;
    s << queryRows(db, "SELECT name, uidvalidity IS NOT NULL, uidnext, highestmodseq FROM folders "
                       "WHERE name NOT IN ('Drafts', 'Sent') ORDER BY name");
    s << queryRows(db, "SELECT f.name, m.uid, m.flags, m.keywords, m.modseq, "
                       "EXISTS (SELECT 1 FROM bodies b WHERE b.message_id = m.id) "
                       "FROM messages m JOIN folders f ON f.id = m.folder_id "
                       "WHERE f.name NOT IN ('Drafts', 'Sent') ORDER BY f.name, m.uid");
    s << queryRows(db, "SELECT f.name, count(*), count(m.uid), m.flags FROM messages m "
                       "JOIN folders f ON f.id = m.folder_id WHERE f.name IN ('Drafts', 'Sent') "
                       "GROUP BY f.name, m.flags");
    s << queryRows(db, "SELECT kind, state, attempts FROM tasks ORDER BY id");
    return s;
}
} // namespace

class TestCrashPoints : public QObject
{
    Q_OBJECT
    std::unique_ptr<ImapDevice> m_device;
    int m_commits = 0; // of a clean sync of a fresh profile
    QTemporaryDir m_dir;

    // `herald-cli sync`, with a crash point when `variable` is given.
    static CliResult sync(HeraldProfile &profile, const QString &variable = QString(), long n = 0)
    {
        profile.setEnvironment(kAfter, QString());
        profile.setEnvironment(kBefore, QString());
        if (!variable.isEmpty())
            profile.setEnvironment(variable, QString::number(n));
        const CliResult r = profile.run({QStringLiteral("sync")});
        profile.setEnvironment(variable, QString()); // (list, draft list, outbox after it)
        return r;
    }

    // A fresh profile synced until the crash point, and what its cache held then; what went
    // wrong, or empty.
    QString crashRun(const QString &variable, long n, std::unique_ptr<HeraldProfile> &profile,
                     QStringList *held)
    {
        if (!resetServer())
            return QStringLiteral("emptying Drafts and Sent on the server failed");
        profile = freshProfile();
        if (!profile)
            return QStringLiteral("preparing the profile failed");
        const CliResult r = sync(*profile, variable, n);
        const QString said =
            QStringLiteral("crash point: exiting %1 commit %2")
                .arg(variable == kBefore ? QStringLiteral("before") : QStringLiteral("after"))
                .arg(n);
        if (r.exitCode != herald::store::kCrashPointExitCode || r.crashed ||
            !QString::fromUtf8(r.err).contains(said))
            return QStringLiteral("%1=%2: expected \"%3\", exit code %4: %5")
                .arg(variable)
                .arg(n)
                .arg(said)
                .arg(r.exitCode)
                .arg(QString::fromUtf8(r.err));
        *held = snapshot(profile->databasePath());
        return QString();
    }

    // A fresh profile: the account, a draft that the sync uploads, and a message in the outbox
    // that it sends (to dave; its Sent copy goes to carol's Sent folder).
    std::unique_ptr<HeraldProfile> freshProfile()
    {
        auto profile = std::make_unique<HeraldProfile>();
        QString error;
        if (!profile->addAccount(kUser, stack().imapsPort, &error)) {
            qWarning() << "account add:" << error;
            return nullptr;
        }
        const CliResult r = profile->run(
            {"draft", "save", "--account", kUser, "--to", "Dave <dave@herald.test>", "--subject",
             "Crash point draft", "--body-file", m_dir.filePath(QStringLiteral("body.txt"))});
        if (r.exitCode != 0) {
            qWarning() << "draft save:" << r.err;
            return nullptr;
        }
        const CliResult queued =
            profile->run({"send", "--account", kUser, "--to", "dave@herald.test", "--subject",
                          "Crash point outbox", "--body-file",
                          m_dir.filePath(QStringLiteral("body.txt")), "--queue-only"});
        if (queued.exitCode != 0) {
            qWarning() << "send --queue-only:" << queued.err;
            return nullptr;
        }
        return profile;
    }

    // The server as before each run: the mail of initTestCase, empty Drafts and Sent folders
    // (Dovecot creates them itself).
    bool resetServer()
    {
        const QStringList folders = m_device->folders();
        for (const QString &folder : {kDrafts, kSent}) {
            if (!folders.contains(folder))
                continue;
            QStringList uids;
            for (qint64 uid : m_device->state().value(folder).keys())
                uids << QString::number(uid);
            if (!uids.isEmpty())
                m_device->call({QStringLiteral("expunge"), folder, uids.join(QLatin1Char(','))});
            if (!m_device->errorString().isEmpty() || !m_device->state().value(folder).isEmpty()) {
                qWarning() << folder << m_device->errorString();
                return false;
            }
        }
        return m_device->errorString().isEmpty();
    }

    QString check(const HeraldProfile &profile)
    {
        const QString db = profile.databasePath();
        QStringList problems;
        const QStringList integrity = queryRows(db, "PRAGMA integrity_check");
        if (integrity != QStringList{QStringLiteral("ok")})
            problems << QStringLiteral("integrity_check: ") + integrity.join(QLatin1Char(' '));
        const QStringList dups =
            queryRows(db, "SELECT folder_id, uid FROM messages WHERE uid IS NOT "
                          "NULL GROUP BY folder_id, uid HAVING count(*) > 1");
        if (!dups.isEmpty())
            problems << QStringLiteral("(folder, uid) twice: ") + dups.join(QLatin1Char(' '));
        const QStringList noBody =
            queryRows(db, "SELECT m.id FROM messages m WHERE NOT EXISTS "
                          "(SELECT 1 FROM bodies b WHERE b.message_id = m.id)");
        if (!noBody.isEmpty())
            problems << QStringLiteral("messages without a body: ") + noBody.join(QLatin1Char(' '));
        QStringList uidless;
        MailboxState cached = profile.cache(&uidless);
        cached.remove(QStringLiteral("Outbox")); // local: checked below
        problems += diffStates(cached, m_device->state());
        for (const QString &u : uidless)
            if (!u.startsWith(QLatin1String("Outbox")))
                problems << QStringLiteral("row without UID: ") + u;
        // The draft: once in the profile, with its UID; once on the server.
        const QJsonArray drafts =
            QJsonDocument::fromJson(profile.run({"draft", "list", "--json"}).out).array();
        if (drafts.size() != 1 || drafts[0].toObject()[QStringLiteral("uid")].isNull())
            problems << QStringLiteral("drafts in the profile: ") +
                            QString::fromUtf8(QJsonDocument(drafts).toJson(QJsonDocument::Compact));
        const int onServer = int(m_device->messages(kDrafts, "Crash point draft").size());
        if (onServer != 1)
            problems << QStringLiteral("copies of the draft on the server: %1").arg(onServer);
        // The queued message: sent once (its Sent copy once) or still in the outbox (a crash
        // after the final dot leaves it "maybe-sent", never resent without the user).
        const QJsonArray outbox =
            QJsonDocument::fromJson(profile.run({"outbox", "--json"}).out).array();
        const int sentCopies = int(m_device->messages(kSent, "Crash point outbox").size());
        if (!(outbox.isEmpty() && sentCopies == 1) && !(outbox.size() == 1 && sentCopies <= 1))
            problems << QStringLiteral("outbox %1, copies in Sent: %2")
                            .arg(QString::fromUtf8(
                                QJsonDocument(outbox).toJson(QJsonDocument::Compact)))
                            .arg(sentCopies);
        return problems.join(QLatin1Char('\n'));
    }

private slots:
    void initTestCase()
    {
        HERALD_REQUIRE_STACK();
        QFile body(m_dir.filePath(QStringLiteral("body.txt")));
        QVERIFY(body.open(QIODevice::WriteOnly) && body.write("Kept through a crash.\n") > 0);
        body.close();
        QVERIFY2(QFile::exists(qEnvironmentVariable("HERALD_CLI")), "HERALD_CLI not set");
        m_device = std::make_unique<ImapDevice>(kUser);
        QVERIFY2(m_device->isValid(), qPrintable(m_device->errorString()));
        m_device->call({QStringLiteral("reset")});
        m_device->call({QStringLiteral("create"), kFolder});
        QVERIFY2(m_device->errorString().isEmpty(), qPrintable(m_device->errorString()));
        QVERIFY(seedMaildir(kUser, kFolder, kMessages, 1414));
        m_device->call({QStringLiteral("flag"), kFolder, QStringLiteral("1,3,5"),
                        QStringLiteral("+\\Flagged"), QStringLiteral("+$Crash")});
        QVERIFY2(m_device->errorString().isEmpty(), qPrintable(m_device->errorString()));

        // The range of N: the commits of a clean sync (a crash point never reached says how many).
        QVERIFY(resetServer());
        auto profile = freshProfile();
        QVERIFY(profile);
        const CliResult r =
            sync(*profile, QStringLiteral("HERALD_CRASH_AFTER_COMMITS"), 1000000000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto m = QRegularExpression(QStringLiteral("crash point not reached: (\\d+) commits"))
                           .match(QString::fromUtf8(r.err));
        QVERIFY2(m.hasMatch(), r.err.constData());
        m_commits = m.captured(1).toInt();
        QVERIFY(m_commits > 5);
        const QString problems = check(*profile);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        qInfo("crash points: a clean sync of %d messages, a draft and a queued message makes %d "
              "commits",
              kMessages, m_commits);
    }

    void crashAtSeededCommit_data()
    {
        QTest::addColumn<quint32>("seed");
        QList<quint32> seeds = kSeeds;
        bool set = false;
        const quint32 extra = qEnvironmentVariable("HERALD_CRASH_SEED").toUInt(&set);
        if (set)
            seeds << extra;
        for (quint32 seed : seeds)
            QTest::addRow("seed %u", seed) << seed;
    }

    void crashAtSeededCommit()
    {
        QFETCH(quint32, seed);
        QRandomGenerator rng(seed);
        const long n = 1 + long(rng.bounded(quint32(m_commits)));
        const bool before = rng.bounded(2) == 1;
        const QString variable = before ? kBefore : kAfter;
        qInfo("seed %u: %s=%ld of %d", seed, qPrintable(variable), n, m_commits);

        std::unique_ptr<HeraldProfile> profile;
        QStringList held;
        QString why = crashRun(variable, n, profile, &held);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        qInfo("seed %u: the cache held %lld rows of folders, messages and tasks at the crash", seed,
              qint64(held.size()));
        // The next sync without a crash point completes against the server.
        const CliResult next = sync(*profile);
        QVERIFY2(next.exitCode == 0 && !next.crashed, next.err.constData());
        const QString problems = check(*profile);
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("seed %1 (%2=%3):\n%4")
                                                    .arg(seed)
                                                    .arg(variable)
                                                    .arg(n)
                                                    .arg(problems)));

        // The same seed from the same start: the same commit, the same cache.
        std::unique_ptr<HeraldProfile> again;
        QStringList heldAgain;
        why = crashRun(variable, n, again, &heldAgain);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QCOMPARE(heldAgain, held);

        // The two variants agree: just before commit N+1 the cache holds what it held right
        // after commit N (the transaction cut before its COMMIT is gone, nothing else).
        const long other = before ? n - 1 : n + 1;
        if (other < 1 || other > m_commits)
            return;
        QStringList heldOther;
        why = crashRun(before ? kAfter : kBefore, other, again, &heldOther);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QCOMPARE(heldOther, held);
    }
};

QTEST_GUILESS_MAIN(TestCrashPoints)
#include "tst_crash_points.moc"
