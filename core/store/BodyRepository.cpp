#include "core/store/BodyRepository.h"

#include "core/store/Sqlite.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSaveFile>

namespace herald::store {

QString BodyRepository::filePath(const QString &fileName) const
{
    return QDir(m_spillDir).filePath(fileName);
}

void BodyRepository::put(qint64 messageId, const QByteArray &raw)
{
    QString fileName;
    if (raw.size() > m_threshold) {
        QDir().mkpath(m_spillDir);
        fileName = QStringLiteral("%1.eml").arg(messageId);
        QSaveFile file(filePath(fileName));
        if (!file.open(QIODevice::WriteOnly) || file.write(raw) != raw.size() || !file.commit())
            throw SqliteError("cannot write message body file " + filePath(fileName).toStdString() +
                                  ": " + file.errorString().toStdString(),
                              0);
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
}

std::optional<QByteArray> BodyRepository::get(qint64 messageId)
{
    Statement st(m_db, "SELECT raw, file_name FROM bodies WHERE message_id=?");
    st.bind(1, messageId);
    if (!st.step())
        return std::nullopt;
    const QString fileName = st.text(1);
    if (fileName.isEmpty())
        return st.blob(0);
    QFile file(filePath(fileName));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt; // the file was removed behind our back: treat as not cached
    return file.readAll();
}

bool BodyRepository::has(qint64 messageId)
{
    Statement st(m_db, "SELECT 1 FROM bodies WHERE message_id=?");
    st.bind(1, messageId);
    return st.step();
}

void BodyRepository::remove(qint64 messageId)
{
    Statement find(m_db, "SELECT file_name FROM bodies WHERE message_id=?");
    find.bind(1, messageId);
    if (find.step() && !find.isNull(0))
        QFile::remove(filePath(find.text(0)));
    Statement st(m_db, "DELETE FROM bodies WHERE message_id=?");
    st.bind(1, messageId).exec();
}

int BodyRepository::removeOrphanFiles(qint64 minAge)
{
    const QDir dir(m_spillDir);
    if (!dir.exists())
        return 0;
    QSet<QString> referenced;
    Statement st(m_db, "SELECT file_name FROM bodies WHERE file_name IS NOT NULL");
    while (st.step())
        referenced.insert(st.text(0));
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addSecs(-minAge);
    int removed = 0;
    for (const QFileInfo &file : dir.entryInfoList(QDir::Files | QDir::Hidden)) {
        if (referenced.contains(file.fileName()) || file.lastModified().toUTC() > cutoff)
            continue;
        if (QFile::remove(file.filePath()))
            ++removed;
    }
    return removed;
}

} // namespace herald::store
