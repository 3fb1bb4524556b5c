#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace herald::store {

class Database;

// Raw RFC 5322 bytes of messages. Bodies up to a threshold live in the bodies
// table; larger ones in files under <profile>/bodies/ (written aside and renamed
// into place, so a crash never leaves a half file that the table points to).
class BodyRepository
{
public:
    BodyRepository(Database &db, QString spillDir, qint64 spillThreshold = 16 * 1024 * 1024)
        : m_db(db), m_spillDir(std::move(spillDir)), m_threshold(spillThreshold)
    {
    }

    void put(qint64 messageId, const QByteArray &raw);
    std::optional<QByteArray> get(qint64 messageId);
    bool has(qint64 messageId);
    void remove(qint64 messageId);

private:
    QString filePath(const QString &fileName) const;

    Database &m_db;
    QString m_spillDir;
    qint64 m_threshold;
};

} // namespace herald::store
