#pragma once
// The main window: folder tree | message list over message view, a menu and a status bar.
// Everything it shows comes from the cache (store::Store); it never talks to a server.

#include <QMainWindow>

class QAction;
class QLabel;
class QModelIndex;
class QSettings;
class QSplitter;
class QTreeView;

namespace herald::store {
class Store;
}

namespace herald::ui {

class FolderTreeModel;
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
    // Starts a sync pass of every IMAP account in the background (File > Sync Now).
    void syncNow();
    // Re-reads folders and the open folder's list from the cache (after a sync).
    void reloadFromCache();

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
    void markRead(int row);
    void updateStatus();
    void showAbout();
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
    QLabel *m_profileLabel = nullptr;
    QLabel *m_folderStatus = nullptr;
    QAction *m_syncAction = nullptr;
    SyncController *m_sync = nullptr;
};

} // namespace herald::ui
