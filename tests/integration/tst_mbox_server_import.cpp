// An mbox imported into a server folder (core/sync/MboxTransfer + core/imap/ImportUploader),
// against the real Dovecot: every message is a cache row at once and, after one sync, on the
// server byte for byte (SHA-256 of BODY.PEEK[]) with the flags of its Status header and the
// INTERNALDATE of its "From " line, its UID recorded in the cache; importing the same file
// again adds nothing on the server or in the cache; a pass cut after an APPEND, before the UID
// was recorded, leaves one copy, not two; a folder deleted on the server keeps the task, the
// rows and the server's words; a message moved from a folder on this computer into a server
// folder is uploaded the same way; while the INBOX is watched, an import and a draft reach the
// server within 2 s; 2,000 messages upload in batched tasks (timed).
#include "core/engine/imap/AccountSync.h"
#include "core/engine/imap/ImportUploader.h"
#include "core/engine/imap/MailboxWatcher.h"
#include "core/engine/smtp/Drafts.h"
#include "core/mime/Mbox.h"
#include "core/store/Store.h"
#include "core/sync/LocalActions.h"
#include "core/sync/MboxTransfer.h"
#include "tests/support/TestSupport.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>
#include <atomic>

using herald::test::stack;
using namespace herald;

namespace {
const QString kUser = QStringLiteral("grace");

struct ServerMessage
{
    QByteArray sha;
    QList<QByteArray> flags;
    QDateTime internalDate;
};

QByteArray sha(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QString token()
{
    return QUuid::createUuid().toString(QUuid::Id128).left(10);
}
} // namespace

class TestMboxServerImport : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QByteArray out, err;
    };

    QTemporaryDir m_dir;
    QString m_profile;
    QStringList m_created; // server folders this test made (removed at the end)

    Run cli(const QStringList &args)
    {
        QProcess p;
        p.start(qEnvironmentVariable("HERALD_CLI"), QStringList{"--profile", m_profile} + args);
        if (!p.waitForFinished(300000))
            return {};
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

    // A new folder on the server, known to the cache after a sync.
    QString newServerFolder(const QString &prefix)
    {
        const QString name = prefix + QLatin1Char('-') + token();
        m_created << name;
        const QString e = stack().otherDevice(kUser, QStringLiteral("m.create('%1')").arg(name));
        if (!e.isEmpty())
            qWarning() << e;
        const Run r = cli({"sync", "--account", kUser});
        if (r.exitCode != 0)
            qWarning() << r.err;
        return name;
    }

    // The messages as a server holds them (CRLF, each once), with a few of our own: one
    // marked unread by its Status header, one without Message-ID, both with a "From " date.
    static QList<QByteArray> corpus()
    {
        QList<QByteArray> out;
        QSet<QByteArray> seen;
        for (const auto &[path, bytes] : herald::test::corpusMessages()) {
            QByteArray raw = bytes;
            raw.replace("\r\n", "\n").replace("\n", "\r\n");
            if (!raw.endsWith("\r\n"))
                raw += "\r\n";
            if (raw.contains('\0') || seen.contains(sha(raw)))
                continue; // NUL needs BINARY; the same bytes are one message
            seen.insert(sha(raw));
            out << raw;
        }
        return out;
    }

    static QByteArray unreadMessage()
    {
        return "From: Ann <ann@herald.test>\r\nSubject: still unread\r\nStatus: O\r\n"
               "Message-ID: <unread-" +
               token().toUtf8() + "@herald.test>\r\n\r\nnew\r\n";
    }

    static QByteArray messageWithoutId()
    {
        return "From: Bo <bo@herald.test>\r\nSubject: no id " + token().toUtf8() +
               "\r\nDate: Tue, 01 Sep 2020 10:00:00 +0000\r\n\r\nno Message-ID here\r\n";
    }

    static const QDateTime &fromDate()
    {
        static const QDateTime d(QDate(2020, 9, 1), QTime(10, 0, 5), Qt::UTC);
        return d;
    }

    QString writeMbox(const QString &name, const QList<QByteArray> &messages)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return QString();
        mime::MboxWriter writer(f);
        for (const QByteArray &m : messages)
            writer.write(m, QStringLiteral("sender@herald.test"), fromDate());
        return path;
    }

    // What the server holds in `folder`, by UID, read with Herald's IMAP client (a session of
    // its own, so not through the cache).
    QMap<quint32, ServerMessage> serverState(const QString &folder)
    {
        QMap<quint32, ServerMessage> out;
        store::Store store(m_profile);
        const auto account = store.accounts().list().front();
        imap::AccountSync sync(store, account, imap::SyncPolicy());
        imap::ImapSession session;
        if (auto e = sync.openSession(session)) {
            qWarning() << e.message;
            return out;
        }
        auto sel = session.wait<imap::SelectResult>(
            [&](auto done) { session.client().select(folder, imap::SelectOptions{}, done); });
        if (!sel.ok() || sel.value.exists == 0)
            return out;
        session.wait<imap::FetchResult>([&](auto done) {
            session.client().uidFetch(
                imap::UidSet::range(1, 0xffffffffu), "(UID FLAGS INTERNALDATE BODY.PEEK[])", {},
                [&](const imap::FetchData &d) {
                    ServerMessage m;
                    m.sha = sha(d.sections.value("BODY[]"));
                    m.flags = d.flags.value_or(QList<QByteArray>());
                    m.internalDate = d.internalDate.value_or(QDateTime());
                    out.insert(d.uid.value_or(0), m);
                },
                done);
        });
        session.close();
        return out;
    }

    static QMultiMap<QByteArray, quint32> byHash(const QMap<quint32, ServerMessage> &state)
    {
        QMultiMap<QByteArray, quint32> out;
        for (auto it = state.cbegin(); it != state.cend(); ++it)
            out.insert(it->sha, it.key());
        return out;
    }

    qint64 folderId(store::Store &store, const QString &name)
    {
        const auto f = store.folders().byName(store.accounts().list().front().id, name);
        return f ? f->id : 0;
    }

private slots:
    void initTestCase()
    {
        HERALD_REQUIRE_STACK();
        QVERIFY(m_dir.isValid());
        m_profile = m_dir.filePath(QStringLiteral("profile"));
        const QString added = stack().addAccountWithCli(m_profile, kUser);
        QVERIFY2(added.isEmpty(), qPrintable(added));
    }

    // grace's mailbox is tst_gui_status's too: leave it as it was found.
    void cleanupTestCase()
    {
        for (const QString &folder : std::as_const(m_created))
            stack().otherDevice(kUser, QStringLiteral("m.delete('%1')").arg(folder));
        const QString e = stack().otherDevice(
            kUser, QStringLiteral("m.select('Drafts')\n"
                                  "typ, found = m.search(None, 'SUBJECT', '\"watched draft\"')\n"
                                  "for n in found[0].split():\n"
                                  "    m.store(n, '+FLAGS', '\\\\Deleted')\n"
                                  "m.expunge()"));
        QVERIFY2(e.isEmpty(), qPrintable(e));
    }

    void importUploadsEveryMessageOnce()
    {
        const QString folder = newServerFolder(QStringLiteral("Imported"));
        QList<QByteArray> messages = corpus();
        QVERIFY(messages.size() >= 50);
        const QByteArray unread = unreadMessage(), withoutId = messageWithoutId();
        messages << unread << withoutId;
        const QString path = writeMbox(QStringLiteral("corpus.mbox"), messages);
        const int n = int(messages.size());

        Run r = cli({"mbox", "import", path, "--account", kUser, "--folder", folder, "--server"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out,
                 QStringLiteral("imported %1, already there 0, to upload %1\n").arg(n).toUtf8());
        {
            // In the folder at once, readable, none on the server yet; a task per batch.
            store::Store store(m_profile);
            const qint64 id = folderId(store, folder);
            QCOMPARE(int(store.messages().orderedIds(id).size()), n);
            for (const qint64 m : store.messages().orderedIds(id)) {
                QVERIFY(!store.messages().byId(m)->uid);
                QVERIFY(store.bodies().get(m));
            }
            QCOMPARE(int(store.tasks().list(0, imap::kAppendTaskKind).size()), (n + 199) / 200);
        }
        QVERIFY(serverState(folder).isEmpty());

        r = cli({"sync", "--account", kUser});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QMap<quint32, ServerMessage> server = serverState(folder);
        QCOMPARE(int(server.size()), n);
        const QMultiMap<QByteArray, quint32> hashes = byHash(server);
        for (const QByteArray &m : messages)
            QVERIFY2(hashes.count(sha(m)) == 1, m.left(200).constData());
        // Read unless the Status header says otherwise (as the local import), and the arrival
        // time of the "From " line.
        const auto seenOnServer = [&](const QByteArray &m) {
            return server.value(hashes.value(sha(m))).flags.contains("\\Seen");
        };
        QVERIFY(!seenOnServer(unread));
        QVERIFY(seenOnServer(withoutId));
        for (const ServerMessage &m : server)
            QCOMPARE(m.internalDate, fromDate());
        {
            store::Store store(m_profile);
            QVERIFY(store.tasks().list(0, imap::kAppendTaskKind).empty());
            const qint64 id = folderId(store, folder);
            QCOMPARE(int(store.messages().orderedIds(id).size()), n);
            for (const qint64 m : store.messages().orderedIds(id)) {
                const auto row = store.messages().byId(m);
                QVERIFY(row->uid);
                const ServerMessage &copy = server[quint32(*row->uid)];
                QCOMPARE(sha(*store.bodies().get(m)), copy.sha);
                QCOMPARE(copy.flags.contains("\\Seen"), bool(row->flags & store::FlagSeen));
            }
        }

        // The same file again: nothing added, in the cache or on the server.
        r = cli({"mbox", "import", path, "--account", kUser, "--folder", folder, "--server"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out,
                 QStringLiteral("imported 0, already there %1, to upload 0\n").arg(n).toUtf8());
        r = cli({"sync", "--account", kUser});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(int(serverState(folder).size()), n);
        store::Store store(m_profile);
        QCOMPARE(int(store.messages().orderedIds(folderId(store, folder)).size()), n);
    }

    // Killed between the server's OK and the UID in the cache: the next pass finds that copy
    // (a message without Message-ID too) and appends only the rest.
    void cutAfterAppendIsNotAppendedTwice_data()
    {
        QTest::addColumn<int>("cutAfter");
        QTest::newRow("first") << 1;
        QTest::newRow("third (no Message-ID)") << 3;
        QTest::newRow("last") << 5;
    }

    void cutAfterAppendIsNotAppendedTwice()
    {
        QFETCH(int, cutAfter);
        const QString folder = newServerFolder(QStringLiteral("Cut"));
        QList<QByteArray> messages;
        for (int i = 0; i < 5; ++i)
            messages << (i == 2 ? messageWithoutId() : unreadMessage());
        const QString path = writeMbox(QStringLiteral("cut.mbox"), messages);
        {
            store::Store store(m_profile);
            const qint64 id = folderId(store, folder);
            const sync::MboxImportResult imported = sync::importMbox(store, path, id);
            QCOMPARE(imported.toUpload, 5);
            const store::Task task = store.tasks().list(0, imap::kAppendTaskKind).front();
            QVERIFY(store.tasks().claim(task.id)); // as the replayer does: "running"
            imap::AccountSync sync(store, store.accounts().list().front(), imap::SyncPolicy());
            imap::ImapSession session;
            QVERIFY(!sync.openSession(session));
            imap::ImportUploader uploader(session, store);
            int appended = 0;
            uploader.setAfterAppend([&] { return ++appended < cutAfter; });
            const net::Error e = uploader.upload(
                task.id, QJsonDocument::fromJson(task.payloadJson.toUtf8()).object());
            QCOMPARE(e.kind, net::Error::Kind::Cancelled);
            QCOMPARE(appended, cutAfter);
            session.close(); // the pass is gone; its task stays "running"
        }
        QCOMPARE(int(serverState(folder).size()), cutAfter);

        const Run r = cli({"sync", "--account", kUser});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QMap<quint32, ServerMessage> server = serverState(folder);
        QCOMPARE(int(server.size()), 5);
        const QMultiMap<QByteArray, quint32> hashes = byHash(server);
        store::Store store(m_profile);
        QVERIFY(store.tasks().list(0, imap::kAppendTaskKind).empty());
        const std::vector<qint64> rows = store.messages().orderedIds(folderId(store, folder));
        QCOMPARE(int(rows.size()), 5);
        for (const qint64 m : rows) {
            const auto row = store.messages().byId(m);
            QVERIFY(row->uid);
            const QByteArray h = sha(*store.bodies().get(m));
            QCOMPARE(hashes.count(h), 1);
            QCOMPARE(hashes.value(h), quint32(*row->uid));
        }
    }

    // Deleted on the server before the upload: the APPEND is refused; the rows stay in the
    // folder, the task stays with the server's words and waits before it is tried again.
    void folderGoneKeepsRowsAndTask()
    {
        const QString folder = newServerFolder(QStringLiteral("Gone"));
        const QString path = writeMbox(QStringLiteral("gone.mbox"), {unreadMessage()});
        Run r = cli({"mbox", "import", path, "--account", kUser, "--folder", folder, "--server"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(stack().otherDevice(kUser, QStringLiteral("m.delete('%1')").arg(folder)).isEmpty());
        r = cli({"sync", "--account", kUser});
        QVERIFY2(r.err.contains("1 imported messages not on the server yet ("), r.err.constData());
        store::Store store(m_profile);
        const qint64 id = folderId(store, folder);
        QVERIFY(id);
        QCOMPARE(int(store.messages().orderedIds(id).size()), 1);
        const auto tasks = store.tasks().list(0, imap::kAppendTaskKind);
        QCOMPARE(int(tasks.size()), 1);
        QCOMPARE(tasks.front().state, QStringLiteral("pending"));
        QVERIFY2(!tasks.front().lastError.isEmpty(), "no words for the user");
        QVERIFY(tasks.front().nextAttemptAt > QDateTime::currentSecsSinceEpoch());
        QVERIFY(
            store.tasks().due(tasks.front().accountId, QDateTime::currentSecsSinceEpoch()).empty());
        // Removed by the user: the folder goes, and its task with it.
        store.tasks().remove(tasks.front().id);
    }

    // Imported into a folder on this computer, then moved into a server folder: uploaded by
    // the next sync like an import into it, byte for byte and once; the local folder keeps
    // nothing.
    void movedFromLocalFolderIsUploaded()
    {
        const QString folder = newServerFolder(QStringLiteral("MovedUp"));
        const QString local = QStringLiteral("Kept ") + token();
        const QList<QByteArray> messages{unreadMessage(), messageWithoutId()};
        const QString path = writeMbox(QStringLiteral("kept.mbox"), messages);
        Run r = cli({"mbox", "import", path, "--account", kUser, "--folder", local});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        {
            store::Store store(m_profile);
            const qint64 localId = folderId(store, local);
            sync::LocalActions actions(store);
            for (const qint64 id : store.messages().orderedIds(localId))
                actions.move(id, folder);
            QVERIFY(store.messages().orderedIds(localId).empty());
        }
        r = cli({"sync", "--account", kUser});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QMap<quint32, ServerMessage> server = serverState(folder);
        QCOMPARE(int(server.size()), 2);
        const QMultiMap<QByteArray, quint32> hashes = byHash(server);
        for (const QByteArray &m : messages)
            QCOMPARE(hashes.count(sha(m)), 1);
        store::Store store(m_profile);
        for (const qint64 id : store.messages().orderedIds(folderId(store, folder)))
            QVERIFY(store.messages().byId(id)->uid);
    }

    // While the INBOX is watched (IDLE), an import into a server folder and a saved draft reach
    // the server within 2 s: the watcher replays every kind of task it finds, not only at its
    // 15-minute full pass (issue 14).
    void watcherUploadsWithinTwoSeconds()
    {
        const QString folder = newServerFolder(QStringLiteral("Watched"));
        std::atomic<imap::MailboxWatcher *> running{nullptr};
        std::atomic<bool> watching{false};
        const QString profile = m_profile;
        QThread *thread = QThread::create([&, profile] {
            store::Store store(profile); // one connection per thread
            imap::MailboxWatcher watcher(store, store.accounts().list().front(),
                                         imap::MailboxWatcher::Options());
            watcher.setStateReport([&](imap::MailboxWatcher::State state, const net::Error &) {
                if (state == imap::MailboxWatcher::State::Watching)
                    watching = true;
            });
            running = &watcher;
            watcher.run();
            running = nullptr;
        });
        thread->start();
        const auto stopWatcher = qScopeGuard([&] {
            while (thread->isRunning() && !running)
                QThread::msleep(10);
            if (auto *w = running.load())
                w->stop();
            thread->wait();
            delete thread;
        });
        QTRY_VERIFY_WITH_TIMEOUT(watching, 60000);

        store::Store store(m_profile);
        const qint64 id = folderId(store, folder);
        const QString path =
            writeMbox(QStringLiteral("watched.mbox"), {unreadMessage(), messageWithoutId()});
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(sync::importMbox(store, path, id).toUpload, 2);
        const auto allUploaded = [&] {
            for (const qint64 m : store.messages().orderedIds(id))
                if (!store.messages().byId(m)->uid)
                    return false;
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(allUploaded(), 2000);
        qInfo("import uploaded by the watcher after %lld ms", clock.elapsed());

        const store::Account account = store.accounts().list().front();
        mime::Draft draft;
        draft.subject = QStringLiteral("watched draft ") + token();
        draft.text = QStringLiteral("saved while the window watches\n");
        clock.restart();
        const qint64 draftId = smtp::Drafts(store).save(account, draft);
        QTRY_VERIFY_WITH_TIMEOUT(store.messages().byId(draftId)->uid.has_value(), 2000);
        qInfo("draft uploaded by the watcher after %lld ms", clock.elapsed());
        QCOMPARE(int(serverState(folder).size()), 2);
    }

    // ~2,000 messages: one task per 200, uploaded by one sync; the time is printed.
    void thousandsUploadInBatches()
    {
        const QString folder = newServerFolder(QStringLiteral("Bulk"));
        QList<QByteArray> messages;
        const QByteArray filler = QByteArray(2000, 'x') + "\r\n";
        for (int i = 0; i < 2000; ++i)
            messages << "From: bulk@herald.test\r\nSubject: bulk " + QByteArray::number(i) +
                            "\r\nMessage-ID: <bulk-" + QByteArray::number(i) + "-" +
                            token().toUtf8() + "@herald.test>\r\n\r\n" + filler;
        const QString path = writeMbox(QStringLiteral("bulk.mbox"), messages);
        QElapsedTimer clock;
        clock.start();
        Run r = cli({"mbox", "import", path, "--account", kUser, "--folder", folder, "--server"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const qint64 importMs = clock.restart();
        {
            store::Store store(m_profile);
            QCOMPARE(int(store.tasks().list(0, imap::kAppendTaskKind).size()), 10);
        }
        r = cli({"sync", "--account", kUser});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const qint64 uploadMs = clock.elapsed();
        qInfo("2000 messages: import into the cache %lld ms, upload by one sync %lld ms", importMs,
              uploadMs);
        QCOMPARE(int(serverState(folder).size()), 2000);
    }
};

QTEST_GUILESS_MAIN(TestMboxServerImport)
#include "tst_mbox_server_import.moc"
