// Full-text indexing off the download path: engines only mark messages pending (in the
// message's transaction); sync::SearchIndexer indexes them later, and its search() indexes what
// is pending first, so every cached message is found, with its current content only.
#include "core/ingest/MessageIngest.h"
#include "core/store/Sqlite.h"
#include "core/store/Store.h"
#include "core/sync/LocalActions.h"
#include "core/sync/SearchIndexer.h"

#include <QTemporaryDir>
#include <QTest>

using namespace herald;

namespace {
QByteArray mail(const QByteArray &subject, const QByteArray &body,
                const QByteArray &type = "text/plain; charset=utf-8")
{
    return "From: Zoe Quill <zoe@sender.example>\r\n"
           "To: Bob <bob@example.net>\r\n"
           "Subject: " +
           subject +
           "\r\n"
           "Date: Sat, 28 Nov 2026 09:59:00 +0000\r\n"
           "Message-ID: <" +
           subject +
           "@sender.example>\r\n"
           "Content-Type: " +
           type +
           "\r\n"
           "\r\n" +
           body + "\r\n";
}

QByteArray headersOf(const QByteArray &raw)
{
    return raw.left(raw.indexOf("\r\n\r\n") + 4);
}
} // namespace

class TestSearchIndexer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Store> m_store;
    qint64 m_account = 0;
    qint64 m_inbox = 0;
    qint64 m_nextUid = 1;

    sync::IncomingMessage meta()
    {
        sync::IncomingMessage m;
        m.accountId = m_account;
        m.folderId = m_inbox;
        m.uid = m_nextUid++;
        return m;
    }
    std::vector<qint64> find(const QString &query)
    {
        return sync::SearchIndexer(*m_store).search(query);
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store.reset();
        QFile::remove(store::Store::databasePath(m_dir.path()));
        m_store = std::make_unique<store::Store>(m_dir.path());
        store::Account a;
        a.name = QStringLiteral("work");
        a.email = QStringLiteral("bob@example.net");
        a.incomingUrl = QStringLiteral("imaps://bob@imap.example.net:993");
        a.outgoingUrl = QStringLiteral("smtps://bob@smtp.example.net:465");
        m_account = m_store->accounts().add(a);
        store::Folder inbox;
        inbox.accountId = m_account;
        inbox.name = QStringLiteral("INBOX");
        m_inbox = m_store->folders().upsert(inbox);
    }

    void ingestOnlyMarksAndSearchIndexesFirst()
    {
        sync::MessageIngest ingest(*m_store);
        const qint64 id = ingest.addMessage(meta(), mail("Quarterly", "the walrus report"));
        QCOMPARE(m_store->search().pendingCount(), qint64(1));
        QVERIFY(m_store->search().search(QStringLiteral("walrus")).empty()); // not indexed yet
        QCOMPARE(find(QStringLiteral("walrus")), std::vector<qint64>{id});
        QCOMPARE(m_store->search().pendingCount(), qint64(0));
        QCOMPARE(find(QStringLiteral("quarterly")), std::vector<qint64>{id});
        QCOMPARE(find(QStringLiteral("quill")), std::vector<qint64>{id}); // sender's name
        QCOMPARE(find(QStringLiteral("zoe@sender")), std::vector<qint64>{id});
        QCOMPARE(find(QStringLiteral("bob")), std::vector<qint64>{id}); // recipient
        QVERIFY(find(QStringLiteral("narwhal")).empty());
    }

    void headersFirstThenBody()
    {
        sync::MessageIngest ingest(*m_store);
        const QByteArray raw = mail("Lunch", "meet at the lighthouse");
        const qint64 id = ingest.addHeaders(meta(), headersOf(raw));
        QCOMPARE(find(QStringLiteral("lunch")), std::vector<qint64>{id});
        QVERIFY(find(QStringLiteral("lighthouse")).empty()); // the body is not here yet
        ingest.attachBody(id, raw);
        QCOMPARE(m_store->search().pendingCount(), qint64(1));
        QCOMPARE(find(QStringLiteral("lighthouse")), std::vector<qint64>{id});
        QCOMPARE(find(QStringLiteral("lunch")), std::vector<qint64>{id}); // not lost on re-index
    }

    void replacedContentIsFoundAndOldIsNot()
    {
        sync::MessageIngest ingest(*m_store);
        const qint64 id = ingest.addMessage(meta(), mail("Draft", "first version"));
        QCOMPARE(find(QStringLiteral("first")), std::vector<qint64>{id});
        auto m = meta();
        QVERIFY(ingest.replaceMessage(id, m, mail("Draft", "second version")));
        QVERIFY(find(QStringLiteral("first")).empty());
        QCOMPARE(find(QStringLiteral("second")), std::vector<qint64>{id});
    }

    void htmlOnlyBodyIsIndexedAsText()
    {
        sync::MessageIngest ingest(*m_store);
        const qint64 id = ingest.addMessage(
            meta(), mail("Invite", "<html><body><p>garden <b>party</b></p></body></html>",
                         "text/html; charset=utf-8"));
        QCOMPARE(find(QStringLiteral("garden party")), std::vector<qint64>{id});
        QVERIFY(find(QStringLiteral("body")).empty()); // markup is not text
    }

    void deletedWhilePendingIsForgotten()
    {
        sync::MessageIngest ingest(*m_store);
        const qint64 id = ingest.addMessage(meta(), mail("Gone", "ephemeral words"));
        m_store->messages().remove(id);
        QCOMPARE(m_store->search().pendingCount(), qint64(0)); // ON DELETE CASCADE
        QVERIFY(find(QStringLiteral("ephemeral")).empty());
    }

    void pendingSurvivesACrashBeforeIndexing()
    {
        qint64 id = 0;
        {
            sync::MessageIngest ingest(*m_store);
            store::Transaction tx(m_store->db());
            id = ingest.addMessage(meta(), mail("Durable", "kept through a crash"));
            tx.commit();
        }
        {
            // An indexer that dies mid-batch: its transaction never commits.
            store::Transaction tx(m_store->db());
            m_store->search().index(id, QStringLiteral("Durable"), QString(), QStringLiteral("x"));
            m_store->search().clearPending(id);
        }
        m_store.reset(); // "restart"
        m_store = std::make_unique<store::Store>(m_dir.path());
        QCOMPARE(m_store->search().pendingCount(), qint64(1));
        QCOMPARE(find(QStringLiteral("crash")), std::vector<qint64>{id});
    }

    void runStopsAtLimitAndWhenAsked()
    {
        sync::MessageIngest ingest(*m_store);
        for (int i = 0; i < 5; ++i)
            ingest.addMessage(meta(), mail("Batch" + QByteArray::number(i), "words"));
        sync::SearchIndexer indexer(*m_store);
        QCOMPARE(indexer.run(2), 2);
        QCOMPARE(indexer.pendingCount(), qint64(3));
        QCOMPARE(indexer.run(-1, [] { return false; }), 0);
        QCOMPARE(indexer.pendingCount(), qint64(3));
        QCOMPARE(indexer.run(), 3);
        QCOMPARE(find(QStringLiteral("words")).size(), size_t(5));
    }

    void copyOfAHeaderOnlyMessageIsFound()
    {
        store::Folder archive;
        archive.accountId = m_account;
        archive.name = QStringLiteral("Archive");
        const qint64 archiveId = m_store->folders().upsert(archive);
        sync::MessageIngest ingest(*m_store);
        const qint64 id = ingest.addHeaders(meta(), headersOf(mail("Minutes", "unused")));
        const qint64 copy = sync::LocalActions(*m_store).copy(id, QStringLiteral("Archive"));
        QVERIFY(copy != id);
        QCOMPARE(m_store->messages().byId(copy)->folderId, archiveId);
        auto hits = find(QStringLiteral("minutes"));
        std::sort(hits.begin(), hits.end());
        QCOMPARE(hits, (std::vector<qint64>{id, copy}));
    }
};

QTEST_GUILESS_MAIN(TestSearchIndexer)
#include "tst_search_indexer.moc"
