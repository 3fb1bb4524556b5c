#pragma once
// What one committed write transaction changed in the cache, for its readers (after
// Mailspring-Sync's DeltaStream): the window updates the rows and counts named here instead of
// reloading everything. Collected by the connection (Database) as rows change, and published
// by ChangeFeed once the transaction has committed — never for one rolled back.

#include <QMetaType>
#include <QObject>
#include <QSet>
#include <QString>

namespace herald::store {

struct CacheDelta
{
    QString profileDir;           // which cache (tests and the CLI may open several)
    QSet<qint64> messagesAdded;   // rows inserted into messages
    QSet<qint64> messagesChanged; // rows updated (flags, verdict, body, folder, thread, ...)
    QSet<qint64> messagesRemoved; // rows deleted
    QSet<qint64> foldersChanged;  // folders inserted, updated (their counts) or deleted

    bool isEmpty() const
    {
        return messagesAdded.isEmpty() && messagesChanged.isEmpty() && messagesRemoved.isEmpty() &&
               foldersChanged.isEmpty();
    }
    // One row event, in order: an id added then changed stays added; added then removed is
    // gone; removed then added again (an undone delete keeps its id) is changed.
    void noteAdded(qint64 id);
    void noteChanged(qint64 id);
    void noteRemoved(qint64 id);
    // Folds a later delta of the same cache into this one, by the same rules.
    void merge(const CacheDelta &later);
};

// The process's one feed: every Database publishes here after its commits, from its own
// thread; receivers on other threads get the signal queued (CacheDelta is a registered type).
class ChangeFeed : public QObject
{
    Q_OBJECT
public:
    static ChangeFeed &instance();
    void publish(const CacheDelta &delta);

signals:
    void changed(const herald::store::CacheDelta &delta);

private:
    ChangeFeed();
};

} // namespace herald::store

Q_DECLARE_METATYPE(herald::store::CacheDelta)
