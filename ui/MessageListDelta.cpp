// MessageListModel::applyDelta: what a commit changed (store::CacheDelta) applied to the rows
// shown, without a reset where the rows can say it (see the header).
#include "core/store/CacheDelta.h"
#include "core/store/Store.h"
#include "ui/MessageListModel.h"

#include <unordered_map>
#include <unordered_set>

namespace herald::ui {

namespace {
// Above this many rows a changed membership reads the ids on the loader's thread (a reset when
// the order changed) rather than on the UI thread.
constexpr size_t kRereadOnUiThread = 100000;
} // namespace

void MessageListModel::dropPage(int pageNo)
{
    const auto it = m_pages.find(pageNo);
    if (it == m_pages.end())
        return;
    m_lru.erase(it->second.lruPos);
    m_pages.erase(it);
}

bool MessageListModel::applyDelta(const store::CacheDelta &delta)
{
    if (m_scope.isEmpty() || delta.isEmpty())
        return true;
    // The rows that show a message the delta names as changed or removed.
    std::vector<int> changedRows, removedRows;
    std::unordered_set<qint64> shownChanged;
    if (!delta.messagesChanged.isEmpty() || !delta.messagesRemoved.isEmpty())
        for (size_t row = 0; row < m_ids.size(); ++row) {
            const qint64 id = m_ids[row];
            if (delta.messagesChanged.contains(id)) {
                changedRows.push_back(int(row));
                shownChanged.insert(id);
            } else if (delta.messagesRemoved.contains(id)) {
                removedRows.push_back(int(row));
            }
        }
    const bool folderTouched =
        m_scope.isFolder() && delta.foldersChanged.contains(m_scope.folderId);
    // Could a message have joined the view, left it, or changed place?
    bool reread = false;
    if (m_scope.isUnified()) {
        // (Unread and Flagged follow the flags, All Inboxes the folders.)
        reread = !delta.messagesAdded.isEmpty() || !changedRows.empty() ||
                 delta.messagesChanged.size() > qsizetype(shownChanged.size());
    } else if (m_scope.isFolder()) {
        // A message that arrives or moves in changes the folder's count (a trigger writes its
        // row); one shown that moved away is found below.
        const bool unshownNamed = !delta.messagesAdded.isEmpty() ||
                                  delta.messagesChanged.size() > qsizetype(shownChanged.size());
        reread = (folderTouched && unshownNamed) ||
                 (m_sortKey == store::MessageSort::Status && !changedRows.empty());
        if (!reread && folderTouched && !changedRows.empty()) {
            const std::vector<qint64> ids(shownChanged.begin(), shownChanged.end());
            for (const store::MessageRow &row : m_store.messages().byIds(ids))
                if (row.folderId != m_scope.folderId)
                    reread = true; // moved away (or undone back), here or on another device
        }
    }
    if (threadedRows() && (reread || !changedRows.empty() || !removedRows.empty()))
        return false; // conversations: a message changes its conversation's row and count
    if (reread && (m_loading || m_ids.size() > kRereadOnUiThread))
        return false; // a big folder: its ids on the loader's thread (rows appended or a reset)
    if (reread) {
        std::vector<qint64> fresh, threads;
        if (m_scope.isFolder())
            fresh = m_store.messages().orderedIds(m_scope.folderId, m_sortKey, m_sortAscending);
        else
            fresh = m_store.messages().orderedIds(m_scope, m_sortKey, m_sortAscending);
        std::vector<qint64> rows, threadOf;
        std::unordered_map<qint64, Expanded> expanded;
        buildRows(std::move(fresh), std::move(threads), rows, threadOf, expanded);
        applyIds(rows);
    } else {
        // Only rows gone: a search's list or a folder whose membership is known.
        for (auto it = removedRows.rbegin(); it != removedRows.rend(); ++it) {
            beginRemoveRows(QModelIndex(), *it, *it);
            m_ids.erase(m_ids.begin() + *it);
            dropPages(); // every later row moved up by one
            endRemoveRows();
        }
    }
    // The rows still shown whose message changed: read again when painted.
    for (size_t row = 0; !shownChanged.empty() && row < m_ids.size(); ++row) {
        if (shownChanged.count(m_ids[row]) == 0)
            continue;
        dropPage(int(row) / kPageSize);
        emit dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
    }
    return true;
}

void MessageListModel::applyIds(const std::vector<qint64> &fresh)
{
    const std::unordered_set<qint64> freshSet(fresh.begin(), fresh.end());
    const std::unordered_set<qint64> oldSet(m_ids.begin(), m_ids.end());
    // Rows gone, bottom up, a run of neighbours at a time.
    for (int row = int(m_ids.size()) - 1; row >= 0;) {
        if (freshSet.count(m_ids[size_t(row)])) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !freshSet.count(m_ids[size_t(first - 1)]))
            --first;
        beginRemoveRows(QModelIndex(), first, row);
        m_ids.erase(m_ids.begin() + first, m_ids.begin() + row + 1);
        dropPages();
        endRemoveRows();
        row = first - 1;
    }
    // The rows that stay, in their new order: a change of place (a sort key changed) moves
    // the persistent indexes (selection, current row) with their messages.
    std::vector<qint64> kept;
    kept.reserve(m_ids.size());
    for (const qint64 id : fresh)
        if (oldSet.count(id))
            kept.push_back(id);
    if (kept != m_ids) {
        emit layoutAboutToBeChanged();
        std::unordered_map<qint64, int> rowOf;
        for (size_t row = 0; row < kept.size(); ++row)
            rowOf[kept[row]] = int(row);
        const QModelIndexList from = persistentIndexList();
        QModelIndexList to;
        for (const QModelIndex &i : from)
            to << index(rowOf.at(m_ids[size_t(i.row())]), i.column());
        m_ids = kept;
        dropPages();
        changePersistentIndexList(from, to);
        emit layoutChanged();
    }
    // New rows where the order puts them, a run at a time.
    for (size_t j = 0; j < fresh.size();) {
        if (oldSet.count(fresh[j])) {
            ++j;
            continue;
        }
        size_t last = j;
        while (last + 1 < fresh.size() && !oldSet.count(fresh[last + 1]))
            ++last;
        beginInsertRows(QModelIndex(), int(j), int(last));
        m_ids.insert(m_ids.begin() + qsizetype(j), fresh.begin() + qsizetype(j),
                     fresh.begin() + qsizetype(last) + 1);
        dropPages();
        endInsertRows();
        j = last + 1;
    }
}

} // namespace herald::ui
