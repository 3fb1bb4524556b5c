#pragma once
// The window's one full-text indexing path: sync::SearchIndexer on a thread of its own, with its
// own cache connection, in small batches while messages are pending. The sync and the watchers
// only mark messages pending (in their own transactions); this catches up while they run, so a
// search right after a big first sync does not wait, and a search meanwhile can say how much is
// left (store::SearchResult::notIndexed). Woken by wake() (new mail, a pass ended, the window
// opened); while a sync pass runs (setSyncRunning) it also looks every second by itself.

#include <QObject>
#include <QThread>
#include <atomic>

namespace herald::ui {

class IndexLoop;

class IndexWorker : public QObject
{
    Q_OBJECT
public:
    explicit IndexWorker(QString profileDir, QObject *parent = nullptr);
    // Stops after the batch in progress (a fraction of a second); the rest stays pending.
    ~IndexWorker() override;

    // Messages may be pending: index them.
    void wake();
    void setSyncRunning(bool running);
    // Messages left to index as last seen (-1 before the first look).
    qint64 pending() const { return m_pending; }

signals:
    // After each batch, and 0 once everything is indexed. (Emitted on this object's thread.)
    void progress(qint64 pending);
    // Indexing failed (the cache could not be read or written); tried again on the next wake.
    void failed(const QString &error);

private:
    QThread m_thread;
    IndexLoop *m_loop = nullptr;
    qint64 m_pending = -1;
};

} // namespace herald::ui
