#include "ui/OrderedIdsLoader.h"

#include "core/store/Store.h"

namespace herald::ui {

OrderedIdsLoader::OrderedIdsLoader(QString profileDir, Done done, QObject *parent)
    : QObject(parent), m_profileDir(std::move(profileDir)), m_done(std::move(done))
{
    m_thread.setObjectName(QStringLiteral("herald-list-loader"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

OrderedIdsLoader::~OrderedIdsLoader()
{
    m_latest = ~quint64(0); // queued loads skip
    m_thread.quit();
    m_thread.wait();
    m_store.reset(); // the thread is gone: no one else uses the connection
}

void OrderedIdsLoader::load(quint64 generation, qint64 folderId, store::MessageSort sort,
                            bool ascending, bool withThreads)
{
    m_latest = generation;
    QMetaObject::invokeMethod(
        m_worker,
        [this, generation, folderId, sort, ascending, withThreads] {
            if (m_latest != generation)
                return;
            auto result = std::make_shared<Result>();
            result->generation = generation;
            try {
                if (!m_store)
                    m_store = std::make_unique<store::Store>(m_profileDir);
                if (withThreads)
                    m_store->messages().orderedIdsWithThreads(folderId, sort, ascending,
                                                              result->ids, result->threads);
                else
                    result->ids = m_store->messages().orderedIds(folderId, sort, ascending);
            } catch (const std::exception &e) {
                result->error = QString::fromLocal8Bit(e.what());
            }
            // Back on the model's thread; dropped with this object (its events go with it).
            QMetaObject::invokeMethod(
                this,
                [this, result] {
                    if (m_latest == result->generation && m_done)
                        m_done(*result);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace herald::ui
