#include "ui/MessageListModel.h"

#include "ui/MessageDrag.h"

#include "core/store/Store.h"
#include "ui/Icons.h"

#include <QFont>
#include <QLocale>
#include <QSet>
#include <algorithm>

namespace herald::ui {

MessageListModel::MessageListModel(store::Store &store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store)
{
}

void MessageListModel::setFolder(qint64 folderId)
{
    beginResetModel();
    m_folderId = folderId;
    m_ids = folderId ? m_store.messages().orderedIds(folderId) : std::vector<qint64>{};
    if (!m_hidden.empty())
        m_ids.erase(std::remove_if(m_ids.begin(), m_ids.end(),
                                   [this](qint64 id) { return m_hidden.count(id) > 0; }),
                    m_ids.end());
    m_pages.clear();
    m_lru.clear();
    endResetModel();
}

void MessageListModel::reload()
{
    setFolder(m_folderId);
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
}

void MessageListModel::hideMessage(qint64 id)
{
    ++m_hidden[id];
    const int row = rowOfMessage(id);
    if (row < 0)
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_ids.erase(m_ids.begin() + row);
    m_pages.clear(); // every later row moved up by one
    m_lru.clear();
    endRemoveRows();
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
        return locale.toString(local.date(), QStringLiteral("d MMM"));
    return locale.toString(local.date(), QLocale::ShortFormat);
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_ids.size()))
        return QVariant();
    if (role == MessageIdRole)
        return m_ids[size_t(index.row())];
    if (role == MessageIdsRole)
        return QVariantList{m_ids[size_t(index.row())]};

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
            return m.subject.isEmpty() ? tr("(no subject)") : m.subject;
        case DateColumn:
            return compactDate(m.date, QDateTime::currentDateTime());
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
        if (!(m.flags & store::FlagSeen)) {
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
    dragged.folderId = m_folderId;
    QSet<qint64> seen; // every column of a row is among the indexes
    for (const QModelIndex &index : indexes) {
        const qint64 id = messageId(index.row());
        if (id <= 0 || seen.contains(id))
            continue;
        seen.insert(id);
        dragged.ids << id;
        if (!dragged.accountId)
            if (const store::MessageRow *m = message(index.row()))
                dragged.accountId = m->accountId;
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
        default:
            return QVariant();
        }
    }
    if (role == Qt::ToolTipRole && section == StatusColumn)
        return tr("Unread, flagged, attachment and sender verification");
    return QVariant();
}

} // namespace herald::ui
