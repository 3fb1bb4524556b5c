#pragma once
// Thin RAII layer over the SQLite C API: a connection, prepared statements and
// transactions. Every SQL statement in Herald goes through Statement (bound
// parameters, never string concatenation of values).

#include <QByteArray>
#include <QString>
#include <QVariant>
#include <memory>
#include <stdexcept>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace herald::store {

// A failed SQLite call. what() is a readable sentence naming the operation.
class SqliteError : public std::runtime_error
{
public:
    SqliteError(const std::string &what, int code) : std::runtime_error(what), m_code(code) {}
    int code() const { return m_code; }

private:
    int m_code;
};

class Database;
class StatementCache;
struct CacheDelta;

class Statement
{
public:
    Statement(Database &db, const char *sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    Statement(Statement &&other) noexcept;

    // Parameters are 1-based, as in SQLite. Null QVariant/QString binds NULL.
    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, const QString &value);
    Statement &bind(int index, const QByteArray &blob);
    Statement &bindNull(int index);
    Statement &bindOptional(int index, qint64 value, bool isSet);

    // Returns true while a row is available.
    bool step();
    // Runs a statement that returns no rows.
    void exec();
    void reset();

    qint64 int64(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    bool isNull(int column) const;

private:
    Database *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    std::string m_sql; // the key under which the prepared statement goes back to the cache
};

class Database
{
public:
    // Opens (creating if needed) the file; enables WAL, foreign keys, busy timeout.
    explicit Database(const QString &path);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    void exec(const char *sql);
    qint64 lastInsertId() const;
    int changes() const;
    // From any thread: the statement running on this connection stops with an error (a
    // search typed over); a no-op when none runs.
    void interrupt() const;
    int userVersion();
    void setUserVersion(int version);
    QString path() const { return m_path; }

    sqlite3 *handle() const { return m_db; }
    StatementCache &statements() { return *m_statements; }
    [[noreturn]] void fail(const char *operation, int code) const;
    // After each statement: once no transaction is open any more, what the last one changed
    // goes to ChangeFeed (CacheDelta.h). Rows are collected by SQLite's update hook; a
    // rollback drops them. (A savepoint rolled back inside a committed transaction may still
    // name rows that did not change: readers re-read what is named, so that costs a read.)
    void publishIfCommitted();
    // Starts collecting changes (Store does after migrating: a migration is nobody's news).
    void enableChangeFeed();

private:
    sqlite3 *m_db = nullptr;
    std::unique_ptr<StatementCache> m_statements;
    QString m_path;
    std::unique_ptr<CacheDelta> m_pending; // rows changed by the open transaction
};

// Commits on commit(), rolls back if destroyed before. Nests as savepoints.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();

private:
    Database &m_db;
    const bool m_outermost;
    bool m_done = false;
};

} // namespace herald::store
