// Each folder's message and unread counts (schema version 10) are kept by triggers on messages:
// after every kind of change the stored counts equal what counting the messages gives, and the
// folder list and the unified views' counts read them.
#include "core/store/Schema.h"
#include "core/store/Store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace herald;
using store::ListScope;
using store::UnifiedView;

class TestFolderCounts : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Store> m_store;
    qint64 m_account = 0, m_inbox = 0, m_archive = 0, m_trash = 0;

    qint64 folder(const QString &name, const QString &use = QString())
    {
        store::Folder f;
        f.accountId = m_account;
        f.name = name;
        f.specialUse = use;
        return m_store->folders().upsert(f);
    }
    qint64 message(qint64 folderId, int flags)
    {
        store::MessageRow m;
        m.accountId = m_account;
        m.folderId = folderId;
        m.subject = QStringLiteral("counted");
        m.date = QDateTime::currentDateTimeUtc();
        m.flags = flags;
        return m_store->messages().insert(m);
    }
    // {total, unread} as stored, and as counted from the messages.
    QPair<qint64, qint64> stored(qint64 folderId)
    {
        const auto f = m_store->folders().byId(folderId);
        return f ? qMakePair(f->total, f->unread) : qMakePair(qint64(-1), qint64(-1));
    }
    QPair<qint64, qint64> counted(qint64 folderId)
    {
        store::Statement st(m_store->db(), "SELECT count(*), coalesce(sum((flags & 1) = 0), 0) "
                                           "FROM messages WHERE folder_id = ?");
        st.bind(1, folderId);
        return st.step() ? qMakePair(st.int64(0), st.int64(1)) : qMakePair(qint64(-1), qint64(-1));
    }

private slots:
    void init()
    {
        m_store.reset();
        QFile::remove(store::Store::databasePath(m_dir.path()));
        m_store = std::make_unique<store::Store>(m_dir.path());
        store::Account a;
        a.name = QStringLiteral("counts");
        a.email = QStringLiteral("me@counts.test");
        a.incomingUrl = QStringLiteral("imaps://me@127.0.0.1:993");
        a.outgoingUrl = QStringLiteral("smtps://me@127.0.0.1:465");
        m_account = m_store->accounts().add(a);
        m_inbox = folder(QStringLiteral("INBOX"));
        m_archive = folder(QStringLiteral("Archive"));
        m_trash = folder(QStringLiteral("Trash"), QStringLiteral("\\Trash"));
    }

    void countsFollowEveryChange_data()
    {
        QTest::addColumn<QString>("change");
        // inbox {total, unread}, archive {total, unread} after the change; before it the inbox
        // has 3 messages (2 unread: ids u1, u2; one read: r) and the archive none.
        QTest::addColumn<QList<qint64>>("expected");
        QTest::newRow("as inserted") << "none" << QList<qint64>{3, 2, 0, 0};
        QTest::newRow("read") << "read u1" << QList<qint64>{3, 1, 0, 0};
        QTest::newRow("unread") << "unread r" << QList<qint64>{3, 3, 0, 0};
        QTest::newRow("flagged only") << "flag u1" << QList<qint64>{3, 2, 0, 0};
        QTest::newRow("moved unread") << "move u1" << QList<qint64>{2, 1, 1, 1};
        QTest::newRow("moved read") << "move r" << QList<qint64>{2, 2, 1, 0};
        QTest::newRow("deleted") << "delete u2" << QList<qint64>{2, 1, 0, 0};
        QTest::newRow("folder emptied") << "empty inbox" << QList<qint64>{0, 0, 0, 0};
    }
    void countsFollowEveryChange()
    {
        QFETCH(QString, change);
        QFETCH(QList<qint64>, expected);
        const qint64 u1 = message(m_inbox, 0), u2 = message(m_inbox, store::FlagFlagged);
        const qint64 r = message(m_inbox, store::FlagSeen);
        auto &messages = m_store->messages();
        if (change == QLatin1String("read u1"))
            messages.setFlags(u1, store::FlagSeen, {});
        else if (change == QLatin1String("unread r"))
            messages.setFlags(r, 0, {});
        else if (change == QLatin1String("flag u1"))
            messages.setFlags(u1, store::FlagFlagged, {});
        else if (change == QLatin1String("move u1"))
            messages.moveTo(u1, m_archive, std::nullopt);
        else if (change == QLatin1String("move r"))
            messages.moveTo(r, m_archive, std::nullopt);
        else if (change == QLatin1String("delete u2"))
            messages.remove(u2);
        else if (change == QLatin1String("empty inbox"))
            messages.removeFolderContents(m_inbox);
        QCOMPARE(stored(m_inbox), qMakePair(expected[0], expected[1]));
        QCOMPARE(stored(m_archive), qMakePair(expected[2], expected[3]));
        QCOMPARE(stored(m_inbox), counted(m_inbox));
        QCOMPARE(stored(m_archive), counted(m_archive));
    }

    void unifiedCountsReadThem()
    {
        message(m_inbox, 0);
        message(m_inbox, store::FlagSeen);
        message(m_archive, 0);
        message(m_archive, store::FlagFlagged);
        message(m_trash, 0); // left out of every unified view
        auto &messages = m_store->messages();
        QCOMPARE(messages.countIn(ListScope::folder(m_archive), false), qint64(2));
        QCOMPARE(messages.countIn(ListScope::folder(m_archive), true), qint64(2));
        QCOMPARE(messages.countIn(ListScope::view(UnifiedView::Inboxes), false), qint64(2));
        QCOMPARE(messages.countIn(ListScope::view(UnifiedView::Inboxes), true), qint64(1));
        QCOMPARE(messages.countIn(ListScope::view(UnifiedView::Unread), false), qint64(3));
        QCOMPARE(messages.countIn(ListScope::view(UnifiedView::Unread), true), qint64(3));
        QCOMPARE(messages.countIn(ListScope::view(UnifiedView::Flagged), false), qint64(1));
    }

    // A cache of schema 9 gets its counts from the messages it holds when it is opened.
    void migrationCountsWhatIsThere()
    {
        QTemporaryDir dir;
        qint64 inbox = 0;
        {
            store::Database db(store::Store::databasePath(dir.path()));
            store::migrate(db, 9);
            db.exec("INSERT INTO accounts (id, name, email, incoming_url, outgoing_url, "
                    "created_at) VALUES (1, 'old', 'o@x.test', 'imaps://o@h', 'smtps://o@h', 0);"
                    "INSERT INTO folders (id, account_id, name) VALUES (7, 1, 'INBOX');"
                    "INSERT INTO messages (account_id, folder_id, flags, created_at) VALUES "
                    "(1, 7, 0, 0), (1, 7, 1, 0), (1, 7, 0, 0);");
            inbox = 7;
        }
        store::Store store(dir.path());
        QCOMPARE(store.db().userVersion(), store::latestSchemaVersion());
        const auto f = store.folders().byId(inbox);
        QVERIFY(f);
        QCOMPARE(f->total, qint64(3));
        QCOMPARE(f->unread, qint64(2));
    }
};

QTEST_GUILESS_MAIN(TestFolderCounts)
#include "tst_folder_counts.moc"
