#include "ui/MainWindow.h"

#include "core/Version.h"
#include "core/accounts/AccountSettings.h"
#include "core/accounts/SessionPasswords.h"
#include "core/store/Store.h"
#include "core/sync/TrustCertificate.h"
#include "ui/AccountSetupDialog.h"
#include "ui/ActionIcons.h"
#include "ui/CacheFollower.h"
#include "ui/CacheWriter.h"
#include "ui/Compose.h"
#include "ui/FolderActions.h"
#include "ui/FolderTreeModel.h"
#include "ui/Icons.h"
#include "ui/InboxWatchers.h"
#include "ui/IndexWorker.h"
#include "ui/MessageActions.h"
#include "ui/MessageFileActions.h"
#include "ui/MessageListModel.h"
#include "ui/MessageListOptions.h"
#include "ui/MessageView.h"
#include "ui/OutboxPanel.h"
#include "ui/PasswordDialog.h"
#include "ui/SearchBox.h"
#include "ui/SearchController.h"
#include "ui/SelectedMessages.h"
#include "ui/SettingsDialog.h"
#include "ui/StatusIndicator.h"
#include "ui/SyncController.h"
#include "ui/UploadIndicator.h"
#include "ui/UserGuide.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>
#include <stdexcept>

namespace herald::ui {

namespace {

// An account whose password lives only in memory, and none was given yet this session.
bool lacksSessionPassword(const store::Account &account)
{
    return accounts::AccountSettings::fromJson(account.settingsJson).passwordSource ==
               accounts::sessionPasswordSource() &&
           !accounts::sessionPassword(account.name);
}
const QString kMarkReadKey = QStringLiteral("view/markReadOnOpen");
} // namespace

MainWindow::MainWindow(store::Store &store, QWidget *parent)
    : QMainWindow(parent), m_store(store),
      m_settings(new QSettings(QDir(store.profileDir()).filePath(QStringLiteral("herald-ui.ini")),
                               QSettings::IniFormat, this))
{
    setWindowTitle(tr("Herald"));
    setWindowIcon(icons::appIcon());

    m_folderModel = new FolderTreeModel(m_store, this);
    m_listModel = new MessageListModel(m_store, this);

    m_folderView = new QTreeView(this);
    m_folderView->setObjectName(QStringLiteral("folderTree"));
    m_folderView->setHeaderHidden(true);
    m_folderView->setUniformRowHeights(true); // before expandAll(): Qt 6.4 gives 0-high rows else
    m_folderView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_folderView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_folderView->setModel(m_folderModel);
    m_folderView->expandAll();
    connect(m_folderView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onFolderCurrentChanged(current); });
    connect(m_folderModel, &QAbstractItemModel::modelReset, m_folderView, &QTreeView::expandAll);

    m_listView = new QTreeView(this);
    m_listView->setObjectName(QStringLiteral("messageList"));
    setupMessageList();
    m_listOptions = new MessageListOptions(*m_listView, *m_listModel, *m_settings, this);
    setupUnifiedViews();

    m_messageView = new MessageView(this);
    m_messageView->setObjectName(QStringLiteral("messageView"));

    m_rightSplitter = new QSplitter(Qt::Vertical, this);
    m_rightSplitter->addWidget(m_listView);
    m_rightSplitter->addWidget(m_messageView);
    m_rightSplitter->setStretchFactor(0, 2);
    m_rightSplitter->setStretchFactor(1, 3);
    m_rightSplitter->setChildrenCollapsible(false);

    m_composer = new Composer(m_store, this);
    m_outboxPanel = new OutboxPanel(m_store, *m_composer, this);
    m_outboxPanel->setObjectName(QStringLiteral("outboxPanel"));
    m_rightStack = new QStackedWidget(this);
    m_rightStack->addWidget(m_rightSplitter);
    m_rightStack->addWidget(m_outboxPanel);

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->addWidget(m_folderView);
    m_mainSplitter->addWidget(m_rightStack);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setChildrenCollapsible(false);
    setCentralWidget(m_mainSplitter);

    m_folderStatus = new QLabel(this);
    m_folderStatus->setObjectName(QStringLiteral("folderStatus"));
    statusBar()->addWidget(m_folderStatus, 1);
    m_statusIndicator = new StatusIndicator(this);
    statusBar()->addPermanentWidget(m_statusIndicator);
    m_uploadIndicator = new UploadIndicator(m_store, this); // imports not on the server yet
    statusBar()->addPermanentWidget(m_uploadIndicator);
    m_profileLabel = new QLabel(this);
    m_profileLabel->setText(tr("Profile: %1").arg(QDir::toNativeSeparators(m_store.profileDir())));
    statusBar()->addPermanentWidget(m_profileLabel);

    m_writer = new CacheWriter(m_store.profileDir(), this);
    m_actions = new MessageActions(*m_writer, *m_listModel, this);
    wireMessageActions(); // MainWindowMessages.cpp: undo, drag and drop
    createComposeActions();
    createActions();
    createMenus();
    m_folderActions = new FolderActions(m_store, m_folderView, m_folderModel, this);
    m_folderActions->addToMenu(m_fileMenu);
    m_fileActions = new MessageFileActions(m_store, *this);
    m_fileActions->addToMenu(m_fileMenu, m_fileMenu->actions().value(0)); // first
    connect(m_folderActions, &FolderActions::folderChanged, this, [this](qint64 show) {
        reloadFromCache();
        if (const QModelIndex index = m_folderModel->indexOfFolder(show); index.isValid())
            m_folderView->setCurrentIndex(index);
    });
    createToolBar();
    // Search: a row under the toolbar, Find in the Edit menu.
    m_indexer = new IndexWorker(m_store.profileDir(), this);
    m_cacheFollower = new CacheFollower(m_store.profileDir(), 100, this); // MainWindowDelta.cpp
    connect(m_cacheFollower, &CacheFollower::changed, this, &MainWindow::applyCacheDelta);
    m_search = new SearchController(m_store.profileDir(), m_settings, m_listModel, m_listView,
                                    m_messageView, m_indexer, this);
    addToolBarBreak();
    addToolBar(m_search->toolBar());
    m_editMenu->addAction(m_search->findAction());
    addAction(m_search->findAction());
    connect(m_search, &SearchController::left, this, [this](qint64 folder) {
        if (folder)
            openFolder(folder);
        else // begun in a unified view (or nowhere): back to what the tree has selected
            onFolderCurrentChanged(m_folderView->currentIndex());
    });
    connect(m_search, &SearchController::begun, this, [this] {
        m_rightStack->setCurrentWidget(m_rightSplitter);
        m_folderStatus->clear(); // the search row says what is shown
    });
    m_indexer->wake(); // what an earlier session, herald-cli or an upgrade left pending
    setAccessibleNames();

    resize(1200, 760);
    m_mainSplitter->setSizes({230, 970});
    m_rightSplitter->setSizes({280, 420});
    restoreSettings();

    if (m_store.accounts().list().empty())
        showWelcome();
    selectFirstInbox();
    updateStatus();
    updateOutboxRetry();
    setupNewMailAlerts();
}

MainWindow::~MainWindow() = default;

void MainWindow::setupMessageList()
{
    m_listView->setRootIsDecorated(false);
    m_listView->setUniformRowHeights(true);
    m_listView->setAllColumnsShowFocus(true);
    m_listView->setAlternatingRowColors(true);
    m_listView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_listView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_listView->setDragEnabled(true); // onto a folder (FolderTreeModel::dropMimeData)
    m_listView->setDragDropMode(QAbstractItemView::DragOnly);
    m_listView->setDefaultDropAction(Qt::MoveAction);
    m_listView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_listView->setIconSize(icons::messageStatusSize());
    m_listView->setModel(m_listModel);

    // Only now has the header columns (setting modes earlier crashes Qt 6.4). Fixed and
    // interactive widths only: ResizeToContents would read every row of a big folder.
    QHeaderView *header = m_listView->header();
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(24);
    header->setSectionResizeMode(MessageListModel::StatusColumn, QHeaderView::Fixed);
    header->setSectionResizeMode(MessageListModel::FromColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(MessageListModel::SubjectColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(MessageListModel::DateColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(MessageListModel::SizeColumn, QHeaderView::Interactive);
    header->resizeSection(MessageListModel::StatusColumn, icons::messageStatusSize().width() + 10);
    header->resizeSection(MessageListModel::FromColumn, 200);
    header->resizeSection(MessageListModel::DateColumn, 120);
    header->resizeSection(MessageListModel::SizeColumn, 70);

    connect(m_listView, &QTreeView::activated, this, &MainWindow::onMessageActivated);

    // Follow the selection, not the current index: a view that merely gets focus makes its
    // first row current without selecting it, and that must not open (and mark read) a message.
    connect(m_listView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateMessageActions();
        if (m_restoringSelection)
            return;
        const QModelIndexList rows = m_listView->selectionModel()->selectedRows();
        if (showSelectionCount(rows.size()))
            return; // several: the pane says how many instead of showing one
        onMessageCurrentChanged(rows.isEmpty() ? QModelIndex() : rows.first());
    });
}

// Shortcuts (docs/shortcuts.md): Thunderbird's single keys for the message (M read/unread,
// S flag, Del delete), F5 for Sync Now as in both Thunderbird and KMail, Ctrl+Shift+M for
// Move (Thunderbird's "Move Again" key; KMail's single M is Thunderbird's mark-read, and the
// issue keeps M for that). The window has no text field the single keys could eat.
void MainWindow::createActions()
{
    m_syncAction = new QAction(icons::action(icons::Action::Sync), tr("&Sync Now"), this);
    m_syncAction->setObjectName(QStringLiteral("syncNow"));
    // F5 only: the platform's Refresh includes Ctrl+R on GNOME and macOS, which is Reply here.
    m_syncAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_syncAction->setToolTip(tr("Get new mail and send the outbox (F5)"));
    connect(m_syncAction, &QAction::triggered, this, &MainWindow::syncNow);

    m_addAccountAction = new QAction(tr("&Add Account…"), this);
    m_addAccountAction->setObjectName(QStringLiteral("addAccount"));
    connect(m_addAccountAction, &QAction::triggered, this, [this] { addAccount(); });
    m_enterPasswordsAction = new QAction(tr("&Enter Passwords…"), this);
    m_enterPasswordsAction->setObjectName(QStringLiteral("enterPasswords"));
    connect(m_enterPasswordsAction, &QAction::triggered, this, [this] {
        askForSessionPasswords();
        syncNow();
    });
    // Settings > Accounts > Add opens the same set-up.
    connect(this, &MainWindow::addAccountRequested, this, [this] { addAccount(); });

    m_settingsAction = new QAction(icons::action(icons::Action::Settings), tr("&Settings…"), this);
    m_settingsAction->setObjectName(QStringLiteral("settings"));
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, [this] { openSettings(); });

    m_markReadAction = new QAction(tr("&Mark Messages Read When Opened"), this);
    m_markReadAction->setObjectName(QStringLiteral("markReadOnOpen"));
    m_markReadAction->setCheckable(true);
    m_markReadAction->setChecked(m_settings->value(kMarkReadKey, true).toBool());
    connect(m_markReadAction, &QAction::toggled, this,
            [this](bool on) { m_settings->setValue(kMarkReadKey, on); });

    m_toggleReadAction =
        new QAction(icons::action(icons::Action::MarkRead), tr("Mark as &Unread"), this);
    m_toggleReadAction->setObjectName(QStringLiteral("toggleRead"));
    m_toggleReadAction->setShortcut(Qt::Key_M);
    connect(m_toggleReadAction, &QAction::triggered, this, [this] { toggleFlag(store::FlagSeen); });
    m_toggleFlagAction = new QAction(icons::action(icons::Action::Flag), tr("Fla&g"), this);
    m_toggleFlagAction->setObjectName(QStringLiteral("toggleFlag"));
    m_toggleFlagAction->setShortcut(Qt::Key_S);
    connect(m_toggleFlagAction, &QAction::triggered, this,
            [this] { toggleFlag(store::FlagFlagged); });

    m_moveMenu = new QMenu(tr("Mo&ve To"), this);
    m_moveMenu->setObjectName(QStringLiteral("moveMenu"));
    connect(m_moveMenu, &QMenu::aboutToShow, this, &MainWindow::fillMoveMenu);
    m_moveAction = new QAction(icons::action(icons::Action::Move), tr("Mo&ve To…"), this);
    m_moveAction->setObjectName(QStringLiteral("move"));
    m_moveAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_moveAction->setMenu(m_moveMenu);
    connect(m_moveAction, &QAction::triggered, this, &MainWindow::popUpMoveMenu);

    m_deleteAction = new QAction(icons::action(icons::Action::Delete), tr("&Delete"), this);
    m_deleteAction->setObjectName(QStringLiteral("delete"));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    connect(m_deleteAction, &QAction::triggered, this, &MainWindow::deleteSelected);
    // Active wherever the focus is in the window, also without the menu bar.
    addActions({m_syncAction, m_settingsAction, m_toggleReadAction, m_toggleFlagAction,
                m_moveAction, m_deleteAction, m_actions->undoAction(), selectAllAction()});
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(tr("&File"));
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_fileMenu->addAction(m_syncAction);
    m_fileMenu->addAction(m_addAccountAction);
    m_fileMenu->addAction(m_enterPasswordsAction);
    updatePasswordAction();
    m_fileMenu->addSeparator();
    QAction *quit = m_fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    m_editMenu->setObjectName(QStringLiteral("editMenu"));
    m_editMenu->addActions({m_actions->undoAction(), selectAllAction()});
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_settingsAction);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_viewMenu->addAction(m_markReadAction);
    m_viewMenu->addAction(m_listOptions->showConversationsAction());
    addAction(m_listOptions->showConversationsAction());

    m_messageMenu = menuBar()->addMenu(tr("&Message"));
    m_messageMenu->setObjectName(QStringLiteral("messageMenu"));
    m_messageMenu->addActions(composeActions());
    m_messageMenu->addSeparator();
    m_messageMenu->addAction(m_toggleReadAction);
    m_messageMenu->addAction(m_toggleFlagAction);
    m_messageMenu->addMenu(m_moveMenu);
    m_messageMenu->addSeparator();
    m_messageMenu->addAction(m_deleteAction);
    m_listView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_listView->addActions(composeActions().mid(1)); // (New Message is not about the message)
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_listView->addAction(separator);
    m_listView->addActions(
        {m_toggleReadAction, m_toggleFlagAction, m_moveMenu->menuAction(), m_deleteAction});
    updateMessageActions();

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    addUserGuideAction(help, this); // F1 (ui/UserGuide.h)
    help->addSeparator();
    QAction *about = help->addAction(tr("&About Herald"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(tr("Main Toolbar"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setAccessibleName(tr("Main Toolbar"));
    // Qt's overflow button (a checkable tool button, shown when the window is narrow).
    if (auto *more = m_toolBar->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button")))
        more->setAccessibleName(tr("More toolbar actions"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(22, 22));
    m_toolBar->setMovable(false);
    // Compose actions (New, Reply, Reply All, Forward) go before this separator.
    m_composeSeparator = m_toolBar->addSeparator();
    // Forward as Attachment stays in the menus: the toolbar keeps the everyday four.
    for (QAction *a : composeActions())
        if (a != m_forwardAttachedAction)
            m_toolBar->insertAction(m_composeSeparator, a);
    m_toolBar->addAction(m_deleteAction);
    m_toolBar->addAction(m_moveAction);
    if (auto *button = qobject_cast<QToolButton *>(m_toolBar->widgetForAction(m_moveAction)))
        button->setPopupMode(QToolButton::InstantPopup);
    m_toolBar->addAction(m_toggleReadAction);
    m_toolBar->addAction(m_toggleFlagAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_syncAction);
    // A button's accessible name is its action's text; give each the shortcut in its tooltip.
    for (QAction *a : m_toolBar->actions())
        if (!a->isSeparator() && !a->shortcut().isEmpty())
            a->setToolTip(QStringLiteral("%1 (%2)").arg(
                a->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")),
                a->shortcut().toString(QKeySequence::NativeText)));
}

// The names a screen reader says (tests/ui/tst_accessibility checks every control has one).
void MainWindow::setAccessibleNames()
{
    m_folderView->setAccessibleName(tr("Folders"));
    m_listView->setAccessibleName(tr("Messages"));
    m_messageView->setAccessibleName(tr("Message"));
    m_mainSplitter->setAccessibleName(tr("Folders and messages"));
    m_rightSplitter->setAccessibleName(tr("Message list and message"));
    m_folderStatus->setAccessibleName(tr("Folder status"));
    m_profileLabel->setAccessibleName(tr("Profile"));
    menuBar()->setAccessibleName(tr("Menu bar"));
    statusBar()->setAccessibleName(tr("Status bar"));
}

bool MainWindow::markReadOnOpen() const
{
    return m_markReadAction->isChecked();
}

void MainWindow::setMarkReadOnOpen(bool on)
{
    m_markReadAction->setChecked(on);
}

SettingsDialog *MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(m_store, *m_writer, markReadOnOpen(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::addAccountRequested, this, &MainWindow::addAccountRequested);
    connect(dialog, &SettingsDialog::markReadOnOpenChanged, this, &MainWindow::setMarkReadOnOpen);
    connect(dialog, &SettingsDialog::accountsChanged, this, &MainWindow::onAccountsChanged);
    addNotificationSettings(dialog);
    dialog->open();
    return dialog;
}

void MainWindow::onAccountsChanged()
{
    reloadFromCache();
    if (!m_watchers)
        return;
    // A watcher keeps the account it started with: restart them with the saved settings (a
    // removed account's watcher just stops).
    for (const qint64 id : m_watchers->watchedAccounts())
        m_watchers->unwatch(id);
    startWatching();
}

void MainWindow::restoreSettings()
{
    const QByteArray geometry = m_settings->value(QStringLiteral("window/geometry")).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray main = m_settings->value(QStringLiteral("window/mainSplitter")).toByteArray();
    if (!main.isEmpty())
        m_mainSplitter->restoreState(main);
    const QByteArray right =
        m_settings->value(QStringLiteral("window/rightSplitter")).toByteArray();
    if (!right.isEmpty())
        m_rightSplitter->restoreState(right);
    const QByteArray header = m_settings->value(QStringLiteral("list/header")).toByteArray();
    if (!header.isEmpty())
        m_listView->header()->restoreState(header);
}

void MainWindow::saveSettings()
{
    m_settings->setValue(QStringLiteral("window/geometry"), saveGeometry());
    m_settings->setValue(QStringLiteral("window/mainSplitter"), m_mainSplitter->saveState());
    m_settings->setValue(QStringLiteral("window/rightSplitter"), m_rightSplitter->saveState());
    m_settings->setValue(QStringLiteral("list/header"), m_listView->header()->saveState());
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
}

void MainWindow::selectFirstInbox()
{
    if (m_folderModel->rowCount() == 0)
        return;
    const QModelIndex account = m_folderModel->index(0, 0);
    const QModelIndex first = m_folderModel->index(0, 0, account);
    if (first.isValid()) {
        m_folderView->setCurrentIndex(first); // opens it through currentChanged
        m_listView->setFocus();
    }
}

void MainWindow::onFolderCurrentChanged(const QModelIndex &current)
{
    openScope(m_folderModel->scopeOf(current));
}

void MainWindow::openFolder(qint64 folderId)
{
    // The local Outbox shows its messages with their sending state instead of a message list.
    const QModelIndex folderIndex = m_folderModel->indexOfFolder(folderId);
    if (folderIndex.data(FolderTreeModel::IsOutboxRole).toBool()) {
        m_outboxPanel->setAccount(folderIndex.data(FolderTreeModel::AccountIdRole).toLongLong());
        m_rightStack->setCurrentWidget(m_outboxPanel);
    } else {
        m_rightStack->setCurrentWidget(m_rightSplitter);
    }
    if (folderId == m_listModel->folderId() && folderId != 0)
        return;
    m_messageView->clear();
    try {
        m_listOptions->aboutToOpenFolder(folderId);
        m_listModel->setFolder(folderId);
    } catch (const std::exception &e) {
        m_listModel->setFolder(0);
        statusBar()->showMessage(tr("Could not read the folder from the cache: %1")
                                     .arg(QString::fromLocal8Bit(e.what())));
        return;
    }
    const QModelIndex index = m_folderModel->indexOfFolder(folderId);
    if (index.isValid() && m_folderView->currentIndex() != index)
        m_folderView->setCurrentIndex(index);
    if (m_listModel->rowCount() > 0)
        m_listView->scrollToTop();
    updateStatus();
}

void MainWindow::onMessageCurrentChanged(const QModelIndex &current)
{
    if (!current.isValid()) {
        m_messageView->clear();
        return;
    }
    const int row = current.row();
    try {
        const store::MessageRow *m = m_listModel->message(row);
        if (!m || m->id == 0) {
            m_messageView->clear();
            return;
        }
        const store::MessageRow shown = *m; // the page cache may evict it below
        const auto raw = m_store.bodies().get(shown.id);
        m_messageView->showMessage(shown, raw);
        if (!raw && shown.uid) { // left on the server by the body policy: fetch it now
            m_messageView->setMissingBodyNotice(tr("Downloading the message…"));
            syncController().fetchBody(shown.id);
        }
        if (markReadOnOpen() && !(shown.flags & store::FlagSeen))
            setFlag(row, store::FlagSeen, true);
    } catch (const std::exception &e) {
        statusBar()->showMessage(tr("Could not read the message from the cache: %1")
                                     .arg(QString::fromLocal8Bit(e.what())));
    }
}

int MainWindow::selectedRow() const
{
    return firstSelectedRow(*m_listView);
}

void MainWindow::updateMessageActions()
{
    if (!m_deleteAction)
        return; // (the menus are made after the list)
    const store::MessageRow *m = m_listModel->message(selectedRow());
    for (QAction *a : {m_toggleReadAction, m_toggleFlagAction, m_deleteAction, m_moveAction,
                       m_moveMenu->menuAction(), m_replyAction, m_replyAllAction, m_forwardAction,
                       m_forwardAttachedAction})
        a->setEnabled(m != nullptr);
    m_toggleReadAction->setText(m && !(m->flags & store::FlagSeen) ? tr("Mark as &Read")
                                                                   : tr("Mark as &Unread"));
    m_toggleFlagAction->setText(m && (m->flags & store::FlagFlagged) ? tr("Remove Fla&g")
                                                                     : tr("Fla&g"));
}

void MainWindow::changeSelected(
    const std::function<void(MessageActions &, const QList<qint64> &)> &change)
{
    const int row = selectedRow();
    const QList<qint64> ids = selectedMessageIds(*m_listView);
    if (ids.isEmpty())
        return;
    m_messageView->clear();
    change(*m_actions, ids); // out of the list now; written and queued by the cache writer
    selectRow(std::min(row, m_listModel->rowCount() - 1));
}

void MainWindow::setFlag(int row, int flag, bool on)
{
    // Opening a message marks it read: not a change to undo, so not held for the undo window.
    if (const store::MessageRow *m = m_listModel->message(row))
        m_actions->setFlag({m->id}, flag, on, false);
    updateMessageActions();
}

void MainWindow::toggleFlag(int flag)
{
    // Every selected message gets the opposite of the first one's state (as in Thunderbird).
    const store::MessageRow *m = m_listModel->message(selectedRow());
    if (!m)
        return;
    m_actions->setFlag(selectedMessageIds(*m_listView), flag, !(m->flags & flag));
    updateMessageActions();
}

void MainWindow::deleteSelected()
{
    // To Trash, or for good from Trash (or without one).
    changeSelected([](MessageActions &a, const QList<qint64> &ids) { a.remove(ids); });
}

void MainWindow::moveSelected(const QString &folderName)
{
    changeSelected(
        [folderName](MessageActions &a, const QList<qint64> &ids) { a.move(ids, folderName); });
}

void MainWindow::fillMoveMenu()
{
    m_moveMenu->clear();
    const store::MessageRow *m = m_listModel->message(selectedRow());
    if (!m)
        return;
    for (const store::Folder &f : m_store.folders().list(m->accountId)) {
        if (f.id == m->folderId)
            continue;
        const QString name = f.name;
        QAction *a = m_moveMenu->addAction(name, this, [this, name] { moveSelected(name); });
        a->setObjectName(QStringLiteral("moveTo:") + name);
    }
}

void MainWindow::popUpMoveMenu()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    const QRect rect =
        m_listView->visualRect(m_listModel->index(row, MessageListModel::SubjectColumn));
    m_moveMenu->popup(
        m_listView->viewport()->mapToGlobal(rect.isValid() ? rect.bottomLeft() : QPoint(0, 0)));
}

void MainWindow::selectRow(int row)
{
    if (row >= 0)
        m_listView->selectionModel()->setCurrentIndex(m_listModel->index(row, 0),
                                                      QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    updateMessageActions();
}

void MainWindow::updateStatus()
{
    const QModelIndex index = m_folderModel->indexOfScope(m_listModel->scope());
    if (!index.isValid()) {
        m_folderStatus->clear();
        return;
    }
    const qint64 total = index.data(FolderTreeModel::TotalRole).toLongLong();
    const qint64 unread = index.data(FolderTreeModel::UnreadRole).toLongLong();
    const QString name = index.data(Qt::DisplayRole).toString().section(QLatin1String(" ("), 0, 0);
    QString text = total == 1 ? tr("%1: 1 message").arg(name)
                              : tr("%1: %n messages", nullptr, int(total)).arg(name);
    if (unread > 0)
        text += tr(", %1 unread").arg(unread);
    m_folderStatus->setText(text);
}

void MainWindow::syncNow()
{
    if (m_watchers)
        m_watchers->requestFullPass();
    syncInBackground();
}

void MainWindow::syncInBackground()
{
    syncController().syncNow(m_watchers ? m_watchers->watchedAccounts() : QList<qint64>());
}

void MainWindow::startWatching()
{
    if (!m_watchers) {
        m_watchers = new InboxWatchers(m_store.profileDir(), this); // (their rows: applyCacheDelta)
        connect(m_watchers, &InboxWatchers::report, this,
                [this](const QString &line) { statusBar()->showMessage(line); });
        m_statusIndicator->follow(m_watchers);
    }
    m_watchers->watch(m_store.accounts().list());
}

SyncController &MainWindow::syncController()
{
    if (!m_sync) {
        m_sync = new SyncController(m_store.profileDir(), this);
        m_statusIndicator->follow(m_sync);
        connect(m_sync, &SyncController::started, this, [this] {
            m_indexer->setSyncRunning(true); // indexes what the pass brings while it runs
            m_syncAction->setEnabled(false);
            statusBar()->showMessage(tr("Syncing…"));
        });
        connect(m_sync, &SyncController::progress, this,
                [this](const QString &line) { statusBar()->showMessage(line); });
        connect(m_sync, &SyncController::finished, this, &MainWindow::onSyncFinished);
        connect(m_sync, &SyncController::untrustedCertificate, this,
                &MainWindow::offerToTrustCertificate);
        connect(m_sync, &SyncController::bodyFetched, this, &MainWindow::onBodyFetched);
        connect(m_sync, &SyncController::outboxFlushed, this, [this](const QStringList &errors) {
            reloadFromCache();
            if (!errors.isEmpty())
                statusBar()->showMessage(
                    tr("Not sent yet: %1").arg(errors.join(QStringLiteral("; "))));
        });
    }
    return *m_sync;
}

void MainWindow::onBodyFetched(qint64 messageId, const QString &error)
{
    if (m_messageView->messageId() != messageId)
        return; // the user moved on; the body is in the cache for next time
    if (!error.isEmpty()) {
        m_messageView->setMissingBodyNotice(tr("Could not download the message: %1").arg(error));
        return;
    }
    try {
        if (const auto row = m_store.messages().byId(messageId))
            m_messageView->showMessage(*row, m_store.bodies().get(messageId));
    } catch (const std::exception &e) {
        statusBar()->showMessage(tr("Could not read the message from the cache: %1")
                                     .arg(QString::fromLocal8Bit(e.what())));
    }
}

bool MainWindow::isSyncing() const
{
    return m_sync && m_sync->isRunning();
}

void MainWindow::onSyncFinished(const QStringList &errors)
{
    m_indexer->setSyncRunning(false);
    m_syncAction->setEnabled(true);
    reloadFromCache();
    if (!errors.isEmpty())
        statusBar()->showMessage(tr("Sync problem: %1").arg(errors.join(QStringLiteral("; "))));
    else if (!m_watchers)
        statusBar()->showMessage(tr("Up to date"), 5000);
    else if (statusBar()->currentMessage() == tr("Syncing…"))
        statusBar()->clearMessage(); // the watchers say when their accounts are up to date
    emit syncFinished(errors);
}

void MainWindow::offerToTrustCertificate(const QString &account, const QString &fingerprint,
                                         const QString &message)
{
    const auto answer = QMessageBox::warning(
        this, tr("Untrusted server certificate"),
        tr("<p>The server of account <b>%1</b> presented a certificate that is not trusted:</p>"
           "<p>%2</p><p>SHA-256 fingerprint:<br><tt>%3</tt></p>"
           "<p>Trust it only if you have checked this fingerprint with your provider. "
           "Herald will then accept exactly this certificate for this account.</p>")
            .arg(account.toHtmlEscaped(), message.toHtmlEscaped(), fingerprint.toHtmlEscaped()),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    m_writer->run(
        [account, fingerprint](store::Store &s) {
            const QString error = accounts::trustCertificate(s, account, fingerprint);
            if (!error.isEmpty())
                throw std::runtime_error(error.toStdString());
        },
        this,
        [this](const QString &error) {
            if (!error.isEmpty())
                statusBar()->showMessage(error);
            else
                syncNow();
        });
}

void MainWindow::showWelcome()
{
    m_welcome = new QWidget(this);
    m_welcome->setObjectName(QStringLiteral("welcome"));
    auto *layout = new QVBoxLayout(m_welcome);
    layout->addStretch(1);
    auto *text = new QLabel(tr("This profile has no accounts yet."), m_welcome);
    text->setAlignment(Qt::AlignCenter);
    layout->addWidget(text);
    auto *add = new QPushButton(tr("&Add Account…"), m_welcome);
    add->setObjectName(QStringLiteral("addAccountButton"));
    connect(add, &QPushButton::clicked, this, &MainWindow::addAccount);
    layout->addWidget(add, 0, Qt::AlignCenter);
    layout->addStretch(1);
    m_listView->hide();
    m_messageView->hide();
    m_rightSplitter->addWidget(m_welcome);
}

AccountSetupDialog *MainWindow::addAccount()
{
    auto *dialog = new AccountSetupDialog(m_store, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AccountSetupDialog::accountAdded, this, &MainWindow::onAccountAdded);
    dialog->open();
    return dialog;
}

void MainWindow::askForSessionPasswords()
{
    for (const store::Account &account : m_store.accounts().list()) {
        if (!lacksSessionPassword(account))
            continue;
        PasswordDialog dialog(account.name, account.email, this);
        if (dialog.exec() == QDialog::Accepted && !dialog.password().isEmpty())
            accounts::setSessionPassword(account.name, dialog.password());
    }
    updatePasswordAction();
}

// File > Enter Passwords…: shown while an account whose password lives only in memory has
// none (the prompt at start was skipped), so the user is not left with a failing sync.
void MainWindow::updatePasswordAction()
{
    const auto list = m_store.accounts().list();
    m_enterPasswordsAction->setVisible(std::any_of(list.begin(), list.end(), lacksSessionPassword));
}

void MainWindow::onAccountAdded(qint64 accountId)
{
    if (m_welcome) {
        m_welcome->deleteLater();
        m_welcome = nullptr;
        m_listView->show();
        m_messageView->show();
    }
    m_inboxToOpen = accountId; // opened by reloadFromCache once the first pass brought it
    reloadFromCache();
    if (m_watchers)
        startWatching(); // watches the new account's INBOX too
    syncNow();
}

void MainWindow::openInboxWhenItArrives()
{
    if (!m_inboxToOpen)
        return;
    const auto inbox = m_store.folders().byName(m_inboxToOpen, QStringLiteral("INBOX"));
    if (!inbox)
        return;
    m_inboxToOpen = 0;
    const QModelIndex index = m_folderModel->indexOfFolder(inbox->id);
    if (index.isValid())
        m_folderView->setCurrentIndex(index); // opens it through currentChanged
}

void MainWindow::reloadFromCache()
{
    if (m_rightStack->currentWidget() == m_outboxPanel)
        m_outboxPanel->reload();
    updateOutboxRetry();
    m_uploadIndicator->refresh();
    const store::ListScope scope = m_listModel->scope();
    const qint64 shown = m_messageView->messageId();
    m_indexer->wake(); // the cache changed: new messages may wait for the search index
    const QList<qint64> selected = shown ? QList<qint64>() : selectedMessageIds(*m_listView);
    m_folderModel->reload();
    m_listModel->reload();
    if (selected.size() > 1) { // several selected: keep them so
        m_restoringSelection = true;
        selectMessageIds(*m_listView, selected);
        m_restoringSelection = false;
    } else if (const int row = shown ? m_listModel->rowOfMessage(shown) : -1; row >= 0) {
        m_restoringSelection = true; // the same message: nothing to open or mark again
        m_listView->selectionModel()->setCurrentIndex(m_listModel->index(row, 0),
                                                      QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
        m_restoringSelection = false;
    } else if (shown) {
        m_messageView->clear(); // expunged or moved away, here or on another device
    }
    const QModelIndex index = m_folderModel->indexOfScope(scope);
    if (index.isValid())
        m_folderView->setCurrentIndex(index);
    else if ((scope.isEmpty() || scope.isUnified()) && // (a unified view goes below two accounts)
             !m_listModel->showsMessageList())
        selectFirstInbox(); // the first sync into an empty cache: show its mail at once
    openInboxWhenItArrives();
    updateStatus();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Herald"),
        tr("<h3>Herald %1</h3>"
           "<p>A desktop mail client for IMAP, POP3 and SMTP that keeps your mail "
           "in a local cache, works offline, and shows whether a sender is who "
           "they claim to be.</p>"
           "<p>Built with Qt %2.</p>")
            .arg(herald::versionString().toHtmlEscaped(), QString::fromLatin1(qVersion())));
}

} // namespace herald::ui
