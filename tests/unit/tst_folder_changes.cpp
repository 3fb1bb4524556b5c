// The cache side of folder management, without a server: renaming a folder renames the full
// names of the folders below it (and only those), a row a folder-list sync already made at a
// new name is replaced; which folders a delete takes and in which order; which folders are
// protected, and the words why. (The server side: tests/integration/tst_gui_folders.)
#include "core/engine/imap/FolderManager.h"
#include "core/store/Store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace herald;

class TestFolderChanges : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Store> m_store;
    qint64 m_account = 0;

    qint64 add(const QString &name, const QString &delimiter = QStringLiteral("/"),
               const QString &specialUse = QString())
    {
        store::Folder f;
        f.accountId = m_account;
        f.name = name;
        f.delimiter = delimiter;
        f.specialUse = specialUse;
        return m_store->folders().upsert(f);
    }
    QStringList names()
    {
        QStringList out;
        for (const store::Folder &f : m_store->folders().list(m_account))
            out << f.name;
        out.sort();
        return out;
    }

private slots:
    void init()
    {
        m_store.reset();
        QFile::remove(store::Store::databasePath(m_dir.path()));
        m_store = std::make_unique<store::Store>(m_dir.path());
        store::Account a;
        a.name = QStringLiteral("work");
        a.email = QStringLiteral("me@example.org");
        a.incomingUrl = QStringLiteral("imaps://me@imap.example.org:993");
        a.outgoingUrl = QStringLiteral("smtps://me@smtp.example.org:465");
        m_account = m_store->accounts().add(a);
    }

    void renameTreeRenamesChildren()
    {
        const qint64 parent = add(QStringLiteral("Projects"));
        const qint64 child = add(QStringLiteral("Projects/2025"));
        const qint64 grandchild = add(QStringLiteral("Projects/2025/Q1"));
        add(QStringLiteral("Projects2")); // same prefix, no delimiter: not a child
        add(QStringLiteral("Other/Projects"));
        m_store->folders().renameTree(m_account, QStringLiteral("Projects"),
                                      QStringLiteral("Clients"), QStringLiteral("/"));
        QCOMPARE(names(), (QStringList{"Clients", "Clients/2025", "Clients/2025/Q1",
                                       "Other/Projects", "Projects2"}));
        // The same rows: their messages and sync state stay.
        QCOMPARE(m_store->folders().byName(m_account, QStringLiteral("Clients"))->id, parent);
        QCOMPARE(m_store->folders().byName(m_account, QStringLiteral("Clients/2025"))->id, child);
        QCOMPARE(m_store->folders().byName(m_account, QStringLiteral("Clients/2025/Q1"))->id,
                 grandchild);
    }

    // A folder-list sync saw the server's rename first and made an empty row at the new name.
    void renameTreeReplacesARowAtTheNewName()
    {
        const qint64 old = add(QStringLiteral("A"));
        add(QStringLiteral("B"));
        m_store->folders().renameTree(m_account, QStringLiteral("A"), QStringLiteral("B"),
                                      QStringLiteral("/"));
        QCOMPARE(names(), QStringList{QStringLiteral("B")});
        QCOMPARE(m_store->folders().byName(m_account, QStringLiteral("B"))->id, old);
    }

    void renameWithoutHierarchy()
    {
        add(QStringLiteral("A"), QString());
        add(QStringLiteral("A.b"), QString());
        m_store->folders().renameTree(m_account, QStringLiteral("A"), QStringLiteral("C"),
                                      QString());
        QCOMPARE(names(), (QStringList{"A.b", "C"}));
    }

    void subtreeDeepestFirst()
    {
        add(QStringLiteral("INBOX"));
        add(QStringLiteral("P"));
        add(QStringLiteral("P/a"));
        add(QStringLiteral("P/a/x"));
        add(QStringLiteral("P/b"));
        add(QStringLiteral("Pa"));
        const auto all = m_store->folders().list(m_account);
        const auto root = m_store->folders().byName(m_account, QStringLiteral("P"));
        QStringList order;
        for (const store::Folder &f : imap::folderSubtree(all, *root))
            order << f.name;
        QCOMPARE(order, (QStringList{"P/a/x", "P/b", "P/a", "P"}));
        QCOMPARE(imap::accountDelimiter(all), QStringLiteral("/"));
    }

    void protectedFolders_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("specialUse");
        QTest::addColumn<bool>("isLocal");
        QTest::addColumn<QString>("reason"); // empty: may be renamed and deleted
        QTest::newRow("INBOX") << "INBOX"
                               << "" << false << "The Inbox cannot be renamed";
        QTest::newRow("inbox") << "Inbox"
                               << "" << false << "The Inbox cannot be renamed";
        QTest::newRow("Sent") << "Sent Items"
                              << "\\Sent" << false << "for sent mail";
        QTest::newRow("Drafts") << "Drafts"
                                << "\\Drafts" << false << "for drafts";
        QTest::newRow("Trash") << "Trash"
                               << "\\Trash" << false << "for deleted mail";
        QTest::newRow("Junk") << "Spam"
                              << "\\Junk" << false << "for junk mail";
        QTest::newRow("unknown use") << "X"
                                     << "\\Important" << false << "for \\Important";
        QTest::newRow("local Outbox") << "Outbox"
                                      << "\\Outbox" << true << "keeps on this computer";
        QTest::newRow("own folder") << "Projects"
                                    << "" << false << "";
        QTest::newRow("named Sent, no use") << "Sent"
                                            << "" << false << "";
    }
    void protectedFolders()
    {
        QFETCH(QString, name);
        QFETCH(QString, specialUse);
        QFETCH(bool, isLocal);
        QFETCH(QString, reason);
        store::Folder f;
        f.name = name;
        f.specialUse = specialUse;
        f.isLocal = isLocal;
        const QString got = imap::protectedFolderReason(f);
        if (reason.isEmpty())
            QVERIFY2(got.isEmpty(), qPrintable(got));
        else
            QVERIFY2(got.contains(reason), qPrintable(got));
    }
};

QTEST_MAIN(TestFolderChanges)
#include "tst_folder_changes.moc"
