// Conversations and list orders in the cache: ThreadRepository keeps thread ids across the
// folders of an account (merging in SQL), threads rows written before conversations existed,
// and every sort of the list reads its index in order without sorting.
#include "core/store/Store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace herald::store;

class TestStoreThreads : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    qint64 m_account = 0, m_inbox = 0, m_sent = 0, m_sortFolder = 0;
    QDateTime m_base = QDateTime(QDate(2025, 3, 1), QTime(9, 0), Qt::UTC);

    qint64 addRow(qint64 folder, const QString &messageId, const QString &subject, int minute,
                  const QString &inReplyTo = QString())
    {
        MessageRow row;
        row.accountId = m_account;
        row.folderId = folder;
        row.messageId = messageId;
        row.inReplyTo = inReplyTo;
        row.subject = subject;
        row.date = m_base.addSecs(minute * 60);
        return m_store->messages().insert(row);
    }
    qint64 threadOf(qint64 id)
    {
        Statement st(m_store->db(), "SELECT thread_id FROM messages WHERE id=?");
        st.bind(1, id);
        return st.step() && !st.isNull(0) ? st.int64(0) : 0;
    }

private slots:
    void initTestCase()
    {
        m_store = std::make_unique<Store>(m_dir.path());
        Account a;
        a.name = QStringLiteral("t");
        a.email = QStringLiteral("t@herald.test");
        a.incomingUrl = QStringLiteral("imaps://t@127.0.0.1:993");
        a.outgoingUrl = QStringLiteral("smtps://t@127.0.0.1:465");
        m_account = m_store->accounts().add(a);
        Folder f;
        f.accountId = m_account;
        f.name = QStringLiteral("INBOX");
        m_inbox = m_store->folders().upsert(f);
        f.name = QStringLiteral("Sent");
        m_sent = m_store->folders().upsert(f);
        f.name = QStringLiteral("Sorted");
        m_sortFolder = m_store->folders().upsert(f);
    }

    void threadsSpanFoldersAndMerge()
    {
        ThreadRepository &threads = m_store->threads();
        const qint64 question = addRow(m_inbox, "q@x", "Trip", 0);
        threads.assign(question, m_account, "q@x", {}, "Trip");
        // The user's answer in Sent, and a second branch whose parent is not here yet.
        const qint64 answer = addRow(m_sent, "a@x", "Re: Trip", 10);
        threads.assign(answer, m_account, "a@x", {"q@x"}, "Re: Trip");
        const qint64 branch = addRow(m_inbox, "b@x", "Re: Trip", 20);
        threads.assign(branch, m_account, "b@x", {"missing@x"}, "Re: Trip");
        QCOMPARE(threadOf(answer), question);
        QCOMPARE(threadOf(branch), branch);
        // The missing parent arrives and links both halves: one conversation, the older id.
        const qint64 link = addRow(m_inbox, "missing@x", "Re: Trip", 5);
        QCOMPARE(threads.assign(link, m_account, "missing@x", {"q@x"}, "Re: Trip"), question);
        QCOMPARE(threadOf(branch), question);
        const std::vector<qint64> expected{question, link, answer, branch}; // by date
        QCOMPARE(threads.messageIds(question), expected);
        m_store->messages().setFlags(branch, FlagSeen, {});
        m_store->messages().setFlags(question, FlagSeen, {});
        const auto summary = threads.summaries({question});
        QCOMPARE(summary.size(), size_t(1));
        QCOMPARE(summary[0].count, 4);
        QCOMPARE(summary[0].unread, 2);
    }

    void rowsWithoutThreadAreThreadedLater()
    {
        ThreadRepository &threads = m_store->threads();
        const qint64 first = addRow(m_inbox, "old1@x", "Old times", 100);
        const qint64 reply = addRow(m_inbox, "old2@x", "Re: Old times", 101, "old1@x");
        const qint64 bySubject = addRow(m_sent, "old3@x", "AW: Old times", 102);
        QCOMPARE(threads.pendingCount(), 3);
        QCOMPARE(threadOf(first), qint64(0));
        QCOMPARE(threads.assignPending(), 3);
        QCOMPARE(threads.pendingCount(), 0);
        QCOMPARE(threadOf(reply), first);
        QCOMPARE(threadOf(bySubject), first);
    }

    void sortOrders_data()
    {
        QTest::addColumn<int>("sort");
        QTest::addColumn<bool>("ascending");
        QTest::addColumn<QString>("expected"); // subjects in list order
        QTest::newRow("date desc") << int(MessageSort::Date) << false << "c b a d";
        QTest::newRow("date asc") << int(MessageSort::Date) << true << "d a b c";
        QTest::newRow("from asc") << int(MessageSort::From) << true << "b c d a";
        QTest::newRow("from desc") << int(MessageSort::From) << false << "a d c b";
        QTest::newRow("subject asc") << int(MessageSort::Subject) << true << "a b c d";
        QTest::newRow("subject desc") << int(MessageSort::Subject) << false << "d c b a";
        QTest::newRow("size asc") << int(MessageSort::Size) << true << "b d c a";
        QTest::newRow("size desc") << int(MessageSort::Size) << false << "a c d b";
        // Flagged first, then unread, then the rest (descending); ties newest last id first.
        QTest::newRow("status desc") << int(MessageSort::Status) << false << "c a d b";
        QTest::newRow("status asc") << int(MessageSort::Status) << true << "b d a c";
    }
    void sortOrders()
    {
        QFETCH(int, sort);
        QFETCH(bool, ascending);
        QFETCH(QString, expected);
        if (m_store->messages().orderedIds(m_sortFolder).empty()) {
            struct R
            {
                const char *subject, *name, *addr;
                int minute, size, flags;
            };
            // a: "Zed" unread; B (case must not matter): no name, address "adam@" read;
            // c: "bea" flagged unread; d: "Yves" read, oldest.
            const R rows[] = {{"a", "Zed", "z@x", 10, 900, 0},
                              {"B", "", "adam@x", 20, 100, FlagSeen},
                              {"c", "bea", "b@x", 30, 500, FlagFlagged},
                              {"d", "Yves", "y@x", 5, 200, FlagSeen}};
            for (const R &r : rows) {
                MessageRow row;
                row.accountId = m_account;
                row.folderId = m_sortFolder;
                row.subject = QString::fromLatin1(r.subject);
                row.fromName = QString::fromLatin1(r.name);
                row.fromAddr = QString::fromLatin1(r.addr);
                row.date = m_base.addSecs(r.minute * 60);
                row.size = r.size;
                row.flags = r.flags;
                m_store->messages().insert(row);
            }
        }
        QStringList subjects;
        for (const qint64 id :
             m_store->messages().orderedIds(m_sortFolder, MessageSort(sort), ascending))
            subjects << m_store->messages().byId(id)->subject.toLower();
        QCOMPARE(subjects.join(QLatin1Char(' ')), expected);
        // Read from a covering index in order: no sort step, no table rows.
        const QString plan = m_store->messages().orderedIdsPlan(MessageSort(sort), ascending);
        QVERIFY2(plan.contains(QLatin1String("COVERING INDEX")), qPrintable(plan));
        QVERIFY2(!plan.contains(QLatin1String("TEMP B-TREE")), qPrintable(plan));
    }
};

QTEST_GUILESS_MAIN(TestStoreThreads)
#include "tst_store_threads.moc"
