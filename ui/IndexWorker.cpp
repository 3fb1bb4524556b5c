#include "ui/IndexWorker.h"

#include "core/store/Store.h"
#include "core/sync/SearchIndexer.h"

#include <QTimer>
#include <memory>

namespace herald::ui {

// Lives on the worker's thread; opens that thread's Store on the first batch.
class IndexLoop : public QObject
{
    Q_OBJECT
public:
    // Small batches: the sync waits for the cache's write lock while one is written.
    static constexpr int kBatch = 200;

    explicit IndexLoop(QString profileDir) : m_profileDir(std::move(profileDir)) {}
    std::atomic<bool> stop{false};

    void wake()
    {
        if (m_scheduled)
            return;
        m_scheduled = true;
        QMetaObject::invokeMethod(this, &IndexLoop::batch, Qt::QueuedConnection);
    }

    void setSyncRunning(bool running)
    {
        if (!m_poll) {
            m_poll = new QTimer(this);
            m_poll->setInterval(1000);
            connect(m_poll, &QTimer::timeout, this, &IndexLoop::wake);
        }
        if (running)
            m_poll->start();
        else
            m_poll->stop();
    }

signals:
    void progress(qint64 pending);
    void failed(const QString &error);

private:
    // One batch, then the next is queued behind whatever else arrived (a stop, a wake).
    void batch()
    {
        m_scheduled = false;
        if (stop)
            return;
        try {
            if (!m_store)
                m_store = std::make_unique<store::Store>(m_profileDir);
            sync::SearchIndexer indexer(*m_store);
            const int done = indexer.run(kBatch);
            const qint64 left = done == kBatch ? indexer.pendingCount() : 0;
            if (done > 0 || m_reported != left)
                emit progress(left);
            m_reported = left;
            if (left > 0)
                wake();
        } catch (const std::exception &e) {
            emit failed(QString::fromLocal8Bit(e.what()));
        }
    }

    QString m_profileDir;
    std::unique_ptr<store::Store> m_store;
    QTimer *m_poll = nullptr;
    bool m_scheduled = false;
    qint64 m_reported = -1;
};

IndexWorker::IndexWorker(QString profileDir, QObject *parent) : QObject(parent)
{
    m_loop = new IndexLoop(std::move(profileDir));
    m_loop->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_loop, &QObject::deleteLater);
    connect(m_loop, &IndexLoop::progress, this, [this](qint64 pending) {
        m_pending = pending;
        emit progress(pending);
    });
    connect(m_loop, &IndexLoop::failed, this, &IndexWorker::failed);
    m_thread.setObjectName(QStringLiteral("herald-index"));
    m_thread.start();
}

IndexWorker::~IndexWorker()
{
    m_loop->stop = true;
    m_thread.quit();
    m_thread.wait();
}

void IndexWorker::wake()
{
    QMetaObject::invokeMethod(m_loop, &IndexLoop::wake, Qt::QueuedConnection);
}

void IndexWorker::setSyncRunning(bool running)
{
    QMetaObject::invokeMethod(
        m_loop, [this, running] { m_loop->setSyncRunning(running); }, Qt::QueuedConnection);
}

} // namespace herald::ui

#include "IndexWorker.moc"
