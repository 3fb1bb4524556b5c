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
class QStackedWidget;
class QTimer;
class QToolBar;
class QTreeView;

namespace herald::store {
class Store;
struct ListScope;
struct CacheDelta;
} // namespace herald::store

namespace herald::ui {

class AccountSetupDialog;
class CacheFollower;
class CacheWriter;
class DesktopNotifications;
class MailNotifier;
class TrayIcon;
class FolderActions;
class FolderTreeModel;
class StatusIndicator;
class UploadIndicator;
class InboxWatchers;
class IndexWorker;
class SearchController;
class SettingsDialog;
class Composer;
class OutboxPanel;
class SyncController;
class MessageActions;
class MessageListModel;
class MessageListOptions;
class MessageView;
class MessageFileActions;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // The store must outlive the window. UI settings live in the profile (herald-ui.ini).
    explicit MainWindow(store::Store &store, QWidget *parent = nullptr);
    ~MainWindow() override;

    void openFolder(qint64 folderId);
    // A folder or a unified view over every account: All Inboxes, Unread, Flagged
    // (MainWindowUnified.cpp; the list then has an Account column).
    void openScope(const store::ListScope &scope);
    // Raises the window and shows message `messageId` in its folder; 0: the account's Inbox
    // (a click on a new-mail notification).
    void showNewMail(qint64 messageId, qint64 accountId);
    // New-mail notifications and the tray icon (MainWindowUnified.cpp).
    MailNotifier *mailNotifier() const { return m_notifier; }
    DesktopNotifications *desktopNotifications() const { return m_desktopNotifications; }
    TrayIcon *trayIcon() const { return m_tray; }
    bool trayIconEnabled() const;
    void setTrayIconEnabled(bool on);
    void setNotificationsEnabled(bool on);
    // Starts a sync pass of every account in the background (File > Sync Now); watched
    // accounts get a pass over all their folders from their watcher.
    void syncNow();
    // The periodic pass: the outbox, sender checks, and the folders of accounts no watcher
    // keeps current (POP3; IMAP before startWatching()).
    void syncInBackground();
    // Re-reads folders and the open folder's list from the cache (after a sync); the message
    // shown stays selected.
    void reloadFromCache();
    // What a commit changed (CacheFollower, MainWindowDelta.cpp): the rows and counts named,
    // without a reset; reloadFromCache() where the models cannot apply it.
    void applyCacheDelta(const store::CacheDelta &delta);
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
    // A pass of the window's worker is running (syncNow() would not start another).
    bool isSyncing() const;
    void setMarkReadOnOpen(bool on);

    // Edit > Settings… (Ctrl+,): opens the settings dialog (window-modal, not blocking) and
    // returns it; settings are saved through the cache writer when the user presses OK.
    SettingsDialog *openSettings();

    // For the windows and actions others add: the toolbar (Delete, Move, Mark, Flag, Sync Now;
    // compose actions go first, before the first separator) and the menus.
    QToolBar *mainToolBar() const { return m_toolBar; }
    QMenu *fileMenu() const { return m_fileMenu; }
    QMenu *editMenu() const { return m_editMenu; }
    QMenu *viewMenu() const { return m_viewMenu; }
    QMenu *messageMenu() const { return m_messageMenu; }
    // The separator in the toolbar before which compose actions go (insertAction(it, a)).
    QAction *composeActionsEnd() const { return m_composeSeparator; }
    // Every cache write of the window goes through it, off the UI thread.
    CacheWriter &cacheWriter() const { return *m_writer; }
    // Writing mail (ui/Compose.h): New Message, Reply, Reply All, Forward, Forward as
    // Attachment, in that order — in the Message menu and the list's context menu; for a
    // toolbar too. Each has an objectName (newMessage, reply, replyAll, forward,
    // forwardAsAttachment).
    QList<QAction *> composeActions() const;
    Composer *composer() const { return m_composer; }
    OutboxPanel *outboxPanel() const { return m_outboxPanel; }
    // Sends the outbox now on the sync worker (after Send; never waits here).
    void sendOutboxNow();
    // While messages wait in the outbox, a send is tried this often (default 30 s), so mail
    // written offline goes soon after the server can be reached again.
    void setOutboxRetryInterval(int ms);

    QTreeView *folderView() const { return m_folderView; }
    QTreeView *messageListView() const { return m_listView; }
    MessageView *messageView() const { return m_messageView; }
    FolderTreeModel *folderModel() const { return m_folderModel; }
    // New / Rename / Delete Folder (File menu, the tree's context menu, F2 on the tree).
    FolderActions *folderActions() const { return m_folderActions; }
    // The status bar's Online / Offline / Syncing…, progress bar and last sync time.
    StatusIndicator *statusIndicator() const { return m_statusIndicator; }
    UploadIndicator *uploadIndicator() const { return m_uploadIndicator; }
    MessageListModel *messageModel() const { return m_listModel; }
    // The search box and its results (Ctrl+K, Ctrl+F); the full-text indexing of the window.
    SearchController *search() const { return m_search; }
    IndexWorker *indexWorker() const { return m_indexer; }
    // Sorting, View > Show Conversations, expanding conversations.
    MessageListOptions *messageListOptions() const { return m_listOptions; }
    // Mark, flag, move, copy, delete of any number of messages, and Edit > Undo.
    MessageActions *messageActions() const { return m_actions; }
    // File > Open Message…, Save As…, Import mbox…, Export to mbox… (MessageFileActions.h).
    MessageFileActions *messageFileActions() const { return m_fileActions; }

signals:
    // Settings > Accounts > Add…: opens the account set-up (addAccount()).
    void addAccountRequested();
    // A sync pass of the window's worker ended (errors: one line per account that failed).
    void syncFinished(const QStringList &errors);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void onAccountsChanged(); // saved or removed in the settings
    void createActions();
    void createMenus();
    void createToolBar();
    void setAccessibleNames();
    void setupMessageList();
    void setupUnifiedViews();
    void setupNewMailAlerts();
    void updateNewMailAlerts(); // notifications and the tray's count, after the cache changed
    void addNotificationSettings(SettingsDialog *dialog);
    void restoreSettings();
    void saveSettings();
    void selectFirstInbox();
    void onFolderCurrentChanged(const QModelIndex &current);
    void onMessageCurrentChanged(const QModelIndex &current);
    // The Message menu and the list's context menu act on the selected message.
    int selectedRow() const;
    void updateMessageActions();
    // Runs `change` (a move or delete) on every selected message (they leave the list at
    // once) and selects the row after them.
    void changeSelected(const std::function<void(MessageActions &, const QList<qint64> &)> &change);
    // MainWindowMessages.cpp: undo, select all, drag and drop, several messages selected.
    void wireMessageActions();
    QAction *selectAllAction();
    // With more than one message selected the reading pane says how many; false otherwise.
    bool showSelectionCount(qsizetype selectedRows);
    // Selects the messages an undo brought back that are in the open folder.
    void selectMessages(const QList<qint64> &ids);
    // Sets or clears `flag` (store::FlagSeen, FlagFlagged) of the message in `row`.
    void setFlag(int row, int flag, bool on);
    void toggleFlag(int flag);
    void deleteSelected();
    void moveSelected(const QString &folderName);
    void fillMoveMenu();
    // Ctrl+Shift+M: the folder menu at the selected message.
    void popUpMoveMenu();
    void selectRow(int row);
    void updateStatus();
    void showAbout();
    void updatePasswordAction();
    void showWelcome(); // no accounts yet: "Add Account…" instead of the list and the view
    void onAccountAdded(qint64 accountId);
    void openInboxWhenItArrives();
    void onSyncFinished(const QStringList &errors);
    SyncController &syncController(); // made on first use
    void onBodyFetched(qint64 messageId, const QString &error);
    void createComposeActions();
    // The account of the selected folder (for New Message), else 0.
    qint64 currentAccountId() const;
    void answerSelected(int kind); // smtp::Answer
    void onMessageActivated(const QModelIndex &index);
    // Starts or stops the outbox retry by what waits in the outbox.
    void updateOutboxRetry();
    void offerToTrustCertificate(const QString &account, const QString &fingerprint,
                                 const QString &message);

    store::Store &m_store;
    QSettings *m_settings = nullptr;
    FolderTreeModel *m_folderModel = nullptr;
    MessageListModel *m_listModel = nullptr;
    MessageListOptions *m_listOptions = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_rightSplitter = nullptr;
    QTreeView *m_folderView = nullptr;
    QTreeView *m_listView = nullptr;
    MessageView *m_messageView = nullptr;
    QAction *m_markReadAction = nullptr;
    QAction *m_toggleReadAction = nullptr;
    QAction *m_toggleFlagAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_moveAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_addAccountAction = nullptr;
    QAction *m_enterPasswordsAction = nullptr;
    QAction *m_composeSeparator = nullptr;
    QMenu *m_moveMenu = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_messageMenu = nullptr;
    QToolBar *m_toolBar = nullptr;
    CacheWriter *m_writer = nullptr;
    MessageActions *m_actions = nullptr;
    QAction *m_selectAllAction = nullptr;
    Composer *m_composer = nullptr;
    QAction *m_newMessageAction = nullptr;
    QAction *m_replyAction = nullptr;
    QAction *m_replyAllAction = nullptr;
    QAction *m_forwardAction = nullptr;
    QAction *m_forwardAttachedAction = nullptr;
    QStackedWidget *m_rightStack = nullptr; // the list and view, or the outbox
    OutboxPanel *m_outboxPanel = nullptr;
    QTimer *m_outboxRetry = nullptr;
    QLabel *m_profileLabel = nullptr;
    QLabel *m_folderStatus = nullptr;
    QAction *m_syncAction = nullptr;
    SyncController *m_sync = nullptr;
    InboxWatchers *m_watchers = nullptr;
    CacheFollower *m_cacheFollower = nullptr; // the cache's change stream, coalesced
    bool m_restoringSelection = false;
    QWidget *m_welcome = nullptr;
    qint64 m_inboxToOpen = 0; // an account just added, until its INBOX is in the cache
    IndexWorker *m_indexer = nullptr;
    SearchController *m_search = nullptr;
    DesktopNotifications *m_desktopNotifications = nullptr;
    MailNotifier *m_notifier = nullptr;
    TrayIcon *m_tray = nullptr;
    QTimer *m_alertsSoon = nullptr; // coalesces the folder model's change signals
    FolderActions *m_folderActions = nullptr;
    StatusIndicator *m_statusIndicator = nullptr;
    UploadIndicator *m_uploadIndicator = nullptr;
    MessageFileActions *m_fileActions = nullptr;
};

} // namespace herald::ui
