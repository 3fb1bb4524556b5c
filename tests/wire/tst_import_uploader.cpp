// imap::ImportUploader against a scripted server without UIDPLUS (Dovecot always has it): a
// task resumed after a pass died between APPEND and the recorded UID finds the first row's copy
// by UID range + SHA-256 and does not append it again; the next row is appended once and, with
// no APPENDUID, its UID is found the same way ("n:*" also answering with the highest UID below
// n is not taken for it). Exactly one APPEND goes over the wire.
#include "core/engine/imap/ImportUploader.h"
#include "core/imap/ImapSession.h"
#include "core/ingest/MessageIngest.h"
#include "core/store/Store.h"
#include "tests/wire/FakeServer.h"
#include "tests/wire/WireHelpers.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace herald;
using herald::test::FakeServer;

class TestImportUploader : public QObject
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

    void resumedWithoutUidplus()
    {
        const QByteArray a = "Subject: first, appended before the cut";
        const QByteArray b = "Subject: second";
        const QByteArray caps = "IMAP4rev1 LITERAL+";
        FakeServer server;
        test::loggedInScript(server, m_cert, caps)
            .expect("* SELECT Imported")
            .send("* 1 EXISTS\r\n* OK [UIDVALIDITY 7] v\r\n* OK [UIDNEXT 11] n\r\n"
                  "$tag OK [READ-WRITE] selected\r\n")
            // The first row still without a UID: searched for, found, not appended.
            .expect("* UID SEARCH UID 10:*")
            .send("* SEARCH 10\r\n$tag OK searched\r\n")
            .expect("* UID FETCH 10 (UID BODY.PEEK[])")
            .send("* 1 FETCH (UID 10 BODY[] {" + QByteArray::number(a.size()) + "}\r\n" + a +
                  ")\r\n$tag OK fetched\r\n")
            // The next one: appended once, its UID found by the same search.
            .expect("* APPEND Imported (\\Seen) {" + QByteArray::number(b.size()) + "+}")
            .expect(b)
            .send("$tag OK appended\r\n")
            .expect("* UID SEARCH UID 11:*")
            .send("* SEARCH 10 11\r\n$tag OK searched\r\n")
            .expect("* UID FETCH 11 (UID BODY.PEEK[])")
            .send("* 2 FETCH (UID 11 BODY[] {" + QByteArray::number(b.size()) + "}\r\n" + b +
                  ")\r\n$tag OK fetched\r\n");
        const quint16 port = server.start();

        store::Store store(m_dir.filePath(QStringLiteral("profile")));
        store::Account account;
        account.name = QStringLiteral("alice");
        account.email = QStringLiteral("alice@example.org");
        account.incomingUrl = QStringLiteral("imaps://alice@localhost:%1").arg(port);
        account.outgoingUrl = QStringLiteral("smtps://alice@localhost:465");
        const qint64 accountId = store.accounts().add(account);
        store::Folder folder;
        folder.accountId = accountId;
        folder.name = QStringLiteral("Imported");
        const qint64 folderId = store.folders().upsert(folder);
        sync::MessageIngest ingest(store);
        QList<qint64> ids;
        for (const QByteArray &raw : {a, b}) {
            sync::IncomingMessage meta;
            meta.accountId = accountId;
            meta.folderId = folderId;
            meta.flags = store::FlagSeen;
            meta.remoteKey = QStringLiteral("sha256:%1").arg(ids.size());
            ids << ingest.addMessage(meta, raw);
        }
        // The cut attempt had seen UIDNEXT 10 before its first APPEND.
        QJsonObject payload = imap::appendTaskPayload(folderId, folder.name, ids);
        payload[QStringLiteral("from_uid")] = 10;
        payload[QStringLiteral("uidvalidity")] = 7;
        const qint64 taskId =
            store.tasks().enqueue(accountId, imap::kAppendTaskKind, QStringLiteral("{}"));

        imap::ImapSession session;
        const net::Error opened = test::openTlsSession(session, port, m_cert);
        QVERIFY2(!opened, qPrintable(opened.message));
        int uploaded = 0;
        const net::Error e =
            imap::ImportUploader(session, store).upload(taskId, payload, &uploaded);
        QVERIFY2(!e, qPrintable(e.message));
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join('\n')));
        QVERIFY(server.scriptDone());
        QCOMPARE(uploaded, 2);
        QCOMPARE(store.messages().byId(ids[0])->uid, std::optional<qint64>(10));
        QCOMPARE(store.messages().byId(ids[1])->uid, std::optional<qint64>(11));
        QCOMPARE(server.received().count("APPEND"), 1);
    }
};

QTEST_GUILESS_MAIN(TestImportUploader)
#include "tst_import_uploader.moc"
