// The unified views over every account (store::ListScope): which messages each view holds,
// newest first across accounts; their counts; that the filtered views read their own index in
// list order (no sort of the whole cache); and the queries behind new-mail notifications.
#include "core/store/Store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace herald;
using store::ListScope;
using store::UnifiedView;

class TestUnifiedViews : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Store> m_store;
    QHash<QString, qint64> m_ids;    // tag -> message id
    QHash<QString, qint64> m_folder; // "account/folder" -> folder id
    qint64 m_a = 0, m_b = 0;

    qint64 folder(qint64 account, const QString &name, const QString &use = QString())
    {
        store::Folder f;
        f.accountId = account;
        f.name = name;
        f.specialUse = use;
        f.isLocal = use == QLatin1String("\\Outbox");
        return m_store->folders().upsert(f);
    }
    void message(const QString &tag, qint64 account, qint64 folderId, int minute, int flags)
    {
        store::MessageRow m;
        m.accountId = account;
        m.folderId = folderId;
        m.subject = tag;
        m.date = QDateTime(QDate(2026, 11, 30), QTime(10, minute), Qt::UTC);
        m.flags = flags;
        m_ids.insert(tag, m_store->messages().insert(m));
    }
    QStringList tags(const std::vector<qint64> &ids) const
    {
        QStringList out;
        for (const qint64 id : ids)
            out << m_ids.key(id);
        return out;
    }

private slots:
    void initTestCase()
    {
        m_store = std::make_unique<store::Store>(m_dir.path());
        store::Account a;
        a.name = QStringLiteral("work");
        a.email = QStringLiteral("me@work.test");
        a.incomingUrl = QStringLiteral("imaps://me@127.0.0.1:993");
        a.outgoingUrl = QStringLiteral("smtps://me@127.0.0.1:465");
        m_a = m_store->accounts().add(a);
        a.name = QStringLiteral("home");
        a.email = QStringLiteral("me@home.test");
        m_b = m_store->accounts().add(a);
        const qint64 inboxA = folder(m_a, QStringLiteral("INBOX"));
        const qint64 inboxB = folder(m_b, QStringLiteral("INBOX"));
        const qint64 archiveA = folder(m_a, QStringLiteral("Archive"), QStringLiteral("\\Archive"));
        const qint64 trashB = folder(m_b, QStringLiteral("Trash"), QStringLiteral("\\Trash"));
        const qint64 junkA = folder(m_a, QStringLiteral("Spam"), QStringLiteral("\\Junk"));
        const qint64 outboxB = folder(m_b, QStringLiteral("Outbox"), QStringLiteral("\\Outbox"));
        const int seen = store::FlagSeen, flagged = store::FlagFlagged;
        // minute = age order: higher is newer.
        message(QStringLiteral("a-inbox-old-read"), m_a, inboxA, 1, seen);
        message(QStringLiteral("b-inbox-unread"), m_b, inboxB, 2, 0);
        message(QStringLiteral("a-inbox-unread-flagged"), m_a, inboxA, 3, flagged);
        message(QStringLiteral("b-trash-unread-flagged"), m_b, trashB, 4, flagged);
        message(QStringLiteral("a-archive-read-flagged"), m_a, archiveA, 5, seen | flagged);
        message(QStringLiteral("a-junk-unread"), m_a, junkA, 6, 0);
        message(QStringLiteral("b-outbox-unread"), m_b, outboxB, 7, 0);
        message(QStringLiteral("b-inbox-newest-read"), m_b, inboxB, 8, seen);
        message(QStringLiteral("a-archive-unread"), m_a, archiveA, 9, 0);
        // Same date as another: the id breaks the tie, as in a folder's list.
        message(QStringLiteral("a-inbox-same-minute"), m_a, inboxA, 2, seen);
    }

    void orderedIds_data()
    {
        QTest::addColumn<int>("view");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<qint64>("unread");
        QTest::newRow("all inboxes")
            << int(UnifiedView::Inboxes)
            << QStringList{"b-inbox-newest-read", "a-inbox-unread-flagged", "a-inbox-same-minute",
                           "b-inbox-unread", "a-inbox-old-read"}
            << qint64(2);
        QTest::newRow("unread: no trash, junk or outbox")
            << int(UnifiedView::Unread)
            << QStringList{"a-archive-unread", "a-inbox-unread-flagged", "b-inbox-unread"}
            << qint64(3);
        QTest::newRow("flagged: no trash")
            << int(UnifiedView::Flagged)
            << QStringList{"a-archive-read-flagged", "a-inbox-unread-flagged"} << qint64(1);
    }

    void orderedIds()
    {
        QFETCH(int, view);
        QFETCH(QStringList, expected);
        QFETCH(qint64, unread);
        const ListScope scope = ListScope::view(UnifiedView(view));
        QCOMPARE(tags(m_store->messages().orderedIds(scope)), expected);
        QCOMPARE(m_store->messages().countIn(scope, false), qint64(expected.size()));
        QCOMPARE(m_store->messages().countIn(scope, true), unread);
        // The folders' own counts agree with the view (the folder tree sums them).
        qint64 summed = 0;
        for (const store::Folder &f : m_store->folders().list())
            if (store::inUnifiedView(f, UnifiedView(view)))
                summed += f.unread;
        if (UnifiedView(view) != UnifiedView::Flagged)
            QCOMPARE(summed, unread);
    }

    void folderScopeIsTheFolderList()
    {
        const qint64 inboxA = m_store->folders().byName(m_a, QStringLiteral("INBOX"))->id;
        QCOMPARE(m_store->messages().orderedIds(ListScope::folder(inboxA)),
                 m_store->messages().orderedIds(inboxA));
        QVERIFY(m_store->messages().orderedIds(ListScope()).empty());
    }

    // The filtered views walk their partial index in list order: no temporary sort, whatever
    // the size of the cache.
    void filteredViewsReadTheirIndexInOrder_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("index");
        QTest::newRow("unread") << "(flags & 1) = 0"
                                << "messages_unread_date";
        QTest::newRow("flagged") << "(flags & 4) != 0"
                                 << "messages_flagged_date";
    }

    void filteredViewsReadTheirIndexInOrder()
    {
        QFETCH(QString, sql);
        QFETCH(QString, index);
        store::Statement plan(
            m_store->db(),
            ("EXPLAIN QUERY PLAN SELECT id FROM messages INDEXED BY " + index + " WHERE " + sql +
             " AND folder_id NOT IN (SELECT id FROM folders WHERE lower(special_use) IN "
             "('\\trash')) ORDER BY date DESC, id DESC")
                .toUtf8()
                .constData());
        QString text;
        while (plan.step())
            text += plan.text(3) + QLatin1Char('\n');
        QVERIFY2(text.contains(index), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("TEMP B-TREE")), qPrintable(text));
    }

    void newMailForNotifications()
    {
        const auto unseen = m_store->messages().unseenInboxAfter(m_a, 0);
        QCOMPARE(unseen.size(), size_t(1));
        QCOMPARE(unseen.front().subject, QStringLiteral("a-inbox-unread-flagged"));
        QCOMPARE(m_store->messages().maxInboxId(m_a), m_ids.value("a-inbox-same-minute"));
        QCOMPARE(m_store->messages().maxInboxId(m_b), m_ids.value("b-inbox-newest-read"));
        // Above the mark only.
        QVERIFY(m_store->messages()
                    .unseenInboxAfter(m_a, m_ids.value("a-inbox-unread-flagged"))
                    .empty());
        const auto b = m_store->messages().unseenInboxAfter(m_b, 0);
        QCOMPARE(b.size(), size_t(1));
        QCOMPARE(b.front().subject, QStringLiteral("b-inbox-unread"));
        QCOMPARE(b.front().accountName, QStringLiteral("home"));
    }
};

QTEST_GUILESS_MAIN(TestUnifiedViews)
#include "tst_unified_views.moc"
