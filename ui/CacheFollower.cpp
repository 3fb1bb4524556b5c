#include "ui/CacheFollower.h"

#include <QDir>
#include <QFileInfo>

namespace herald::ui {

CacheFollower::CacheFollower(const QString &profileDir, int coalesceMs, QObject *parent)
    : QObject(parent), m_profileDir(QDir::cleanPath(QFileInfo(profileDir).absoluteFilePath()))
{
    m_pending.profileDir = m_profileDir;
    m_timer.setSingleShot(true);
    m_timer.setInterval(coalesceMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        store::CacheDelta delta;
        delta.profileDir = m_profileDir;
        std::swap(delta, m_pending);
        if (!delta.isEmpty())
            emit changed(delta);
    });
    // Queued from writer threads (and from this one: never inside a writer's call).
    connect(&store::ChangeFeed::instance(), &store::ChangeFeed::changed, this,
            &CacheFollower::collect, Qt::QueuedConnection);
}

void CacheFollower::collect(const store::CacheDelta &delta)
{
    if (delta.profileDir != m_profileDir)
        return; // another profile's cache (tests open several)
    m_pending.merge(delta);
    if (!m_timer.isActive())
        m_timer.start(); // (not restarted: a steady stream still repaints every 100 ms)
}

} // namespace herald::ui
