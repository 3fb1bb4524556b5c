// MessageRepository's unified views (ListScope.h) and the queries behind new-mail
// notifications. Fast at any size: "All Inboxes" merges each INBOX's (date, id) read from its
// covering index messages_folder_date; "Unread" and "Flagged" walk the partial indexes of
// schema version 8 in list order, so neither sorts the whole cache.
#include "core/store/MessageRepository.h"
#include "core/store/Sqlite.h"

#include <algorithm>
#include <utility>

namespace herald::store {

namespace {

// The folders a unified view leaves out (see inUnifiedView); special_use as the server wrote it.
constexpr const char *kExcludedFolders =
    "(SELECT id FROM folders WHERE lower(special_use) IN ('\\trash', '\\junk', '\\outbox'))";
constexpr const char *kInboxFolders = "SELECT id FROM folders WHERE upper(name) = 'INBOX'";

bool isExcluded(const Folder &f)
{
    const QString use = f.specialUse.toLower();
    return use == QLatin1String("\\trash") || use == QLatin1String("\\junk") ||
           use == QLatin1String("\\outbox");
}

bool isInbox(const Folder &f)
{
    return f.name.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0;
}

std::vector<qint64> ids(Statement &st)
{
    std::vector<qint64> out;
    while (st.step())
        out.push_back(st.int64(0));
    return out;
}

// The partial index and the flag test that selects a filtered view's messages.
std::pair<const char *, const char *> filterOf(UnifiedView view)
{
    if (view == UnifiedView::Unread)
        return {"messages_unread_date", "(flags & 1) = 0"};
    return {"messages_flagged_date", "(flags & 4) != 0"};
}

} // namespace

bool inUnifiedView(const Folder &folder, UnifiedView view)
{
    if (view == UnifiedView::None)
        return false;
    if (view == UnifiedView::Inboxes)
        return isInbox(folder) && !isExcluded(folder);
    return !isExcluded(folder);
}

std::vector<qint64> MessageRepository::orderedIds(const ListScope &scope, MessageSort sort,
                                                  bool ascending)
{
    if (scope.isList)
        return orderedList(scope.messages, sort, ascending);
    if (!scope.isUnified())
        return scope.folderId ? orderedIds(scope.folderId, sort, ascending) : std::vector<qint64>{};
    const bool newestFirst = sort == MessageSort::Date && !ascending;
    if (scope.unified == UnifiedView::Inboxes && !newestFirst) { // one sort over every INBOX
        Statement st(m_db,
                     (std::string("SELECT id FROM messages WHERE folder_id IN (") + kInboxFolders +
                      ") AND folder_id NOT IN " + kExcludedFolders + orderBy(sort, ascending))
                         .c_str());
        return ids(st);
    }
    if (scope.unified == UnifiedView::Inboxes) {
        Statement folders(m_db, (std::string(kInboxFolders) + " AND id NOT IN " + kExcludedFolders +
                                 " ORDER BY id")
                                    .c_str());
        std::vector<std::pair<qint64, qint64>> merged; // (date, id), newest first
        Statement st(m_db, "SELECT date, id FROM messages WHERE folder_id=? "
                           "ORDER BY date DESC, id DESC");
        for (const qint64 folder : ids(folders)) {
            const auto middle = qsizetype(merged.size());
            st.bind(1, folder);
            while (st.step())
                merged.emplace_back(st.int64(0), st.int64(1));
            st.reset();
            // Each INBOX comes sorted from its index: merging keeps the whole list sorted.
            std::inplace_merge(merged.begin(), merged.begin() + middle, merged.end(),
                               std::greater<>());
        }
        std::vector<qint64> out;
        out.reserve(merged.size());
        for (const auto &entry : merged)
            out.push_back(entry.second);
        return out;
    }
    // Newest first: the partial index in its order; other keys sort what it selects.
    const auto [index, test] = filterOf(scope.unified);
    Statement st(m_db,
                 (std::string("SELECT id FROM messages INDEXED BY ") + index + " WHERE " + test +
                  " AND folder_id NOT IN " + kExcludedFolders + orderBy(sort, ascending))
                     .c_str());
    return ids(st);
}

std::vector<qint64> MessageRepository::orderedList(const std::vector<qint64> &messages,
                                                   MessageSort sort, bool ascending)
{
    if (messages.empty())
        return {};
    // The ids as one JSON array: a single statement however many there are.
    QByteArray json = "[";
    for (const qint64 id : messages)
        json += QByteArray::number(id) + ',';
    json[json.size() - 1] = ']';
    Statement st(m_db, ("SELECT id FROM messages WHERE id IN (SELECT value FROM json_each(?))" +
                        orderBy(sort, ascending))
                           .c_str());
    st.bind(1, QString::fromLatin1(json));
    return ids(st);
}

qint64 MessageRepository::countIn(const ListScope &scope, bool unreadOnly)
{
    // Folders and "All Inboxes" add up the counts the triggers of schema version 10 keep per
    // folder; "Unread" is every unread message outside the excluded folders, the same sum.
    const char *const column = unreadOnly ? "unread_count" : "message_count";
    std::string sql;
    if (scope.isUnified() && scope.unified == UnifiedView::Flagged) {
        const auto [index, test] = filterOf(scope.unified);
        sql = std::string("SELECT count(*) FROM messages INDEXED BY ") + index + " WHERE " + test +
              " AND folder_id NOT IN " + kExcludedFolders;
        if (unreadOnly)
            sql += " AND (flags & 1) = 0";
    } else if (scope.isUnified()) {
        sql = std::string("SELECT coalesce(sum(") +
              (scope.unified == UnifiedView::Unread ? "unread_count" : column) +
              "), 0) FROM folders WHERE id NOT IN " + kExcludedFolders;
        if (scope.unified == UnifiedView::Inboxes)
            sql += std::string(" AND id IN (") + kInboxFolders + ")";
    } else {
        sql = std::string("SELECT ") + column + " FROM folders WHERE id = ?1";
    }
    Statement st(m_db, sql.c_str());
    if (!scope.isUnified())
        st.bind(1, scope.folderId);
    return st.step() ? st.int64(0) : 0;
}

std::vector<MessageRow> MessageRepository::unseenInboxAfter(qint64 accountId, qint64 afterId)
{
    // A range of the primary key: only what arrived since the last look is read.
    Statement st(m_db, "SELECT m.id FROM messages m JOIN folders f ON f.id = m.folder_id "
                       "WHERE m.id > ? AND m.account_id = ? AND upper(f.name) = 'INBOX' "
                       "AND (m.flags & 1) = 0 ORDER BY m.id");
    st.bind(1, afterId).bind(2, accountId);
    return byIds(ids(st));
}

qint64 MessageRepository::maxInboxId(qint64 accountId)
{
    Statement st(m_db, "SELECT max(m.id) FROM messages m WHERE m.folder_id IN (SELECT id FROM "
                       "folders WHERE account_id = ? AND upper(name) = 'INBOX')");
    st.bind(1, accountId);
    return st.step() && !st.isNull(0) ? st.int64(0) : 0;
}

} // namespace herald::store
