#include "core/store/Sqlite.h"

#include "core/store/CacheDelta.h"
#include "core/store/CrashPoint.h"
#include "core/store/StatementCache.h"
#include "core/store/TransactionStats.h"

#include <QDir>
#include <QFileInfo>
#include <QtGlobal>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sqlite3.h>
#include <string>
#include <thread>
#include <unordered_map>

namespace herald::store {

namespace {
// SQLite's update hook: every row inserted, updated or deleted on this connection (also by
// triggers and cascades), before the transaction ends. Only the tables readers show.
void recordChange(void *pending, int op, const char *, const char *table, sqlite3_int64 rowid)
{
    auto &d = *static_cast<CacheDelta *>(pending);
    if (std::strcmp(table, "messages") == 0) {
        if (op == SQLITE_INSERT)
            d.noteAdded(rowid);
        else if (op == SQLITE_DELETE)
            d.noteRemoved(rowid);
        else
            d.noteChanged(rowid);
    } else if (std::strcmp(table, "folders") == 0) {
        d.foldersChanged.insert(rowid);
    }
}

void dropChanges(void *pending)
{
    auto &d = *static_cast<CacheDelta *>(pending);
    const QString profile = d.profileDir;
    d = CacheDelta();
    d.profileDir = profile;
}

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

constexpr qint64 kBusyTimeoutNs = 10'000'000'000; // 10 s, as sqlite3_busy_timeout(10000) was
// Connections of this process waiting for the write lock right now. A writer about to begin
// lets them go first (Transaction's constructor), so a mark-read does not lose every race
// against a sync that commits and begins again at once.
std::atomic<int> g_waitingWriters{0};
thread_local qint64 t_waitingSinceNs = 0; // this thread waits (counted in g_waitingWriters)

// SQLite calls this while another connection holds the lock. sqlite3_busy_timeout sleeps 1, 2,
// 5, 10, 15, 20, 25 ms... between tries, so a waiter could sleep past a short transaction by
// tens of ms; this one tries again every 0.5 ms, for up to 10 s.
int waitForWriteLock(void *, int tries)
{
    if (tries == 0 || t_waitingSinceNs == 0) {
        if (t_waitingSinceNs == 0)
            ++g_waitingWriters;
        t_waitingSinceNs = nowNs();
    }
    if (nowNs() - t_waitingSinceNs > kBusyTimeoutNs)
        return 0;
    std::this_thread::sleep_for(std::chrono::microseconds(500));
    return 1;
}

// After a statement that may have waited: this thread no longer waits.
void doneWaiting()
{
    if (t_waitingSinceNs) {
        t_waitingSinceNs = 0;
        --g_waitingWriters;
    }
}

// Before taking the write lock: while writers of this process wait for it, let them have it
// (bounded: 10 ms; a waiter that does not get it by then competes as usual).
void letWaitersGoFirst()
{
    for (int i = 0; i < 20 && g_waitingWriters.load() > 0; ++i)
        std::this_thread::sleep_for(std::chrono::microseconds(500));
}
} // namespace

Database::Database(const QString &path)
    : m_statements(std::make_unique<StatementCache>()), m_path(path)
{
    const int rc =
        sqlite3_open_v2(path.toUtf8().constData(), &m_db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = "cannot open the cache database " + path.toStdString() + ": " +
                          (m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
        sqlite3_close(m_db);
        m_db = nullptr;
        throw SqliteError(msg, rc);
    }
    installCrashPoint(m_db); // (tests only: HERALD_CRASH_AFTER_COMMITS)
    sqlite3_busy_handler(m_db, &waitForWriteLock, this);
    exec("PRAGMA journal_mode=WAL");
    // NORMAL in WAL mode: a power cut may lose the last commit, never corrupt the file.
    exec("PRAGMA synchronous=NORMAL");
    // A sync writes hundreds of MB: a 64 MB WAL between checkpoints (instead of 4 MB) writes
    // the B-tree and FTS pages that change in every batch back to the file far less often,
    // and a 32 MB page cache keeps them in memory meanwhile.
    exec("PRAGMA wal_autocheckpoint=16384");
    exec("PRAGMA cache_size=-32768");
    exec("PRAGMA foreign_keys=ON");
}

void Database::enableChangeFeed()
{
    if (m_pending)
        return;
    m_pending = std::make_unique<CacheDelta>();
    m_pending->profileDir = QDir::cleanPath(QFileInfo(m_path).absolutePath());
    sqlite3_update_hook(m_db, recordChange, m_pending.get());
    sqlite3_rollback_hook(m_db, dropChanges, m_pending.get());
}

void Database::publishIfCommitted()
{
    if (!m_pending || m_pending->isEmpty() || !sqlite3_get_autocommit(m_db))
        return;
    CacheDelta committed;
    committed.profileDir = m_pending->profileDir;
    std::swap(committed, *m_pending);
    ChangeFeed::instance().publish(committed);
}

Database::~Database()
{
    m_statements->clear();
    sqlite3_close_v2(m_db);
}

void Database::fail(const char *operation, int code) const
{
    throw SqliteError(std::string("cache database error during ") + operation + ": " +
                          sqlite3_errmsg(m_db),
                      code);
}

void Database::exec(const char *sql)
{
    char *err = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &err);
    crashIfCommitReached();
    doneWaiting();
    if (rc != SQLITE_OK) {
        std::string msg = std::string("cache database error: ") + (err ? err : "unknown") +
                          " (in: " + std::string(sql).substr(0, 80) + ")";
        sqlite3_free(err);
        throw SqliteError(msg, rc);
    }
    publishIfCommitted(); // a COMMIT, or a write outside a transaction
}

qint64 Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}
int Database::changes() const
{
    return sqlite3_changes(m_db);
}

void Database::interrupt() const
{
    sqlite3_interrupt(m_db);
}

int Database::userVersion()
{
    Statement st(*this, "PRAGMA user_version");
    st.step();
    return int(st.int64(0));
}

void Database::setUserVersion(int version)
{
    // PRAGMA cannot take bound parameters; the value is an int we control.
    exec(("PRAGMA user_version=" + std::to_string(version)).c_str());
}

Statement::Statement(Database &db, const char *sql) : m_db(&db), m_sql(sql)
{
    m_stmt = db.statements().take(m_sql);
    if (m_stmt)
        return;
    const int rc = sqlite3_prepare_v2(db.handle(), sql, -1, &m_stmt, nullptr);
    doneWaiting(); // (reading the schema may wait for a lock too)
    if (rc != SQLITE_OK)
        db.fail("prepare", rc);
}

Statement::Statement(Statement &&other) noexcept
    : m_db(other.m_db), m_stmt(other.m_stmt), m_sql(std::move(other.m_sql))
{
    other.m_stmt = nullptr;
}

Statement::~Statement()
{
    if (m_stmt) {
        m_db->statements().give(m_sql, m_stmt); // (resets it: a write left unfinished commits)
        m_db->publishIfCommitted();
    }
}

Statement &Statement::bind(int index, qint64 value)
{
    const int rc = sqlite3_bind_int64(m_stmt, index, value);
    if (rc != SQLITE_OK)
        m_db->fail("bind", rc);
    return *this;
}

Statement &Statement::bind(int index, const QString &value)
{
    if (value.isNull())
        return bindNull(index);
    const QByteArray utf8 = value.toUtf8();
    const int rc =
        sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        m_db->fail("bind", rc);
    return *this;
}

Statement &Statement::bind(int index, const QByteArray &blob)
{
    if (blob.isNull())
        return bindNull(index);
    const int rc = sqlite3_bind_blob64(m_stmt, index, blob.constData(), sqlite3_uint64(blob.size()),
                                       SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        m_db->fail("bind", rc);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

Statement &Statement::bindOptional(int index, qint64 value, bool isSet)
{
    return isSet ? bind(index, value) : bindNull(index);
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    crashIfCommitReached();
    doneWaiting();
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE) {
        m_db->publishIfCommitted(); // a write outside a transaction has committed now
        return false;
    }
    m_db->fail("step", rc);
}

void Statement::exec()
{
    step();
    reset();
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    // A write read to its end by RETURNING, or left before SQLITE_DONE, commits only here.
    m_db->publishIfCommitted();
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString Statement::text(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!p)
        return {};
    return QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Statement::blob(int column) const
{
    const void *p = sqlite3_column_blob(m_stmt, column);
    const int n = sqlite3_column_bytes(m_stmt, column);
    if (!p)
        return sqlite3_column_type(m_stmt, column) == SQLITE_NULL ? QByteArray() : QByteArray("");
    return QByteArray(static_cast<const char *>(p), n);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

namespace {
// Nanoseconds; atomics because every thread's connections count here.
struct TxCounters
{
    std::atomic<qint64> count{0}, longestHold{0}, totalHold{0}, longestWait{0};
    ~TxCounters()
    {
        if (qEnvironmentVariableIsEmpty("HERALD_TX_TRACE") || count == 0)
            return;
        std::fprintf(
            stderr,
            "HERALD_TX_TRACE: %lld write transactions, longest hold %.1f ms, mean %.2f ms, "
            "held %.0f ms in all, longest wait for the lock %.1f ms\n",
            (long long)count.load(), longestHold / 1e6, totalHold / 1e6 / count, totalHold / 1e6,
            longestWait / 1e6);
    }
};
TxCounters g_tx;

void raiseTo(std::atomic<qint64> &max, qint64 value)
{
    qint64 seen = max.load();
    while (value > seen && !max.compare_exchange_weak(seen, value)) {
    }
}

// When each connection of this thread got the write lock (outermost Transaction).
thread_local std::unordered_map<const sqlite3 *, qint64> t_heldSinceNs;

void endHold(const Database &db)
{
    const auto it = t_heldSinceNs.find(db.handle());
    if (it == t_heldSinceNs.end())
        return;
    const qint64 held = nowNs() - it->second;
    t_heldSinceNs.erase(it);
    ++g_tx.count;
    g_tx.totalHold += held;
    raiseTo(g_tx.longestHold, held);
}
} // namespace

TransactionStats transactionStats()
{
    TransactionStats s;
    s.count = g_tx.count;
    s.longestHoldMs = g_tx.longestHold / 1e6;
    s.totalHoldMs = g_tx.totalHold / 1e6;
    s.longestWaitMs = g_tx.longestWait / 1e6;
    return s;
}

int writersWaiting()
{
    return g_waitingWriters.load();
}

void resetTransactionStats()
{
    g_tx.count = 0;
    g_tx.longestHold = 0;
    g_tx.totalHold = 0;
    g_tx.longestWait = 0;
}

// The outermost transaction takes the write lock at once (BEGIN IMMEDIATE), waiting for it
// under the busy timeout. A deferred one that read first would fail with SQLITE_BUSY_SNAPSHOT
// (no waiting) as soon as another connection committed in between: the window's worker
// syncing while the window marks a message read, or two engines on one profile. Inner
// transactions are savepoints.
Transaction::Transaction(Database &db)
    : m_db(db), m_outermost(sqlite3_get_autocommit(db.handle()) != 0)
{
    if (m_outermost)
        letWaitersGoFirst();
    const qint64 asked = m_outermost ? nowNs() : 0;
    try {
        m_db.exec(m_outermost ? "BEGIN IMMEDIATE" : "SAVEPOINT herald_tx");
    } catch (...) {
        doneWaiting();
        throw;
    }
    doneWaiting();
    if (m_outermost) {
        const qint64 now = nowNs();
        t_heldSinceNs[m_db.handle()] = now;
        raiseTo(g_tx.longestWait, now - asked);
    }
}

Transaction::~Transaction()
{
    if (!m_done) {
        if (m_outermost)
            endHold(m_db);
        try {
            if (m_outermost) {
                m_db.exec("ROLLBACK");
            } else {
                m_db.exec("ROLLBACK TO herald_tx");
                m_db.exec("RELEASE herald_tx");
            }
        } catch (...) {
            // The connection is already in trouble; the original error is what matters.
        }
    }
}

void Transaction::commit()
{
    m_db.exec(m_outermost ? "COMMIT" : "RELEASE herald_tx");
    m_done = true;
    if (m_outermost)
        endHold(m_db);
}

} // namespace herald::store
