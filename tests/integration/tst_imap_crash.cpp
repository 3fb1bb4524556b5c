// Issue 3's crash acceptance test: `kill -9` of `herald-cli sync` at random moments
// while a large folder syncs (headers and bodies); each time the next sync completes
// and the cache equals the server: PRAGMA integrity_check is ok, no (folder, uid)
// twice, nothing missing, flags equal, every body present.
//
// Size and rounds: HERALD_CRASH_MESSAGES (default 5000) and HERALD_CRASH_ROUNDS
// (default 20). Rounds alternate between an initial sync into a fresh profile and
// an incremental sync of one profile after the server changed (flags of ~15% of the
// folder, expunges, new mail). The seed is printed; HERALD_SYNC_SEED reproduces the
// same kill delays and server changes.
#include "tests/support/SyncHarness.h"
#include "tests/support/TestSupport.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtTest>
#include <sqlite3.h>

using namespace herald::test;

namespace {
const QString kUser = QStringLiteral("carol");
const QString kFolder = QStringLiteral("Bulk");

// One value of a read-only query on a profile's cache; text of column 0.
QString queryOne(const QString &dbPath, const char *sql)
{
    sqlite3 *db = nullptr;
    QString out = QStringLiteral("<cannot open>");
    if (sqlite3_open_v2(dbPath.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) ==
        SQLITE_OK) {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
            out = QStringLiteral("<sql error: %1>").arg(QString::fromUtf8(sqlite3_errmsg(db)));
        else if (sqlite3_step(st) == SQLITE_ROW)
            out = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
        else
            out = QString();
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return out;
}
} // namespace

class TestImapCrash : public QObject
{
    Q_OBJECT

    int m_messages = 5000;
    int m_rounds = 20;
    quint32 m_seed = 0;
    std::unique_ptr<ImapDevice> m_device;
    int m_seeded = 0;

    bool seedMaildir(int count)
    {
        const bool ok =
            herald::test::seedMaildir(kUser, kFolder, count, m_seed + quint32(m_seeded));
        m_seeded += count;
        return ok;
    }

    // Checks one profile against the server; returns what is wrong, or empty.
    QString check(const HeraldProfile &profile)
    {
        const QString db = profile.databasePath();
        QStringList problems;
        const QString integrity = queryOne(db, "PRAGMA integrity_check");
        if (integrity != QLatin1String("ok"))
            problems << QStringLiteral("integrity_check: ") + integrity;
        const QString dups =
            queryOne(db, "SELECT count(*) FROM (SELECT folder_id, uid FROM messages "
                         "WHERE uid IS NOT NULL GROUP BY folder_id, uid HAVING count(*) > 1)");
        if (dups != QLatin1String("0"))
            problems << QStringLiteral("duplicate (folder, uid) pairs: ") + dups;
        const QString noBody = queryOne(db, "SELECT count(*) FROM messages m LEFT JOIN bodies b ON "
                                            "b.message_id = m.id WHERE b.message_id IS NULL");
        if (noBody != QLatin1String("0"))
            problems << QStringLiteral("messages without a body after a complete sync: ") + noBody;
        QStringList uidless;
        const QStringList diff = diffStates(profile.cache(&uidless), m_device->state());
        problems += diff;
        for (const QString &u : uidless)
            problems << QStringLiteral("row without UID: ") + u;
        return problems.join(QLatin1Char('\n'));
    }

    // Changes the server as another device would between two syncs.
    bool changeServer(QRandomGenerator &rng)
    {
        const MailboxState server = m_device->state(); // every folder
        const QList<qint64> uids = server.value(kFolder).keys();
        if (uids.isEmpty())
            return false;
        QStringList seen, unseen, flagged, gone;
        for (qint64 uid : uids) {
            const int r = int(rng.bounded(1000));
            if (r < 60)
                seen << QString::number(uid);
            else if (r < 120)
                unseen << QString::number(uid);
            else if (r < 150)
                flagged << QString::number(uid);
            else if (r < 170)
                gone << QString::number(uid);
        }
        auto call = [&](const QStringList &w) {
            m_device->call(w);
            if (!m_device->errorString().isEmpty())
                qWarning() << m_device->errorString();
            return m_device->errorString().isEmpty();
        };
        if (!seen.isEmpty() && !call({"flag", kFolder, seen.join(','), "+\\Seen", "+$Crash"}))
            return false;
        if (!unseen.isEmpty() && !call({"flag", kFolder, unseen.join(','), "-\\Seen", "-$Crash"}))
            return false;
        if (!flagged.isEmpty() && !call({"flag", kFolder, flagged.join(','), "+\\Flagged"}))
            return false;
        if (!gone.isEmpty() && !call({"expunge", kFolder, gone.join(',')}))
            return false;
        return seedMaildir(qMax(20, m_messages / 20));
    }

private slots:
    void initTestCase()
    {
        HERALD_REQUIRE_STACK();
        QVERIFY2(QFile::exists(qEnvironmentVariable("HERALD_CLI")), "HERALD_CLI not set");
        if (qEnvironmentVariableIsSet("HERALD_CRASH_MESSAGES"))
            m_messages = qEnvironmentVariableIntValue("HERALD_CRASH_MESSAGES");
        if (qEnvironmentVariableIsSet("HERALD_CRASH_ROUNDS"))
            m_rounds = qEnvironmentVariableIntValue("HERALD_CRASH_ROUNDS");
        bool seedSet = false;
        m_seed = qgetenv("HERALD_SYNC_SEED").toUInt(&seedSet);
        if (!seedSet)
            m_seed = QRandomGenerator::global()->generate();
        qInfo("crash: seed %u (HERALD_SYNC_SEED=%u reproduces it), %d messages, %d rounds", m_seed,
              m_seed, m_messages, m_rounds);

        m_device = std::make_unique<ImapDevice>(kUser);
        QVERIFY2(m_device->isValid(), qPrintable(m_device->errorString()));
        m_device->call({QStringLiteral("reset")});
        m_device->call({QStringLiteral("create"), kFolder});
        QVERIFY2(m_device->errorString().isEmpty(), qPrintable(m_device->errorString()));
        QElapsedTimer t;
        t.start();
        QVERIFY(seedMaildir(m_messages));
        const qint64 written = t.elapsed();
        const QJsonObject status = m_device->call({QStringLiteral("status"), kFolder}).toObject();
        QCOMPARE(status[QStringLiteral("messages")].toInt(), m_messages);
        qInfo("crash: %d messages written in %lld ms, indexed by Dovecot after %lld ms", m_messages,
              written, t.elapsed());
    }

    void killedSyncsRecover()
    {
        QRandomGenerator rng(m_seed);
        // A clean initial sync first: the reference time for the kill delays.
        auto profile = std::make_unique<HeraldProfile>();
        QString error;
        QVERIFY2(profile->addAccount(kUser, stack().imapsPort, &error), qPrintable(error));
        QElapsedTimer t;
        t.start();
        CliResult r = profile->run({QStringLiteral("sync")});
        const qint64 fullMs = t.elapsed();
        QVERIFY2(r.exitCode == 0, r.err.constData());
        qInfo("crash: clean initial sync of %d messages (headers + bodies): %lld ms", m_messages,
              fullMs);
        QString problems = check(*profile);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));

        int killedMidway = 0;
        // How long a sync of each kind takes here, for the kill delays: the reference run at
        // first; then, each time a sync ends before its kill, how long it took. A warm server
        // on a quiet machine syncs faster than the reference run, and delays past the end kill
        // nothing (stop 19: 9 of 20 killed).
        qint64 freshMs = fullMs, incrementalMs = fullMs / 5;
        for (int round = 1; round <= m_rounds; ++round) {
            const bool fresh = round % 2 == 1;
            if (fresh) {
                profile = std::make_unique<HeraldProfile>();
                QVERIFY2(profile->addAccount(kUser, stack().imapsPort, &error), qPrintable(error));
            } else {
                QVERIFY2(changeServer(rng), "changing the server failed");
            }
            const qint64 span = fresh ? freshMs : incrementalMs;
            const int delay = int(rng.bounded(quint32(qMax<qint64>(span, 50)))) + 20;
            QElapsedTimer running;
            running.start();
            auto p = profile->startDetached({QStringLiteral("sync")});
            const bool finished = p->waitForFinished(delay);
            if (finished)
                (fresh ? freshMs : incrementalMs) = running.elapsed();
            if (!finished) {
                p->kill(); // SIGKILL
                p->waitForFinished();
                ++killedMidway;
            }
            const QString killedErr = QString::fromUtf8(p->readAllStandardError()).trimmed();
            t.restart();
            r = profile->run({QStringLiteral("sync")});
            const qint64 ms = t.elapsed();
            qInfo(
                "crash round %d (%s): killed after %d ms%s (last progress: %s); next sync %lld ms",
                round, fresh ? "initial" : "incremental", delay,
                finished ? " - had already finished" : "",
                qPrintable(killedErr.section(QLatin1Char('\n'), -1)), ms);
            QVERIFY2(r.exitCode == 0 && !r.crashed,
                     qPrintable(QStringLiteral("round %1: sync after kill failed: %2")
                                    .arg(round)
                                    .arg(QString::fromUtf8(r.err))));
            problems = check(*profile);
            QVERIFY2(problems.isEmpty(),
                     qPrintable(QStringLiteral("seed %1 round %2 (killed after %3 ms):\n%4")
                                    .arg(m_seed)
                                    .arg(round)
                                    .arg(delay)
                                    .arg(problems)));
        }
        qInfo("crash: %d of %d syncs killed mid-way", killedMidway, m_rounds);
        QVERIFY(killedMidway >= m_rounds / 2);
    }
};

QTEST_GUILESS_MAIN(TestImapCrash)
#include "tst_imap_crash.moc"
