// imap::FolderManager on the wire, against scripted servers: what CREATE / RENAME / DELETE look
// like (modified UTF-7, quoting), that a refusal keeps the server's words with its response
// code and leaves the cache alone, that a delete goes deepest first and takes a folder that is
// gone already ([NONEXISTENT]) as deleted, and that the created folder takes LIST's delimiter.
#include "core/accounts/AccountSettings.h"
#include "core/engine/imap/FolderManager.h"
#include "core/store/Store.h"
#include "tests/wire/FakeServer.h"
#include "tests/wire/WireHelpers.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace herald;
using herald::test::FakeServer;

namespace {
const QByteArray kCaps = "IMAP4rev1 LITERAL+ UIDPLUS";
}

class TestImapFolderCommands : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    test::TestCertificate m_cert;
    std::unique_ptr<QTemporaryDir> m_profile;
    std::unique_ptr<store::Store> m_store;

    // A scripted server that greets and takes LOGIN; the test adds the rest.
    test::FakeScript &loggedIn(FakeServer &server)
    {
        return test::loggedInScript(server, m_cert, kCaps);
    }
    static void loggedOut(test::FakeScript &s)
    {
        s.expect("* LOGOUT").send("* BYE bye\r\n$tag OK\r\n");
    }
    store::Account account(quint16 port)
    {
        accounts::AccountSettings settings;
        settings.passwordSource = QStringLiteral("env:HERALD_WIRE_PASSWORD");
        settings.caFile = m_cert.certificatePath;
        store::Account a;
        a.name = QStringLiteral("alice");
        a.email = QStringLiteral("alice@example.org");
        a.incomingUrl = QStringLiteral("imaps://alice@localhost:%1").arg(port);
        a.outgoingUrl = QStringLiteral("smtps://alice@localhost:465");
        a.settingsJson = settings.toJson();
        a.id = m_store->accounts().add(a);
        return a;
    }
    qint64 addFolder(const store::Account &a, const QString &name)
    {
        store::Folder f;
        f.accountId = a.id;
        f.name = name;
        f.delimiter = QStringLiteral("/");
        return m_store->folders().upsert(f);
    }
    QStringList names(const store::Account &a)
    {
        QStringList out;
        for (const store::Folder &f : m_store->folders().list(a.id))
            out << f.name;
        out.sort();
        return out;
    }

private slots:
    void initTestCase()
    {
        m_cert = test::makeTestCertificate(m_dir.path());
        QVERIFY(m_cert.isValid());
        qputenv("HERALD_WIRE_PASSWORD", "secret");
    }
    void init()
    {
        m_store.reset();
        m_profile = std::make_unique<QTemporaryDir>();
        m_store = std::make_unique<store::Store>(m_profile->path());
    }

    void refusalKeepsTheServersWords()
    {
        FakeServer server;
        auto &s = loggedIn(server)
                      .expect("* CREATE Projects/&AMk-t&AOk-")
                      .send("$tag NO [ALREADYEXISTS] Mailbox already exists\r\n");
        loggedOut(s);
        const store::Account a = account(server.start());
        addFolder(a, QStringLiteral("Projects"));
        imap::FolderManager manager(*m_store, a);
        const auto r = manager.create(QString::fromUtf8("Projects/\xC3\x89t\xC3\xA9"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error.kind, net::Error::Kind::CommandFailed);
        QCOMPARE(r.serverWords, QStringLiteral("[ALREADYEXISTS] Mailbox already exists"));
        QVERIFY(!r.needsConnection());
        QCOMPARE(names(a), QStringList{QStringLiteral("Projects")}); // the cache as it was
        QTRY_VERIFY2(server.scriptDone(), qPrintable(server.failures().join('\n')));
    }

    void createTakesTheListedDelimiter()
    {
        FakeServer server;
        auto &s = loggedIn(server)
                      .expect("* CREATE New")
                      .send("$tag OK Create completed\r\n")
                      .expect("* LIST \"\" \"New\"")
                      .send("* LIST (\\HasNoChildren) \".\" New\r\n$tag OK\r\n");
        loggedOut(s);
        const store::Account a = account(server.start());
        const auto r = imap::FolderManager(*m_store, a).create(QStringLiteral("New"));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        const auto folder = m_store->folders().byId(r.folderId);
        QVERIFY(folder);
        QCOMPARE(folder->name, QStringLiteral("New"));
        QCOMPARE(folder->delimiter, QStringLiteral("."));
        QCOMPARE(folder->attributes, QStringLiteral("\\HasNoChildren"));
    }

    void renameQuotesAndRenamesChildren()
    {
        FakeServer server;
        auto &s = loggedIn(server)
                      .expect("* RENAME \"My Work\" Clients")
                      .send("$tag OK Rename completed\r\n");
        loggedOut(s);
        const store::Account a = account(server.start());
        const qint64 parent = addFolder(a, QStringLiteral("My Work"));
        addFolder(a, QStringLiteral("My Work/2025"));
        const auto r = imap::FolderManager(*m_store, a)
                           .rename(QStringLiteral("My Work"), QStringLiteral("Clients"));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.folderId, parent);
        QCOMPARE(names(a),
                 (QStringList{QStringLiteral("Clients"), QStringLiteral("Clients/2025")}));
    }

    void deleteGoesDeepestFirst()
    {
        FakeServer server;
        auto &s = loggedIn(server)
                      .expect("* DELETE P/a/x")
                      .send("$tag OK\r\n")
                      .expect("* DELETE P/a")
                      .send("$tag NO [NONEXISTENT] Mailbox doesn't exist: P/a\r\n")
                      .expect("* DELETE P")
                      .send("$tag OK\r\n");
        loggedOut(s);
        const store::Account a = account(server.start());
        addFolder(a, QStringLiteral("P"));
        addFolder(a, QStringLiteral("P/a"));
        addFolder(a, QStringLiteral("P/a/x"));
        addFolder(a, QStringLiteral("Pa"));
        const auto r = imap::FolderManager(*m_store, a).remove(QStringLiteral("P"));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.deleted, 3);
        QCOMPARE(names(a), QStringList{QStringLiteral("Pa")});
    }

    // A refusal halfway: what went before is gone from the cache too, the rest stays.
    void deleteStopsAtTheFirstRefusal()
    {
        FakeServer server;
        auto &s = loggedIn(server)
                      .expect("* DELETE P/a")
                      .send("$tag OK\r\n")
                      .expect("* DELETE P")
                      .send("$tag NO [INUSE] Mailbox is in use\r\n");
        loggedOut(s);
        const store::Account a = account(server.start());
        addFolder(a, QStringLiteral("P"));
        addFolder(a, QStringLiteral("P/a"));
        const auto r = imap::FolderManager(*m_store, a).remove(QStringLiteral("P"));
        QVERIFY(!r.ok());
        QCOMPARE(r.deleted, 1);
        QCOMPARE(r.serverWords, QStringLiteral("[INUSE] Mailbox is in use"));
        QCOMPARE(names(a), QStringList{QStringLiteral("P")});
    }

    void unreachableNeedsAConnection()
    {
        FakeServer server;
        const quint16 port = server.start();
        server.close(); // nobody listens there any more
        const store::Account a = account(port);
        const auto r = imap::FolderManager(*m_store, a).create(QStringLiteral("X"));
        QVERIFY(!r.ok());
        QVERIFY2(r.needsConnection(), qPrintable(net::kindName(r.error.kind)));
        QVERIFY(r.serverWords.isEmpty());
        QVERIFY(names(a).isEmpty());
    }
};

QTEST_MAIN(TestImapFolderCommands)
#include "tst_imap_folder_commands.moc"
