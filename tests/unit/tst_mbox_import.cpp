// Export of a folder to mbox and import into a local folder (core/sync/MboxTransfer): every
// message comes back byte for byte, importing the same file twice adds nothing (the same bytes;
// two messages that only share a Message-ID are both kept), a server folder's name is refused
// as a local import target but an IMAP server folder takes an import with upload tasks, bodies
// not downloaded
// are counted, and a cancelled import keeps what it committed.
#include "core/engine/imap/ImportUploader.h"
#include "core/ingest/MessageIngest.h"
#include "core/store/ImportUploads.h"
#include "core/store/Sqlite.h"
#include "core/store/Store.h"
#include "core/sync/MboxTransfer.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <memory>

using namespace herald;

class TstMboxImport : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void roundTripAndTwice();
    void duplicatesAreTheSameBytes();
    void serverFolderRefused();
    void missingBodiesCounted();
    void cancelKeepsCommitted();
    void serverFolderQueuesUploads();

private:
    std::vector<QByteArray> sortedBodies(qint64 folderId);
    QString exportInbox();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::Store> m_store;
    qint64 m_account = 0;
    qint64 m_inbox = 0;
    std::vector<QByteArray> m_messages;
};

void TstMboxImport::init()
{
    m_store.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<store::Store>(m_dir->path());
    store::Account a;
    a.name = QStringLiteral("work");
    a.email = QStringLiteral("me@example.org");
    a.incomingUrl = QStringLiteral("imaps://me@imap.example.org:993");
    a.outgoingUrl = QStringLiteral("smtps://me@smtp.example.org:465");
    m_account = m_store->accounts().add(a);
    store::Folder inbox;
    inbox.accountId = m_account;
    inbox.name = QStringLiteral("INBOX");
    m_inbox = m_store->folders().upsert(inbox);

    // The corpora as a server holds them (CRLF), each with a UID as a sync stores it.
    m_messages.clear();
    QDirIterator it(qEnvironmentVariable("HERALD_TEST_DATA"), {QStringLiteral("*.eml")},
                    QDir::Files, QDirIterator::Subdirectories);
    sync::MessageIngest ingest(*m_store);
    qint64 uid = 1;
    QSet<QString> ids;
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray raw = f.readAll();
        raw.replace("\r\n", "\n").replace("\n", "\r\n");
        if (!raw.endsWith("\r\n"))
            raw += "\r\n";
        // (malformed/009 and 011 are the same bytes: the mailbox holds them once.)
        if (ids.contains(QString::fromLatin1(raw.toBase64())))
            continue;
        ids.insert(QString::fromLatin1(raw.toBase64()));
        sync::IncomingMessage meta;
        meta.accountId = m_account;
        meta.folderId = m_inbox;
        meta.uid = uid++;
        ingest.addMessage(meta, raw);
        m_messages.push_back(raw);
    }
    QVERIFY(m_messages.size() >= 50);
    std::sort(m_messages.begin(), m_messages.end());
}

std::vector<QByteArray> TstMboxImport::sortedBodies(qint64 folderId)
{
    std::vector<QByteArray> out;
    for (const qint64 id : m_store->messages().orderedIds(folderId))
        out.push_back(m_store->bodies().get(id).value_or(QByteArray("(no body)")));
    std::sort(out.begin(), out.end());
    return out;
}

QString TstMboxImport::exportInbox()
{
    const QString path = m_dir->filePath(QStringLiteral("inbox.mbox"));
    const sync::MboxExportResult r = sync::exportMbox(*m_store, m_inbox, path);
    if (!r.error.isEmpty() || r.written != int(m_messages.size()))
        qWarning() << "export:" << r.error << r.written;
    return path;
}

void TstMboxImport::roundTripAndTwice()
{
    const QString path = exportInbox();
    const qint64 folder =
        sync::localImportFolder(*m_store, m_account, QStringLiteral("Archive 2026"));
    QVERIFY(m_store->folders().byId(folder)->isLocal);
    qint64 lastDone = 0, lastTotal = 0;
    const sync::MboxImportResult first =
        sync::importMbox(*m_store, path, folder, [&](qint64 done, qint64 total) {
            lastDone = done;
            lastTotal = total;
            return true;
        });
    QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
    QCOMPARE(first.added, int(m_messages.size()));
    QCOMPARE(lastDone, QFileInfo(path).size());
    QCOMPARE(lastTotal, QFileInfo(path).size());
    QVERIFY(sortedBodies(folder) == m_messages);

    // The same file again, into the same folder (found again by name): nothing added.
    QCOMPARE(sync::localImportFolder(*m_store, m_account, QStringLiteral("Archive 2026")), folder);
    const sync::MboxImportResult second = sync::importMbox(*m_store, path, folder);
    QCOMPARE(second.added, 0);
    QCOMPARE(second.alreadyThere, int(m_messages.size()));
    QCOMPARE(m_store->messages().orderedIds(folder).size(), m_messages.size());

    // And exported from the imported folder: the same file, byte for byte.
    const QString again = m_dir->filePath(QStringLiteral("again.mbox"));
    QCOMPARE(sync::exportMbox(*m_store, folder, again).written, int(m_messages.size()));
    QFile a(path), b(again);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QCOMPARE(QCryptographicHash::hash(b.readAll(), QCryptographicHash::Sha256),
             QCryptographicHash::hash(a.readAll(), QCryptographicHash::Sha256));
}

void TstMboxImport::duplicatesAreTheSameBytes()
{
    const QString path = m_dir->filePath(QStringLiteral("noid.mbox"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
        "From a@x Thu Dec  3 06:38:18 2026\nSubject: one\n\nsame id-less text\n\n"
        "From a@x Thu Dec  3 06:38:18 2026\nSubject: two\n\nother text\n\n"
        "From a@x Thu Dec  3 06:38:18 2026\nMessage-ID: <same@x>\nSubject: three\n\nx\n\n"
        "From a@x Thu Dec  3 06:38:18 2026\nMessage-ID: <same@x>\nSubject: three again\n\ny\n\n");
    f.close();
    const qint64 folder = sync::localImportFolder(*m_store, m_account, QStringLiteral("Old"));
    const sync::MboxImportResult r = sync::importMbox(*m_store, path, folder);
    QCOMPARE(r.added, 4); // the second <same@x> has other bytes: another message, kept
    QCOMPARE(r.alreadyThere, 0);
    QCOMPARE(sync::importMbox(*m_store, path, folder).added, 0);
    // Dates come from the "From " lines; no Status header: read.
    const auto rows = m_store->messages().byIds(m_store->messages().orderedIds(folder));
    QCOMPARE(rows.size(), size_t(4));
    for (const store::MessageRow &row : rows) {
        QCOMPARE(row.internalDate.value_or(0),
                 QDateTime(QDate(2026, 12, 3), QTime(6, 38, 18), Qt::UTC).toSecsSinceEpoch());
        QVERIFY(row.flags & store::FlagSeen);
    }
}

void TstMboxImport::serverFolderRefused()
{
    QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                             sync::localImportFolder(*m_store, m_account, QStringLiteral("INBOX")));
    QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                             sync::localImportFolder(*m_store, m_account, QStringLiteral("  ")));
    const sync::MboxImportResult r =
        sync::importMbox(*m_store, m_dir->filePath(QStringLiteral("missing.mbox")), m_inbox);
    QVERIFY(r.error.contains(QLatin1String("cannot read")));
}

void TstMboxImport::missingBodiesCounted()
{
    sync::MessageIngest ingest(*m_store);
    sync::IncomingMessage meta;
    meta.accountId = m_account;
    meta.folderId = m_inbox;
    meta.uid = 9999;
    ingest.addHeaders(meta, "Subject: headers only\r\nMessage-ID: <h@x>\r\n\r\n");
    const sync::MboxExportResult r =
        sync::exportMbox(*m_store, m_inbox, m_dir->filePath(QStringLiteral("x.mbox")));
    QCOMPARE(r.written, int(m_messages.size()));
    QCOMPARE(r.withoutBody, 1);
}

void TstMboxImport::cancelKeepsCommitted()
{
    const QString path = exportInbox();
    const qint64 folder = sync::localImportFolder(*m_store, m_account, QStringLiteral("Part"));
    int calls = 0;
    const sync::MboxImportResult r =
        sync::importMbox(*m_store, path, folder, [&](qint64, qint64) { return ++calls < 10; });
    QVERIFY(r.cancelled);
    QCOMPARE(r.added, 10);
    QCOMPARE(m_store->messages().orderedIds(folder).size(), size_t(10));
    // Importing again adds the rest, nothing twice.
    const sync::MboxImportResult rest = sync::importMbox(*m_store, path, folder);
    QCOMPARE(rest.added, int(m_messages.size()) - 10);
    QCOMPARE(rest.alreadyThere, 10);

    // A cancelled export leaves no file behind.
    const QString out = m_dir->filePath(QStringLiteral("cancelled.mbox"));
    QVERIFY(
        sync::exportMbox(*m_store, m_inbox, out, [](qint64, qint64) { return false; }).cancelled);
    QVERIFY(!QFile::exists(out));
}

// Into a server folder of the IMAP account: rows without UID at once, one "append" task per
// 200 of them naming every row once; the folder's synced rows count as there already (an
// export imported back adds nothing); the same bytes in a local folder of the account too.
void TstMboxImport::serverFolderQueuesUploads()
{
    const QString path = exportInbox();
    const int n = int(m_messages.size());
    const sync::MboxImportResult back = sync::importMbox(*m_store, path, m_inbox);
    QCOMPARE(back.added, 0);
    QCOMPARE(back.alreadyThere, n);
    QVERIFY(m_store->tasks().list(0, imap::kAppendTaskKind).empty());

    store::Folder server;
    server.accountId = m_account;
    server.name = QStringLiteral("Old mail");
    const qint64 folder = m_store->folders().upsert(server);
    QCOMPARE(sync::serverImportFolder(*m_store, m_account, QStringLiteral(" Old mail ")), folder);
    QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                             sync::serverImportFolder(*m_store, m_account, QStringLiteral("Nope")));
    const sync::MboxImportResult first = sync::importMbox(*m_store, path, folder);
    QCOMPARE(first.added, n);
    QCOMPARE(first.toUpload, n);
    QCOMPARE(store::importsToUpload(m_store->db(), m_account), n);
    QSet<qint64> queued;
    const auto tasks = m_store->tasks().list(m_account, imap::kAppendTaskKind);
    QCOMPARE(int(tasks.size()), (n + 199) / 200);
    for (const store::Task &t : tasks) {
        const QJsonObject p = QJsonDocument::fromJson(t.payloadJson.toUtf8()).object();
        QCOMPARE(p[QStringLiteral("folder")].toString(), QStringLiteral("Old mail"));
        for (const QJsonValue v : p[QStringLiteral("messages")].toArray())
            queued.insert(qint64(v.toDouble()));
    }
    const std::vector<qint64> rows = m_store->messages().orderedIds(folder);
    QCOMPARE(queued, QSet<qint64>(rows.begin(), rows.end()));
    for (const qint64 id : rows)
        QVERIFY(!m_store->messages().byId(id)->uid);
    QVERIFY(sortedBodies(folder) == m_messages);

    // Again: nothing, and no task. A resync (new UIDVALIDITY) keeps what waits for upload.
    const sync::MboxImportResult again = sync::importMbox(*m_store, path, folder);
    QCOMPARE(again.added, 0);
    QCOMPARE(again.toUpload, 0);
    QCOMPARE(int(m_store->tasks().list(m_account, imap::kAppendTaskKind).size()), (n + 199) / 200);
    m_store->messages().removeFolderContents(folder);
    QCOMPARE(int(m_store->messages().orderedIds(folder).size()), n);

    // The same bytes in a local folder of the account as well (remote keys are unique per
    // account): all there, nothing uploaded from there.
    const qint64 local = sync::localImportFolder(*m_store, m_account, QStringLiteral("Archive"));
    const sync::MboxImportResult archived = sync::importMbox(*m_store, path, local);
    QCOMPARE(archived.added, n);
    QCOMPARE(archived.toUpload, 0);
    QCOMPARE(sync::importMbox(*m_store, path, local).added, 0);
    QCOMPARE(store::importsToUpload(m_store->db(), m_account), n);
}

QTEST_GUILESS_MAIN(TstMboxImport)
#include "tst_mbox_import.moc"
