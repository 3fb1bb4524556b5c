#include "ui/FolderTreeModel.h"

#include "ui/MessageDrag.h"

#include "core/smtp/Outbox.h"
#include "core/store/Store.h"

#include <QApplication>
#include <QFont>
#include <QStyle>
#include <algorithm>

namespace herald::ui {

namespace {
// Internal ids: 0 for an account row; accountRow + 1 for a folder row (its parent's row).
constexpr quintptr kAccountItem = 0;

int folderRank(const store::Folder &f)
{
    if (f.name.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0)
        return 0;
    if (smtp::Outbox::isOutboxFolder(f))
        return 2; // after Drafts, before Sent: what is still on its way
    static const char *const order[] = {"\\Drafts", "\\Sent", "\\Archive", "\\Flagged",
                                        "\\All",    "\\Junk", "\\Trash"};
    for (int i = 0; i < int(std::size(order)); ++i)
        if (f.specialUse.compare(QLatin1String(order[i]), Qt::CaseInsensitive) == 0)
            return i < 4 ? 1 + i : 20 + i; // Junk and Trash after the user's own folders
    return 10;
}

QString folderLabel(const store::Folder &f)
{
    if (f.name.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0)
        return FolderTreeModel::tr("Inbox");
    return f.name;
}

// The outbox counts every message in it (they are all the user's, and all unsent); other
// folders count the unread ones.
qint64 shownCount(const store::Folder &f)
{
    return smtp::Outbox::isOutboxFolder(f) ? f.total : f.unread;
}
} // namespace

FolderTreeModel::FolderTreeModel(store::Store &store, QObject *parent)
    : QAbstractItemModel(parent), m_store(store)
{
    m_accounts = load();
}

std::vector<FolderTreeModel::AccountNode> FolderTreeModel::load() const
{
    std::vector<AccountNode> out;
    for (auto &account : m_store.accounts().list()) {
        AccountNode node{account, m_store.folders().list(account.id)};
        std::stable_sort(node.folders.begin(), node.folders.end(),
                         [](const store::Folder &a, const store::Folder &b) {
                             const int ra = folderRank(a), rb = folderRank(b);
                             if (ra != rb)
                                 return ra < rb;
                             return a.name.localeAwareCompare(b.name) < 0;
                         });
        out.push_back(std::move(node));
    }
    return out;
}

void FolderTreeModel::reload()
{
    beginResetModel();
    m_accounts = load();
    endResetModel();
}

void FolderTreeModel::refreshCounts()
{
    std::vector<AccountNode> fresh = load();
    bool sameShape = fresh.size() == m_accounts.size();
    for (size_t a = 0; sameShape && a < fresh.size(); ++a) {
        sameShape = fresh[a].account.id == m_accounts[a].account.id &&
                    fresh[a].folders.size() == m_accounts[a].folders.size();
        for (size_t f = 0; sameShape && f < fresh[a].folders.size(); ++f)
            sameShape = fresh[a].folders[f].id == m_accounts[a].folders[f].id;
    }
    if (!sameShape) {
        beginResetModel();
        m_accounts = std::move(fresh);
        endResetModel();
        return;
    }
    for (size_t a = 0; a < fresh.size(); ++a) {
        const QModelIndex accountIndex = index(int(a), 0);
        bool accountChanged = false;
        for (size_t f = 0; f < fresh[a].folders.size(); ++f) {
            store::Folder &old = m_accounts[a].folders[f];
            const store::Folder &now = fresh[a].folders[f];
            if (old.unread != now.unread || old.total != now.total || old.name != now.name) {
                old = now;
                const QModelIndex i = index(int(f), 0, accountIndex);
                emit dataChanged(i, i);
                accountChanged = true;
            }
        }
        if (accountChanged)
            emit dataChanged(accountIndex, accountIndex);
    }
}

QModelIndex FolderTreeModel::indexOfFolder(qint64 folderId) const
{
    for (size_t a = 0; a < m_accounts.size(); ++a)
        for (size_t f = 0; f < m_accounts[a].folders.size(); ++f)
            if (m_accounts[a].folders[f].id == folderId)
                return index(int(f), 0, index(int(a), 0));
    return QModelIndex();
}

const store::Folder *FolderTreeModel::folder(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == kAccountItem)
        return nullptr;
    const auto &node = m_accounts[size_t(index.internalId() - 1)];
    return &node.folders[size_t(index.row())];
}

QModelIndex FolderTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return QModelIndex();
    if (!parent.isValid())
        return row < int(m_accounts.size()) ? createIndex(row, 0, kAccountItem) : QModelIndex();
    if (parent.internalId() != kAccountItem)
        return QModelIndex();
    const auto &node = m_accounts[size_t(parent.row())];
    return row < int(node.folders.size()) ? createIndex(row, 0, quintptr(parent.row()) + 1)
                                          : QModelIndex();
}

QModelIndex FolderTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kAccountItem)
        return QModelIndex();
    return createIndex(int(child.internalId() - 1), 0, kAccountItem);
}

int FolderTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_accounts.size());
    if (parent.column() != 0 || parent.internalId() != kAccountItem)
        return 0;
    return int(m_accounts[size_t(parent.row())].folders.size());
}

int FolderTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

Qt::ItemFlags FolderTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (folder(index))
        f |= Qt::ItemIsDropEnabled; // canDropMimeData() decides for the dragged messages
    return f;
}

Qt::DropActions FolderTreeModel::supportedDropActions() const
{
    return Qt::MoveAction | Qt::CopyAction;
}

QStringList FolderTreeModel::mimeTypes() const
{
    return {kMessageIdsMimeType};
}

const store::Folder *FolderTreeModel::dropTarget(const QMimeData *data, int row, int column,
                                                 const QModelIndex &parent) const
{
    const auto dragged = draggedMessages(data);
    // Between two folders the view names the parent and a row: the folder at that row.
    const QModelIndex at = row >= 0 ? index(row, std::max(column, 0), parent) : parent;
    const store::Folder *target = folder(at);
    if (!dragged || !target || target->accountId != dragged->accountId ||
        target->id == dragged->folderId || smtp::Outbox::isOutboxFolder(*target) ||
        target->attributes.contains(QLatin1String("\\Noselect"), Qt::CaseInsensitive) ||
        target->attributes.contains(QLatin1String("\\NonExistent"), Qt::CaseInsensitive))
        return nullptr;
    const QModelIndex source = indexOfFolder(dragged->folderId);
    if (const store::Folder *from = folder(source); from && from->isLocal != target->isLocal)
        return nullptr; // between the server and local folders: not supported by LocalActions
    return target;
}

bool FolderTreeModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row,
                                      int column, const QModelIndex &parent) const
{
    return (action == Qt::MoveAction || action == Qt::CopyAction) &&
           dropTarget(data, row, column, parent) != nullptr;
}

bool FolderTreeModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row,
                                   int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const store::Folder *target = dropTarget(data, row, column, parent);
    emit messagesDropped(draggedMessages(data)->ids, target->name, action == Qt::CopyAction);
    return true;
}

QVariant FolderTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return QVariant();
    if (index.internalId() == kAccountItem) {
        const AccountNode &node = m_accounts[size_t(index.row())];
        qint64 unread = 0, total = 0;
        for (const auto &f : node.folders) {
            unread += f.unread;
            total += f.total;
        }
        switch (role) {
        case Qt::DisplayRole:
            return node.account.displayName.isEmpty() ? node.account.name
                                                      : node.account.displayName;
        case Qt::ToolTipRole:
            return node.account.email.isEmpty()
                       ? node.account.name
                       : QStringLiteral("%1 — %2").arg(node.account.name, node.account.email);
        case Qt::DecorationRole:
            return QApplication::style()->standardIcon(QStyle::SP_DriveNetIcon);
        case Qt::FontRole: {
            QFont f;
            f.setBold(true);
            return f;
        }
        case AccountIdRole:
            return node.account.id;
        case FolderIdRole:
            return qint64(0);
        case TotalRole:
            return total;
        case UnreadRole:
            return unread;
        case IsAccountRole:
            return true;
        default:
            return QVariant();
        }
    }

    const store::Folder &f = *folder(index);
    switch (role) {
    case Qt::DisplayRole:
        return shownCount(f) > 0 ? QStringLiteral("%1 (%2)").arg(folderLabel(f)).arg(shownCount(f))
                                 : folderLabel(f);
    case Qt::ToolTipRole:
        return (f.total == 1 ? tr("%1: 1 message").arg(f.name)
                             : tr("%1: %2 messages").arg(f.name).arg(f.total)) +
               (f.unread > 0 ? tr(", %1 unread").arg(f.unread) : QString());
    case Qt::DecorationRole:
        return QApplication::style()->standardIcon(QStyle::SP_DirIcon);
    case Qt::FontRole:
        if (shownCount(f) > 0) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return QVariant();
    case FolderIdRole:
        return f.id;
    case AccountIdRole:
        return f.accountId;
    case FolderNameRole:
        return f.name;
    case TotalRole:
        return f.total;
    case UnreadRole:
        return f.unread;
    case IsAccountRole:
        return false;
    case IsOutboxRole:
        return smtp::Outbox::isOutboxFolder(f);
    case IsDraftsRole:
        return f.specialUse.compare(QLatin1String("\\Drafts"), Qt::CaseInsensitive) == 0;
    default:
        return QVariant();
    }
}

} // namespace herald::ui
