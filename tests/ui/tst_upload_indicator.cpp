// The status bar's upload indicator in the real window (offscreen), for drafts: a draft the
// server refused (its task kept with the server's words and a time to try again, as
// TaskReplayer leaves it — tests/wire/tst_draft_refused) is said, the words in the tooltip; a draft
// that only waits for the network is not; once uploaded, the indicator hides. Screenshot:
// docs/screenshots/draft-refused.png.
#include "core/engine/imap/DraftUploader.h"
#include "core/engine/smtp/Drafts.h"
#include "core/store/Store.h"
#include "tests/support/ProfileFixture.h"
#include "ui/MainWindow.h"
#include "ui/UploadIndicator.h"

#include <QDir>
#include <QTest>

using namespace herald;

class TstUploadIndicator : public QObject
{
    Q_OBJECT
private slots:
    void refusedDraftIsSaidInWords();
};

void TstUploadIndicator::refusedDraftIsSaidInWords()
{
    qputenv("HERALD_NAMESERVER", "127.0.0.1:9"); // offline sender checks
    test::ProfileFixture fixture;
    store::Store store(fixture.path());
    const store::Account account = *store.accounts().byName(QStringLiteral("test"));
    mime::Draft draft;
    draft.subject = QStringLiteral("Too large for the server");
    draft.text = QStringLiteral("...");
    const qint64 id = smtp::Drafts(store).save(account, draft);
    const auto tasks = store.tasks().list(account.id, imap::kDraftTaskKind);
    QCOMPARE(tasks.size(), size_t(1));
    const qint64 taskId = tasks.front().id;

    ui::MainWindow window(store);
    window.resize(1000, 640);
    window.show();
    ui::UploadIndicator *indicator = window.uploadIndicator();
    QVERIFY(!indicator->isVisible()); // a fresh draft: nothing to say

    // Offline: the connection's words, no time set to try again (TaskReplayer): not refused.
    store.tasks().setState(taskId, QStringLiteral("pending"), QStringLiteral("Connection refused"),
                           0, true);
    window.reloadFromCache();
    QVERIFY(!indicator->isVisible());

    // Refused: the server's words and a later try.
    const QString words = QStringLiteral("[OVERQUOTA] Quota exceeded (mailbox for user is full)");
    store.tasks().setState(taskId, QStringLiteral("pending"), words,
                           QDateTime::currentSecsSinceEpoch() + 60, true);
    window.reloadFromCache();
    QVERIFY(indicator->isVisible());
    QCOMPARE(indicator->refusedDrafts(), 1);
    QVERIFY2(indicator->text().contains(QStringLiteral("1 draft not saved on the server")),
             qPrintable(indicator->text()));
    QVERIFY2(indicator->toolTip().contains(words), qPrintable(indicator->toolTip()));
    QTRY_VERIFY(indicator->width() >= indicator->sizeHint().width()); // not squeezed to "1"
    if (const QString dir = qEnvironmentVariable("HERALD_SCREENSHOT_DIR"); !dir.isEmpty())
        window.grab().save(QDir(dir).filePath(QStringLiteral("draft-refused.png")));

    // Uploaded at last (the task done): nothing more to say. The draft itself never left.
    store.tasks().remove(taskId);
    window.reloadFromCache();
    QVERIFY(!indicator->isVisible());
    QVERIFY(store.messages().byId(id));
}

QTEST_MAIN(TstUploadIndicator)
#include "tst_upload_indicator.moc"
