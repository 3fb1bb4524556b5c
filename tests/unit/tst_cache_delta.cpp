// The cache's change stream (core/store/CacheDelta.h): every committed write transaction
// reaches ChangeFeed's subscribers once, naming the messages added, changed and removed and the
// folders whose rows (counts) changed; a rolled-back one never does; a writer on another
// thread reaches a receiver on this one through the event loop.
#include "core/store/CacheDelta.h"
#include "core/store/Store.h"
#include "tests/support/ScratchCache.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace herald;

class TestCacheDelta : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    test::ScratchCache m_cache;
    store::Store *m_store = nullptr;
    QList<store::CacheDelta> m_received; // this cache's deltas, in order
    QMetaObject::Connection m_connection;

    qint64 message(store::Store &s, qint64 folderId) { return m_cache.insert(s, folderId); }
    // What arrived since the last call (after the event loop delivered it).
    QList<store::CacheDelta> takeReceived()
    {
        QCoreApplication::processEvents();
        return std::exchange(m_received, {});
    }

private slots:
    void init()
    {
        m_cache.reset(m_dir.path());
        m_store = m_cache.store.get();
        const QString profile = QDir::cleanPath(m_dir.path());
        m_connection = connect(&store::ChangeFeed::instance(), &store::ChangeFeed::changed, this,
                               [this, profile](const store::CacheDelta &d) {
                                   if (d.profileDir == profile)
                                       m_received << d;
                               });
        takeReceived(); // the set-up's own commits
    }
    void cleanup() { disconnect(m_connection); }

    void oneDeltaPerCommit()
    {
        qint64 first = 0;
        {
            store::Transaction tx(m_store->db());
            first = message(*m_store, m_cache.inbox);
            for (int i = 0; i < 999; ++i)
                message(*m_store, m_cache.inbox);
            tx.commit();
        }
        const auto got = takeReceived();
        QCOMPARE(got.size(), 1); // a thousand inserts, one commit, one delta
        QCOMPARE(got[0].messagesAdded.size(), 1000);
        QVERIFY(got[0].messagesAdded.contains(first));
        QVERIFY(got[0].messagesChanged.isEmpty()); // (added rows are not also "changed")
        QCOMPARE(got[0].foldersChanged, QSet<qint64>{m_cache.inbox}); // its counts, by trigger
    }

    void changedAndRemoved()
    {
        const qint64 a = message(*m_store, m_cache.inbox), b = message(*m_store, m_cache.inbox);
        takeReceived();
        m_store->messages().setFlags(a, int(store::FlagSeen), {});
        auto got = takeReceived();
        QCOMPARE(got.size(), 1); // a write outside a transaction commits by itself
        QCOMPARE(got[0].messagesChanged, QSet<qint64>{a});
        QCOMPARE(got[0].foldersChanged, QSet<qint64>{m_cache.inbox}); // one unread fewer
        m_store->messages().moveTo(b, m_cache.archive, std::nullopt);
        got = takeReceived();
        QCOMPARE(got.size(), 1);
        QCOMPARE(got[0].messagesChanged, QSet<qint64>{b});
        QCOMPARE(got[0].foldersChanged, (QSet<qint64>{m_cache.inbox, m_cache.archive}));
        m_store->messages().remove(a);
        got = takeReceived();
        QCOMPARE(got.size(), 1);
        QCOMPARE(got[0].messagesRemoved, QSet<qint64>{a});
        QVERIFY(got[0].messagesChanged.isEmpty());
    }

    void rollbackTellsNothing()
    {
        {
            store::Transaction tx(m_store->db());
            message(*m_store, m_cache.inbox);
            // destroyed without commit(): rolled back
        }
        QVERIFY(takeReceived().isEmpty());
        // The next commit names only its own rows, not the rolled-back one's.
        const qint64 id = message(*m_store, m_cache.inbox);
        const auto got = takeReceived();
        QCOMPARE(got.size(), 1);
        QCOMPARE(got[0].messagesAdded, QSet<qint64>{id});
    }

    void addedThenRemovedInOneTransactionIsNothing()
    {
        {
            store::Transaction tx(m_store->db());
            m_store->messages().remove(message(*m_store, m_cache.inbox));
            tx.commit();
        }
        const auto got = takeReceived();
        QCOMPARE(got.size(), 1); // (the folder's counts went up and down)
        QVERIFY(got[0].messagesAdded.isEmpty());
        QVERIFY(got[0].messagesRemoved.isEmpty());
    }

    void mergeKeepsTheNetChange()
    {
        store::CacheDelta earlier, later;
        earlier.messagesAdded = {1};
        earlier.messagesChanged = {2};
        earlier.messagesRemoved = {3};
        later.messagesChanged = {1};
        later.messagesRemoved = {2};
        later.messagesAdded = {3};
        later.foldersChanged = {7};
        earlier.merge(later);
        QCOMPARE(earlier.messagesAdded, QSet<qint64>{1});
        QCOMPARE(earlier.messagesRemoved, QSet<qint64>{2});
        QCOMPARE(earlier.messagesChanged, QSet<qint64>{3}); // deleted, then back under its id
        QCOMPARE(earlier.foldersChanged, QSet<qint64>{7});
    }

    void aWorkerThreadsCommitArrivesQueued()
    {
        qint64 id = 0;
        Qt::HANDLE receivedOn = nullptr;
        auto c =
            connect(&store::ChangeFeed::instance(), &store::ChangeFeed::changed, this,
                    [&](const store::CacheDelta &) { receivedOn = QThread::currentThreadId(); });
        QThread *worker = QThread::create([&] {
            store::Store own(m_dir.path()); // a connection of its own, as every thread has
            id = message(own, m_cache.inbox);
        });
        worker->start();
        QVERIFY(worker->wait(10000));
        delete worker;
        QTRY_VERIFY(!m_received.isEmpty());
        disconnect(c);
        QCOMPARE(receivedOn, QThread::currentThreadId());
        QCOMPARE(m_received.size(), 1);
        QCOMPARE(m_received[0].messagesAdded, QSet<qint64>{id});
        m_received.clear();
    }
};

QTEST_GUILESS_MAIN(TestCacheDelta)
#include "tst_cache_delta.moc"
