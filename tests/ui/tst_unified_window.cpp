// The window over two accounts: the "All Accounts" group first in the folder tree (All
// Inboxes, Unread, Flagged with unread counts), a unified view lists both accounts' mail
// newest first with an Account column, the message actions work there; the new-mail texts
// (single, forged sender, grouped); the tray icon's count; Settings > Notifications.
#include "core/ingest/MessageIngest.h"
#include "core/store/Store.h"
#include "tests/support/ProfileFixture.h"
#include "tests/support/TestSupport.h"
#include "ui/FolderTreeModel.h"
#include "ui/MailNotifier.h"
#include "ui/MainWindow.h"
#include "ui/MessageListModel.h"
#include "ui/MessageView.h"
#include "ui/NotificationSettingsPage.h"
#include "ui/SettingsDialog.h"
#include "ui/TrayIcon.h"

#include <QCheckBox>
#include <QDir>
#include <QHeaderView>
#include <QMenu>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace herald;
using store::UnifiedView;

class TestUnifiedWindow : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::ProfileFixture> m_fixture;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<ui::MainWindow> m_window;
    qint64 m_homeInbox = 0;

    // A second account ("home") with two messages in its INBOX: one newer than every fixture
    // message, unread; one older, read.
    void addHomeAccount()
    {
        store::Account home;
        home.name = QStringLiteral("home");
        home.email = QStringLiteral("me@home.test");
        home.incomingUrl = QStringLiteral("imaps://me@127.0.0.1:993");
        home.outgoingUrl = QStringLiteral("smtps://me@127.0.0.1:465");
        const qint64 id = m_store->accounts().add(home);
        store::Folder inbox;
        inbox.accountId = id;
        inbox.name = QStringLiteral("INBOX");
        m_homeInbox = m_store->folders().upsert(inbox);
        sync::MessageIngest ingest(*m_store);
        sync::IncomingMessage meta;
        meta.accountId = id;
        meta.folderId = m_homeInbox;
        meta.uid = 1;
        ingest.addMessage(meta, "From: Hanna Home <hanna@home.test>\r\nSubject: Dinner tonight\r\n"
                                "Date: Sat, 28 Nov 2026 18:00:00 +0000\r\n\r\nAt eight?\r\n");
        meta.uid = 2;
        meta.flags = store::FlagSeen;
        ingest.addMessage(meta, "From: Old Friend <old@home.test>\r\nSubject: Long ago\r\n"
                                "Date: Mon, 1 Jan 2001 10:00:00 +0000\r\n\r\nHello.\r\n");
    }

    QModelIndex unifiedNode(UnifiedView view) const
    {
        return m_window->folderModel()->indexOfScope(store::ListScope::view(view));
    }

    void click(QTreeView *tree, const QModelIndex &index)
    {
        const QRect rect = tree->visualRect(index);
        QVERIFY(rect.isValid() && rect.height() > 0);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
    }

    int rowWithSubject(const QString &subject) const
    {
        const auto *model = m_window->messageModel();
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->message(r)->subject == subject)
                return r;
        return -1;
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<test::ProfileFixture>();
        m_store = std::make_unique<store::Store>(m_fixture->path());
        addHomeAccount();
        m_window = std::make_unique<ui::MainWindow>(*m_store);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_store.reset();
        m_fixture.reset();
    }

    void treeHasTheGroupFirst()
    {
        const auto *model = m_window->folderModel();
        QCOMPARE(model->rowCount(), 3); // the group, then the accounts by name
        const QModelIndex group = model->index(0, 0);
        QVERIFY(group.data(ui::FolderTreeModel::IsUnifiedGroupRole).toBool());
        QCOMPARE(group.data().toString(), QStringLiteral("All Accounts"));
        QCOMPARE(model->rowCount(group), 3);
        QCOMPARE(model->index(1, 0).data().toString(), QStringLiteral("home"));
        QCOMPARE(model->index(2, 0).data().toString(), QStringLiteral("test"));
        QVERIFY(model->index(2, 0).data(ui::FolderTreeModel::IsAccountRole).toBool());
        QCOMPARE(model->indexOfFolder(m_homeInbox).parent(), model->index(1, 0));
        // Unread: fixture INBOX 2 + Archive 1 + home 1; All Inboxes 2 + 1; Flagged: one, read.
        const struct
        {
            UnifiedView view;
            QString text;
            qint64 total, unread;
        } rows[] = {{UnifiedView::Inboxes, QStringLiteral("All Inboxes (3)"), 5, 3},
                    {UnifiedView::Unread, QStringLiteral("Unread (4)"), 4, 4},
                    {UnifiedView::Flagged, QStringLiteral("Flagged"), 1, 0}};
        for (int r = 0; r < 3; ++r) {
            const QModelIndex node = model->index(r, 0, group);
            QCOMPARE(node, unifiedNode(rows[r].view));
            QCOMPARE(node.data(ui::FolderTreeModel::UnifiedViewRole).toInt(), int(rows[r].view));
            QCOMPARE(node.data().toString(), rows[r].text);
            QCOMPARE(node.data(ui::FolderTreeModel::TotalRole).toLongLong(), rows[r].total);
            QCOMPARE(node.data(ui::FolderTreeModel::UnreadRole).toLongLong(), rows[r].unread);
            QCOMPARE(model->scopeOf(node), store::ListScope::view(rows[r].view));
        }
        // With two accounts the window starts in All Inboxes.
        QCOMPARE(m_window->messageModel()->scope(), store::ListScope::view(UnifiedView::Inboxes));
    }

    void allInboxesListsBothAccountsNewestFirst()
    {
        click(m_window->folderView(), unifiedNode(UnifiedView::Unread));
        click(m_window->folderView(), unifiedNode(UnifiedView::Inboxes));
        const auto *model = m_window->messageModel();
        QCOMPARE(model->scope(), store::ListScope::view(UnifiedView::Inboxes));
        QCOMPARE(model->rowCount(), 5);
        QCOMPARE(model->message(0)->subject, QStringLiteral("Dinner tonight"));
        QCOMPARE(model->message(4)->subject, QStringLiteral("Long ago"));
        for (int r = 1; r < model->rowCount(); ++r)
            QVERIFY(model->message(r - 1)->date >= model->message(r)->date);
        const int account = ui::MessageListModel::AccountColumn;
        QCOMPARE(model->index(0, account).data().toString(), QStringLiteral("home"));
        QCOMPARE(model->index(1, account).data().toString(), QStringLiteral("test"));
        QCOMPARE(model->headerData(account, Qt::Horizontal).toString(), QStringLiteral("Account"));
        QVERIFY(!m_window->messageListView()->isColumnHidden(account));
        QVERIFY(m_window->messageListView()->header()->sectionSize(account) > 0);

        // A folder has one account: no Account column.
        m_window->openFolder(m_homeInbox);
        QCOMPARE(model->rowCount(), 2);
        QVERIFY(m_window->messageListView()->isColumnHidden(account));
    }

    // Open, mark, flag, delete in a unified view, as in a folder.
    void messageActionsWorkInAUnifiedView()
    {
        m_window->openScope(store::ListScope::view(UnifiedView::Inboxes));
        const int row = rowWithSubject(QStringLiteral("Dinner tonight"));
        QVERIFY(row >= 0);
        const qint64 id = m_window->messageModel()->messageId(row);
        m_window->messageListView()->selectionModel()->setCurrentIndex(
            m_window->messageModel()->index(row, 0),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(m_window->messageView()->messageId(), id);
        QCOMPARE(m_window->messageView()->subjectText(), QStringLiteral("Dinner tonight"));
        QTRY_VERIFY(m_store->messages().byId(id)->flags & store::FlagSeen); // read when opened

        m_window->messageListView()->setFocus();
        QTest::keyClick(m_window->messageListView(), Qt::Key_S); // flag
        QTRY_VERIFY(m_store->messages().byId(id)->flags & store::FlagFlagged);
        // The Flagged view has it, and the tree counts it.
        m_window->openScope(store::ListScope::view(UnifiedView::Flagged));
        QVERIFY(m_window->messageModel()->rowOfMessage(id) >= 0);
        QTRY_COMPARE(
            unifiedNode(UnifiedView::Flagged).data(ui::FolderTreeModel::TotalRole).toLongLong(),
            qint64(2));

        // Delete from the unified view: the account has no Trash, so it goes for good.
        m_window->openScope(store::ListScope::view(UnifiedView::Inboxes));
        const int again = m_window->messageModel()->rowOfMessage(id);
        m_window->messageListView()->selectionModel()->setCurrentIndex(
            m_window->messageModel()->index(again, 0),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QTest::keyClick(m_window->messageListView(), Qt::Key_Delete);
        QCOMPARE(m_window->messageModel()->rowOfMessage(id), -1);
        QTRY_VERIFY(!m_store->messages().byId(id) ||
                    (m_store->messages().byId(id)->flags & store::FlagDeleted));
    }

    void newMailTexts_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("forged");
        QTest::addColumn<QString>("summary");
        QTest::addColumn<QStringList>("bodyHas");
        QTest::addColumn<QStringList>("bodyHasNot");
        QTest::newRow("one") << 1 << false << "New mail from Sender 1" << QStringList{"Subject 1"}
                             << QStringList{"DMARC", "⚠"};
        QTest::newRow("one, forged")
            << 1 << true << "New mail from Sender 1"
            << QStringList{"Subject 1", "⚠ DMARC failed", "may not be from bank.test"}
            << QStringList{};
        QTest::newRow("five: grouped, newest first")
            << 5 << false << "5 new messages in me@home.test"
            << QStringList{"Sender 5: Subject 5", "Sender 4: Subject 4", "Sender 3: Subject 3",
                           "and 2 more"}
            << QStringList{"Sender 2", "Sender 1"};
    }

    void newMailTexts()
    {
        QFETCH(int, count);
        QFETCH(bool, forged);
        QFETCH(QString, summary);
        QFETCH(QStringList, bodyHas);
        QFETCH(QStringList, bodyHasNot);
        store::Account account;
        account.name = QStringLiteral("home");
        account.email = QStringLiteral("me@home.test");
        std::vector<store::MessageRow> messages;
        for (int i = 1; i <= count; ++i) {
            store::MessageRow m;
            m.id = i;
            m.fromName = QStringLiteral("Sender %1").arg(i);
            m.fromAddr = QStringLiteral("ceo@bank.test");
            m.subject = QStringLiteral("Subject %1").arg(i);
            if (forged) {
                m.authSummary = store::AuthSummary::Fail;
                m.authJson = QStringLiteral(
                    R"({"dmarc":{"result":"fail","policy":"reject","domain":"bank.test"}})");
            }
            messages.push_back(m);
        }
        const auto text = ui::MailNotifier::describe(account, messages);
        QCOMPARE(text.summary, summary);
        for (const QString &part : bodyHas)
            QVERIFY2(text.body.contains(part), qPrintable(text.body));
        for (const QString &part : bodyHasNot)
            QVERIFY2(!text.body.contains(part), qPrintable(text.body));
    }

    void trayIconShowsTheCount()
    {
        const QImage plain = ui::TrayIcon::iconWithCount(0).pixmap(32, 32).toImage();
        const QImage badge = ui::TrayIcon::iconWithCount(3).pixmap(32, 32).toImage();
        QVERIFY(!badge.isNull());
        QVERIFY(plain != badge);
        ui::TrayIcon *tray = m_window->trayIcon();
        QCOMPARE(tray->unreadCount(), qint64(3)); // every Inbox's unread mail
        QCOMPARE(tray->toolTip(), QStringLiteral("Herald: 3 unread messages"));
        const QStringList menu = [&] {
            QStringList names;
            for (QAction *a : tray->menu()->actions())
                if (!a->isSeparator())
                    names << a->text().remove(QLatin1Char('&'));
            return names;
        }();
        QCOMPARE(menu, (QStringList{"Show Herald", "Check Mail", "Quit"}));
    }

    // Edit > Settings > Notifications: both switches apply at once and are kept.
    void notificationSettings()
    {
        {
            auto *dialog = m_window->openSettings();
            QTabWidget *pages = dialog->pages();
            auto *page = pages->findChild<ui::NotificationSettingsPage *>();
            QVERIFY(page);
            QCOMPARE(pages->tabText(pages->indexOf(page)), QStringLiteral("&Notifications"));
            QVERIFY(page->notifyBox()->isChecked());
            QVERIFY(page->trayBox()->isChecked());
            page->notifyBox()->click();
            page->trayBox()->click();
            QVERIFY(!m_window->mailNotifier()->isEnabled());
            QVERIFY(!m_window->trayIconEnabled());
            QVERIFY(!m_window->trayIcon()->isVisible());
            dialog->close();
        }
        m_window.reset(); // (writes the settings)
        QSettings saved(QDir(m_fixture->path()).filePath(QStringLiteral("herald-ui.ini")),
                        QSettings::IniFormat);
        QCOMPARE(saved.value(QStringLiteral("notifications/enabled")).toBool(), false);
        QCOMPARE(saved.value(QStringLiteral("notifications/trayIcon")).toBool(), false);
        m_window = std::make_unique<ui::MainWindow>(*m_store);
        auto *page = m_window->openSettings()->findChild<ui::NotificationSettingsPage *>();
        QVERIFY(!page->notifyBox()->isChecked());
        QVERIFY(!page->trayBox()->isChecked());
    }

    void screenshot()
    {
        QTemporaryDir tmp;
        const QString dir = qEnvironmentVariable("HERALD_SCREENSHOT_DIR", tmp.path());
        m_window->resize(1200, 760);
        m_window->openScope(store::ListScope::view(UnifiedView::Inboxes));
        m_window->messageListView()->selectionModel()->setCurrentIndex(
            m_window->messageModel()->index(1, 0),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCoreApplication::sendPostedEvents();
        const QPixmap pixmap = m_window->grab();
        const QString path = QDir(dir).filePath(QStringLiteral("unified-inbox.png"));
        QVERIFY2(pixmap.save(path, "PNG"), qPrintable(path));
    }
};

QTEST_MAIN(TestUnifiedWindow)
#include "tst_unified_window.moc"
