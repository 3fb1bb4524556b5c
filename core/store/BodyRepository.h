#pragma once

#include <QByteArray>
#include <QString>

#include <QtGlobal>

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
    // Deletes files under <profile>/bodies/ that no row points to and that are older than
    // `minAge` seconds: a message row removed by a cascade (folder rebuilt, UIDs vanished,
    // account removed) takes its bodies row but cannot take the file, and a crash between
    // writing a file and committing its row leaves one. The age keeps the file another
    // process has written but not committed yet. Returns how many were removed.
    int removeOrphanFiles(qint64 minAge = 3600);

private:
    QString filePath(const QString &fileName) const;

    Database &m_db;
    QString m_spillDir;
    qint64 m_threshold;
};

} // namespace herald::store
