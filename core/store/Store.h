#pragma once
// The cache of one profile: <profile>/herald.sqlite plus <profile>/bodies/.
// One Store per thread (SQLite connections are not shared across threads);
// several Stores on the same profile see each other's commits (WAL).

#include "core/store/AccountRepository.h"
#include "core/store/BodyRepository.h"
#include "core/store/FolderRepository.h"
#include "core/store/MessageRepository.h"
#include "core/store/SearchIndex.h"
#include "core/store/Sqlite.h"
#include "core/store/TaskRepository.h"
#include "core/store/ThreadRepository.h"

#include <memory>

namespace herald::store {

class Store
{
public:
    // Opens or creates the cache in profileDir and migrates it to the latest schema.
    explicit Store(const QString &profileDir);

    static QString databasePath(const QString &profileDir);

    Database &db() { return *m_db; }
    AccountRepository &accounts() { return m_accounts; }
    FolderRepository &folders() { return m_folders; }
    MessageRepository &messages() { return m_messages; }
    BodyRepository &bodies() { return m_bodies; }
    SearchIndex &search() { return m_search; }
    TaskRepository &tasks() { return m_tasks; }
    ThreadRepository &threads() { return m_threads; }
    QString profileDir() const { return m_profileDir; }

    // "ok" when PRAGMA integrity_check finds nothing wrong.
    QString integrityCheck();

private:
    QString m_profileDir;
    std::unique_ptr<Database> m_db;
    AccountRepository m_accounts;
    FolderRepository m_folders;
    MessageRepository m_messages;
    BodyRepository m_bodies;
    SearchIndex m_search;
    TaskRepository m_tasks;
    ThreadRepository m_threads;
};

} // namespace herald::store
