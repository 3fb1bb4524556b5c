#pragma once

#include "core/store/ListScope.h"
#include "core/store/Records.h"

#include <QSet>
#include <optional>
#include <string>
#include <vector>

namespace herald::store {

class Database;

// The orders of the message list; each has an index (Schema.cpp, version 7).
enum class MessageSort { Date, From, Subject, Size, Status };

struct MessageQuery
{
    qint64 accountId = 0; // 0 = every account
    qint64 folderId = 0;  // 0 = every folder
    int limit = -1;       // -1 = no limit
};

class MessageRepository
{
public:
    explicit MessageRepository(Database &db) : m_db(db) {}

    // Inserts a new row (id ignored) and returns its id.
    qint64 insert(const MessageRow &row);
    // Inserts a removed row again under its own id if that is still free (an undone delete:
    // tasks and the window still know it by that id), else under a new one; returns the id.
    qint64 restore(const MessageRow &row);
    // Inserts, or updates the existing row with the same (folder, uid); returns its id.
    qint64 upsertByUid(const MessageRow &row);
    // What the server says about message `id` (headers, flags, size); keeps local state
    // (auth verdict, account, folder, uid).
    void updateFromServer(qint64 id, const MessageRow &row);
    // Rewrites every column of row `id` from `row` (its id ignored): a draft saved again keeps
    // its id while its content, folder and UID change.
    void replace(qint64 id, const MessageRow &row);
    void setFlags(qint64 id, int flags, const QStringList &keywords,
                  std::optional<qint64> modSeq = std::nullopt);
    void setAuth(qint64 id, const QString &authJson, AuthSummary summary,
                 AuthState state = AuthState::Verified);
    // Messages of the account whose body is cached but whose verdict is not final: never
    // verified first, newest first, then those DNS could not finish.
    std::vector<qint64> awaitingVerification(qint64 accountId, int limit);
    // The same in two lists, read once by a verifier before it works through them (paging
    // with a sort per page was quadratic): never verified (None, FromHeaders; newest first),
    // and Incomplete (by id).
    std::vector<qint64> neverVerified(qint64 accountId);
    std::vector<qint64> incompletelyVerified(qint64 accountId);
    // What only the body tells: attachments and the preview text.
    void setBodySummary(qint64 id, bool hasAttachments, const QString &snippet);
    void moveTo(qint64 id, qint64 folderId, std::optional<qint64> uid);
    void setUid(qint64 id, std::optional<qint64> uid);
    void remove(qint64 id);
    // Removes the rows of these UIDs in the folder; returns the removed message ids.
    std::vector<qint64> removeUids(qint64 folderId, const std::vector<qint64> &uids);
    // Every row of the folder except drafts that are not on the server yet (no UID, \Draft):
    // those are the user's unsent work, waiting for their upload task.
    void removeFolderContents(qint64 folderId);

    std::optional<MessageRow> byId(qint64 id);
    // Only the id: the cheap existence check of the sync's hot loop (byUid joins and reads
    // every column).
    std::optional<qint64> idByUid(qint64 folderId, qint64 uid);
    std::optional<MessageRow> byUid(qint64 folderId, qint64 uid);
    std::optional<MessageRow> byRemoteKey(qint64 accountId, const QString &remoteKey);
    // What tells a folder's messages apart on an mbox import (MboxIdentities.cpp): every
    // remote key (an import's content hash) in it, read in one query.
    QSet<QString> remoteKeysIn(qint64 folderId);
    // Newest first (date DESC, id DESC), with folder and account names filled.
    std::vector<MessageRow> list(const MessageQuery &query);
    std::vector<MessageRow> byIds(const std::vector<qint64> &ids);

    // The ordered ids of a folder, newest first by default: all a windowed list needs on open.
    // Ties are broken by id in the same direction. From sorts by the name shown (else the
    // address), Subject as written, both ignoring ASCII case; Status puts flagged, then unread
    // mail last in ascending order (first in descending).
    // At most `limit` of them (-1: all).
    std::vector<qint64> orderedIds(qint64 folderId, MessageSort sort = MessageSort::Date,
                                   bool ascending = false, int limit = -1);
    // The same, with each row's thread id beside its id (its own id until it is threaded).
    void orderedIdsWithThreads(qint64 folderId, MessageSort sort, bool ascending,
                               std::vector<qint64> &ids, std::vector<qint64> &threads,
                               int limit = -1);
    // For tests: SQLite's plan of orderedIdsWithThreads (EXPLAIN QUERY PLAN details, one a line).
    QString orderedIdsPlan(MessageSort sort, bool ascending);
    // Unified views over every account (ListScope.h; defined in UnifiedViews.cpp): the
    // ordered ids of a folder, a unified view or a list, newest first by default, in the order
    // of orderedIds(folderId, ...); and a view's message and unread counts.
    std::vector<qint64> orderedIds(const ListScope &scope, MessageSort sort = MessageSort::Date,
                                   bool ascending = false);
    qint64 countIn(const ListScope &scope, bool unreadOnly);
    // For "new mail" notifications: the account's unseen INBOX messages with an id above
    // `afterId`, oldest first; and the highest id in its INBOX (0 when empty).
    std::vector<MessageRow> unseenInboxAfter(qint64 accountId, qint64 afterId);
    qint64 maxInboxId(qint64 accountId);
    // uid -> (id, flags, modseq) for a folder, ascending uid; for sync.
    struct UidState
    {
        qint64 uid;
        qint64 id;
        int flags;
        QStringList keywords;
    };
    std::vector<UidState> uidStates(qint64 folderId);
    // The folder's rows that have a UID (what the server should hold), for sync's count check.
    qint64 countWithUid(qint64 folderId);
    // The folder's messages with a UID whose body is not cached, newest first (date DESC, id
    // DESC), over the partial index messages_without_body. maxSize 0: any size; since 0: any date.
    struct MissingBody
    {
        qint64 uid;
        qint64 id;
        qint64 size;
    };
    std::vector<MissingBody> withoutBody(qint64 folderId, qint64 maxSize, qint64 since);

private:
    // "ORDER BY <key> <dir>, id <dir>": the order of every list, on the expressions of the
    // covering indexes of schema version 7.
    static std::string orderBy(MessageSort sort, bool ascending);
    // The messages of this list that still exist, in that order.
    std::vector<qint64> orderedList(const std::vector<qint64> &messages, MessageSort sort,
                                    bool ascending);
    Database &m_db;
};

} // namespace herald::store
