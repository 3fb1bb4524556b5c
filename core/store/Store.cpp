#include "core/store/Store.h"

#include "core/store/Schema.h"

#include <QDir>

namespace herald::store {

namespace {
std::unique_ptr<Database> openDatabase(const QString &profileDir)
{
    if (!QDir().mkpath(profileDir))
        throw SqliteError("cannot create the profile directory " + profileDir.toStdString(), 0);
    auto db = std::make_unique<Database>(Store::databasePath(profileDir));
    migrate(*db);
    db->enableChangeFeed(); // readers hear of every commit from here on (CacheDelta.h)
    return db;
}
} // namespace

Store::Store(const QString &profileDir)
    : m_profileDir(profileDir), m_db(openDatabase(profileDir)), m_accounts(*m_db), m_folders(*m_db),
      m_messages(*m_db), m_bodies(*m_db, QDir(profileDir).filePath(QStringLiteral("bodies"))),
      m_search(*m_db), m_tasks(*m_db), m_threads(*m_db)
{
}

QString Store::databasePath(const QString &profileDir)
{
    return QDir(profileDir).filePath(QStringLiteral("herald.sqlite"));
}

QString Store::integrityCheck()
{
    Statement st(*m_db, "PRAGMA integrity_check");
    QStringList lines;
    while (st.step())
        lines << st.text(0);
    return lines.join(QLatin1Char('\n'));
}

} // namespace herald::store
