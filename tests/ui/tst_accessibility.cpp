// Every input control and button of Herald's windows has an accessible name, the words a
// screen reader says (issue 12, "For everyone"). The audit (tests/support/AccessibilityAudit)
// walks each window's widget tree through QAccessible, as the AT-SPI bridge does, and lists
// every unnamed control; a window passes only when the list is empty.
//
// Adding a window is one line in windows(): a name and how to open it over the fixture
// profile (parent it to c.window so it goes with the row).
#include "core/accounts/AccountSettings.h"
#include "core/store/Store.h"
#include "tests/support/AccessibilityAudit.h"
#include "tests/support/ProfileFixture.h"
#include "ui/AccountEditDialog.h"
#include "ui/AccountSettingsPage.h"
#include "ui/AccountSetupDialog.h"
#include "ui/Compose.h"
#include "ui/ComposeWindow.h"
#include "ui/FolderActions.h"
#include "ui/FolderNameDialog.h"
#include "ui/FolderTreeModel.h"
#include "ui/IdentityEditor.h"
#include "ui/Launch.h"
#include "ui/MainWindow.h"
#include "ui/MboxImportDialog.h"
#include "ui/MessageActions.h"
#include "ui/MessageFileActions.h"
#include "ui/MessageListModel.h"
#include "ui/MessageListOptions.h"
#include "ui/MessageWindow.h"
#include "ui/SearchBox.h"
#include "ui/SearchController.h"
#include "ui/SettingsDialog.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <functional>
#include <memory>

using namespace herald;

namespace {

struct Context
{
    std::unique_ptr<test::ProfileFixture> fixture;
    std::unique_ptr<store::Store> store;
    std::unique_ptr<ui::MainWindow> window;

    ui::AccountSettingsPage *accountsPage() { return window->openSettings()->accountsPage(); }
    // A folder of the user's own ("Projects") in the "test" account, selected in the tree.
    ui::FolderActions *ownFolderSelected()
    {
        store::Folder f;
        f.accountId = store->accounts().byName(QStringLiteral("test"))->id;
        f.name = QStringLiteral("Projects");
        f.delimiter = QStringLiteral("/");
        const qint64 id = store->folders().upsert(f);
        window->folderModel()->reload();
        window->folderView()->setCurrentIndex(window->folderModel()->indexOfFolder(id));
        return window->folderActions();
    }
    int rowOfAccount(ui::AccountSettingsPage *page, const QString &name)
    {
        for (int r = 0; r < page->list()->count(); ++r)
            if (page->list()->item(r)->text().startsWith(name + QStringLiteral(" ")))
                return r;
        return -1;
    }
};

using Opener = std::function<QWidget *(Context &)>;

const std::vector<std::pair<const char *, Opener>> &windows()
{
    static const std::vector<std::pair<const char *, Opener>> list = {
        {"main window with a message open",
         [](Context &c) -> QWidget * {
             QTreeView *view = c.window->messageListView();
             view->selectionModel()->select(c.window->messageModel()->index(0, 0),
                                            QItemSelectionModel::ClearAndSelect |
                                                QItemSelectionModel::Rows);
             return c.window.get();
         }},
        {"main window with search results",
         [](Context &c) -> QWidget * {
             c.window->search()->searchBox()->field()->setText(QStringLiteral("is:unread"));
             const bool shown = QTest::qWaitFor(
                 [&] { return !c.window->search()->statusLabel()->text().isEmpty(); });
             return shown ? c.window.get() : nullptr;
         }},
        {"main window with conversations, one expanded",
         [](Context &c) -> QWidget * {
             ui::MessageListOptions *options = c.window->messageListOptions();
             options->showConversationsAction()->setChecked(true);
             ui::MessageListModel *model = c.window->messageModel();
             for (int row = 0; row < model->rowCount(); ++row)
                 if (model->index(row, 0).data(ui::MessageListModel::ThreadCountRole).toInt() > 1)
                     options->expand(row);
             return c.window.get();
         }},
        {"main window with several selected and a change to undo",
         [](Context &c) -> QWidget * {
             QTreeView *view = c.window->messageListView();
             auto *model = c.window->messageModel();
             view->selectionModel()->select(
                 QItemSelection(model->index(0, 0),
                                model->index(1, ui::MessageListModel::ColumnCount - 1)),
                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
             c.window->findChild<QAction *>(QStringLiteral("toggleFlag"))->trigger();
             (void)QTest::qWaitFor([&] { return c.window->messageActions()->undoDepth() > 0; });
             return c.window.get();
         }},
        {"settings dialog (every page)",
         [](Context &c) -> QWidget * { return c.window->openSettings(); }},
        {"main window, All Inboxes (Account column)",
         [](Context &c) -> QWidget * {
             c.window->openScope(store::ListScope::view(store::UnifiedView::Inboxes));
             return c.window.get();
         }},
        {"settings dialog, Notifications page",
         [](Context &c) -> QWidget * {
             auto *dialog = c.window->openSettings();
             dialog->pages()->setCurrentIndex(dialog->pages()->count() - 1);
             return dialog;
         }},
        {"account settings, IMAP",
         [](Context &c) -> QWidget * {
             auto *page = c.accountsPage();
             return page->editAccount(c.rowOfAccount(page, QStringLiteral("test")));
         }},
        {"account settings, POP3",
         [](Context &c) -> QWidget * {
             auto *page = c.accountsPage();
             return page->editAccount(c.rowOfAccount(page, QStringLiteral("pop")));
         }},
        {"identity dialog",
         [](Context &c) -> QWidget * {
             auto *page = c.accountsPage();
             return page->editAccount(0)->identityEditor()->addIdentity();
         }},
        {"compose window (a reply)",
         [](Context &c) -> QWidget * {
             const auto account = c.store->accounts().byName(QStringLiteral("test"));
             const auto inbox = c.store->folders().byName(account->id, QStringLiteral("INBOX"));
             c.window->openFolder(inbox->id);
             return c.window->composer()->answer(c.window->messageModel()->messageId(0),
                                                 smtp::Answer::Reply);
         }},
        {"message file window (herald file.eml)",
         [](Context &c) -> QWidget * {
             return c.window->messageFileActions()->openMessageFile(
                 qEnvironmentVariable("HERALD_TEST_DATA") + QStringLiteral("/messages/plain.eml"));
         }},
        {"compose window (a mailto: link)",
         [](Context &c) -> QWidget * {
             ui::openLaunchArguments(*c.window, {QStringLiteral("mailto:a@x.example?subject=Hi")});
             const auto windows = c.window->composer()->windows();
             return windows.isEmpty() ? nullptr : windows.back();
         }},
        {"compose window (new message)",
         [](Context &c) -> QWidget * { return c.window->composer()->newMessage(); }},
        {"account set-up (first page)",
         [](Context &c) -> QWidget * { return c.window->addAccount(); }},
        {"remove account confirmation",
         [](Context &c) -> QWidget * { return c.accountsPage()->removeAccount(0); }},
        {"new folder dialog",
         [](Context &c) -> QWidget * { return c.ownFolderSelected()->newFolder(); }},
        {"rename folder dialog",
         [](Context &c) -> QWidget * { return c.ownFolderSelected()->renameFolder(); }},
        {"delete folder confirmation",
         [](Context &c) -> QWidget * { return c.ownFolderSelected()->deleteFolder(); }},
        {"import mbox dialog (a server folder offered)",
         [](Context &c) -> QWidget * {
             return new ui::MboxImportDialog(QStringLiteral("letters.mbox"),
                                             QStringLiteral("INBOX"), QStringLiteral("letters"),
                                             c.window.get());
         }},
    };
    return list;
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

    Context m_context;

private slots:
    void init()
    {
        m_context.window.reset();
        m_context.store.reset();
        m_context.fixture = std::make_unique<test::ProfileFixture>();
        m_context.store = std::make_unique<store::Store>(m_context.fixture->path());
        store::Account pop; // the POP3 options show only for a POP3 account
        pop.name = QStringLiteral("pop");
        pop.email = QStringLiteral("pop@herald.test");
        pop.incomingUrl = QStringLiteral("pop3s://pop@127.0.0.1:995");
        pop.outgoingUrl = QStringLiteral("smtps://pop@127.0.0.1:465");
        pop.settingsJson = accounts::AccountSettings().toJson();
        m_context.store->accounts().add(pop);
        m_context.window = std::make_unique<ui::MainWindow>(*m_context.store);
        m_context.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_context.window.get()));
    }

    void cleanup()
    {
        m_context.window.reset(); // and every window parented to it
    }

    void everyControlIsNamed_data()
    {
        QTest::addColumn<int>("index");
        for (size_t i = 0; i < windows().size(); ++i)
            QTest::newRow(windows()[i].first) << int(i);
    }

    void everyControlIsNamed()
    {
        QFETCH(int, index);
        QWidget *w = windows()[size_t(index)].second(m_context);
        QVERIFY2(w, "the window did not open");
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        const QStringList unnamed = test::unnamedControls(w);
        QVERIFY2(unnamed.isEmpty(),
                 qPrintable(QStringLiteral("%1 control(s) without an accessible name:\n  %2")
                                .arg(unnamed.size())
                                .arg(unnamed.join(QStringLiteral("\n  ")))));
    }

    // The search box and its scope toggle say what they are (not just "edit" and "button").
    void searchControlsAreNamed()
    {
        ui::SearchBox *box = m_context.window->search()->searchBox();
        QCOMPARE(test::accessibleName(box->field()), QStringLiteral("Search messages"));
        QCOMPARE(test::accessibleName(box->allFoldersButton()),
                 QStringLiteral("Search all folders of all accounts"));
        QCOMPARE(test::accessibleName(m_context.window->search()->statusLabel()),
                 QStringLiteral("Search results"));
    }

    // The audit finds what it must: an unnamed line edit and button fail, a buddy label or
    // setAccessibleName names them.
    void auditCatchesUnnamedControls()
    {
        QWidget root;
        root.setObjectName(QStringLiteral("root"));
        auto *edit = new QLineEdit(&root);
        edit->setObjectName(QStringLiteral("bare"));
        auto *button = new QPushButton(&root); // no text, no name
        QCOMPARE(test::unnamedControls(&root).size(), 2);
        QVERIFY(test::unnamedControls(&root).first().contains(QStringLiteral("'bare'")));
        auto *label = new QLabel(QStringLiteral("&Subject:"), &root);
        label->setBuddy(edit);
        button->setAccessibleName(QStringLiteral("Send"));
        QVERIFY2(test::unnamedControls(&root).isEmpty(),
                 qPrintable(test::unnamedControls(&root).join(QLatin1Char('\n'))));
        QCOMPARE(test::accessibleName(edit), QStringLiteral("Subject:"));
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
