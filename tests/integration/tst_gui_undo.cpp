// Multi-select, drag and drop and undo in the real window against the real Dovecot (user
// heidi's own mailbox). The server's truth is read from its maildir, never from Herald:
//  - a message dragged onto a folder is moved (or, Ctrl+drag, copied) on the server after the
//    undo window;
//  - a move, delete or mark read undone within its undo window never reaches the server, and
//    the cache is as before;
//  - several selected messages are marked, moved and deleted on the server together;
//  - an undo after the change reached the server moves the message back there.
#include "core/store/Store.h"
#include "tests/support/TestSupport.h"
#include "ui/CacheWriter.h"
#include "ui/FolderTreeModel.h"
#include "ui/MainWindow.h"
#include "ui/MessageActions.h"
#include "ui/MessageListModel.h"
#include "ui/MessageView.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUuid>
#include <algorithm>
#include <memory>

using herald::test::stack;
using herald::ui::MainWindow;

namespace {
const QString kUser = QStringLiteral("heidi");
const QStringList kServerFolders = {QStringLiteral("INBOX"), QStringLiteral("Archive"),
                                    QStringLiteral("Trash")};

// Where the server keeps the message (folder → maildir flags), from its files.
QMap<QString, QString> onServer(const QString &messageId)
{
    QMap<QString, QString> where;
    for (const QString &folder : kServerFolders)
        for (const QString &file : stack().messageFiles(kUser, folder)) {
            QFile f(file);
            if (f.open(QIODevice::ReadOnly) && f.readAll().contains(messageId.toUtf8()))
                where.insert(folder, file.contains(QLatin1String(":2,"))
                                         ? file.section(QLatin1String(":2,"), -1)
                                         : QString());
        }
    return where;
}

struct Gui
{
    explicit Gui(const QString &profile) : store(profile), window(store) {}
    herald::store::Store store;
    MainWindow window;
};
} // namespace

class TestGuiUndo : public QObject
{
    Q_OBJECT

    QTemporaryDir m_profile;
    QStringList m_messages; // Message-IDs delivered to heidi's INBOX, used one test at a time

    QString takeMessage() { return m_messages.takeFirst(); }

    std::unique_ptr<Gui> openWindow(int undoWindowSeconds)
    {
        auto gui = std::make_unique<Gui>(m_profile.path());
        MainWindow &w = gui->window;
        w.setMarkReadOnOpen(false); // selecting must not change the messages by itself here
        w.messageActions()->setUndoWindow(undoWindowSeconds);
        w.show();
        w.startWatching(); // replays tasks as they come due, as in everyday use
        if (!QTest::qWaitFor(
                [&] {
                    return w.statusBar()->currentMessage().contains(
                        QStringLiteral("watching INBOX"));
                },
                30000))
            return nullptr;
        // The window reloads shortly after the watcher's pass: every folder in the tree.
        if (!QTest::qWaitFor(
                [&] {
                    return w.folderModel()
                        ->indexOfFolder(folderId(*gui, QStringLiteral("Archive")))
                        .isValid();
                },
                10000))
            return nullptr;
        w.openFolder(folderId(*gui, QStringLiteral("INBOX")));
        return gui;
    }
    static qint64 folderId(Gui &gui, const QString &name)
    {
        const auto f = gui.store.folders().byName(gui.store.accounts().list().front().id, name);
        return f ? f->id : 0;
    }
    static int rowOf(Gui &gui, const QString &messageId)
    {
        auto *list = gui.window.messageModel();
        for (int r = 0; r < list->rowCount(); ++r)
            if (list->message(r) && list->message(r)->messageId == messageId)
                return r;
        return -1;
    }
    static std::optional<herald::store::MessageRow> cached(Gui &gui, const QString &messageId)
    {
        herald::store::MessageQuery q;
        for (const auto &row : gui.store.messages().list(q))
            if (row.messageId == messageId)
                return row;
        return std::nullopt;
    }
    static int copiesInCache(Gui &gui, const QString &messageId)
    {
        int n = 0;
        for (const auto &row : gui.store.messages().list(herald::store::MessageQuery()))
            n += row.messageId == messageId ? 1 : 0;
        return n;
    }
    static void select(Gui &gui, const QStringList &messageIds)
    {
        auto *list = gui.window.messageModel();
        QItemSelection selection;
        for (const QString &id : messageIds) {
            const int r = rowOf(gui, id);
            QVERIFY2(r >= 0, qPrintable(id));
            selection.select(list->index(r, 0),
                             list->index(r, herald::ui::MessageListModel::ColumnCount - 1));
        }
        gui.window.messageListView()->selectionModel()->select(
            selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    static QAction *action(Gui &gui, const char *name)
    {
        return gui.window.findChild<QAction *>(QLatin1String(name));
    }
    static void moveSelectedTo(Gui &gui, const QString &folder)
    {
        auto *menu = gui.window.findChild<QMenu *>(QStringLiteral("moveMenu"));
        QVERIFY(menu);
        emit menu->aboutToShow(); // fills it for the selection
        QAction *to = menu->findChild<QAction *>(QStringLiteral("moveTo:") + folder);
        QVERIFY2(to, qPrintable(folder));
        to->trigger();
    }
    static bool written(Gui &gui)
    {
        return QTest::qWaitFor([&] { return gui.window.cacheWriter().pending() == 0; }, 10000);
    }
    // A pass of the window's worker after the hold has run out: whatever was still held would
    // be sent now.
    static bool syncPassAfter(Gui &gui, qint64 heldUntil)
    {
        if (!QTest::qWaitFor([&] { return QDateTime::currentSecsSinceEpoch() > heldUntil; }, 30000))
            return false;
        QSignalSpy finished(&gui.window, &MainWindow::syncFinished);
        gui.window.syncNow();
        return finished.wait(30000) && finished.first().first().toStringList().isEmpty();
    }
    static QString undoText(Gui &gui)
    {
        return gui.window.messageActions()->undoAction()->text().remove(QLatin1Char('&'));
    }

private slots:
    void initTestCase()
    {
        HERALD_REQUIRE_STACK();
        const auto &s = stack();
        const QString added = s.addAccountWithCli(m_profile.path(), kUser);
        QVERIFY2(added.isEmpty(), qPrintable(added));
        for (int i = 0; i < 14; ++i) {
            const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces) + "@undo.test";
            QVERIFY(s.deliver(kUser, QStringLiteral("INBOX"),
                              "From: Grace <grace@herald.test>\r\nSubject: Undo test " +
                                  QByteArray::number(i) + "\r\nMessage-ID: <" + id.toUtf8() +
                                  ">\r\n\r\nBody " + QByteArray::number(i) + ".\r\n"));
            m_messages << id;
        }
    }

    void dragAndDropToAFolderReachesTheServer_data()
    {
        QTest::addColumn<int>("action");
        QTest::newRow("drag: move") << int(Qt::MoveAction);
        QTest::newRow("Ctrl+drag: copy") << int(Qt::CopyAction);
    }
    void dragAndDropToAFolderReachesTheServer()
    {
        QFETCH(int, action);
        const auto dropAction = Qt::DropAction(action);
        auto gui = openWindow(1);
        QVERIFY(gui);
        const QString id = takeMessage();
        select(*gui, {id});
        // What the list view hands to QDrag, dropped where the folder tree would drop it.
        auto *view = gui->window.messageListView();
        std::unique_ptr<QMimeData> data(
            gui->window.messageModel()->mimeData(view->selectionModel()->selectedIndexes()));
        QVERIFY(data);
        auto *folders = gui->window.folderModel();
        const QModelIndex archive =
            folders->indexOfFolder(folderId(*gui, QStringLiteral("Archive")));
        const QModelIndex inbox = folders->indexOfFolder(folderId(*gui, QStringLiteral("INBOX")));
        QVERIFY(archive.isValid());
        QVERIFY(folders->flags(archive) & Qt::ItemIsDropEnabled);
        QVERIFY(!folders->canDropMimeData(data.get(), dropAction, -1, -1, inbox)); // from there
        QVERIFY(folders->canDropMimeData(data.get(), dropAction, -1, -1, archive));
        QVERIFY(folders->dropMimeData(data.get(), dropAction, -1, -1, archive));

        if (dropAction == Qt::MoveAction)
            QCOMPARE(rowOf(*gui, id), -1); // gone from the list at once
        QVERIFY(written(*gui));
        QTRY_VERIFY_WITH_TIMEOUT(onServer(id).contains(QStringLiteral("Archive")), 20000);
        QCOMPARE(onServer(id).contains(QStringLiteral("INBOX")), dropAction == Qt::CopyAction);
        const auto row = cached(*gui, id);
        QVERIFY(row);
        if (dropAction == Qt::MoveAction)
            QCOMPARE(row->folderId, folderId(*gui, QStringLiteral("Archive")));
    }

    void undoBeforeTheReplayLeavesTheServerUntouched_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("expectedUndo");
        QTest::newRow("move") << QStringLiteral("move")
                              << QStringLiteral("Undo Move of 2 messages");
        QTest::newRow("delete") << QStringLiteral("delete")
                                << QStringLiteral("Undo Delete of 2 messages");
        QTest::newRow("mark read")
            << QStringLiteral("read") << QStringLiteral("Undo Mark as Read of 2 messages");
    }
    void undoBeforeTheReplayLeavesTheServerUntouched()
    {
        QFETCH(QString, change);
        QFETCH(QString, expectedUndo);
        auto gui = openWindow(8);
        QVERIFY(gui);
        const QStringList ids = {takeMessage(), takeMessage()};
        std::vector<herald::store::MessageRow> before;
        for (const QString &id : ids) {
            QCOMPARE(onServer(id).keys(), QStringList{QStringLiteral("INBOX")});
            before.push_back(*cached(*gui, id));
        }
        select(*gui, ids);
        QCOMPARE(gui->window.messageView()->messageId(), qint64(0)); // "2 messages selected"
        if (change == QLatin1String("move"))
            moveSelectedTo(*gui, QStringLiteral("Archive"));
        else if (change == QLatin1String("delete"))
            action(*gui, "delete")->trigger();
        else
            action(*gui, "toggleRead")->trigger();
        QVERIFY(written(*gui));
        QCOMPARE(undoText(*gui), expectedUndo);
        QVERIFY(gui->window.findChild<QLabel *>(QStringLiteral("undoNotice"))->isVisible());
        const auto tasks = gui->store.tasks().list();
        QCOMPARE(tasks.size(), size_t(2));
        const qint64 heldUntil = tasks.front().notBefore;
        QVERIFY(heldUntil > QDateTime::currentSecsSinceEpoch() - 1);

        // A sync pass inside the window neither sends the change nor brings the messages back
        // as new mail (the server still has them where they were).
        QSignalSpy finished(&gui->window, &MainWindow::syncFinished);
        gui->window.syncNow();
        QVERIFY(finished.wait(30000));
        QVERIFY(QDateTime::currentSecsSinceEpoch() < heldUntil);
        for (const QString &id : ids) {
            QCOMPARE(onServer(id).keys(), QStringList{QStringLiteral("INBOX")});
            QCOMPARE(copiesInCache(*gui, id), 1);
        }
        QCOMPARE(gui->store.tasks().list().size(), size_t(2));

        action(*gui, "undo")->trigger(); // Edit > Undo, Ctrl+Z
        QVERIFY(written(*gui));
        QTRY_VERIFY(rowOf(*gui, ids[0]) >= 0 && rowOf(*gui, ids[1]) >= 0);
        QVERIFY(gui->store.tasks().list().empty()); // nothing left for the server
        QVERIFY(!action(*gui, "undo")->isEnabled());
        for (size_t i = 0; i < before.size(); ++i) {
            const auto now = cached(*gui, ids[int(i)]);
            QVERIFY(now);
            QCOMPARE(now->folderId, before[i].folderId);
            QCOMPARE(now->uid, before[i].uid);
            QCOMPARE(now->flags, before[i].flags);
        }

        QVERIFY(syncPassAfter(*gui, heldUntil));
        for (const QString &id : ids) {
            const auto where = onServer(id);
            QCOMPARE(where.keys(), QStringList{QStringLiteral("INBOX")});
            QVERIFY2(!where.value(QStringLiteral("INBOX")).contains(QLatin1Char('S')),
                     "marked read on the server");
        }
    }

    void severalSelectedChangeTogetherOnTheServer()
    {
        auto gui = openWindow(1);
        QVERIFY(gui);
        const QStringList ids = {takeMessage(), takeMessage(), takeMessage()};
        // Click, then Ctrl+click the others, as a user would.
        auto *view = gui->window.messageListView();
        auto *list = gui->window.messageModel();
        for (int i = 0; i < ids.size(); ++i) {
            const QRect rect = view->visualRect(
                list->index(rowOf(*gui, ids[i]), herald::ui::MessageListModel::SubjectColumn));
            QVERIFY(rect.isValid());
            QTest::mouseClick(view->viewport(), Qt::LeftButton,
                              i == 0 ? Qt::NoModifier : Qt::ControlModifier, rect.center());
        }
        QCOMPARE(view->selectionModel()->selectedRows().size(), 3);
        QCOMPARE(gui->window.messageView()->messageId(), qint64(0));

        action(*gui, "toggleRead")->trigger(); // the first is unread: all are marked read
        moveSelectedTo(*gui, QStringLiteral("Archive"));
        QVERIFY(written(*gui));
        QCOMPARE(undoText(*gui), QStringLiteral("Undo Move of 3 messages"));
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(ids.begin(), ids.end(),
                        [](const QString &id) {
                            const auto where = onServer(id);
                            return where.keys() == QStringList{QStringLiteral("Archive")} &&
                                   where.first().contains(QLatin1Char('S'));
                        }),
            20000);

        // In Archive, Select All and Delete: into Trash, on the server too.
        gui->window.openFolder(folderId(*gui, QStringLiteral("Archive")));
        QTRY_VERIFY(rowOf(*gui, ids[2]) >= 0);
        action(*gui, "selectAll")->trigger();
        QCOMPARE(view->selectionModel()->selectedRows().size(), list->rowCount());
        select(*gui, ids); // only ours: other tests' messages live in Archive too
        action(*gui, "delete")->trigger();
        QVERIFY(written(*gui));
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(ids.begin(), ids.end(),
                                             [](const QString &id) {
                                                 return onServer(id).keys() ==
                                                        QStringList{QStringLiteral("Trash")};
                                             }),
                                 20000);
    }

    void undoAfterTheReplayMovesBackOnTheServer()
    {
        auto gui = openWindow(1);
        QVERIFY(gui);
        const QString id = takeMessage();
        select(*gui, {id});
        moveSelectedTo(*gui, QStringLiteral("Archive"));
        QVERIFY(written(*gui));
        QTRY_VERIFY_WITH_TIMEOUT(onServer(id).keys() == QStringList{QStringLiteral("Archive")},
                                 20000);
        QTRY_VERIFY(gui->store.tasks().list().empty()); // replayed

        action(*gui, "undo")->trigger();
        QVERIFY(written(*gui));
        QTRY_VERIFY(rowOf(*gui, id) >= 0); // back in the INBOX list at once
        QTRY_VERIFY_WITH_TIMEOUT(onServer(id).keys() == QStringList{QStringLiteral("INBOX")},
                                 20000);
        QTRY_COMPARE(cached(*gui, id)->folderId, folderId(*gui, QStringLiteral("INBOX")));
    }
};

QTEST_MAIN(TestGuiUndo)
#include "tst_gui_undo.moc"
