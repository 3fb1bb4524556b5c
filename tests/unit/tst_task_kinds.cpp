// core/tasks/TaskKind: the strings the tasks table stores stay exactly as they were (existing
// caches hold them), and one list decides what the IMAP engine replays — the replayer and the
// watcher ask the same function, so they cannot disagree (a draft queued while the window
// watched used to wait for the next pass).
#include "core/engine/imap/DraftUploader.h"
#include "core/engine/smtp/Outbox.h"
#include "core/tasks/TaskKind.h"

#include <QTest>

using namespace herald;
using tasks::TaskKind;

Q_DECLARE_METATYPE(herald::tasks::TaskKind)

class TestTaskKinds : public QObject
{
    Q_OBJECT

private slots:
    void storedStrings_data()
    {
        QTest::addColumn<TaskKind>("kind");
        QTest::addColumn<QString>("stored");
        QTest::addColumn<bool>("replayedOverImap");
        QTest::newRow("flag") << TaskKind::Flag << "flag" << true;
        QTest::newRow("move") << TaskKind::Move << "move" << true;
        QTest::newRow("copy") << TaskKind::Copy << "copy" << true;
        QTest::newRow("expunge") << TaskKind::Expunge << "expunge" << true;
        QTest::newRow("draft") << TaskKind::Draft << "draft" << true;
        QTest::newRow("send") << TaskKind::Send << "send" << false;
        QTest::newRow("append") << TaskKind::Append << "append" << true;
    }
    void storedStrings()
    {
        QFETCH(TaskKind, kind);
        QFETCH(QString, stored);
        QFETCH(bool, replayedOverImap);
        QCOMPARE(tasks::kindName(kind), stored);
        QCOMPARE(tasks::kindFromName(stored), std::optional<TaskKind>(kind));
        QCOMPARE(tasks::replayedOverImap(kind), replayedOverImap);
        QCOMPARE(tasks::replayedOverImap(stored), replayedOverImap);
    }

    void unknownKindsAreNotReplayed()
    {
        QCOMPARE(tasks::kindFromName(QStringLiteral("Flag")), std::nullopt); // case matters
        QVERIFY(!tasks::replayedOverImap(QStringLiteral("delete")));
        QVERIFY(!tasks::replayedOverImap(QString()));
    }

    // The older names still say the same strings (other code and tests use them).
    void aliases()
    {
        QCOMPARE(imap::kDraftTaskKind, QStringLiteral("draft"));
        QCOMPARE(smtp::kSendTaskKind, QStringLiteral("send"));
    }
};

QTEST_GUILESS_MAIN(TestTaskKinds)
#include "tst_task_kinds.moc"
