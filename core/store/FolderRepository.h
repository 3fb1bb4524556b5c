#pragma once

#include "core/store/Records.h"

#include <optional>
#include <vector>

namespace herald::store {

class Database;

class FolderRepository
{
public:
    explicit FolderRepository(Database &db) : m_db(db) {}

    // Creates the folder if missing, else updates delimiter/special use/attributes.
    qint64 upsert(const Folder &folder);
    void remove(qint64 id);
    // Folders of one account (or all, accountId = 0) with total/unread counts.
    std::vector<Folder> list(qint64 accountId = 0);
    std::optional<Folder> byId(qint64 id);
    std::optional<Folder> byName(qint64 accountId, const QString &name);
    // First folder of the account with this special use ("\\Sent"), if any.
    std::optional<Folder> bySpecialUse(qint64 accountId, const QString &specialUse);
    void setSyncState(qint64 id, std::optional<qint64> uidValidity, std::optional<qint64> uidNext,
                      std::optional<qint64> highestModSeq);
    void rename(qint64 id, const QString &newName);
    // Renames folder `from` of the account and every folder below it ("from" + delimiter + …)
    // to `to`, as an IMAP RENAME does on the server. A row already at one of the new names (a
    // folder-list sync that saw the server's rename first) is replaced. Use in a transaction.
    void renameTree(qint64 accountId, const QString &from, const QString &to,
                    const QString &delimiter);

private:
    Database &m_db;
};

} // namespace herald::store
