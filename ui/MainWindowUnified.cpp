// The main window's views over every account and its ways of telling about new mail: the
// unified views (All Inboxes, Unread, Flagged: openScope), new-mail notifications
// (MailNotifier over DesktopNotifications), the tray icon (TrayIcon) and their settings page.
// Kept apart from MainWindow.cpp, as MainWindowCompose.cpp is.
#include "core/store/ListScope.h"
#include "core/store/Store.h"
#include "ui/DesktopNotifications.h"
#include "ui/FolderTreeModel.h"
#include "ui/MailNotifier.h"
#include "ui/MainWindow.h"
#include "ui/MessageListModel.h"
#include "ui/MessageListOptions.h"
#include "ui/MessageView.h"
#include "ui/NotificationSettingsPage.h"
#include "ui/SettingsDialog.h"
#include "ui/TrayIcon.h"

#include <QApplication>
#include <QHeaderView>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>

namespace herald::ui {

namespace {
const QString kTrayKey = QStringLiteral("notifications/trayIcon");
}

void MainWindow::setupUnifiedViews()
{
    QHeaderView *header = m_listView->header();
    header->setSectionResizeMode(MessageListModel::AccountColumn, QHeaderView::Interactive);
    header->resizeSection(MessageListModel::AccountColumn, 110);
    // The Account column tells the accounts apart where the list mixes them, and only there.
    const auto showAccountColumn = [this] {
        m_listView->setColumnHidden(MessageListModel::AccountColumn,
                                    !m_listModel->scope().isUnified());
    };
    connect(m_listModel, &QAbstractItemModel::modelReset, this, showAccountColumn);
    showAccountColumn();
}

void MainWindow::openScope(const store::ListScope &scope)
{
    if (!scope.isUnified()) {
        openFolder(scope.folderId);
        return;
    }
    m_rightStack->setCurrentWidget(m_rightSplitter);
    if (scope == m_listModel->scope())
        return; // (the tree re-selects the open view after each reload)
    m_messageView->clear();
    try {
        m_listOptions->aboutToOpen(scope);
        m_listModel->setScope(scope);
    } catch (const std::exception &e) {
        m_listModel->setFolder(0);
        statusBar()->showMessage(tr("Could not read the messages from the cache: %1")
                                     .arg(QString::fromLocal8Bit(e.what())));
        return;
    }
    const QModelIndex index = m_folderModel->indexOfScope(scope);
    if (index.isValid() && m_folderView->currentIndex() != index)
        m_folderView->setCurrentIndex(index);
    if (m_listModel->rowCount() > 0)
        m_listView->scrollToTop();
    updateStatus();
}

void MainWindow::showNewMail(qint64 messageId, qint64 accountId)
{
    show();
    setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    raise();
    activateWindow();
    const auto message = messageId ? m_store.messages().byId(messageId) : std::nullopt;
    if (!message) { // a group, or a message gone meanwhile: the account's Inbox
        if (const auto inbox = m_store.folders().byName(accountId, QStringLiteral("INBOX")))
            openFolder(inbox->id);
        return;
    }
    // Shown where it is, unless the open view already lists it.
    if (m_listModel->rowOfMessage(messageId) < 0)
        openFolder(message->folderId);
    const int row = m_listModel->rowOfMessage(messageId);
    if (row >= 0) {
        m_listView->selectionModel()->setCurrentIndex(m_listModel->index(row, 0),
                                                      QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
        m_listView->scrollTo(m_listModel->index(row, 0));
    }
}

void MainWindow::setupNewMailAlerts()
{
    m_desktopNotifications = new DesktopNotifications(this);
    m_notifier = new MailNotifier(m_store, *m_settings, *m_desktopNotifications, this);
    connect(m_notifier, &MailNotifier::openRequested, this, &MainWindow::showNewMail);
    m_tray = new TrayIcon(this, this);
    connect(m_tray, &TrayIcon::checkMailRequested, this, &MainWindow::syncNow);
    connect(m_tray, &TrayIcon::quitRequested, this, [this] {
        close();
        QApplication::quit();
    });
    // Every change the window learns of (watchers, sync passes, its own writes) reaches the
    // folder tree; look for new mail and recount after it, once per burst.
    m_alertsSoon = new QTimer(this);
    m_alertsSoon->setSingleShot(true);
    m_alertsSoon->setInterval(0);
    connect(m_alertsSoon, &QTimer::timeout, this, &MainWindow::updateNewMailAlerts);
    const auto soon = [this] { m_alertsSoon->start(); };
    connect(m_folderModel, &QAbstractItemModel::modelReset, this, soon);
    connect(m_folderModel, &QAbstractItemModel::dataChanged, this, soon);
    m_tray->setEnabled(trayIconEnabled());
    updateNewMailAlerts(); // sets the marks of accounts seen for the first time
}

void MainWindow::updateNewMailAlerts()
{
    try {
        m_notifier->check();
        m_tray->setUnreadCount(
            m_store.messages().countIn(store::ListScope::view(store::UnifiedView::Inboxes), true));
    } catch (const std::exception &e) {
        statusBar()->showMessage(tr("Could not look for new mail in the cache: %1")
                                     .arg(QString::fromLocal8Bit(e.what())));
    }
}

bool MainWindow::trayIconEnabled() const
{
    return m_settings->value(kTrayKey, true).toBool();
}

void MainWindow::setTrayIconEnabled(bool on)
{
    m_settings->setValue(kTrayKey, on);
    m_tray->setEnabled(on);
}

void MainWindow::setNotificationsEnabled(bool on)
{
    m_notifier->setEnabled(on);
}

void MainWindow::addNotificationSettings(SettingsDialog *dialog)
{
    auto *page =
        new NotificationSettingsPage(m_notifier->isEnabled(), trayIconEnabled(), dialog->pages());
    dialog->pages()->addTab(page, tr("&Notifications"));
    connect(page, &NotificationSettingsPage::notifyChanged, this,
            &MainWindow::setNotificationsEnabled);
    connect(page, &NotificationSettingsPage::trayChanged, this, &MainWindow::setTrayIconEnabled);
}

} // namespace herald::ui
