// The window's lists follow the cache's change stream (store::CacheDelta through CacheFollower)
// without a reset: a flag set on a worker thread repaints exactly that row, the selection and
// the current row stay; a message that arrives is inserted where the order puts it; one that
// leaves (moved away, deleted) is removed; the folder tree repaints the counts that changed.
#include "core/store/Store.h"
#include "tests/support/ScratchCache.h"
#include "ui/CacheFollower.h"
#include "ui/FolderTreeModel.h"
#include "ui/MessageListModel.h"

#include <QApplication>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTreeView>
#include <functional>

using herald::ui::CacheFollower;
using herald::ui::FolderTreeModel;
using herald::ui::MessageListModel;
namespace store = herald::store;

class TestListFollowsCache : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    herald::test::ScratchCache m_cache;
    store::Store *m_store = nullptr;

    qint64 insert(store::Store &s, qint64 folderId, int minutes, const QString &subject)
    {
        return m_cache.insert(s, folderId, minutes, subject);
    }
    // Runs `write` on a thread of its own with its own connection, as the watchers do.
    void onWorker(const std::function<void(store::Store &)> &write)
    {
        QThread *worker = QThread::create([this, write] {
            store::Store own(m_dir.path());
            write(own);
        });
        worker->start();
        QVERIFY(worker->wait(10000));
        delete worker;
    }

private slots:
    void init()
    {
        m_cache.reset(m_dir.path());
        m_store = m_cache.store.get();
        store::Transaction tx(m_store->db());
        for (int i = 0; i < 50; ++i) // message i is 2i minutes after the base; newest first
            insert(*m_store, m_cache.inbox, i * 2, QStringLiteral("Message %1").arg(i));
        tx.commit();
    }

    void rowsFollowWithoutReset()
    {
        MessageListModel model(*m_store);
        model.setFolder(m_cache.inbox);
        QTreeView view;
        view.setModel(&model);
        view.resize(600, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        CacheFollower follower(m_dir.path(), 20);
        connect(&follower, &CacheFollower::changed, &model, &MessageListModel::applyDelta);
        QCOMPARE(model.rowCount(), 50);
        // The user selected row 10 (Message 39).
        const qint64 selected = model.messageId(10);
        view.selectionModel()->setCurrentIndex(
            model.index(10, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        const qint64 flagged = model.messageId(3);
        QVERIFY(!(model.message(3)->flags & store::FlagFlagged));

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy layouts(&model, &QAbstractItemModel::layoutChanged);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        // 1. A flag from another device, written by a worker thread: that row alone repaints.
        onWorker([&](store::Store &s) { s.messages().setFlags(flagged, store::FlagFlagged, {}); });
        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(changed[0][0].toModelIndex().row(), 3);
        QCOMPARE(changed[0][1].toModelIndex().row(), 3);
        QVERIFY(model.message(3)->flags & store::FlagFlagged); // read again from the cache
        QCOMPARE(model.messageId(view.currentIndex().row()), selected);
        QVERIFY(view.selectionModel()->isRowSelected(10, QModelIndex()));

        // 2. New mail, newer than everything: inserted at the top; the selection moves with it.
        qint64 arrived = 0;
        onWorker([&](store::Store &s) {
            arrived = insert(s, m_cache.inbox, 1000, QStringLiteral("Fresh"));
        });
        QTRY_COMPARE(inserted.size(), 1);
        QCOMPARE(inserted[0][1].toInt(), 0);
        QCOMPARE(inserted[0][2].toInt(), 0);
        QCOMPARE(model.rowCount(), 51);
        QCOMPARE(model.messageId(0), arrived);
        QCOMPARE(model.message(0)->subject, QStringLiteral("Fresh"));
        QCOMPARE(model.messageId(view.currentIndex().row()), selected);
        QCOMPARE(view.selectionModel()->selectedRows().size(), 1);
        QCOMPARE(model.messageId(view.selectionModel()->selectedRows().value(0).row()), selected);

        // 3. One moved to the Archive and one deleted, in one transaction: both rows go.
        const qint64 moved = model.messageId(20), deleted = model.messageId(30);
        onWorker([&](store::Store &s) {
            store::Transaction tx(s.db());
            s.messages().moveTo(moved, m_cache.archive, std::nullopt);
            s.messages().remove(deleted);
            tx.commit();
        });
        QTRY_COMPARE(model.rowCount(), 49);
        QCOMPARE(model.rowOfMessage(moved), -1);
        QCOMPARE(model.rowOfMessage(deleted), -1);
        QCOMPARE(removed.size(), 2);
        QCOMPARE(model.messageId(view.currentIndex().row()), selected);

        // 4. A message elsewhere changes: nothing here moves.
        const int before = changed.size() + inserted.size() + removed.size();
        onWorker([&](store::Store &s) { s.messages().setFlags(moved, store::FlagSeen, {}); });
        QTest::qWait(200);
        QCOMPARE(changed.size() + inserted.size() + removed.size(), before);

        QCOMPARE(resets.size(), 0);  // never a reset:
        QCOMPARE(layouts.size(), 0); // the order of the rest never changed
    }

    void folderCountsRepaintWithoutReset()
    {
        FolderTreeModel tree(*m_store);
        tree.reload();
        CacheFollower follower(m_dir.path(), 20);
        connect(&follower, &CacheFollower::changed, &tree, &FolderTreeModel::applyDelta);
        const QModelIndex archive = tree.indexOfFolder(m_cache.archive);
        QVERIFY(archive.isValid());
        QCOMPARE(archive.data(FolderTreeModel::TotalRole).toLongLong(), 0);
        QSignalSpy resets(&tree, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&tree, &QAbstractItemModel::dataChanged);
        onWorker([&](store::Store &s) { insert(s, m_cache.archive, 5, QStringLiteral("Filed")); });
        QTRY_COMPARE(
            tree.indexOfFolder(m_cache.archive).data(FolderTreeModel::TotalRole).toLongLong(), 1);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(resets.size(), 0);
        QCOMPARE(tree.indexOfFolder(m_cache.inbox).data(FolderTreeModel::TotalRole).toLongLong(),
                 50);
    }

    void conversationsStillAskForAReload()
    {
        MessageListModel model(*m_store);
        model.setThreaded(true);
        model.setFolder(m_cache.inbox);
        store::CacheDelta delta;
        delta.messagesChanged = {model.messageId(0)};
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QVERIFY(!model.applyDelta(delta)); // the caller reloads ...
        QCOMPARE(resets.size(), 0);        // ... the model changed nothing itself
    }
};

QTEST_MAIN(TestListFollowsCache)
#include "tst_list_follows_cache.moc"
