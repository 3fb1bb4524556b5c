#pragma once
// Folder management from the window: New Folder…, Rename Folder… (F2 in the folder tree) and
// Delete Folder…, in the folder tree's context menu and the File menu.
//
// A change runs on a worker thread of its own (imap::FolderManager: the server first, then the
// cache), never on the UI thread; the tree shows it when both have it. When the server refuses,
// a message box shows the server's words and nothing changed; without a connection it says
// that folder changes need one (nothing is queued). INBOX, special-use folders (Sent, Drafts,
// Trash, …), Herald's local folders and POP3 accounts have the actions disabled, with the
// reason as the action's tooltip and status tip.

#include "core/store/Records.h"

#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

class QAction;
class QMainWindow;
class QMenu;
class QTreeView;

namespace herald::imap {
class FolderManager;
struct FolderChangeResult;
} // namespace herald::imap
namespace herald::store {
class Store;
}

namespace herald::ui {

class CacheWriter;
class FolderNameDialog;
class FolderTreeModel;

class FolderActions : public QObject
{
    Q_OBJECT
public:
    // Adds its actions to `window` (so their shortcuts work) and a context menu to `tree`.
    FolderActions(store::Store &store, QTreeView *tree, FolderTreeModel *model,
                  QMainWindow *window);
    ~FolderActions() override;

    QAction *newFolderAction() const { return m_new; }
    QAction *renameFolderAction() const { return m_rename; }
    QAction *deleteFolderAction() const { return m_delete; }
    QMenu *contextMenu() const { return m_contextMenu; }
    // Puts the three actions into `menu`, before its last separator (File: before Quit).
    void addToMenu(QMenu *menu);

    // What the actions open, for the selected row of the tree (window-modal, not blocking;
    // deleted when closed); nullptr when the action is disabled.
    FolderNameDialog *newFolder();
    FolderNameDialog *renameFolder();
    QMessageBox *deleteFolder();
    // A change is being made on the server (the actions wait for it).
    bool isBusy() const { return m_busy; }
    // The message box of the last failure, while it is open.
    QMessageBox *failureBox() const { return m_failureBox; }

signals:
    // The cache has the change: the window reloads and shows `folderToShow` (the new or
    // renamed folder, the Inbox when the open folder was deleted; 0: keep what is open).
    void folderChanged(qint64 folderToShow);
    // A change failed; `message` is what the message box says.
    void changeFailed(const QString &message);

private:
    using Change = std::function<imap::FolderChangeResult(imap::FolderManager &)>;
    struct Words
    {
        QString working; // status bar while it runs
        QString failed;  // the message box's title
        QString done;    // status bar afterwards
    };
    void updateActions();
    // The selected folder and its account, when `action` may run on them now.
    struct Target
    {
        store::Account account;
        store::Folder folder;
    };
    std::optional<Target> target(QAction *action);
    const store::Folder *selectedFolder() const;
    qint64 selectedAccountId() const;
    void run(const store::Account &account, Change change, Words words, qint64 showAfter);
    void finish(const imap::FolderChangeResult &result, const QString &accountName,
                const Words &words, qint64 showAfter);
    void showFailure(const QString &title, const QString &text);

    store::Store &m_store;
    QTreeView *m_tree;
    FolderTreeModel *m_model;
    QMainWindow *m_window;
    CacheWriter *m_worker = nullptr; // a thread of its own: the network never blocks the UI
    QAction *m_new = nullptr;
    QAction *m_rename = nullptr;
    QAction *m_delete = nullptr;
    QMenu *m_contextMenu = nullptr;
    QPointer<QMessageBox> m_failureBox;
    bool m_busy = false;
};

} // namespace herald::ui
