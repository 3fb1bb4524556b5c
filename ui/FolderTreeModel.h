#pragma once
// Accounts and their folders, read from the cache: two levels, accounts at the top, each
// account's folders below in a stable order (INBOX first, then the special-use folders, then the
// rest by name). A folder with unread mail shows the count and is drawn in bold; the local
// Outbox shows how many messages wait in it. With two accounts or more, an "All Accounts"
// group comes first: All Inboxes, Unread and Flagged over every account (UnifiedViewRole).

#include "core/store/ListScope.h"
#include "core/store/Records.h"

#include <QAbstractItemModel>
#include <optional>
#include <vector>

namespace herald::store {
class Store;
struct CacheDelta;
} // namespace herald::store

namespace herald::ui {

class FolderTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role {
        FolderIdRole = Qt::UserRole + 1, // qint64, 0 for an account
        AccountIdRole,                   // qint64
        FolderNameRole,                  // QString: the full name as on the server
        TotalRole,                       // qint64
        UnreadRole,                      // qint64
        IsAccountRole,                   // bool
        IsOutboxRole,                    // bool: the account's local Outbox
        IsDraftsRole,                    // bool: the \Drafts folder
        UnifiedViewRole,                 // int, store::UnifiedView: None except unified nodes
        IsUnifiedGroupRole,              // bool: the "All Accounts" group
    };

    explicit FolderTreeModel(store::Store &store, QObject *parent = nullptr);

    // Re-reads accounts and folders (a reset: views lose their selection).
    void reload();
    // Re-reads the counts only and repaints the folders whose counts changed. When accounts
    // or folders came or went, a reset instead (false: views lost their selection).
    bool refreshCounts();
    // What a commit changed (store::CacheDelta): the counts again when a folder's row changed
    // (its counts are kept by triggers) or, with the unified views shown, a message's flags
    // (Flagged is counted from the messages). False after a reset, as refreshCounts().
    bool applyDelta(const store::CacheDelta &delta);

    QModelIndex indexOfFolder(qint64 folderId) const;
    // The node of a folder or unified view (invalid when not shown), and what a node lists.
    QModelIndex indexOfScope(const store::ListScope &scope) const;
    store::ListScope scopeOf(const QModelIndex &index) const;
    bool showsUnifiedViews() const { return m_unifiedRows > 0; }
    const store::Folder *folder(const QModelIndex &index) const;

    QModelIndex index(int row, int column,
                      const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // Messages dragged from the list (ui/MessageDrag.h) drop onto a folder of their own account
    // that can hold them; another account's folders, the folder they come from and the Outbox
    // refuse the drop. A Ctrl+drag copies, a plain or Shift drag moves.
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

signals:
    // A drop the window carries out (ui/MessageActions), through the cache writer.
    void messagesDropped(const QList<qint64> &ids, const QString &folderName, bool copy);

private:
    // The folder a drop at (row, column, parent) lands on if it may, else nullptr.
    const store::Folder *dropTarget(const QMimeData *data, int row, int column,
                                    const QModelIndex &parent) const;
    struct AccountNode
    {
        store::Account account;
        std::vector<store::Folder> folders;
    };
    std::vector<AccountNode> load() const;
    void setAccounts(std::vector<AccountNode> accounts); // with the unified group and counts
    // The unified nodes' counts, from the folders just loaded.
    struct UnifiedCounts
    {
        qint64 total[4] = {};
        qint64 unread[4] = {};
    };
    UnifiedCounts unifiedCounts(const std::vector<AccountNode> &accounts) const;
    QVariant unifiedData(const QModelIndex &index, int role) const;
    static std::optional<QVariant> countData(int role, qint64 total, qint64 unread, bool bold);
    int accountOfRow(int topRow) const { return topRow - m_unifiedRows; }

    store::Store &m_store;
    std::vector<AccountNode> m_accounts;
    int m_unifiedRows = 0; // 1 while the "All Accounts" group is shown (2+ accounts)
    UnifiedCounts m_unifiedCounts;
};

} // namespace herald::ui
