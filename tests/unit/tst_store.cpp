// Repositories of the cache against a real SQLite file in a temp profile.
#include "core/store/Store.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace herald::store;

class TestStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    qint64 m_account = 0;
    qint64 m_inbox = 0;

    MessageRow row(qint64 uid, const QString &subject, qint64 dateSecs)
    {
        MessageRow r;
        r.accountId = m_account;
        r.folderId = m_inbox;
        r.uid = uid;
        r.subject = subject;
        r.fromAddr = QStringLiteral("alice@example.org");
        r.date = QDateTime::fromSecsSinceEpoch(dateSecs, Qt::UTC);
        r.size = 100;
        return r;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store.reset();
        QFile::remove(Store::databasePath(m_dir.path()));
        m_store = std::make_unique<Store>(m_dir.path());
        Account a;
        a.name = QStringLiteral("work");
        a.email = QStringLiteral("me@example.org");
        a.incomingUrl = QStringLiteral("imaps://me@imap.example.org:993");
        a.outgoingUrl = QStringLiteral("smtps://me@smtp.example.org:465");
        m_account = m_store->accounts().add(a);
        Folder inbox;
        inbox.accountId = m_account;
        inbox.name = QStringLiteral("INBOX");
        m_inbox = m_store->folders().upsert(inbox);
    }

    void accountNamesAreUnique()
    {
        Account dup;
        dup.name = QStringLiteral("work");
        dup.email = QStringLiteral("x@y");
        dup.incomingUrl = dup.outgoingUrl = QStringLiteral("imaps://x@y:1");
        QVERIFY_THROWS_EXCEPTION(SqliteError, m_store->accounts().add(dup));
        QCOMPARE(m_store->accounts().list().size(), size_t(1));
        QCOMPARE(m_store->accounts().byName(QStringLiteral("work"))->email,
                 QStringLiteral("me@example.org"));
    }

    void folderUpsertKeepsIdAndCounts()
    {
        Folder f;
        f.accountId = m_account;
        f.name = QStringLiteral("INBOX");
        f.specialUse = QStringLiteral("\\Inbox");
        QCOMPARE(m_store->folders().upsert(f), m_inbox);
        m_store->messages().insert(row(1, QStringLiteral("a"), 1000));
        auto r = row(2, QStringLiteral("b"), 2000);
        r.flags = FlagSeen;
        m_store->messages().insert(r);
        const auto folder = m_store->folders().byId(m_inbox);
        QVERIFY(folder);
        QCOMPARE(folder->total, 2);
        QCOMPARE(folder->unread, 1);
        QCOMPARE(folder->specialUse, QStringLiteral("\\Inbox"));
    }

    void listIsNewestFirstAndLimited()
    {
        for (int i = 1; i <= 5; ++i)
            m_store->messages().insert(row(i, QStringLiteral("m%1").arg(i), 1000 * i));
        MessageQuery q;
        q.folderId = m_inbox;
        q.limit = 3;
        const auto rows = m_store->messages().list(q);
        QCOMPARE(rows.size(), size_t(3));
        QCOMPARE(rows[0].subject, QStringLiteral("m5"));
        QCOMPARE(rows[2].subject, QStringLiteral("m3"));
        QCOMPARE(rows[0].folderName, QStringLiteral("INBOX"));
        QCOMPARE(rows[0].accountName, QStringLiteral("work"));
        const auto ids = m_store->messages().orderedIds(m_inbox);
        QCOMPARE(ids.size(), size_t(5));
        QCOMPARE(ids.front(), rows[0].id);
    }

    void upsertByUidUpdatesInPlace()
    {
        const qint64 id = m_store->messages().insert(row(7, QStringLiteral("old"), 1));
        auto r = row(7, QStringLiteral("new"), 1);
        r.flags = FlagFlagged;
        r.keywords = QStringList{QStringLiteral("$Label1")};
        QCOMPARE(m_store->messages().upsertByUid(r), id);
        const auto back = m_store->messages().byId(id);
        QCOMPARE(back->subject, QStringLiteral("new"));
        QCOMPARE(flagNames(back->flags, back->keywords),
                 (QStringList{QStringLiteral("\\Flagged"), QStringLiteral("$Label1")}));
    }

    void uidIsUniquePerFolder()
    {
        m_store->messages().insert(row(9, QStringLiteral("x"), 1));
        QVERIFY_THROWS_EXCEPTION(SqliteError,
                                 m_store->messages().insert(row(9, QStringLiteral("y"), 2)));
    }

    void removeUidsRemovesBodiesAndIndex()
    {
        const qint64 id = m_store->messages().insert(row(3, QStringLiteral("hello"), 1));
        m_store->bodies().put(id, QByteArray("Subject: hello\r\n\r\nbody\r\n"));
        m_store->search().index(id, QStringLiteral("hello"), QString(), QStringLiteral("body"));
        QCOMPARE(m_store->search().search(QStringLiteral("hello")).size(), size_t(1));
        const auto removed = m_store->messages().removeUids(m_inbox, {3, 4});
        QCOMPARE(removed, std::vector<qint64>{id});
        QVERIFY(!m_store->bodies().has(id)); // ON DELETE CASCADE
        QVERIFY(m_store->search().search(QStringLiteral("hello")).empty());
    }

    void bodiesLiveInFiles()
    {
        const qint64 id = m_store->messages().insert(row(1, QStringLiteral("big"), 1));
        const QByteArray raw = "Subject: big\r\n\r\n" + QByteArray(4096, 'x');
        m_store->bodies().put(id, raw);
        const QString file = m_dir.filePath(QStringLiteral("bodies/0/%1.eml").arg(id));
        QVERIFY(QFile::exists(file));
        QCOMPARE(*m_store->bodies().get(id), raw);
        m_store->bodies().put(id, "Subject: again\r\n\r\nshorter\r\n"); // replaced in place
        QCOMPARE(*m_store->bodies().get(id), QByteArray("Subject: again\r\n\r\nshorter\r\n"));
        // Below the inline limit a body stays in the table.
        BodyRepository inlineSmall(m_store->db(), m_dir.filePath(QStringLiteral("bodies")), 1024);
        const qint64 small = m_store->messages().insert(row(2, QStringLiteral("small"), 2));
        inlineSmall.put(small, "Subject: small\r\n\r\nx\r\n");
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("bodies/0/%1.eml").arg(small))));
        QCOMPARE(*inlineSmall.get(small), QByteArray("Subject: small\r\n\r\nx\r\n"));
    }

    // A removed row, also by a cascade, leaves its file's name behind in the same transaction;
    // removeDeletedFiles() deletes exactly those files, and never one written again since.
    void removedBodiesLoseTheirFiles()
    {
        const qint64 gone = m_store->messages().insert(row(1, QStringLiteral("gone"), 1));
        const qint64 kept = m_store->messages().insert(row(2, QStringLiteral("kept"), 2));
        const qint64 back = m_store->messages().insert(row(3, QStringLiteral("back"), 3));
        for (const qint64 id : {gone, kept, back})
            m_store->bodies().put(id, QByteArray(4096, char('a' + id % 26)));
        const auto file = [&](qint64 id) {
            return m_dir.filePath(QStringLiteral("bodies/0/%1.eml").arg(id));
        };
        m_store->messages().removeUids(m_inbox, {1}); // cascade from messages
        m_store->bodies().remove(back);
        m_store->bodies().put(back, QByteArray(100, 'n')); // downloaded again before the sweep
        QVERIFY(QFile::exists(file(gone)));
        QCOMPARE(m_store->bodies().removeDeletedFiles(), 1);
        QVERIFY(!QFile::exists(file(gone)));
        QCOMPARE(*m_store->bodies().get(kept), QByteArray(4096, char('a' + kept % 26)));
        QCOMPARE(*m_store->bodies().get(back), QByteArray(100, 'n'));
        QCOMPARE(m_store->bodies().removeDeletedFiles(), 0);
    }

    // A file lost or cut short behind the cache's back (a power cut before the kernel wrote
    // it) is not a body: the row goes, so the next sync downloads it again.
    void damagedBodyFileIsNotCached()
    {
        const qint64 id = m_store->messages().insert(row(1, QStringLiteral("cut"), 1));
        m_store->bodies().put(id, QByteArray(4096, 'c'));
        QFile f(m_dir.filePath(QStringLiteral("bodies/0/%1.eml").arg(id)));
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.resize(100));
        f.close();
        QVERIFY(!m_store->bodies().get(id));
        QVERIFY(!m_store->bodies().has(id));
    }

    void searchQueryIsSafe_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("fts");
        QTest::newRow("one word") << "invoice"
                                  << "\"invoice\"*";
        QTest::newRow("two words") << "march invoice"
                                   << "\"march\"* \"invoice\"*";
        QTest::newRow("quotes stripped") << "a\"b"
                                         << "\"a\"* \"b\"*";
        QTest::newRow("operators are words") << "NOT OR"
                                             << "\"NOT\"* \"OR\"*";
        QTest::newRow("empty") << "   "
                               << "";
    }
    void searchQueryIsSafe()
    {
        QFETCH(QString, input);
        QFETCH(QString, fts);
        QCOMPARE(SearchIndex::toFtsQuery(input), fts);
        m_store->search().search(input); // must not throw on any input
    }

    void searchFindsPrefixesAndDiacritics()
    {
        const qint64 id = m_store->messages().insert(row(1, QStringLiteral("Café meeting"), 1));
        m_store->search().index(id, QStringLiteral("Café meeting"), QStringLiteral("bob@x.org"),
                                QStringLiteral("Let us discuss the quarterly numbers"));
        QCOMPARE(m_store->search().search(QStringLiteral("cafe")).size(), size_t(1));
        QCOMPARE(m_store->search().search(QStringLiteral("quarter")).size(), size_t(1));
        QCOMPARE(m_store->search().search(QStringLiteral("bob")).size(), size_t(1));
        QVERIFY(m_store->search().search(QStringLiteral("quarterly nothing")).empty());
    }

    void tasksAreOrderedAndDurable()
    {
        const qint64 t1 = m_store->tasks().enqueue(m_account, QStringLiteral("flag"), "{}");
        const qint64 t2 = m_store->tasks().enqueue(m_account, QStringLiteral("move"), "{}");
        m_store->tasks().setState(t1, QStringLiteral("pending"), QStringLiteral("timeout"),
                                  QDateTime::currentSecsSinceEpoch() + 60, true);
        const auto due = m_store->tasks().due(m_account, QDateTime::currentSecsSinceEpoch());
        QCOMPARE(due.size(), size_t(1));
        QCOMPARE(due[0].id, t2);
        m_store.reset();
        m_store = std::make_unique<Store>(m_dir.path());
        const auto t = m_store->tasks().byId(t1);
        QVERIFY(t);
        QCOMPARE(t->attempts, 1);
        QCOMPARE(t->lastError, QStringLiteral("timeout"));
    }

    void integrityIsOk() { QCOMPARE(m_store->integrityCheck(), QStringLiteral("ok")); }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
