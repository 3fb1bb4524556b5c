#include "ui/CacheWriter.h"

#include "core/store/Store.h"

#include <memory>

namespace herald::ui {

// Lives on the writer's thread; opens that thread's Store on the first job.
class CacheWriterWorker : public QObject
{
public:
    explicit CacheWriterWorker(QString profileDir) : m_profileDir(std::move(profileDir)) {}

    QString runJob(const CacheWriter::Job &job)
    {
        try {
            if (!m_store)
                m_store = std::make_unique<store::Store>(m_profileDir);
            job(*m_store);
            return QString();
        } catch (const std::exception &e) {
            return QString::fromLocal8Bit(e.what());
        }
    }

private:
    QString m_profileDir;
    std::unique_ptr<store::Store> m_store;
};

CacheWriter::CacheWriter(QString profileDir, QObject *parent) : QObject(parent)
{
    m_worker = new CacheWriterWorker(std::move(profileDir));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("herald-cache-writer"));
    m_thread.start();
}

CacheWriter::~CacheWriter()
{
    // Queued behind every job given, so they all run before the thread ends.
    QMetaObject::invokeMethod(
        m_worker, [this] { m_thread.quit(); }, Qt::QueuedConnection);
    m_thread.wait();
}

void CacheWriter::run(Job job, QObject *context, Done done)
{
    ++m_pending;
    const QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    QMetaObject::invokeMethod(
        m_worker,
        [this, job = std::move(job), done = std::move(done), guard, hasContext] {
            const QString error = m_worker->runJob(job);
            QMetaObject::invokeMethod(
                this,
                [this, done, guard, hasContext, error] {
                    if (done && (!hasContext || guard))
                        done(error);
                    if (--m_pending == 0)
                        emit idle();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace herald::ui
