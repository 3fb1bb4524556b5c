#pragma once
// The window's ear on the cache: store::ChangeFeed's deltas of this profile (from any thread:
// the watchers, the sync worker, the cache writer, the compose service), merged over a short
// while (100 ms) so that a burst of commits repaints once, delivered on the UI thread.

#include "core/store/CacheDelta.h"

#include <QObject>
#include <QTimer>

namespace herald::ui {

class CacheFollower : public QObject
{
    Q_OBJECT
public:
    explicit CacheFollower(const QString &profileDir, int coalesceMs = 100,
                           QObject *parent = nullptr);

signals:
    // Everything committed to this profile's cache since the last one.
    void changed(const herald::store::CacheDelta &delta);

private:
    void collect(const store::CacheDelta &delta);

    QString m_profileDir;
    store::CacheDelta m_pending;
    QTimer m_timer;
};

} // namespace herald::ui
