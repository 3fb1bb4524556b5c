#include "ui/FolderTreeModel.h"

#include "core/engine/smtp/Outbox.h"
#include "core/store/CacheDelta.h"
#include "core/store/Store.h"
#include "core/sync/MboxTransfer.h"
#include "ui/ActionIcons.h"
#include "ui/FolderIcons.h"
#include "ui/MessageDrag.h"

#include <QApplication>
#include <QFont>
#include <QStyle>
#include <algorithm>

namespace herald::ui {

namespace {
// Internal ids: 0 for a top-level row (the "All Accounts" group, then the accounts);
// accountIndex + 1 for a folder row; kUnifiedItem for a unified view under the group.
constexpr quintptr kAccountItem = 0;
constexpr quintptr kUnifiedItem = ~quintptr(0);
constexpr int kUnifiedViewCount = 3; // All Inboxes, Unread, Flagged

store::UnifiedView unifiedViewOfRow(int row)
{
    return store::UnifiedView(row + 1);
}

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
    const auto is = [&f](const char *name) {
        return f.name.compare(QLatin1String(name), Qt::CaseInsensitive) == 0;
    };
    if (is("INBOX"))
        return FolderTreeModel::tr("Inbox");
    // Special folders under their usual English names read in the user's language, as in
    // other mail clients; a name the user chose is shown as it is.
    if (f.specialUse.isEmpty())
        return f.name;
    if (is("Drafts"))
        return FolderTreeModel::tr("Drafts");
    if (is("Sent") || is("Sent Messages") || is("Sent Items"))
        return FolderTreeModel::tr("Sent");
    if (is("Archive"))
        return FolderTreeModel::tr("Archive");
    if (is("Junk"))
        return FolderTreeModel::tr("Junk");
    if (is("Trash"))
        return FolderTreeModel::tr("Trash");
    if (is("Outbox") && smtp::Outbox::isOutboxFolder(f))
        return FolderTreeModel::tr("Outbox");
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
    setAccounts(load());
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

FolderTreeModel::UnifiedCounts
FolderTreeModel::unifiedCounts(const std::vector<AccountNode> &accounts) const
{
    UnifiedCounts c;
    if (accounts.size() < 2)
        return c;
    const int inboxes = int(store::UnifiedView::Inboxes), unread = int(store::UnifiedView::Unread);
    for (const auto &node : accounts)
        for (const auto &f : node.folders) {
            if (store::inUnifiedView(f, store::UnifiedView::Inboxes)) {
                c.total[inboxes] += f.total;
                c.unread[inboxes] += f.unread;
            }
            if (store::inUnifiedView(f, store::UnifiedView::Unread))
                c.total[unread] = c.unread[unread] += f.unread;
        }
    // Flagged is not among the folders' counts: its own partial index answers.
    const auto flagged = store::ListScope::view(store::UnifiedView::Flagged);
    c.total[int(flagged.unified)] = m_store.messages().countIn(flagged, false);
    c.unread[int(flagged.unified)] = m_store.messages().countIn(flagged, true);
    return c;
}

void FolderTreeModel::setAccounts(std::vector<AccountNode> accounts)
{
    m_accounts = std::move(accounts);
    m_unifiedRows = m_accounts.size() >= 2 ? 1 : 0;
    m_unifiedCounts = unifiedCounts(m_accounts);
}

void FolderTreeModel::reload()
{
    beginResetModel();
    setAccounts(load());
    endResetModel();
}

bool FolderTreeModel::applyDelta(const store::CacheDelta &delta)
{
    if (delta.foldersChanged.isEmpty() && (!m_unifiedRows || delta.messagesChanged.isEmpty()))
        return true;
    return refreshCounts();
}

bool FolderTreeModel::refreshCounts()
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
        setAccounts(std::move(fresh));
        endResetModel();
        return false;
    }
    const UnifiedCounts counts = unifiedCounts(fresh);
    for (int v = 0; m_unifiedRows && v < kUnifiedViewCount; ++v) {
        const int view = int(unifiedViewOfRow(v));
        if (counts.total[view] != m_unifiedCounts.total[view] ||
            counts.unread[view] != m_unifiedCounts.unread[view]) {
            m_unifiedCounts.total[view] = counts.total[view];
            m_unifiedCounts.unread[view] = counts.unread[view];
            const QModelIndex i = index(v, 0, index(0, 0));
            emit dataChanged(i, i);
        }
    }
    for (size_t a = 0; a < fresh.size(); ++a) {
        const QModelIndex accountIndex = index(int(a) + m_unifiedRows, 0);
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
    return true;
}

QModelIndex FolderTreeModel::indexOfFolder(qint64 folderId) const
{
    for (size_t a = 0; a < m_accounts.size(); ++a)
        for (size_t f = 0; f < m_accounts[a].folders.size(); ++f)
            if (m_accounts[a].folders[f].id == folderId)
                return index(int(f), 0, index(int(a) + m_unifiedRows, 0));
    return QModelIndex();
}

QModelIndex FolderTreeModel::indexOfScope(const store::ListScope &scope) const
{
    if (!scope.isUnified())
        return scope.folderId ? indexOfFolder(scope.folderId) : QModelIndex();
    if (!m_unifiedRows)
        return QModelIndex();
    return index(int(scope.unified) - 1, 0, index(0, 0));
}

store::ListScope FolderTreeModel::scopeOf(const QModelIndex &index) const
{
    if (index.isValid() && index.internalId() == kUnifiedItem)
        return store::ListScope::view(unifiedViewOfRow(index.row()));
    const store::Folder *f = folder(index);
    return store::ListScope::folder(f ? f->id : 0);
}

const store::Folder *FolderTreeModel::folder(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == kAccountItem ||
        index.internalId() == kUnifiedItem)
        return nullptr;
    const auto &node = m_accounts[size_t(index.internalId() - 1)];
    return &node.folders[size_t(index.row())];
}

QModelIndex FolderTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return QModelIndex();
    if (!parent.isValid())
        return row < m_unifiedRows + int(m_accounts.size()) ? createIndex(row, 0, kAccountItem)
                                                            : QModelIndex();
    if (parent.internalId() != kAccountItem)
        return QModelIndex();
    if (parent.row() < m_unifiedRows)
        return row < kUnifiedViewCount ? createIndex(row, 0, kUnifiedItem) : QModelIndex();
    const int account = accountOfRow(parent.row());
    const auto &node = m_accounts[size_t(account)];
    return row < int(node.folders.size()) ? createIndex(row, 0, quintptr(account) + 1)
                                          : QModelIndex();
}

QModelIndex FolderTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kAccountItem)
        return QModelIndex();
    if (child.internalId() == kUnifiedItem)
        return createIndex(0, 0, kAccountItem);
    return createIndex(int(child.internalId() - 1) + m_unifiedRows, 0, kAccountItem);
}

int FolderTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return m_unifiedRows + int(m_accounts.size());
    if (parent.column() != 0 || parent.internalId() != kAccountItem)
        return 0;
    if (parent.row() < m_unifiedRows)
        return kUnifiedViewCount;
    return int(m_accounts[size_t(accountOfRow(parent.row()))].folders.size());
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
    const store::Folder *from = folder(indexOfFolder(dragged->folderId));
    // Between the server and local folders only an upload: a move from a local folder into
    // an IMAP server folder (sync::LocalActions::move; canDropMimeData refuses a copy).
    if (from && from->isLocal != target->isLocal &&
        !(from->isLocal && sync::importUploads(m_store, *target)))
        return nullptr;
    return target;
}

bool FolderTreeModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row,
                                      int column, const QModelIndex &parent) const
{
    const store::Folder *target = dropTarget(data, row, column, parent);
    if (!target || (action != Qt::MoveAction && action != Qt::CopyAction))
        return false;
    const store::Folder *from = folder(indexOfFolder(draggedMessages(data)->folderId));
    return action == Qt::MoveAction || !from || from->isLocal == target->isLocal;
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

// The roles every row answers from its counts alike: TotalRole, UnreadRole, and a bold font
// when `bold` (else none); nothing for other roles.
std::optional<QVariant> FolderTreeModel::countData(int role, qint64 total, qint64 unread, bool bold)
{
    switch (role) {
    case TotalRole:
        return QVariant(total);
    case UnreadRole:
        return QVariant(unread);
    case Qt::FontRole: {
        if (!bold)
            return QVariant();
        QFont font;
        font.setBold(true);
        return QVariant(font);
    }
    default:
        return std::nullopt;
    }
}

QVariant FolderTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return QVariant();
    if (index.internalId() == kUnifiedItem ||
        (index.internalId() == kAccountItem && index.row() < m_unifiedRows))
        return unifiedData(index, role);
    if (index.internalId() == kAccountItem) {
        const AccountNode &node = m_accounts[size_t(accountOfRow(index.row()))];
        qint64 unread = 0, total = 0;
        for (const auto &f : node.folders) {
            unread += f.unread;
            total += f.total;
        }
        if (const auto counted = countData(role, total, unread, true))
            return *counted;
        switch (role) {
        case Qt::DisplayRole:
            return node.account.displayName.isEmpty() ? node.account.name
                                                      : node.account.displayName;
        case Qt::ToolTipRole:
            return node.account.email.isEmpty()
                       ? node.account.name
                       : QStringLiteral("%1 — %2").arg(node.account.name, node.account.email);
        case Qt::DecorationRole:
            return icons::account();
        case AccountIdRole:
            return node.account.id;
        case FolderIdRole:
            return qint64(0);
        case IsAccountRole:
            return true;
        case UnifiedViewRole:
            return int(store::UnifiedView::None);
        default:
            return QVariant();
        }
    }

    const store::Folder &f = *folder(index);
    if (const auto counted = countData(role, f.total, f.unread, shownCount(f) > 0))
        return *counted;
    switch (role) {
    case Qt::DisplayRole:
        return shownCount(f) > 0 ? QStringLiteral("%1 (%2)").arg(folderLabel(f)).arg(shownCount(f))
                                 : folderLabel(f);
    case Qt::ToolTipRole:
        return (f.total == 1 ? tr("%1: 1 message").arg(f.name)
                             : tr("%1: %n messages", nullptr, int(f.total)).arg(f.name)) +
               (f.unread > 0 ? tr(", %1 unread").arg(f.unread) : QString());
    case Qt::DecorationRole:
        return icons::folder(f);
    case FolderIdRole:
        return f.id;
    case AccountIdRole:
        return f.accountId;
    case FolderNameRole:
        return f.name;
    case IsAccountRole:
        return false;
    case IsOutboxRole:
        return smtp::Outbox::isOutboxFolder(f);
    case IsDraftsRole:
        return f.specialUse.compare(QLatin1String("\\Drafts"), Qt::CaseInsensitive) == 0;
    case UnifiedViewRole:
        return int(store::UnifiedView::None);
    default:
        return QVariant();
    }
}

// The "All Accounts" group and its views: what they show, with unread counts as folders do.
QVariant FolderTreeModel::unifiedData(const QModelIndex &index, int role) const
{
    const bool group = index.internalId() == kAccountItem;
    const store::UnifiedView view =
        group ? store::UnifiedView::None : unifiedViewOfRow(index.row());
    const qint64 total = m_unifiedCounts.total[int(view)];
    const qint64 unread = m_unifiedCounts.unread[int(view)];
    QString label = tr("All Accounts");
    if (view == store::UnifiedView::Inboxes)
        label = tr("All Inboxes");
    else if (view == store::UnifiedView::Unread)
        label = tr("Unread");
    else if (view == store::UnifiedView::Flagged)
        label = tr("Flagged");
    if (const auto counted = countData(role, total, unread, group || unread > 0))
        return *counted;
    switch (role) {
    case Qt::DisplayRole:
        return !group && unread > 0 ? QStringLiteral("%1 (%2)").arg(label).arg(unread) : label;
    case Qt::ToolTipRole:
        if (group)
            return tr("Views over every account");
        return (total == 1 ? tr("%1: 1 message").arg(label)
                           : tr("%1: %n messages", nullptr, int(total)).arg(label)) +
               (unread > 0 ? tr(", %1 unread").arg(unread) : QString()) + tr(" in every account");
    case Qt::DecorationRole:
        if (view == store::UnifiedView::Unread)
            return icons::action(icons::Action::MarkRead);
        if (view == store::UnifiedView::Flagged)
            return icons::action(icons::Action::Flag);
        return QApplication::style()->standardIcon(group ? QStyle::SP_ComputerIcon
                                                         : QStyle::SP_DirIcon);
    case FolderIdRole:
    case AccountIdRole:
        return qint64(0);
    case IsAccountRole:
    case IsOutboxRole:
    case IsDraftsRole:
        return false;
    case UnifiedViewRole:
        return int(view);
    case IsUnifiedGroupRole:
        return group;
    default:
        return QVariant();
    }
}

} // namespace herald::ui
