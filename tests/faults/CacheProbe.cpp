#include "tests/faults/CacheProbe.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <functional>
#include <sqlite3.h>

namespace herald::faults {

namespace {
QString text(sqlite3_stmt *st, int column)
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(st, column));
    return p ? QString::fromUtf8(p) : QString();
}

QString stripBrackets(QString id)
{
    id = id.trimmed();
    if (id.startsWith(QLatin1Char('<')) && id.endsWith(QLatin1Char('>')))
        id = id.mid(1, id.size() - 2);
    return id;
}

// Runs `sql` on the profile's database (read only), calling `row` per result row.
bool query(const QString &dir, const char *sql, const std::function<void(sqlite3_stmt *)> &row,
           QString *error)
{
    sqlite3 *db = nullptr;
    const QString path = QDir(dir).filePath(QStringLiteral("herald.sqlite"));
    bool ok =
        sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK;
    sqlite3_stmt *st = nullptr;
    ok = ok && sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK;
    if (ok) {
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            row(st);
        ok = rc == SQLITE_DONE;
    }
    if (!ok && error)
        *error = QStringLiteral("cache %1: %2").arg(path, QString::fromUtf8(sqlite3_errmsg(db)));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return ok;
}
} // namespace

CacheProbe::CacheProbe(QString profileDir) : m_dir(std::move(profileDir)) {}

QStringList CacheProbe::integrityProblems() const
{
    QStringList out;
    query(
        m_dir, "PRAGMA integrity_check",
        [&](sqlite3_stmt *st) {
            if (text(st, 0) != QLatin1String("ok"))
                out << QStringLiteral("integrity_check: ") + text(st, 0);
        },
        &m_error);
    query(
        m_dir, "PRAGMA foreign_key_check",
        [&](sqlite3_stmt *st) {
            out << QStringLiteral("foreign key violation: table %1 row %2 -> %3")
                       .arg(text(st, 0), text(st, 1), text(st, 2));
        },
        &m_error);
    if (!m_error.isEmpty())
        out << m_error;
    return out;
}

QList<CachedMessage> CacheProbe::messages() const
{
    QList<CachedMessage> out;
    const QString bodiesDir = QDir(m_dir).filePath(QStringLiteral("bodies"));
    query(
        m_dir,
        "SELECT m.id, f.name, f.is_local, m.uid, m.message_id, b.raw, b.file_name, "
        "b.message_id IS NOT NULL FROM messages m JOIN folders f ON f.id = m.folder_id "
        "LEFT JOIN bodies b ON b.message_id = m.id ORDER BY m.id",
        [&](sqlite3_stmt *st) {
            CachedMessage m;
            m.id = sqlite3_column_int64(st, 0);
            m.folder = text(st, 1);
            m.localFolder = sqlite3_column_int(st, 2) != 0;
            m.uid = sqlite3_column_type(st, 3) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 3);
            m.messageId = stripBrackets(text(st, 4));
            if (sqlite3_column_int(st, 7)) {
                QByteArray raw(static_cast<const char *>(sqlite3_column_blob(st, 5)),
                               sqlite3_column_bytes(st, 5));
                const QString file = text(st, 6);
                if (!file.isEmpty()) {
                    QFile f(QDir(bodiesDir).filePath(file));
                    raw = f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
                }
                m.bodySha256 = QString::fromLatin1(
                    QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex());
            }
            out << m;
        },
        &m_error);
    return out;
}

QList<SendTask> CacheProbe::sendTasks() const
{
    QList<SendTask> out;
    query(
        m_dir,
        "SELECT id, state, last_error, json_extract(payload, '$.message_id') FROM tasks "
        "WHERE kind = 'send' ORDER BY id",
        [&](sqlite3_stmt *st) {
            out << SendTask{sqlite3_column_int64(st, 0), text(st, 1), text(st, 2),
                            stripBrackets(text(st, 3))};
        },
        &m_error);
    return out;
}

} // namespace herald::faults
