// Several messages at once in the window over the fixture profile (no server): extended
// selection by mouse and keyboard, the reading pane while several are selected, every action
// on all of them, drops on the folder tree (refused on another account's folder), and Edit >
// Undo with its text and the status bar's notice. The server side is tests/integration/
// tst_gui_undo.
#include "core/engine/imap/ImportUploader.h"
#include "core/store/Store.h"
#include "core/sync/MboxTransfer.h"
#include "tests/support/ProfileFixture.h"
#include "ui/CacheWriter.h"
#include "ui/FolderTreeModel.h"
#include "ui/MainWindow.h"
#include "ui/MessageActions.h"
#include "ui/MessageListModel.h"
#include "ui/MessageView.h"

#include <QAction>
#include <QDir>
#include <QHash>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <memory>

using namespace herald;

class TestMessageSelection : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::ProfileFixture> m_fixture;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<ui::MainWindow> m_window;
    qint64 m_otherFolder = 0; // a folder of a second account

    QAction *action(const char *name)
    {
        return m_window->findChild<QAction *>(QLatin1String(name));
    }
    ui::MessageListModel *list() { return m_window->messageModel(); }
    QTreeView *view() { return m_window->messageListView(); }
    void click(int row, Qt::KeyboardModifiers modifiers = {})
    {
        const QRect rect =
            view()->visualRect(list()->index(row, ui::MessageListModel::SubjectColumn));
        QVERIFY(rect.isValid());
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, modifiers, rect.center());
    }
    int selectedCount() { return int(view()->selectionModel()->selectedRows().size()); }
    QString placeholder()
    {
        const auto labels = m_window->messageView()->findChildren<QLabel *>();
        for (QLabel *l : labels)
            if (l->isVisibleTo(m_window->messageView()) &&
                l->text().contains(QLatin1String("selected")))
                return l->text();
        return QString();
    }
    QString undoText() { return m_window->messageActions()->undoAction()->text().remove('&'); }

private slots:
    void init()
    {
        m_fixture = std::make_unique<test::ProfileFixture>();
        m_store = std::make_unique<store::Store>(m_fixture->path());
        store::Account other;
        other.name = QStringLiteral("other");
        other.email = QStringLiteral("other@herald.test");
        other.incomingUrl = QStringLiteral("imaps://other@127.0.0.1:993");
        other.outgoingUrl = QStringLiteral("smtps://other@127.0.0.1:465");
        store::Folder f;
        f.accountId = m_store->accounts().add(other);
        f.name = QStringLiteral("Elsewhere");
        m_otherFolder = m_store->folders().upsert(f);
        m_window = std::make_unique<ui::MainWindow>(*m_store);
        m_window->setMarkReadOnOpen(false);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->openFolder(m_fixture->inboxId);
        QCOMPARE(list()->rowCount(), 3);
    }
    void cleanup()
    {
        m_window->setMarkReadOnOpen(true);
        m_window.reset();
        m_store.reset();
        m_fixture.reset();
    }

    void aRowStandsForItsMessageIds()
    {
        const QModelIndex row = list()->index(1, ui::MessageListModel::FromColumn);
        QCOMPARE(int(ui::MessageListModel::MessageIdsRole), int(Qt::UserRole + 4));
        QCOMPARE(row.data(ui::MessageListModel::MessageIdsRole).toList(),
                 QVariantList{list()->messageId(1)});
    }

    void mouseAndKeyboardSelectSeveral()
    {
        click(0);
        QCOMPARE(m_window->messageView()->messageId(), list()->messageId(0));
        click(2, Qt::ShiftModifier);
        QCOMPARE(selectedCount(), 3);
        QCOMPARE(m_window->messageView()->messageId(), qint64(0));
        QCOMPARE(placeholder(), QStringLiteral("3 messages selected"));
        click(1, Qt::ControlModifier); // out of the selection again
        QCOMPARE(selectedCount(), 2);
        QCOMPARE(placeholder(), QStringLiteral("2 messages selected"));

        click(0);
        QCOMPARE(selectedCount(), 1);
        QTest::keyClick(view(), Qt::Key_Down, Qt::ShiftModifier);
        QCOMPARE(selectedCount(), 2);
        action("selectAll")->trigger();
        QCOMPARE(selectedCount(), 3);
        QCOMPARE(action("selectAll")->shortcut(), QKeySequence(QKeySequence::SelectAll));
        QVERIFY(m_window->editMenu()->actions().contains(action("selectAll")));
        QVERIFY(m_window->editMenu()->actions().contains(action("undo")));
        QCOMPARE(action("undo")->shortcut(), QKeySequence(QKeySequence::Undo));
    }

    void everyActionActsOnAllSelected()
    {
        action("selectAll")->trigger();
        const qint64 first = list()->messageId(0), second = list()->messageId(1),
                     third = list()->messageId(2);
        QHash<qint64, int> flaggedBefore;
        for (const qint64 id : {first, second, third})
            flaggedBefore[id] = m_store->messages().byId(id)->flags & store::FlagFlagged;
        QCOMPARE(std::count(flaggedBefore.begin(), flaggedBefore.end(), 0), 2);
        // The first is unread: all become read; then all flagged (one was already).
        QVERIFY(!(list()->message(0)->flags & store::FlagSeen));
        action("toggleRead")->trigger();
        action("toggleFlag")->trigger();
        for (int r = 0; r < 3; ++r)
            QCOMPARE(list()->message(r)->flags & (store::FlagSeen | store::FlagFlagged),
                     store::FlagSeen | store::FlagFlagged);
        QTRY_COMPARE(m_window->cacheWriter().pending(), 0);
        for (const qint64 id : {first, second, third})
            QCOMPARE(m_store->messages().byId(id)->flags & store::FlagFlagged, store::FlagFlagged);
        QCOMPARE(undoText(), QStringLiteral("Undo Flag of 3 messages"));

        // Undo the flag: only the two that had none lose it.
        action("undo")->trigger();
        QTRY_COMPARE(m_window->cacheWriter().pending(), 0);
        for (const qint64 id : {first, second, third})
            QCOMPARE(m_store->messages().byId(id)->flags & store::FlagFlagged, flaggedBefore[id]);
        QCOMPARE(selectedCount(), 3); // the reload keeps the selection
        QCOMPARE(undoText(), QStringLiteral("Undo Mark as Read of 3 messages"));

        // Move two of them: gone at once, the next row selected, then undone.
        view()->selectionModel()->select(
            QItemSelection(list()->index(0, 0),
                           list()->index(1, ui::MessageListModel::ColumnCount - 1)),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QMetaObject::invokeMethod(m_window->findChild<QMenu *>(QStringLiteral("moveMenu")),
                                  "aboutToShow");
        m_window->findChild<QAction *>(QStringLiteral("moveTo:Archive/2024"))->trigger();
        QCOMPARE(list()->rowCount(), 1);
        QCOMPARE(selectedCount(), 1);
        QTRY_COMPARE(m_window->cacheWriter().pending(), 0);
        QCOMPARE(m_store->messages().byId(first)->folderId, m_fixture->archiveId);
        QCOMPARE(undoText(), QStringLiteral("Undo Move of 2 messages"));
        auto *notice = m_window->findChild<QLabel *>(QStringLiteral("undoNotice"));
        QVERIFY(notice && notice->isVisible());
        QVERIFY(notice->text().contains(QStringLiteral("Moved 2 messages to Archive/2024")));
        QVERIFY(!notice->accessibleName().isEmpty());

        // The notice's link undoes, as Ctrl+Z does.
        emit notice->linkActivated(QStringLiteral("undo"));
        QTRY_COMPARE(list()->rowCount(), 3);
        QCOMPARE(m_store->messages().byId(first)->folderId, m_fixture->inboxId);
        QCOMPARE(selectedCount(), 2); // the messages that came back
        QVERIFY(!notice->isVisible());
        QVERIFY(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Undone: Move")));

        // Delete (no Trash in this account: for good) and undo while its task waits.
        action("delete")->trigger();
        QCOMPARE(list()->rowCount(), 1);
        QTRY_COMPARE(m_window->cacheWriter().pending(), 0);
        QVERIFY(!m_store->messages().byId(first));
        QCOMPARE(undoText(), QStringLiteral("Undo Delete of 2 messages"));
        action("undo")->trigger();
        QTRY_COMPARE(list()->rowCount(), 3);
        QCOMPARE(selectedCount(), 2);
        QCOMPARE(m_store->messages().byId(first)->folderId, m_fixture->inboxId);
        // Nothing of the deletes and the moves is left for the server; the marks still wait.
        QTRY_COMPARE(m_window->cacheWriter().pending(), 0);
        for (const auto &t : m_store->tasks().list())
            QCOMPARE(t.kind, QStringLiteral("flag"));
    }

    void dropsOnFoldersOfTheSameAccountOnly()
    {
        click(0);
        const qint64 id = list()->messageId(0);
        std::unique_ptr<QMimeData> data(
            list()->mimeData(view()->selectionModel()->selectedIndexes()));
        QVERIFY(data);
        auto *folders = m_window->folderModel();
        const QModelIndex archive = folders->indexOfFolder(m_fixture->archiveId);
        const QModelIndex inbox = folders->indexOfFolder(m_fixture->inboxId);
        const QModelIndex elsewhere = folders->indexOfFolder(m_otherFolder);
        QVERIFY(elsewhere.isValid());
        QVERIFY(!folders->canDropMimeData(data.get(), Qt::MoveAction, -1, -1, elsewhere));
        QVERIFY(!folders->dropMimeData(data.get(), Qt::MoveAction, -1, -1, elsewhere));
        QVERIFY(!folders->canDropMimeData(data.get(), Qt::MoveAction, -1, -1, inbox));
        QVERIFY(!folders->canDropMimeData(data.get(), Qt::MoveAction, -1, -1, archive.parent()));
        QVERIFY(folders->canDropMimeData(data.get(), Qt::CopyAction, -1, -1, archive));
        QVERIFY(m_window->folderView()->acceptDrops());

        QVERIFY(folders->dropMimeData(data.get(), Qt::MoveAction, -1, -1, archive));
        QCOMPARE(list()->rowCount(), 2);
        QTRY_COMPARE(m_store->messages().byId(id)->folderId, m_fixture->archiveId);
        QTRY_COMPARE(m_window->cacheWriter().pending(), 0);
        QCOMPARE(undoText(), QStringLiteral("Undo Move of 1 message"));
    }

    // From a folder on this computer (an mbox import) a message may be moved — uploaded — into
    // a server folder, not copied there; the move leaves an "append" task.
    void dropFromLocalFolderUploads()
    {
        const qint64 account = m_store->folders().byId(m_fixture->inboxId)->accountId;
        const qint64 local = sync::localImportFolder(*m_store, account, QStringLiteral("Kept"));
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("inbox.mbox"));
        QCOMPARE(sync::exportMbox(*m_store, m_fixture->inboxId, path).written, 3);
        QCOMPARE(sync::importMbox(*m_store, path, local).added, 3);
        m_window->reloadFromCache();
        m_window->openFolder(local);
        QCOMPARE(list()->rowCount(), 3);
        click(0);
        const qint64 id = list()->messageId(0);
        std::unique_ptr<QMimeData> data(
            list()->mimeData(view()->selectionModel()->selectedIndexes()));
        auto *folders = m_window->folderModel();
        const QModelIndex archive = folders->indexOfFolder(m_fixture->archiveId);
        QVERIFY(!folders->canDropMimeData(data.get(), Qt::CopyAction, -1, -1, archive));
        QVERIFY(folders->canDropMimeData(data.get(), Qt::MoveAction, -1, -1, archive));
        QVERIFY(folders->dropMimeData(data.get(), Qt::MoveAction, -1, -1, archive));
        QTRY_COMPARE(m_store->messages().byId(id)->folderId, m_fixture->archiveId);
        QTRY_COMPARE(m_window->cacheWriter().pending(), 0);
        QVERIFY(!m_store->messages().byId(id)->uid);
        QCOMPARE(m_store->tasks().list(account, imap::kAppendTaskKind).size(), size_t(1));
        // And back: the server has no folder on this computer to move into.
        m_window->openFolder(m_fixture->archiveId);
        const QModelIndex kept = folders->indexOfFolder(local);
        const int row = list()->rowOfMessage(id);
        QVERIFY(row >= 0);
        click(row);
        data.reset(list()->mimeData(view()->selectionModel()->selectedIndexes()));
        QVERIFY(!folders->canDropMimeData(data.get(), Qt::MoveAction, -1, -1, kept));
    }

    void screenshot()
    {
        // HERALD_SCREENSHOT_DIR keeps the picture (docs/screenshots); else a temp dir.
        QTemporaryDir tmp;
        const QString dir = qEnvironmentVariable("HERALD_SCREENSHOT_DIR", tmp.path());
        m_window->resize(1200, 760);
        view()->selectionModel()->select(
            QItemSelection(list()->index(0, 0),
                           list()->index(1, ui::MessageListModel::ColumnCount - 1)),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        action("toggleFlag")->trigger();
        QTRY_COMPARE(m_window->cacheWriter().pending(), 0);
        action("selectAll")->trigger();
        QCoreApplication::sendPostedEvents();
        const QPixmap pixmap = m_window->grab();
        QVERIFY(pixmap.save(QDir(dir).filePath(QStringLiteral("multi-select-undo.png")), "PNG"));
    }
};

QTEST_MAIN(TestMessageSelection)
#include "tst_message_selection.moc"
