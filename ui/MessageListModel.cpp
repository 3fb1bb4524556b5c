#include "ui/MessageListModel.h"

#include "core/store/Store.h"
#include "ui/Icons.h"
#include "ui/MessageDrag.h"

#include <QFont>
#include <QLocale>
#include <QSet>
#include <algorithm>
#include <unordered_set>

namespace herald::ui {

MessageListModel::MessageListModel(store::Store &store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store)
{
}

void MessageListModel::setFolder(qint64 folderId)
{
    setScope(store::ListScope::folder(folderId));
}

void MessageListModel::setScope(const store::ListScope &scope)
{
    beginResetModel();
    if (scope != m_scope)
        m_expanded.clear();
    m_scope = scope;
    if (m_scope.isUnified()) // a unified view is its kind alone
        m_scope.folderId = 0;
    readRows();
    dropPages();
    endResetModel();
}

void MessageListModel::reload()
{
    setScope(m_scope);
}

void MessageListModel::showMessages(std::vector<qint64> ids)
{
    setScope(store::ListScope::list(std::move(ids)));
}

void MessageListModel::dropPages()
{
    m_pages.clear();
    m_lru.clear();
    m_summaries.clear();
}

void MessageListModel::readRows()
{
    ++m_generation; // a background load of an earlier state is dropped when it arrives
    m_loading = false;
    m_ids.clear();
    m_threadOf.clear();
    if (!m_scope.isFolder()) { // a unified view or a list: one row per message
        buildRows(m_store.messages().orderedIds(m_scope, m_sortKey, m_sortAscending), {}, m_ids,
                  m_threadOf, m_expanded);
        return;
    }
    const qint64 folderId = m_scope.folderId;
    // The first rows at once; a bigger folder's rest on the loader's thread (onLoaded).
    std::vector<qint64> ids, threads;
    if (threadedRows())
        m_store.messages().orderedIdsWithThreads(folderId, m_sortKey, m_sortAscending, ids, threads,
                                                 m_syncRowLimit + 1);
    else
        ids =
            m_store.messages().orderedIds(folderId, m_sortKey, m_sortAscending, m_syncRowLimit + 1);
    const bool more = int(ids.size()) > m_syncRowLimit;
    if (more) {
        ids.resize(size_t(m_syncRowLimit));
        if (threadedRows())
            threads.resize(size_t(m_syncRowLimit));
    }
    buildRows(std::move(ids), std::move(threads), m_ids, m_threadOf, m_expanded);
    if (more)
        loadRest();
}

void MessageListModel::loadRest()
{
    if (!m_loader)
        m_loader = new OrderedIdsLoader(
            m_store.profileDir(), [this](OrderedIdsLoader::Result &r) { onLoaded(r); }, this);
    m_loading = true;
    m_loader->load(m_generation, m_scope.folderId, m_sortKey, m_sortAscending, threadedRows());
}

void MessageListModel::onLoaded(OrderedIdsLoader::Result &result)
{
    if (result.generation != m_generation)
        return;
    m_loading = false;
    if (!result.error.isEmpty()) {
        emit loadingFinished();
        return; // the first rows stay; the next reload tries again
    }
    std::vector<qint64> ids, threadOf;
    std::unordered_map<qint64, Expanded> expanded = m_expanded;
    buildRows(std::move(result.ids), std::move(result.threads), ids, threadOf, expanded);
    // Usually the rows shown are the start of the whole list: the rest is appended, and the
    // selection and scroll position stay. Otherwise (mail came or went meanwhile) a reset.
    const bool prefix = ids.size() >= m_ids.size() &&
                        std::equal(m_ids.begin(), m_ids.end(), ids.begin()) &&
                        std::equal(m_threadOf.begin(), m_threadOf.end(), threadOf.begin());
    if (prefix && ids.size() > m_ids.size()) {
        beginInsertRows(QModelIndex(), int(m_ids.size()), int(ids.size()) - 1);
        m_ids = std::move(ids);
        m_threadOf = std::move(threadOf);
        m_expanded = std::move(expanded);
        endInsertRows();
    } else if (!prefix) {
        beginResetModel();
        m_ids = std::move(ids);
        m_threadOf = std::move(threadOf);
        m_expanded = std::move(expanded);
        dropPages();
        endResetModel();
    }
    emit loadingFinished();
}

void MessageListModel::buildRows(std::vector<qint64> ids, std::vector<qint64> threads,
                                 std::vector<qint64> &rows, std::vector<qint64> &threadOf,
                                 std::unordered_map<qint64, Expanded> &expanded) const
{
    const auto hidden = [this](qint64 id) { return !m_hidden.empty() && m_hidden.count(id) > 0; };
    threadOf.clear();
    if (!threadedRows()) {
        if (!m_hidden.empty())
            ids.erase(std::remove_if(ids.begin(), ids.end(), hidden), ids.end());
        rows = std::move(ids);
        return;
    }
    rows.clear();
    // A conversation's first row in this order stands for it. Thread ids are message ids, so a
    // bitmap remembers the ones seen (a set only for ids far beyond the folder's size).
    const qint64 maxThread =
        threads.empty() ? 0 : *std::max_element(threads.begin(), threads.end());
    const bool dense = maxThread <= qint64(threads.size()) * 8 + 4096;
    std::vector<bool> seenBits(dense ? size_t(maxThread) + 1 : 0);
    std::unordered_set<qint64> seenSet;
    for (size_t i = 0; i < ids.size(); ++i) {
        const qint64 thread = threads[i];
        if (hidden(ids[i]))
            continue;
        if (dense) {
            if (thread < 0 || seenBits[size_t(thread)])
                continue;
            seenBits[size_t(thread)] = true;
        } else if (!seenSet.insert(thread).second) {
            continue;
        }
        rows.push_back(ids[i]);
        threadOf.push_back(thread);
    }
    if (expanded.empty())
        return;
    // Conversations the user opened stay open across reloads.
    std::unordered_map<qint64, Expanded> wanted;
    wanted.swap(expanded);
    for (size_t row = 0; row < rows.size(); ++row) {
        const auto it = wanted.find(threadOf[row]);
        if (it == wanted.end())
            continue;
        const qint64 standIn = rows[row];
        const int added =
            spliceThread(rows, threadOf, int(row), m_store.threads().messageIds(it->first));
        if (added > 0)
            expanded[it->first] = {standIn};
        row += size_t(added);
    }
}

int MessageListModel::spliceThread(std::vector<qint64> &rows, std::vector<qint64> &threadOf,
                                   int row, const std::vector<qint64> &messages) const
{
    std::vector<qint64> shown;
    shown.reserve(messages.size());
    for (const qint64 id : messages)
        if (m_hidden.count(id) == 0)
            shown.push_back(id);
    if (shown.size() < 2)
        return 0;
    const qint64 thread = threadOf[size_t(row)];
    rows[size_t(row)] = shown.front();
    rows.insert(rows.begin() + row + 1, shown.begin() + 1, shown.end());
    threadOf.insert(threadOf.begin() + row + 1, shown.size() - 1, thread);
    return int(shown.size()) - 1;
}

void MessageListModel::setSortOrder(store::MessageSort key, bool ascending)
{
    m_sortKey = key;
    m_sortAscending = ascending;
}

void MessageListModel::sort(int column, Qt::SortOrder order)
{
    setSortOrder(sortKeyOfColumn(column), order == Qt::AscendingOrder);
    reload();
}

store::MessageSort MessageListModel::sortKeyOfColumn(int column)
{
    switch (column) {
    case StatusColumn:
        return store::MessageSort::Status;
    case FromColumn:
        return store::MessageSort::From;
    case SubjectColumn:
        return store::MessageSort::Subject;
    case SizeColumn:
        return store::MessageSort::Size;
    default:
        return store::MessageSort::Date;
    }
}

int MessageListModel::columnOfSortKey(store::MessageSort key)
{
    switch (key) {
    case store::MessageSort::Status:
        return StatusColumn;
    case store::MessageSort::From:
        return FromColumn;
    case store::MessageSort::Subject:
        return SubjectColumn;
    case store::MessageSort::Size:
        return SizeColumn;
    case store::MessageSort::Date:
        break;
    }
    return DateColumn;
}

void MessageListModel::setThreaded(bool on)
{
    if (on == m_threaded)
        return;
    m_threaded = on;
    m_expanded.clear();
    reload();
}

bool MessageListModel::isHead(int row) const
{
    return !threadedRows() || row <= 0 || m_threadOf[size_t(row - 1)] != m_threadOf[size_t(row)];
}

int MessageListModel::threadHeadRow(int row) const
{
    if (row < 0 || row >= int(m_ids.size()))
        return -1;
    while (!isHead(row))
        --row;
    return row;
}

bool MessageListModel::expandThread(int row)
{
    if (!threadedRows() || row < 0 || row >= int(m_ids.size()) || !isHead(row))
        return false;
    const qint64 thread = m_threadOf[size_t(row)];
    if (m_expanded.count(thread))
        return false;
    const std::vector<qint64> messages = m_store.threads().messageIds(thread);
    size_t shown = 0;
    for (const qint64 id : messages)
        shown += m_hidden.count(id) == 0 ? 1 : 0;
    if (shown < 2)
        return false;
    const qint64 standIn = m_ids[size_t(row)];
    beginInsertRows(QModelIndex(), row + 1, row + int(shown) - 1);
    spliceThread(m_ids, m_threadOf, row, messages);
    m_expanded[thread] = {standIn};
    dropPages(); // every later row moved down
    endInsertRows();
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

bool MessageListModel::collapseThread(int row)
{
    const int head = threadHeadRow(row);
    if (head < 0 || !threadedRows())
        return false;
    const qint64 thread = m_threadOf[size_t(head)];
    const auto it = m_expanded.find(thread);
    if (it == m_expanded.end())
        return false;
    int last = head;
    while (last + 1 < int(m_ids.size()) && m_threadOf[size_t(last + 1)] == thread)
        ++last;
    const qint64 standIn = it->second.standIn;
    m_expanded.erase(it);
    if (last > head) {
        beginRemoveRows(QModelIndex(), head + 1, last);
        m_ids.erase(m_ids.begin() + head + 1, m_ids.begin() + last + 1);
        m_threadOf.erase(m_threadOf.begin() + head + 1, m_threadOf.begin() + last + 1);
        dropPages();
        endRemoveRows();
    }
    if (m_hidden.count(standIn) == 0)
        m_ids[size_t(head)] = standIn;
    dropPages();
    emit dataChanged(index(head, 0), index(head, ColumnCount - 1));
    return true;
}

void MessageListModel::loadSummaries(size_t first, size_t last) const
{
    if (m_summaries.size() > 8 * size_t(kPageSize * kMaxPages))
        m_summaries.clear(); // bounded like the pages
    std::vector<qint64> wanted;
    for (size_t row = first; row < last && row < m_ids.size(); ++row)
        if (isHead(int(row)) && m_summaries.count(m_threadOf[row]) == 0)
            wanted.push_back(m_threadOf[row]);
    if (wanted.empty())
        return;
    for (const store::ThreadSummary &s : m_store.threads().summaries(wanted))
        m_summaries[s.threadId] = s;
}

const store::ThreadSummary *MessageListModel::summary(int row) const
{
    if (!threadedRows() || row < 0 || row >= int(m_ids.size()) || !isHead(row))
        return nullptr;
    const qint64 thread = m_threadOf[size_t(row)];
    auto it = m_summaries.find(thread);
    if (it == m_summaries.end()) {
        const size_t first = size_t(row / kPageSize) * kPageSize;
        loadSummaries(first, first + kPageSize);
        it = m_summaries.find(thread);
    }
    return it == m_summaries.end() ? nullptr : &it->second;
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int MessageListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 MessageListModel::messageId(int row) const
{
    return row >= 0 && row < int(m_ids.size()) ? m_ids[size_t(row)] : 0;
}

int MessageListModel::rowOfMessage(qint64 id) const
{
    const auto it = std::find(m_ids.begin(), m_ids.end(), id);
    return it == m_ids.end() ? -1 : int(it - m_ids.begin());
}

const MessageListModel::Page &MessageListModel::page(int pageNo) const
{
    auto it = m_pages.find(pageNo);
    if (it != m_pages.end()) {
        m_lru.splice(m_lru.begin(), m_lru, it->second.lruPos);
        return it->second;
    }
    while (int(m_pages.size()) >= kMaxPages) {
        m_pages.erase(m_lru.back());
        m_lru.pop_back();
    }
    const size_t first = size_t(pageNo) * kPageSize;
    const size_t last = std::min(m_ids.size(), first + kPageSize);
    const std::vector<qint64> ids(m_ids.begin() + qsizetype(first),
                                  m_ids.begin() + qsizetype(last));
    std::vector<store::MessageRow> loaded = m_store.messages().byIds(ids);
    ++m_pageLoads;

    Page p;
    p.rows.resize(ids.size());
    // byIds skips ids removed meanwhile; keep every slot aligned with its row.
    std::unordered_map<qint64, size_t> slot;
    for (size_t i = 0; i < ids.size(); ++i) {
        slot[ids[i]] = i;
        p.rows[i].id = ids[i];
    }
    for (auto &row : loaded) {
        auto s = slot.find(row.id);
        if (s == slot.end())
            continue;
        if (const auto pending = m_pendingFlags.find(row.id); pending != m_pendingFlags.end()) {
            row.flags = pending->second.flags;
            row.keywords = pending->second.keywords;
        }
        p.rows[s->second] = std::move(row);
    }
    m_lru.push_front(pageNo);
    p.lruPos = m_lru.begin();
    return m_pages.emplace(pageNo, std::move(p)).first->second;
}

const store::MessageRow *MessageListModel::message(int row) const
{
    if (row < 0 || row >= int(m_ids.size()))
        return nullptr;
    return &page(row / kPageSize).rows[size_t(row % kPageSize)];
}

void MessageListModel::updateFlags(int row, int flags, const QStringList &keywords)
{
    if (row < 0 || row >= int(m_ids.size()))
        return;
    auto it = m_pages.find(row / kPageSize);
    if (it != m_pages.end()) {
        auto &r = it->second.rows[size_t(row % kPageSize)];
        r.flags = flags;
        r.keywords = keywords;
    }
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void MessageListModel::setPendingFlags(qint64 id, int flags, const QStringList &keywords)
{
    PendingFlags &p = m_pendingFlags[id];
    p.flags = flags;
    p.keywords = keywords;
    ++p.writes;
    updateFlags(rowOfMessage(id), flags, keywords);
}

void MessageListModel::forgetPendingFlags(qint64 id)
{
    const auto it = m_pendingFlags.find(id);
    if (it != m_pendingFlags.end() && --it->second.writes <= 0)
        m_pendingFlags.erase(it);
    // Written now: the unread count of its conversation is read again.
    if (const int head = threadedRows() ? threadHeadRow(rowOfMessage(id)) : -1; head >= 0) {
        m_summaries.erase(m_threadOf[size_t(head)]);
        emit dataChanged(index(head, 0), index(head, ColumnCount - 1));
    }
}

void MessageListModel::hideMessage(qint64 id)
{
    ++m_hidden[id];
    const int row = rowOfMessage(id);
    if (row < 0)
        return;
    const int head = threadHeadRow(row);
    beginRemoveRows(QModelIndex(), row, row);
    m_ids.erase(m_ids.begin() + row);
    if (threadedRows())
        m_threadOf.erase(m_threadOf.begin() + row);
    dropPages(); // every later row moved up by one
    endRemoveRows();
    if (threadedRows() && head >= 0 && head < row) // its conversation's count changed
        emit dataChanged(index(head, 0), index(head, ColumnCount - 1));
}

void MessageListModel::forgetHidden(qint64 id)
{
    const auto it = m_hidden.find(id);
    if (it != m_hidden.end() && --it->second <= 0)
        m_hidden.erase(it);
}

QString MessageListModel::compactDate(const QDateTime &date, const QDateTime &now)
{
    if (!date.isValid())
        return QString();
    const QDateTime local = date.toLocalTime();
    const QLocale locale;
    const qint64 days = local.date().daysTo(now.date());
    if (days == 0)
        return locale.toString(local.time(), QLocale::ShortFormat);
    if (days > 0 && days < 7)
        return locale.toString(local, QStringLiteral("ddd ")) +
               locale.toString(local.time(), QLocale::ShortFormat);
    if (local.date().year() == now.date().year())
        return locale.toString(local.date(), tr("d MMM", "QDate format: a date of this year"));
    return locale.toString(local.date(), QLocale::ShortFormat);
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_ids.size()))
        return QVariant();
    const int row = index.row();
    if (role == MessageIdRole)
        return m_ids[size_t(row)];
    if (role == MessageIdsRole) {
        QVariantList ids;
        const store::ThreadSummary *s = summary(row);
        if (s && s->count > 1 && !m_expanded.count(s->threadId)) {
            for (const qint64 id : m_store.threads().messageIds(s->threadId))
                if (m_hidden.count(id) == 0)
                    ids << id;
        }
        if (ids.isEmpty())
            ids << m_ids[size_t(row)];
        return ids;
    }
    if (role == ThreadCountRole) {
        const store::ThreadSummary *s = summary(row);
        return s ? s->count : 0;
    }
    if (role == ThreadExpandedRole)
        return threadedRows() && isHead(row) && m_expanded.count(m_threadOf[size_t(row)]) > 0;
    if (role == ThreadChildRole)
        return threadedRows() && !isHead(row);

    // Roles the view asks for on every paint without needing the row.
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == SizeColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    }

    const store::MessageRow &m = *message(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case FromColumn:
            return m.fromName.isEmpty() ? m.fromAddr : m.fromName;
        case SubjectColumn:
            return threadedRows() ? threadedSubject(row, m)
                                  : (m.subject.isEmpty() ? tr("(no subject)") : m.subject);
        case DateColumn:
            return compactDate(m.date, QDateTime::currentDateTime());
        case AccountColumn:
            return m.accountName;
        case SizeColumn:
            if (m.size <= 0)
                return QString();
            // Compact: "472 B", "2 KiB", "1.4 MiB".
            return m.size < 1024
                       ? tr("%1 B").arg(m.size)
                       : QLocale().formattedDataSize(m.size, m.size < 1024 * 1024 ? 0 : 1);
        default:
            return QVariant();
        }
    case Qt::DecorationRole:
        if (index.column() == StatusColumn)
            return icons::messageStatus(m.flags, m.hasAttachments, m.authSummary);
        return QVariant();
    case Qt::FontRole:
        if (!(m.flags & store::FlagSeen) || hasUnreadHidden(row)) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return QVariant();
    case Qt::ToolTipRole:
        switch (index.column()) {
        case StatusColumn:
            return icons::messageStatusText(m.flags, m.hasAttachments, m.authSummary);
        case FromColumn:
            return m.fromName.isEmpty() ? m.fromAddr
                                        : QStringLiteral("%1 <%2>").arg(m.fromName, m.fromAddr);
        case SubjectColumn:
            return m.subject;
        case DateColumn:
            return m.date.isValid() ? QLocale().toString(m.date.toLocalTime(), QLocale::LongFormat)
                                    : QString();
        default:
            return QVariant();
        }
    case FlagsRole:
        return m.flags;
    case SortDateRole:
        return m.date.toLocalTime();
    default:
        return QVariant();
    }
}

QString MessageListModel::threadedSubject(int row, const store::MessageRow &m) const
{
    QString text = m.subject.isEmpty() ? tr("(no subject)") : m.subject;
    // A message of another folder of the account (the user's reply in Sent) says where it is.
    if (m.folderId != folderId() && !m.folderName.isEmpty())
        text = tr("%1 — in %2").arg(text, m.folderName);
    if (!isHead(row))
        return QStringLiteral("      ") + text;
    const store::ThreadSummary *s = summary(row);
    if (!s || s->count < 2)
        return text;
    if (m_expanded.count(s->threadId))
        return QStringLiteral("▾ ") + text;
    return s->unread > 0 ? tr("▸ %1  (%2, %3 unread)").arg(text).arg(s->count).arg(s->unread)
                         : tr("▸ %1  (%2)").arg(text).arg(s->count);
}

bool MessageListModel::hasUnreadHidden(int row) const
{
    const store::ThreadSummary *s = summary(row);
    return s && s->unread > 0 && !m_expanded.count(s->threadId);
}

Qt::ItemFlags MessageListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid())
        f |= Qt::ItemIsDragEnabled;
    return f;
}

QStringList MessageListModel::mimeTypes() const
{
    return {kMessageIdsMimeType};
}

QMimeData *MessageListModel::mimeData(const QModelIndexList &indexes) const
{
    DraggedMessages dragged;
    dragged.folderId = folderId();
    QSet<qint64> seen; // every column of a row is among the indexes
    for (const QModelIndex &index : indexes) {
        const qint64 first = messageId(index.row());
        if (first <= 0 || seen.contains(first))
            continue;
        const store::MessageRow *m = message(index.row());
        if (!m || (dragged.accountId && m->accountId != dragged.accountId))
            continue; // a unified view: only the first account's messages go to its folders
        dragged.accountId = m->accountId;
        // A collapsed conversation drags all its messages.
        for (const QVariant &id : data(index, MessageIdsRole).toList()) {
            if (!seen.contains(id.toLongLong())) {
                seen.insert(id.toLongLong());
                dragged.ids << id.toLongLong();
            }
        }
        seen.insert(first);
    }
    return dragged.ids.isEmpty() ? nullptr : messageDragData(dragged);
}

Qt::DropActions MessageListModel::supportedDragActions() const
{
    return Qt::MoveAction | Qt::CopyAction;
}

QVariant MessageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QVariant();
    if (role == Qt::DisplayRole) {
        switch (section) {
        case StatusColumn:
            return QString();
        case FromColumn:
            return tr("From");
        case SubjectColumn:
            return tr("Subject");
        case DateColumn:
            return tr("Date");
        case SizeColumn:
            return tr("Size");
        case AccountColumn:
            return tr("Account");
        default:
            return QVariant();
        }
    }
    // The first click on these headers shows the newest, largest, flagged and unread first.
    if (role == Qt::InitialSortOrderRole)
        return section == DateColumn || section == SizeColumn || section == StatusColumn
                   ? int(Qt::DescendingOrder)
                   : int(Qt::AscendingOrder);
    if (role == Qt::ToolTipRole && section == StatusColumn)
        return tr("Unread, flagged, attachment and sender verification");
    return QVariant();
}

} // namespace herald::ui
