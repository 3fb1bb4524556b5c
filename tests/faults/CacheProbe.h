#pragma once
// Read-only look into a Herald profile's cache (herald.sqlite and its body files) for the
// fault campaign: integrity, the messages with their Message-IDs and body digests, and the
// outbox's send tasks.

#include <QList>
#include <QString>
#include <QStringList>

namespace herald::faults {

struct CachedMessage
{
    qint64 id = 0;
    QString folder;
    bool localFolder = false;
    qint64 uid = -1;    // -1: no UID (POP3, outbox, not yet uploaded)
    QString messageId;  // without brackets
    QString bodySha256; // empty: no body downloaded
};

struct SendTask
{
    qint64 id = 0;
    QString state;
    QString lastError;
    QString messageId;
};

class CacheProbe
{
public:
    explicit CacheProbe(QString profileDir);

    // "integrity_check: …" / "foreign key violation: …" lines; empty when the cache is sound.
    QStringList integrityProblems() const;
    QList<CachedMessage> messages() const;
    QList<SendTask> sendTasks() const;
    QString error() const { return m_error; }

private:
    QString m_dir;
    mutable QString m_error;
};

} // namespace herald::faults
