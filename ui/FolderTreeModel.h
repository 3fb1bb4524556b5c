#pragma once
// Accounts and their folders, read from the cache: two levels, accounts at the top, each
// account's folders below in a stable order (INBOX first, then the special-use folders, then the
// rest by name). A folder with unread mail shows the count and is drawn in bold; the local
// Outbox shows how many messages wait in it.

#include "core/store/Records.h"

#include <QAbstractItemModel>
#include <vector>

namespace herald::store {
class Store;
}

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
    };

    explicit FolderTreeModel(store::Store &store, QObject *parent = nullptr);

    // Re-reads accounts and folders (a reset: views lose their selection).
    void reload();
    // Re-reads the counts only and repaints the folders whose counts changed.
    void refreshCounts();

    QModelIndex indexOfFolder(qint64 folderId) const;
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

    store::Store &m_store;
    std::vector<AccountNode> m_accounts;
};

} // namespace herald::ui
