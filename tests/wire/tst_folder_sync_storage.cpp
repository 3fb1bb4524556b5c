// A cache that fails mid-FETCH ends the IMAP folder sync with a Storage error value (issue 14):
// a trigger makes every insert into `messages` fail, like a full or read-only disk, while a
// scripted server answers the header FETCH. With a batch of 2 the write happens inside the
// FETCH callback (an exception there would pass through QEventLoop::exec); with a batch of 500
// it happens after the wait. Either way: Kind::Storage, category Storage, no row, no folder
// state written (the next sync starts over), and the rest of the answer read to its end.
#include "core/engine/imap/FolderSync.h"
#include "core/imap/ImapSession.h"
#include "core/store/Store.h"
#include "tests/wire/FakeServer.h"
#include "tests/wire/WireHelpers.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace herald;
using herald::test::FakeServer;

namespace {
QByteArray headerAnswer(int seq, const QByteArray &header)
{
    return "* " + QByteArray::number(seq) + " FETCH (UID " + QByteArray::number(seq) +
           " FLAGS () INTERNALDATE \"01-Jan-2026 10:00:00 +0000\" RFC822.SIZE 90 BODY[HEADER] {" +
           QByteArray::number(header.size()) + "}\r\n" + header + ")\r\n";
}
} // namespace

class TestFolderSyncStorage : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    test::TestCertificate m_cert;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cert = test::makeTestCertificate(m_dir.path());
        QVERIFY(m_cert.isValid());
    }

    void failingCacheEndsTheSyncWithStorageError_data()
    {
        QTest::addColumn<int>("headerBatch");
        QTest::newRow("inside the FETCH callback") << 2;
        QTest::newRow("after the FETCH") << 500;
    }

    void failingCacheEndsTheSyncWithStorageError()
    {
        QFETCH(int, headerBatch);
        const QByteArray caps = "IMAP4rev1 LITERAL+";
        const QByteArray h1 = "Subject: one\r\nMessage-ID: <one@wire.test>\r\n\r\n";
        const QByteArray h2 = "Subject: two\r\nMessage-ID: <two@wire.test>\r\n\r\n";
        FakeServer server;
        test::loggedInScript(server, m_cert, caps)
            .expect("* SELECT *")
            .send("* 2 EXISTS\r\n* OK [UIDVALIDITY 7] v\r\n* OK [UIDNEXT 3] n\r\n"
                  "$tag OK [READ-WRITE] selected\r\n")
            .expect("* UID FETCH *")
            .send("* 1 FETCH (UID 1 FLAGS ())\r\n* 2 FETCH (UID 2 FLAGS ())\r\n$tag OK flags\r\n")
            .expect("* UID FETCH *")
            .send(headerAnswer(2, h2) + headerAnswer(1, h1) + "$tag OK headers\r\n");
        const quint16 port = server.start();

        const QString profile = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()));
        store::Store store(profile);
        store::Account account;
        account.name = QStringLiteral("alice");
        account.email = QStringLiteral("alice@example.org");
        account.incomingUrl = QStringLiteral("imaps://alice@localhost:%1").arg(port);
        account.outgoingUrl = QStringLiteral("smtps://alice@localhost:465");
        store::Folder folder;
        folder.accountId = store.accounts().add(account);
        folder.name = QStringLiteral("INBOX");
        folder.id = store.folders().upsert(folder);
        // The disk is full, as far as new messages go.
        store.db().exec("CREATE TEMP TRIGGER full_disk BEFORE INSERT ON messages "
                        "BEGIN SELECT RAISE(ABORT, 'database or disk is full (test)'); END");

        imap::ImapSession session;
        const net::Error opened = test::openTlsSession(session, port, m_cert);
        QVERIFY2(!opened, qPrintable(opened.message));

        imap::SyncPolicy policy;
        policy.headerBatch = headerBatch;
        imap::FolderSync sync(session, store, policy);
        imap::FolderSyncStats stats;
        const net::Error e = sync.sync(folder, stats);
        QCOMPARE(e.kind, net::Error::Kind::Storage);
        QCOMPARE(net::category(e), net::Error::Category::Storage);
        QCOMPARE(net::categoryName(net::category(e)), QStringLiteral("storage"));
        QVERIFY2(e.message.contains(QLatin1String("disk is full (test)")), qPrintable(e.message));
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join('\n')));
        QVERIFY(server.scriptDone());
        QVERIFY(store.messages().withoutBody(folder.id, 0, 0).empty());
        const auto after = store.folders().byId(folder.id);
        QVERIFY(after);
        QVERIFY(!after->uidNext); // the next sync does the whole folder again
        QVERIFY(!after->uidValidity);
    }

    void everyKindHasACategory()
    {
        using Kind = net::Error::Kind;
        using Category = net::Error::Category;
        const QList<QPair<Kind, Category>> table{
            {Kind::None, Category::None},
            {Kind::HostNotFound, Category::Network},
            {Kind::ConnectionRefused, Category::Network},
            {Kind::ConnectionLost, Category::Network},
            {Kind::Timeout, Category::Network},
            {Kind::NotConnected, Category::Network},
            {Kind::Tls, Category::Tls},
            {Kind::UntrustedCertificate, Category::Tls},
            {Kind::StartTlsUnavailable, Category::Tls},
            {Kind::Authentication, Category::Auth},
            {Kind::Protocol, Category::Protocol},
            {Kind::ServerBye, Category::Protocol},
            {Kind::CommandFailed, Category::Protocol},
            {Kind::Unsupported, Category::Protocol},
            {Kind::Storage, Category::Storage},
            {Kind::Cancelled, Category::Cancelled},
        };
        for (const auto &[kind, category] : table)
            QCOMPARE(net::category(kind), category);
        QCOMPARE(net::kindName(Kind::Storage), QStringLiteral("storage"));
    }
};

QTEST_GUILESS_MAIN(TestFolderSyncStorage)
#include "tst_folder_sync_storage.moc"
