// Folder management from the window against the real Dovecot (issue 13, "folder management
// (new, rename, delete, with the server's words on failure)"): New Folder…, Rename Folder…
// (F2 in the tree) and Delete Folder… change the server — checked by a second IMAP client,
// tests/support/imap_device.py — and the folder tree; a refusal shows Dovecot's own words and
// leaves the cache and the server as they were; without a connection the window says that
// folder changes need one. frank is this test's own mailbox. Also run as gui_folders_cyrus
// against Cyrus IMAP: subfolders are named with the server's separator ("/" or ".").
#include "core/store/Store.h"
#include "tests/support/SyncHarness.h"
#include "tests/support/TcpProxy.h"
#include "tests/support/TestSupport.h"
#include "ui/FolderActions.h"
#include "ui/FolderNameDialog.h"
#include "ui/FolderTreeModel.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using herald::test::stack;
using namespace herald;

namespace {
const QString kUser = QStringLiteral("frank");

QString projects2025()
{
    return test::stack().folderPath({QStringLiteral("Projects"), QStringLiteral("2025")});
}
QString clients2025()
{
    return test::stack().folderPath({QStringLiteral("Clients"), QStringLiteral("2025")});
}
// The words a server uses for a name that is taken: Dovecot adds the response code
// [ALREADYEXISTS] (RFC 5530), Cyrus 3.6 says only "Mailbox already exists".
bool saysAlreadyExists(const QString &message)
{
    return message.contains(QStringLiteral("already exists")) &&
           (test::stack().isCyrus() || message.contains(QStringLiteral("[ALREADYEXISTS]")));
}

QStringList cachedFolders(store::Store &store)
{
    QStringList names;
    for (const store::Folder &f : store.folders().list())
        if (!f.isLocal)
            names << f.name;
    names.sort();
    return names;
}

// Types `name` into the dialog and presses its OK button; false when OK stays disabled.
bool answer(ui::FolderNameDialog *dialog, const QString &name)
{
    if (!dialog)
        return false;
    dialog->nameEdit()->setText(name);
    if (!dialog->okButton()->isEnabled())
        return false;
    dialog->okButton()->click();
    return true;
}
} // namespace

class TestGuiFolders : public QObject
{
    Q_OBJECT

    QTemporaryDir m_profile;
    std::unique_ptr<store::Store> m_store;

    void select(ui::MainWindow &w, const QString &folder)
    {
        const auto f = m_store->folders().byName(m_store->accounts().list().front().id, folder);
        QVERIFY2(f, qPrintable(folder));
        const QModelIndex index = w.folderModel()->indexOfFolder(f->id);
        QVERIFY(index.isValid());
        w.folderView()->setCurrentIndex(index);
    }
    void selectAccount(ui::MainWindow &w)
    {
        w.folderView()->setCurrentIndex(w.folderModel()->index(0, 0));
    }
    // Waits until the change given to the folder actions has ended; true when it worked.
    bool changeDone(ui::MainWindow &w, QSignalSpy &failed)
    {
        if (!QTest::qWaitFor([&] { return !w.folderActions()->isBusy(); }, 30000))
            return false;
        return failed.isEmpty();
    }
    bool syncOnce(ui::MainWindow &w)
    {
        QSignalSpy done(&w, &ui::MainWindow::syncFinished);
        w.syncNow();
        return done.wait(60000) && done.first().first().toStringList().isEmpty();
    }

private slots:
    void initTestCase()
    {
        HERALD_REQUIRE_STACK();
        const QString wrongServer = test::checkImapServerIdentity(kUser);
        QVERIFY2(wrongServer.isEmpty(), qPrintable(wrongServer));
        const QString added = stack().addAccountWithCli(m_profile.path(), kUser);
        QVERIFY2(added.isEmpty(), qPrintable(added));
        m_store = std::make_unique<store::Store>(m_profile.path());
    }

    void createRenameAndDeleteReachTheServer()
    {
        ui::MainWindow window(*m_store);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(syncOnce(window));
        test::ImapDevice device(kUser);
        QVERIFY2(device.isValid(), qPrintable(device.errorString()));
        ui::FolderActions *actions = window.folderActions();
        QSignalSpy failed(actions, &ui::FolderActions::changeFailed);

        // New Folder… on the account: at the top.
        selectAccount(window);
        QVERIFY(actions->newFolderAction()->isEnabled());
        QVERIFY(answer(actions->newFolder(), QStringLiteral("Projects")));
        QVERIFY2(changeDone(window, failed), qPrintable(failed.value(0).value(0).toString()));
        QVERIFY(device.folders().contains(QStringLiteral("Projects")));
        QVERIFY(cachedFolders(*m_store).contains(QStringLiteral("Projects")));
        // The tree shows it, selected.
        QCOMPARE(window.folderView()
                     ->currentIndex()
                     .data(ui::FolderTreeModel::FolderNameRole)
                     .toString(),
                 QStringLiteral("Projects"));

        // New Folder… inside it: the server's delimiter between them.
        QVERIFY(answer(actions->newFolder(), QStringLiteral("2025")));
        QVERIFY2(changeDone(window, failed), qPrintable(failed.value(0).value(0).toString()));
        QVERIFY(device.folders().contains(projects2025()));
        QVERIFY(
            window.folderModel()
                ->indexOfFolder(m_store->folders()
                                    .byName(m_store->accounts().list().front().id, projects2025())
                                    ->id)
                .isValid());

        // A message in the subfolder, synced: it must stay with its folder through the rename.
        QVERIFY(stack().deliver(kUser, projects2025(),
                                "From: Dave <dave@herald.test>\r\nSubject: Kept in a subfolder\r\n"
                                "Message-ID: <kept@folders.test>\r\n\r\nHello.\r\n"));
        QVERIFY(syncOnce(window));
        const qint64 account = m_store->accounts().list().front().id;
        const auto child = m_store->folders().byName(account, projects2025());
        QVERIFY(child);
        QCOMPARE(child->total, qint64(1));

        // Rename Folder… with F2 in the tree: the parent, its child goes with it.
        select(window, QStringLiteral("Projects"));
        // (the dialogs closed before left the offscreen platform without an active window)
        QApplication::setActiveWindow(&window);
        window.folderView()->setFocus();
        QTRY_VERIFY(window.folderView()->hasFocus());
        QTest::keyClick(window.folderView(), Qt::Key_F2);
        ui::FolderNameDialog *dialog = nullptr;
        for (auto *d : window.findChildren<ui::FolderNameDialog *>())
            if (d->isVisible())
                dialog = d;
        QVERIFY2(dialog, "F2 in the folder tree did not open the rename dialog");
        QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("Projects"));
        QVERIFY(answer(dialog, QStringLiteral("Clients")));
        QVERIFY2(changeDone(window, failed), qPrintable(failed.value(0).value(0).toString()));
        QStringList server = device.folders();
        QVERIFY2(server.contains(QStringLiteral("Clients")) && server.contains(clients2025()) &&
                     !server.contains(QStringLiteral("Projects")) &&
                     !server.contains(projects2025()),
                 qPrintable(server.join(QLatin1Char(' '))));
        const QStringList cached = cachedFolders(*m_store);
        QVERIFY2(cached.contains(clients2025()) && !cached.contains(projects2025()),
                 qPrintable(cached.join(QLatin1Char(' '))));
        const auto renamedChild = m_store->folders().byName(account, clients2025());
        QCOMPARE(renamedChild->id, child->id); // the same row: its messages stay cached
        QCOMPARE(renamedChild->total, qint64(1));
        QVERIFY(window.folderModel()->indexOfFolder(renamedChild->id).isValid());

        // Delete Folder…: the confirmation says what goes; the server and the tree lose both.
        select(window, QStringLiteral("Clients"));
        QMessageBox *box = actions->deleteFolder();
        QVERIFY(box);
        QVERIFY2(box->text().contains(QStringLiteral("“Clients” and the folder inside it")) &&
                     box->text().contains(QStringLiteral("1 message")),
                 qPrintable(box->text()));
        box->findChild<QPushButton *>(QStringLiteral("confirmDeleteFolder"))->click();
        QVERIFY2(changeDone(window, failed), qPrintable(failed.value(0).value(0).toString()));
        server = device.folders();
        QVERIFY2(!server.contains(QStringLiteral("Clients")) && !server.contains(clients2025()),
                 qPrintable(server.join(QLatin1Char(' '))));
        QVERIFY(!cachedFolders(*m_store).contains(QStringLiteral("Clients")));
        QVERIFY(!window.folderModel()->indexOfFolder(renamedChild->id).isValid());
        // The open folder went: the Inbox is shown.
        QCOMPARE(window.folderView()
                     ->currentIndex()
                     .data(ui::FolderTreeModel::FolderNameRole)
                     .toString(),
                 QStringLiteral("INBOX"));
    }

    // Another device made "Elsewhere" and "Taken" since the last sync: creating one and renaming
    // onto the other fail with the server's words, and neither the cache nor the server changes.
    void refusalShowsTheServersWords()
    {
        ui::MainWindow window(*m_store);
        window.show();
        QVERIFY(syncOnce(window));
        ui::FolderActions *actions = window.folderActions();
        QSignalSpy failed(actions, &ui::FolderActions::changeFailed);
        selectAccount(window);
        QVERIFY(answer(actions->newFolder(), QStringLiteral("Mine")));
        QVERIFY(changeDone(window, failed));

        test::ImapDevice device(kUser);
        QVERIFY2(device.isValid(), qPrintable(device.errorString()));
        device.call({QStringLiteral("create"), QStringLiteral("Elsewhere")});
        device.call({QStringLiteral("create"), QStringLiteral("Taken")});
        QVERIFY2(device.isValid(), qPrintable(device.errorString()));
        const QStringList serverBefore = device.folders();
        const QStringList cacheBefore = cachedFolders(*m_store);
        QVERIFY(!cacheBefore.contains(QStringLiteral("Elsewhere")));

        selectAccount(window);
        QVERIFY(answer(actions->newFolder(), QStringLiteral("Elsewhere")));
        QVERIFY(!changeDone(window, failed));
        QString message = failed.takeFirst().first().toString();
        QVERIFY2(saysAlreadyExists(message), qPrintable(message));
        QVERIFY(actions->failureBox());
        QVERIFY2(saysAlreadyExists(actions->failureBox()->informativeText()),
                 qPrintable(actions->failureBox()->informativeText()));
        actions->failureBox()->close();

        select(window, QStringLiteral("Mine"));
        QVERIFY(answer(actions->renameFolder(), QStringLiteral("Taken")));
        QVERIFY(!changeDone(window, failed));
        message = failed.takeFirst().first().toString();
        QVERIFY2(saysAlreadyExists(message), qPrintable(message));
        QVERIFY(message.contains(QStringLiteral("Nothing was changed.")));

        QCOMPARE(cachedFolders(*m_store), cacheBefore);
        QCOMPARE(device.folders(), serverBefore);
    }

    // The dialog refuses what the cache already knows, in words, before asking the server.
    void dialogRefusesKnownNames()
    {
        ui::MainWindow window(*m_store);
        window.show();
        selectAccount(window);
        auto *dialog = window.folderActions()->newFolder();
        QVERIFY(dialog);
        QVERIFY(!answer(dialog, QStringLiteral("Mine")));
        QVERIFY2(dialog->problemLabel()->text().contains(QStringLiteral("already a folder")),
                 qPrintable(dialog->problemLabel()->text()));
        const QString separator = test::stack().separator;
        QVERIFY(!answer(dialog, QStringLiteral("a") + separator + QStringLiteral("b")));
        QVERIFY2(dialog->problemLabel()->text().contains(QStringLiteral("“%1”").arg(separator)),
                 qPrintable(dialog->problemLabel()->text()));
        QVERIFY(!answer(dialog, QStringLiteral("   ")));
        dialog->reject();
    }

    // Offline: the server cannot be reached (the line is cut); the window says folder changes
    // need a connection, and nothing changes.
    void offlineSaysAConnectionIsNeeded()
    {
        test::TcpProxy proxy(stack().host, stack().imapsPort);
        QVERIFY2(proxy.start(), qPrintable(proxy.errorString()));
        test::HeraldProfile profile;
        QString error;
        QVERIFY2(profile.addAccount(kUser, proxy.port(), &error), qPrintable(error));
        qputenv("HERALD_TEST_PASSWORD", stack().password(kUser).toUtf8());
        store::Store store(profile.path());
        ui::MainWindow window(store);
        window.show();
        QSignalSpy synced(&window, &ui::MainWindow::syncFinished);
        window.syncNow();
        QVERIFY(synced.wait(60000));
        proxy.stop();
        const QStringList before = cachedFolders(store);

        ui::FolderActions *actions = window.folderActions();
        QSignalSpy failed(actions, &ui::FolderActions::changeFailed);
        window.folderView()->setCurrentIndex(window.folderModel()->index(0, 0));
        QVERIFY(answer(actions->newFolder(), QStringLiteral("Offline made")));
        QVERIFY(!changeDone(window, failed));
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(QStringLiteral("cannot be reached")) &&
                     message.contains(QStringLiteral("Nothing was changed.")),
                 qPrintable(message));
        QCOMPARE(cachedFolders(store), before);
        test::ImapDevice device(kUser);
        QVERIFY(!device.folders().contains(QStringLiteral("Offline made")));
    }

    // INBOX and special-use folders cannot be renamed or deleted: disabled, and saying why.
    void specialFoldersAreProtected_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("reason");
        QTest::newRow("INBOX") << "INBOX"
                               << "Inbox cannot be renamed";
        QTest::newRow("Sent") << "Sent"
                              << "folder for sent mail";
        QTest::newRow("Trash") << "Trash"
                               << "folder for deleted mail";
        QTest::newRow("Drafts") << "Drafts"
                                << "folder for drafts";
    }
    void specialFoldersAreProtected()
    {
        QFETCH(QString, folder);
        QFETCH(QString, reason);
        ui::MainWindow window(*m_store);
        window.show();
        select(window, folder);
        ui::FolderActions *actions = window.folderActions();
        for (QAction *a : {actions->renameFolderAction(), actions->deleteFolderAction()}) {
            QVERIFY(!a->isEnabled());
            QVERIFY2(a->toolTip().contains(reason), qPrintable(a->toolTip()));
        }
        QVERIFY(actions->newFolderAction()->isEnabled()); // a subfolder is fine
        QVERIFY(!actions->renameFolder());
        QVERIFY(!actions->deleteFolder());
    }

    void cleanupTestCase() { m_store.reset(); }
};

QTEST_MAIN(TestGuiFolders)
#include "tst_gui_folders.moc"
