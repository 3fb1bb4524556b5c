#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>
#include <optional>

namespace herald::store {

class Database;

// Raw RFC 5322 bytes of messages, as files under <profile>/bodies/ (one per message, in
// folders of a thousand ids), with a row in the bodies table for each. Why files: a body
// stored in SQLite is written twice (the WAL, then the checkpoint), which was a quarter of
// an initial sync's CPU, and a deleted one leaves the database file as large as before.
//
// Consistency: a file is written aside and renamed into place before its row is committed,
// inside the caller's transaction, so a crash leaves at worst a file without a row (its id
// comes back with the next message and the file is overwritten). A removed row, by remove()
// or by a cascade from messages, folders or accounts, leaves the file's name in
// body_files_removed in the same transaction; removeDeletedFiles() deletes them. A file that
// is missing or shorter than its row says (a power cut before the kernel wrote it) counts as
// not cached: its row is dropped, so the next sync downloads the body again.
//
// Bodies up to `inlineUpTo` bytes stay in the table (0: only empty ones); caches written
// before schema 5 keep theirs there too.
class BodyRepository
{
public:
    BodyRepository(Database &db, QString directory, qint64 inlineUpTo = 0)
        : m_db(db), m_directory(std::move(directory)), m_inlineUpTo(inlineUpTo)
    {
    }

    void put(qint64 messageId, const QByteArray &raw);
    std::optional<QByteArray> get(qint64 messageId);
    bool has(qint64 messageId);
    void remove(qint64 messageId);
    // Deletes the files of removed rows (body_files_removed); returns how many.
    int removeDeletedFiles();

private:
    QString filePath(const QString &fileName) const;

    Database &m_db;
    QString m_directory;
    qint64 m_inlineUpTo;
};

} // namespace herald::store
