// Undo of the window's changes against a real Store (sync::LocalActions::undo): a change held
// for its undo window is taken back without a trace for the server (its task withdrawn, the cache
// as before); a change already sent is reversed by new tasks; tasks held for the window hold
// every later task of the account (TaskRepository::due), and a replay cannot claim a withdrawn
// task.
#include "core/engine/imap/ImportUploader.h"
#include "core/ingest/MessageIngest.h"
#include "core/store/ImportUploads.h"
#include "core/store/Store.h"
#include "core/sync/LocalActions.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

class TestLocalUndo : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Store> m_store;
    qint64 m_account = 0;
    qint64 m_inbox = 0, m_archive = 0, m_trash = 0;

    qint64 folder(const QString &name, const QString &specialUse = QString())
    {
        store::Folder f;
        f.accountId = m_account;
        f.name = name;
        f.specialUse = specialUse;
        f.uidValidity = 7;
        return m_store->folders().upsert(f);
    }
    qint64 message(qint64 uid, int flags = 0)
    {
        store::MessageRow m;
        m.accountId = m_account;
        m.folderId = m_inbox;
        m.uid = uid;
        m.subject = QStringLiteral("message %1").arg(uid);
        m.flags = flags;
        m.modSeq = 100 + uid;
        return m_store->messages().insert(m);
    }
    // A folder on this computer (an mbox import's).
    qint64 localFolder(const QString &name)
    {
        store::Folder f;
        f.accountId = m_account;
        f.name = name;
        f.isLocal = true;
        return m_store->folders().upsert(f);
    }
    std::vector<store::Task> tasks() { return m_store->tasks().list(m_account); }
    static qint64 now() { return QDateTime::currentSecsSinceEpoch(); }
    // Pretends the replay sent every due task (the server said OK).
    void replayDue()
    {
        for (const store::Task &t : m_store->tasks().due(m_account, now())) {
            QVERIFY(m_store->tasks().claim(t.id));
            m_store->tasks().remove(t.id);
        }
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
        m_inbox = folder(QStringLiteral("INBOX"));
        m_archive = folder(QStringLiteral("Archive"));
        m_trash = folder(QStringLiteral("Trash"), QStringLiteral("\\Trash"));
    }

    void heldTasksAreNotDueAndHoldLaterOnes()
    {
        const qint64 a = message(1), b = message(2);
        sync::LocalActions held(*m_store);
        held.holdTasksUntil(now() + 60);
        held.move(a, QStringLiteral("Archive"));
        sync::LocalActions(*m_store).changeFlags(b, {QStringLiteral("\\Seen")}, {});
        QCOMPARE(tasks().size(), size_t(2));
        QVERIFY(m_store->tasks().due(m_account, now()).empty()); // the later one waits too
        QCOMPARE(m_store->tasks().due(m_account, now() + 61).size(), size_t(2));
    }

    void undoBeforeTheReplayWithdrawsAndRestores_data()
    {
        QTest::addColumn<QString>("action");
        QTest::newRow("move") << QStringLiteral("move");
        QTest::newRow("delete to Trash") << QStringLiteral("delete");
        QTest::newRow("mark read") << QStringLiteral("read");
        QTest::newRow("flag") << QStringLiteral("flag");
    }
    void undoBeforeTheReplayWithdrawsAndRestores()
    {
        QFETCH(QString, action);
        const std::vector<qint64> ids = {message(1), message(2, store::FlagSeen), message(3)};
        std::vector<store::MessageRow> before;
        for (qint64 id : ids)
            before.push_back(*m_store->messages().byId(id));
        sync::ChangeRecord record;
        sync::LocalActions actions(*m_store);
        actions.holdTasksUntil(now() + 10);
        actions.recordInto(&record);
        for (qint64 id : ids) {
            if (action == QLatin1String("move"))
                actions.move(id, QStringLiteral("Archive"));
            else if (action == QLatin1String("delete"))
                actions.remove(id);
            else if (action == QLatin1String("read"))
                actions.changeFlags(id, {QStringLiteral("\\Seen")}, {});
            else
                actions.changeFlags(id, {QStringLiteral("\\Flagged")}, {});
        }
        QCOMPARE(record.steps.size(), size_t(3));
        QCOMPARE(tasks().size(), size_t(3));
        QVERIFY(m_store->tasks().due(m_account, now()).empty());

        const sync::UndoOutcome out = actions.undo(record);
        QCOMPARE(out.withdrawn, 3);
        QCOMPARE(out.reversed, 0);
        QVERIFY(out.problems.isEmpty());
        QCOMPARE(out.messageIds, ids);
        QVERIFY(tasks().empty()); // nothing for the server
        for (size_t i = 0; i < ids.size(); ++i) {
            const auto row = m_store->messages().byId(ids[i]);
            QVERIFY(row);
            QCOMPARE(row->folderId, m_inbox);
            QCOMPARE(row->uid, before[i].uid);
            QCOMPARE(row->flags, before[i].flags);
        }
    }

    void undoAfterTheReplayQueuesTheInverse()
    {
        const qint64 a = message(1), b = message(2, store::FlagSeen);
        sync::ChangeRecord move, read;
        sync::LocalActions actions(*m_store);
        actions.recordInto(&move);
        actions.move(a, QStringLiteral("Archive"));
        actions.recordInto(&read);
        actions.changeFlags(b, {QStringLiteral("\\Seen"), QStringLiteral("\\Flagged")}, {});
        replayDue();
        m_store->messages().setUid(a, 41); // what COPYUID told the replay

        sync::UndoOutcome out = actions.undo(read);
        QCOMPARE(out.reversed, 1);
        auto pending = tasks();
        QCOMPARE(pending.size(), size_t(1));
        QJsonObject p = QJsonDocument::fromJson(pending[0].payloadJson.toUtf8()).object();
        QCOMPARE(pending[0].kind, QStringLiteral("flag"));
        // \Seen was already set before: only \Flagged goes back.
        QCOMPARE(p[QStringLiteral("remove")].toVariant().toStringList(),
                 QStringList{QStringLiteral("\\Flagged")});
        QCOMPARE(pending[0].notBefore, qint64(0)); // an undo is sent at once
        QCOMPARE(m_store->messages().byId(b)->flags, int(store::FlagSeen));

        out = actions.undo(move);
        QCOMPARE(out.reversed, 1);
        pending = tasks();
        QCOMPARE(pending.size(), size_t(2));
        p = QJsonDocument::fromJson(pending[1].payloadJson.toUtf8()).object();
        QCOMPARE(pending[1].kind, QStringLiteral("move"));
        QCOMPARE(p[QStringLiteral("folder")].toString(), QStringLiteral("Archive"));
        QCOMPARE(p[QStringLiteral("uid")].toInt(), 41);
        QCOMPARE(p[QStringLiteral("to")].toString(), QStringLiteral("INBOX"));
        QCOMPARE(m_store->messages().byId(a)->folderId, m_inbox);
    }

    void laterTasksFollowAWithdrawnMoveBack()
    {
        const qint64 a = message(5);
        sync::ChangeRecord record;
        sync::LocalActions actions(*m_store);
        actions.holdTasksUntil(now() + 10);
        actions.recordInto(&record);
        actions.move(a, QStringLiteral("Archive"));
        // Opened in Archive and marked read (not undoable, recorded against Archive, no UID).
        sync::LocalActions(*m_store).changeFlags(a, {QStringLiteral("\\Seen")}, {});
        actions.undo(record);
        const auto pending = tasks();
        QCOMPARE(pending.size(), size_t(1));
        const QJsonObject p = QJsonDocument::fromJson(pending[0].payloadJson.toUtf8()).object();
        QCOMPARE(p[QStringLiteral("folder")].toString(), QStringLiteral("INBOX"));
        QCOMPARE(p[QStringLiteral("uid")].toInt(), 5);
        QCOMPARE(p[QStringLiteral("modseq")].toInt(), 105);
        QCOMPARE(m_store->tasks().due(m_account, now()).size(), size_t(1)); // no longer held
    }

    void deletedForGoodComesBackOnlyWhileItsTaskWaits()
    {
        const qint64 a = message(1), b = message(2);
        m_store->messages().moveTo(a, m_trash, 11);
        m_store->messages().moveTo(b, m_trash, 12);
        sync::ChangeRecord first, second;
        sync::LocalActions actions(*m_store);
        actions.recordInto(&first);
        actions.remove(a); // sent at once below
        replayDue();
        actions.holdTasksUntil(now() + 10);
        actions.recordInto(&second);
        actions.remove(b);
        QVERIFY(!m_store->messages().byId(b));

        sync::UndoOutcome out = actions.undo(second);
        QCOMPARE(out.withdrawn, 1);
        QCOMPARE(out.messageIds, std::vector<qint64>{b}); // under its own id again
        const auto back = m_store->messages().byId(b);
        QVERIFY(back);
        QCOMPARE(back->folderId, m_trash);
        QCOMPARE(back->uid, std::optional<qint64>(12));
        QVERIFY(tasks().empty());

        out = actions.undo(first);
        QCOMPARE(out.withdrawn, 0);
        QCOMPARE(out.problems.size(), 1);
    }

    void aWithdrawnTaskCannotBeClaimed()
    {
        const qint64 a = message(1);
        sync::ChangeRecord record;
        sync::LocalActions actions(*m_store);
        actions.recordInto(&record);
        actions.changeFlags(a, {QStringLiteral("\\Seen")}, {});
        const auto due = m_store->tasks().due(m_account, now()); // a replay read the list ...
        QCOMPARE(due.size(), size_t(1));
        actions.undo(record);                        // ... the user undid in between ...
        QVERIFY(!m_store->tasks().claim(due[0].id)); // ... so it sends nothing
    }

    // A folder on this computer (mbox import) and the server's folders mix only one way, by
    // upload (next test): a message without content to upload, or a server message moved into
    // a local folder, is refused with words (nothing half-moved, no task), and deleting an
    // imported message deletes it where it is instead of moving it into the server's Trash,
    // where it would sit in the cache without ever reaching the server.
    void localAndServerFoldersDoNotMix()
    {
        const qint64 localId = localFolder(QStringLiteral("Imported"));
        const qint64 onServer = message(1);
        store::MessageRow m;
        m.accountId = m_account;
        m.folderId = localId;
        m.subject = QStringLiteral("from an mbox");
        const qint64 imported = m_store->messages().insert(m);

        sync::LocalActions actions(*m_store);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 actions.move(imported, QStringLiteral("Archive")));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 actions.move(onServer, QStringLiteral("Imported")));
        QCOMPARE(m_store->messages().byId(imported)->folderId, localId);
        QCOMPARE(m_store->messages().byId(onServer)->folderId, m_inbox);
        QVERIFY(tasks().empty());

        sync::ChangeRecord record;
        actions.recordInto(&record);
        actions.remove(imported);
        QVERIFY(!m_store->messages().byId(imported));
        QVERIFY(m_store->messages().orderedIds(m_trash).empty());
        QVERIFY(tasks().empty());
        // Its body was the only copy (the mbox file still has it): undo says so, not silently.
        const sync::UndoOutcome undone = actions.undo(record);
        QVERIFY(!m_store->messages().byId(imported));
        QCOMPARE(undone.problems.size(), 1);
    }

    // Moved from a folder on this computer into a server folder: the row is there at once
    // without a UID, with its content key, and one held "append" task uploads it; undone
    // within the undo window, the task goes and the row is back; once uploaded, undo says so.
    void localMessageIsUploadedWhenMovedToTheServer()
    {
        const qint64 localId = localFolder(QStringLiteral("Imported"));
        sync::IncomingMessage meta;
        meta.accountId = m_account;
        meta.folderId = localId;
        meta.flags = store::FlagSeen;
        const qint64 id = sync::MessageIngest(*m_store).addMessage(
            meta, "From: a@example.org\r\nSubject: kept\r\n\r\nold mail\r\n");

        sync::LocalActions actions(*m_store);
        actions.holdTasksUntil(now() + 10);
        sync::ChangeRecord record;
        actions.recordInto(&record);
        actions.move(id, QStringLiteral("Archive"));
        auto row = m_store->messages().byId(id);
        QCOMPARE(row->folderId, m_archive);
        QVERIFY(!row->uid);
        QVERIFY(row->remoteKey.startsWith(QStringLiteral("sha256:")));
        QCOMPARE(store::importsToUpload(m_store->db(), m_account), 1);
        QCOMPARE(tasks().size(), size_t(1));
        QCOMPARE(tasks().front().kind, imap::kAppendTaskKind);
        QVERIFY(m_store->tasks().due(m_account, now()).empty()); // held for the undo window

        sync::UndoOutcome undone = actions.undo(record);
        QCOMPARE(undone.withdrawn, 1);
        QCOMPARE(m_store->messages().byId(id)->folderId, localId);
        QVERIFY(tasks().empty());
        QCOMPARE(store::importsToUpload(m_store->db(), m_account), 0);

        // Sent (the replay gave it a UID): undo cannot take it back from the server.
        actions.holdTasksUntil(0);
        sync::ChangeRecord second;
        actions.recordInto(&second);
        actions.move(id, QStringLiteral("Archive"));
        replayDue();
        m_store->messages().setUid(id, 42);
        undone = actions.undo(second);
        QCOMPARE(undone.problems.size(), 1);
        QCOMPARE(m_store->messages().byId(id)->folderId, m_archive);
        QVERIFY(tasks().empty());
    }
};

QTEST_GUILESS_MAIN(TestLocalUndo)
#include "tst_local_undo.moc"
