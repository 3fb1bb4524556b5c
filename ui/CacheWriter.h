#pragma once
// The window's writes to the cache, on a thread of their own with their own connection.
// A sync holds the cache's write lock while it stores a batch; a user's mark-read, move or
// settings change written on the UI thread would wait for it (up to SQLite's busy timeout).
// So the window applies a change to its models at once and hands the cache write to this
// writer, which runs the jobs in the order given and reports each one back on the UI thread.

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>
#include <functional>

namespace herald::store {
class Store;
}

namespace herald::ui {

class CacheWriterWorker;

class CacheWriter : public QObject
{
    Q_OBJECT
public:
    using Job = std::function<void(store::Store &)>;
    // error: empty on success, else the reason in words (the exception's message).
    using Done = std::function<void(const QString &error)>;

    explicit CacheWriter(QString profileDir, QObject *parent = nullptr);
    // Runs every job already given, then stops: nothing the user did is dropped on close.
    ~CacheWriter() override;

    // Queues `job`; `done` runs later on this object's thread, unless `context` is gone.
    void run(Job job, QObject *context = nullptr, Done done = {});
    // Jobs given and not yet reported back.
    int pending() const { return m_pending; }

signals:
    // Every job given so far has been reported back.
    void idle();

private:
    QThread m_thread;
    CacheWriterWorker *m_worker = nullptr;
    int m_pending = 0;
};

} // namespace herald::ui
