#include "core/store/BodyRepository.h"

#include "core/store/Sqlite.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cstdio>

namespace herald::store {

namespace {
// Without fsync: like the database (WAL, synchronous=NORMAL), a power cut may lose the last
// seconds, and get() then treats a short file as not cached.
void writeFile(const QString &path, const QByteArray &raw)
{
    const QString aside = path + QStringLiteral(".part");
    QFile file(aside);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        QDir().mkpath(QFileInfo(path).path());
        file.setFileName(aside);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            throw SqliteError("cannot write message body file " + aside.toStdString() + ": " +
                                  file.errorString().toStdString(),
                              0);
    }
    const bool written = file.write(raw) == raw.size();
    file.close();
    if (!written || std::rename(QFile::encodeName(aside).constData(),
                                QFile::encodeName(path).constData()) != 0) {
        QFile::remove(aside);
        throw SqliteError("cannot write message body file " + path.toStdString() + " (disk full?)",
                          0);
    }
}
} // namespace

QString BodyRepository::filePath(const QString &fileName) const
{
    return QDir(m_directory).filePath(fileName);
}

void BodyRepository::put(qint64 messageId, const QByteArray &raw)
{
    // The write lock before the file: removeDeletedFiles() of another connection cannot then
    // delete this file under a name it read earlier.
    Transaction tx(m_db);
    QString fileName;
    if (raw.size() > m_inlineUpTo) {
        fileName = QStringLiteral("%1/%2.eml").arg(messageId / 1000).arg(messageId);
        writeFile(filePath(fileName), raw);
        Statement keep(m_db, "DELETE FROM body_files_removed WHERE file_name=?");
        keep.bind(1, fileName).exec();
    }
    Statement st(m_db, "INSERT OR REPLACE INTO bodies (message_id, raw, file_name, size, "
                       "fetched_at) VALUES (?,?,?,?,?)");
    st.bind(1, messageId);
    if (fileName.isEmpty())
        st.bind(2, raw.isNull() ? QByteArray("") : raw);
    else
        st.bindNull(2);
    st.bind(3, fileName).bind(4, qint64(raw.size())).bind(5, QDateTime::currentSecsSinceEpoch());
    st.exec();
    tx.commit();
}

std::optional<QByteArray> BodyRepository::get(qint64 messageId)
{
    Statement st(m_db, "SELECT raw, file_name, size FROM bodies WHERE message_id=?");
    st.bind(1, messageId);
    if (!st.step())
        return std::nullopt;
    const QString fileName = st.text(1);
    if (fileName.isEmpty())
        return st.blob(0);
    const qint64 size = st.int64(2);
    st.reset();
    QFile file(filePath(fileName));
    QByteArray raw;
    if (file.open(QIODevice::ReadOnly))
        raw = file.readAll();
    if (!file.isOpen() || raw.size() != size) {
        // Lost behind our back (a power cut, a user's cleanup): forget it, so that the next
        // sync downloads it again, instead of keeping a row that promises a body.
        remove(messageId);
        return std::nullopt;
    }
    return raw;
}

bool BodyRepository::has(qint64 messageId)
{
    Statement st(m_db, "SELECT 1 FROM bodies WHERE message_id=?");
    st.bind(1, messageId);
    return st.step();
}

void BodyRepository::remove(qint64 messageId)
{
    Statement st(m_db, "DELETE FROM bodies WHERE message_id=?"); // the trigger notes the file
    st.bind(1, messageId).exec();
}

int BodyRepository::removeDeletedFiles()
{
    Transaction tx(m_db); // the write lock: no put() of these names meanwhile
    QStringList names;
    Statement st(m_db, "SELECT file_name FROM body_files_removed");
    while (st.step())
        names << st.text(0);
    st.reset();
    int removed = 0;
    for (const QString &name : names)
        if (QFile::remove(filePath(name)))
            ++removed;
    m_db.exec("DELETE FROM body_files_removed");
    tx.commit();
    return removed;
}

} // namespace herald::store
