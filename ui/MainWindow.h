#pragma once
// The main window: folder tree | message list over message view, a menu and a status bar.
// Everything it shows comes from the cache (store::Store); it never talks to a server.

#include <QMainWindow>

#include <functional>

class QAction;
class QLabel;
class QMenu;
class QModelIndex;
class QSettings;
class QSplitter;
class QTimer;
class QTreeView;

namespace herald::store {
class Store;
}
namespace herald::sync {
class LocalActions;
}

namespace herald::ui {

class AccountSetupDialog;
class FolderTreeModel;
class InboxWatchers;
class SyncController;
class MessageListModel;
class MessageView;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // The store must outlive the window. UI settings live in the profile (herald-ui.ini).
    explicit MainWindow(store::Store &store, QWidget *parent = nullptr);
    ~MainWindow() override;

    void openFolder(qint64 folderId);
    // Starts a sync pass of every account in the background (File > Sync Now); watched
    // accounts get a pass over all their folders from their watcher.
    void syncNow();
    // The periodic pass: the outbox, sender checks, and the folders of accounts no watcher
    // keeps current (POP3; IMAP before startWatching()).
    void syncInBackground();
    // Re-reads folders and the open folder's list from the cache (after a sync); the message
    // shown stays selected.
    void reloadFromCache();
    // Push: watch every IMAP account's INBOX (InboxWatchers) so other devices' changes show
    // within seconds; from then on "Sync Now" asks the watchers for a pass over all folders.
    void startWatching();

    // File > Add Account…: the set-up dialog (window-modal, deleted when closed). When it
    // adds an account, the window syncs it at once and opens its Inbox when it arrives.
    AccountSetupDialog *addAccount();
    // At start, for accounts whose password is asked each time (no keychain): asks for it.
    void askForSessionPasswords();

    // "Mark messages read when opened" (default on), kept in the profile's UI settings.
    bool markReadOnOpen() const;
    void setMarkReadOnOpen(bool on);

    QTreeView *folderView() const { return m_folderView; }
    QTreeView *messageListView() const { return m_listView; }
    MessageView *messageView() const { return m_messageView; }
    FolderTreeModel *folderModel() const { return m_folderModel; }
    MessageListModel *messageModel() const { return m_listModel; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void setupMessageList();
    void restoreSettings();
    void saveSettings();
    void selectFirstInbox();
    void onFolderCurrentChanged(const QModelIndex &current);
    void onMessageCurrentChanged(const QModelIndex &current);
    // The Message menu and the list's context menu act on the selected message.
    int selectedRow() const;
    void updateMessageActions();
    // Runs `change` on the selected message; false (and the reason in the status bar, through
    // `failure`'s %1) when nothing is selected or the change failed.
    bool changeSelected(const QString &failure,
                        const std::function<void(sync::LocalActions &, qint64)> &change);
    // Sets or clears `flag` (store::FlagSeen, FlagFlagged) of the message in `row`.
    void setFlag(int row, int flag, bool on);
    void toggleFlag(int flag);
    void deleteSelected();
    void moveSelected(const QString &folderName);
    void fillMoveMenu();
    // After a delete or move: the list without the message, the next one selected.
    void reloadAndSelect(int row);
    void updateStatus();
    void showAbout();
    void showWelcome(); // no accounts yet: "Add Account…" instead of the list and the view
    void onAccountAdded(qint64 accountId);
    void openInboxWhenItArrives();
    void onSyncFinished(const QStringList &errors);
    SyncController &syncController(); // made on first use
    void onBodyFetched(qint64 messageId, const QString &error);
    void offerToTrustCertificate(const QString &account, const QString &fingerprint,
                                 const QString &message);

    store::Store &m_store;
    QSettings *m_settings = nullptr;
    FolderTreeModel *m_folderModel = nullptr;
    MessageListModel *m_listModel = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_rightSplitter = nullptr;
    QTreeView *m_folderView = nullptr;
    QTreeView *m_listView = nullptr;
    MessageView *m_messageView = nullptr;
    QAction *m_markReadAction = nullptr;
    QAction *m_toggleReadAction = nullptr;
    QAction *m_toggleFlagAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QMenu *m_moveMenu = nullptr;
    QLabel *m_profileLabel = nullptr;
    QLabel *m_folderStatus = nullptr;
    QAction *m_syncAction = nullptr;
    SyncController *m_sync = nullptr;
    InboxWatchers *m_watchers = nullptr;
    QTimer *m_reloadSoon = nullptr; // coalesces the watchers' change notices
    bool m_restoringSelection = false;
    QWidget *m_welcome = nullptr;
    qint64 m_inboxToOpen = 0; // an account just added, until its INBOX is in the cache
};

} // namespace herald::ui
