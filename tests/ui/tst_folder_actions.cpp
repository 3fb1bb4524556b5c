// The window's folder actions over the fixture profile (no server): which of New / Rename /
// Delete Folder are offered for each row of the tree and why not (INBOX, special-use folders,
// the account row, POP3 accounts), what the name dialog says before anything is sent, what
// the delete confirmation counts, the tree's context menu, and the screenshot
// docs/screenshots/folder-management.png. The server side is tests/integration/tst_gui_folders.
#include "core/store/Store.h"
#include "tests/support/ProfileFixture.h"
#include "ui/FolderActions.h"
#include "ui/FolderNameDialog.h"
#include "ui/FolderTreeModel.h"
#include "ui/MainWindow.h"
#include "ui/StatusIndicator.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <memory>

using namespace herald;

class TestFolderActions : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::ProfileFixture> m_fixture;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<ui::MainWindow> m_window;
    qint64 m_accountId = 0;

    void addFolder(qint64 account, const QString &name, const QString &specialUse = QString())
    {
        store::Folder f;
        f.accountId = account;
        f.name = name;
        f.delimiter = QStringLiteral("/");
        f.specialUse = specialUse;
        m_store->folders().upsert(f);
    }
    // Selects the row: an account by its name, a folder by its full name.
    void select(const QString &row)
    {
        auto *model = m_window->folderModel();
        for (int a = 0; a < model->rowCount(); ++a) {
            const QModelIndex account = model->index(a, 0);
            if (account.data().toString().startsWith(row)) {
                m_window->folderView()->setCurrentIndex(account);
                return;
            }
            for (int f = 0; f < model->rowCount(account); ++f) {
                const QModelIndex folder = model->index(f, 0, account);
                if (folder.data(ui::FolderTreeModel::FolderNameRole).toString() == row &&
                    folder.data(ui::FolderTreeModel::AccountIdRole).toLongLong() == m_accountId) {
                    m_window->folderView()->setCurrentIndex(folder);
                    return;
                }
            }
        }
        QFAIL(qPrintable(QStringLiteral("no row ") + row));
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<test::ProfileFixture>();
        m_store = std::make_unique<store::Store>(m_fixture->path());
        m_accountId = m_store->accounts().byName(QStringLiteral("test"))->id;
        addFolder(m_accountId, QStringLiteral("Projects"));
        addFolder(m_accountId, QStringLiteral("Projects/2025"));
        addFolder(m_accountId, QStringLiteral("Sent"), QStringLiteral("\\Sent"));
        store::Account pop;
        pop.name = QStringLiteral("pop");
        pop.email = QStringLiteral("pop@herald.test");
        pop.incomingUrl = QStringLiteral("pop3s://pop@127.0.0.1:995");
        pop.outgoingUrl = QStringLiteral("smtps://pop@127.0.0.1:465");
        const qint64 popId = m_store->accounts().add(pop);
        store::Folder inbox;
        inbox.accountId = popId;
        inbox.name = QStringLiteral("INBOX");
        m_store->folders().upsert(inbox);
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

    void actionsFollowTheSelection_data()
    {
        QTest::addColumn<QString>("row");
        QTest::addColumn<bool>("canCreate");
        QTest::addColumn<bool>("canChange");
        QTest::addColumn<QString>("why"); // in the disabled actions' tooltips
        QTest::newRow("account") << "test" << true << false << "not the account";
        QTest::newRow("INBOX") << "INBOX" << true << false << "Inbox cannot be renamed";
        QTest::newRow("Sent") << "Sent" << true << false << "folder for sent mail";
        QTest::newRow("Archive") << "Archive/2024" << true << false << "archived mail";
        QTest::newRow("own folder") << "Projects" << true << true << "";
        QTest::newRow("subfolder") << "Projects/2025" << true << true << "";
        QTest::newRow("POP3 account") << "pop" << false << false << "POP3";
    }
    void actionsFollowTheSelection()
    {
        QFETCH(QString, row);
        QFETCH(bool, canCreate);
        QFETCH(bool, canChange);
        QFETCH(QString, why);
        select(row);
        ui::FolderActions *a = m_window->folderActions();
        QCOMPARE(a->newFolderAction()->isEnabled(), canCreate);
        QCOMPARE(a->renameFolderAction()->isEnabled(), canChange);
        QCOMPARE(a->deleteFolderAction()->isEnabled(), canChange);
        for (QAction *action :
             {a->newFolderAction(), a->renameFolderAction(), a->deleteFolderAction()})
            if (!action->isEnabled()) {
                QVERIFY2(action->toolTip().contains(why), qPrintable(action->toolTip()));
                QCOMPARE(action->statusTip(), action->toolTip());
            }
        QCOMPARE(a->newFolder() != nullptr, canCreate);
        QCOMPARE(a->renameFolder() != nullptr, canChange);
        QCOMPARE(a->deleteFolder() != nullptr, canChange);
    }

    // In the File menu (before Quit) and the tree's context menu; F2 only on the tree.
    void actionsAreInTheMenus()
    {
        ui::FolderActions *a = m_window->folderActions();
        const QList<QAction *> file = m_window->fileMenu()->actions();
        const int quit = int(file.indexOf(m_window->findChild<QAction *>(QStringLiteral("quit"))));
        QVERIFY(file.indexOf(a->newFolderAction()) >= 0);
        QVERIFY(file.indexOf(a->deleteFolderAction()) < quit);
        QCOMPARE(a->contextMenu()->actions(),
                 (QList<QAction *>{a->newFolderAction(), a->renameFolderAction(),
                                   a->deleteFolderAction()}));
        QCOMPARE(a->renameFolderAction()->shortcut(), QKeySequence(Qt::Key_F2));
        QCOMPARE(a->renameFolderAction()->shortcutContext(), Qt::WidgetWithChildrenShortcut);
        QVERIFY(m_window->folderView()->actions().contains(a->renameFolderAction()));
    }

    void newFolderDialogSaysWhyNot_data()
    {
        QTest::addColumn<QString>("parent");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("fullName"); // empty: refused
        QTest::addColumn<QString>("problem");
        QTest::newRow("inside") << "Projects"
                                << "2026"
                                << "Projects/2026"
                                << "";
        QTest::newRow("top") << "test"
                             << "Receipts"
                             << "Receipts"
                             << "";
        QTest::newRow("trimmed") << "test"
                                 << "  Receipts "
                                 << "Receipts"
                                 << "";
        QTest::newRow("non-ASCII") << "Projects"
                                   << "Zürich €"
                                   << "Projects/Zürich €"
                                   << "";
        QTest::newRow("taken") << "Projects"
                               << "2025"
                               << ""
                               << "already a folder named “2025”";
        QTest::newRow("taken top") << "test"
                                   << "Projects"
                                   << ""
                                   << "already a folder";
        QTest::newRow("inbox") << "test"
                               << "inbox"
                               << ""
                               << "already a folder";
        QTest::newRow("delimiter") << "test"
                                   << "a/b"
                                   << ""
                                   << "cannot contain “/”";
        QTest::newRow("empty") << "test"
                               << "  "
                               << ""
                               << "Type a name";
    }
    void newFolderDialogSaysWhyNot()
    {
        QFETCH(QString, parent);
        QFETCH(QString, typed);
        QFETCH(QString, fullName);
        QFETCH(QString, problem);
        select(parent);
        ui::FolderNameDialog *dialog = m_window->folderActions()->newFolder();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->windowModality(), Qt::WindowModal); // open(): the window keeps working
        dialog->nameEdit()->setText(typed);
        QCOMPARE(dialog->okButton()->isEnabled(), problem.isEmpty());
        if (problem.isEmpty())
            QCOMPARE(dialog->fullName(), fullName);
        else
            QVERIFY2(dialog->problemLabel()->text().contains(problem),
                     qPrintable(dialog->problemLabel()->text()));
        dialog->reject();
    }

    void renameDialogStartsWithTheName()
    {
        select(QStringLiteral("Projects/2025"));
        ui::FolderNameDialog *dialog = m_window->folderActions()->renameFolder();
        QVERIFY(dialog);
        QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("2025"));
        QVERIFY(!dialog->okButton()->isEnabled()); // the same name is no rename
        dialog->nameEdit()->setText(QStringLiteral("2026"));
        QCOMPARE(dialog->fullName(), QStringLiteral("Projects/2026"));
        dialog->reject();

        select(QStringLiteral("Projects"));
        dialog = m_window->folderActions()->renameFolder();
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("folderLocation"))
                    ->text()
                    .contains(QStringLiteral("folder inside it stays inside it")));
        dialog->reject();
    }

    void deleteConfirmationSaysWhatGoes()
    {
        select(QStringLiteral("Archive/2024")); // (protected: nothing opens)
        QVERIFY(!m_window->folderActions()->deleteFolder());
        // A folder with a message: move the fixture's archive message's folder under Projects.
        const auto archive = m_store->folders().byName(m_accountId, QStringLiteral("Archive/2024"));
        m_store->folders().rename(archive->id, QStringLiteral("Projects/Old"));
        m_store->db().exec("UPDATE folders SET special_use = NULL WHERE name = 'Projects/Old'");
        m_window->reloadFromCache();
        select(QStringLiteral("Projects"));
        QMessageBox *box = m_window->folderActions()->deleteFolder();
        QVERIFY(box);
        QVERIFY2(box->text().contains(QStringLiteral("“Projects” and the 2 folders inside it")) &&
                     box->text().contains(QStringLiteral("1 message will be deleted")),
                 qPrintable(box->text()));
        QVERIFY(box->informativeText().contains(QStringLiteral("cannot be undone")));
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
        box->button(QMessageBox::Cancel)->click();
        QVERIFY(!m_window->folderActions()->isBusy()); // nothing was sent
        QVERIFY(m_store->folders().byName(m_accountId, QStringLiteral("Projects")));
    }

    void contextMenuOnTheTree()
    {
        QTreeView *tree = m_window->folderView();
        QCOMPARE(tree->contextMenuPolicy(), Qt::CustomContextMenu);
        select(QStringLiteral("Projects"));
        const QRect rect = tree->visualRect(tree->currentIndex());
        emit tree->customContextMenuRequested(rect.center());
        QMenu *menu = m_window->folderActions()->contextMenu();
        QTRY_VERIFY(menu->isVisible());
        QVERIFY(menu->toolTipsVisible());
        QVERIFY(m_window->folderActions()->renameFolderAction()->isEnabled());
        menu->close();
    }

    // docs/screenshots/folder-management.png: the tree's context menu on a folder, over the
    // window with its status bar (HERALD_SCREENSHOT_DIR keeps it; else a temp dir).
    void screenshot()
    {
        QTemporaryDir tmp;
        const QString dir = qEnvironmentVariable("HERALD_SCREENSHOT_DIR", tmp.path());
        m_window->resize(1000, 620);
        m_window->statusIndicator()->setActivity(m_accountId, QStringLiteral("test"),
                                                 int(ui::AccountActivity::UpToDate), QString());
        select(QStringLiteral("Projects"));
        QTreeView *tree = m_window->folderView();
        const QRect rect = tree->visualRect(tree->currentIndex());
        emit tree->customContextMenuRequested(rect.center());
        QMenu *menu = m_window->folderActions()->contextMenu();
        QTRY_VERIFY(menu->isVisible());
        QPixmap shot = m_window->grab();
        {
            QPainter p(&shot);
            p.drawPixmap(m_window->mapFromGlobal(menu->pos()), menu->grab());
        }
        menu->close();
        const QString path = QDir(dir).filePath(QStringLiteral("folder-management.png"));
        QVERIFY2(shot.save(path, "PNG"), qPrintable(path));

        ui::FolderNameDialog *dialog = m_window->folderActions()->newFolder();
        dialog->nameEdit()->setText(QStringLiteral("Invoices"));
        dialog->adjustSize();
        QPixmap withDialog = m_window->grab();
        {
            QPainter p(&withDialog);
            const QPixmap d = dialog->grab();
            p.drawPixmap((withDialog.width() - d.width()) / 2,
                         (withDialog.height() - d.height()) / 3, d);
        }
        dialog->reject();
        const QString dialogPath = QDir(dir).filePath(QStringLiteral("folder-new.png"));
        QVERIFY2(withDialog.save(dialogPath, "PNG"), qPrintable(dialogPath));
    }
};

QTEST_MAIN(TestFolderActions)
#include "tst_folder_actions.moc"
