#include "core/store/CacheDelta.h"

namespace herald::store {

void CacheDelta::noteAdded(qint64 id)
{
    if (messagesRemoved.remove(id))
        messagesChanged.insert(id);
    else
        messagesAdded.insert(id);
}

void CacheDelta::noteChanged(qint64 id)
{
    if (!messagesAdded.contains(id))
        messagesChanged.insert(id);
}

void CacheDelta::noteRemoved(qint64 id)
{
    messagesChanged.remove(id);
    if (!messagesAdded.remove(id))
        messagesRemoved.insert(id);
}

void CacheDelta::merge(const CacheDelta &later)
{
    for (const qint64 id : later.messagesRemoved) // (a later delta removes before it re-adds)
        noteRemoved(id);
    for (const qint64 id : later.messagesAdded)
        noteAdded(id);
    for (const qint64 id : later.messagesChanged)
        noteChanged(id);
    foldersChanged.unite(later.foldersChanged);
}

ChangeFeed::ChangeFeed()
{
    qRegisterMetaType<herald::store::CacheDelta>();
}

ChangeFeed &ChangeFeed::instance()
{
    // Never destroyed: writer threads may publish while the program ends.
    static ChangeFeed *feed = new ChangeFeed; // (thread-safe initialisation)
    return *feed;
}

void ChangeFeed::publish(const CacheDelta &delta)
{
    emit changed(delta);
}

} // namespace herald::store
