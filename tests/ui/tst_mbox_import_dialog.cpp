// File > Import mbox… into a server folder, through the real window (offscreen): with a
// server folder of an IMAP account selected, the dialog offers it next to a folder on this
// computer (the default); choosing it puts every message into that folder at once, without a
// UID, with one upload task per batch, and the status bar says how many are still to upload.
// With a local folder selected, only the local choice is offered. The upload itself is
// tests/integration/tst_mbox_server_import. Screenshot: docs/screenshots/import-mbox.png.
#include "core/engine/imap/ImportUploader.h"
#include "core/store/Store.h"
#include "core/sync/MboxTransfer.h"
#include "tests/support/ProfileFixture.h"
#include "ui/FolderTreeModel.h"
#include "ui/MainWindow.h"
#include "ui/MboxImportDialog.h"
#include "ui/MessageFileActions.h"
#include "ui/UploadIndicator.h"

#include <QAction>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <functional>

using namespace herald;

class TstMboxImportDialog : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void serverFolderChosen();
    void localFolderOffersOnlyLocal();

private:
    void select(qint64 folderId);
    // File > Import mbox… on `path`, `answer` answering the dialog: what transferFinished
    // said (ok, summary, folder id), empty when the dialog was not shown or nothing finished.
    QVariantList importThroughWindow(const QString &path,
                                     const std::function<void(ui::MboxImportDialog &)> &answer);
    QString exportInbox();

    std::unique_ptr<test::ProfileFixture> m_fixture;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<ui::MainWindow> m_window;
    QTemporaryDir m_tmp;
};

void TstMboxImportDialog::init()
{
    qputenv("HERALD_NAMESERVER", "127.0.0.1:9"); // offline sender checks
    m_fixture = std::make_unique<test::ProfileFixture>();
    m_store = std::make_unique<store::Store>(m_fixture->path());
    m_window = std::make_unique<ui::MainWindow>(*m_store);
    m_window->show();
}

void TstMboxImportDialog::cleanup()
{
    m_window.reset();
    m_store.reset();
    m_fixture.reset();
}

void TstMboxImportDialog::select(qint64 folderId)
{
    const QModelIndex index = m_window->folderModel()->indexOfFolder(folderId);
    QVERIFY(index.isValid());
    m_window->folderView()->setCurrentIndex(index);
}

QVariantList
TstMboxImportDialog::importThroughWindow(const QString &path,
                                         const std::function<void(ui::MboxImportDialog &)> &answer)
{
    ui::MessageFileActions *actions = m_window->messageFileActions();
    QSignalSpy finished(actions, &ui::MessageFileActions::transferFinished);
    bool answered = false;
    actions->setImportAnswer(
        [&](ui::MboxImportDialog &dialog) {
            answered = true;
            answer(dialog);
        },
        path);
    actions->importAction()->trigger();
    actions->setImportAnswer({});
    if (!answered || !QTest::qWaitFor([&] { return !finished.isEmpty(); }, 20000))
        return {};
    return finished.front();
}

// The fixture's INBOX as an mbox, then emptied: its three messages are new to it again.
QString TstMboxImportDialog::exportInbox()
{
    const QString path = m_tmp.filePath(QStringLiteral("letters.mbox"));
    const sync::MboxExportResult r = sync::exportMbox(*m_store, m_fixture->inboxId, path);
    if (r.written != 3)
        return QString();
    m_store->messages().removeFolderContents(m_fixture->inboxId);
    m_window->reloadFromCache();
    return path;
}

void TstMboxImportDialog::serverFolderChosen()
{
    const QString path = exportInbox();
    QVERIFY(!path.isEmpty());
    QCOMPARE(m_store->messages().orderedIds(m_fixture->inboxId).size(), size_t(0));
    select(m_fixture->inboxId);
    const QVariantList finished = importThroughWindow(path, [](ui::MboxImportDialog &dialog) {
        QVERIFY(dialog.serverChoice());
        QVERIFY(dialog.localChoice()->isChecked()); // nothing is uploaded unasked
        QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("letters"));
        QVERIFY(dialog.serverChoice()->text().contains(QStringLiteral("INBOX")));
        QVERIFY(!dialog.nameEdit()->accessibleName().isEmpty());
        dialog.serverChoice()->setFocus();
        QTest::keyClick(dialog.serverChoice(), Qt::Key_Space); // from the keyboard
        QVERIFY(dialog.intoServerFolder());
        QVERIFY(!dialog.nameEdit()->isEnabled());
        QVERIFY(dialog.okButton()->isEnabled());
        const QString shots = qEnvironmentVariable("HERALD_SCREENSHOT_DIR");
        if (!shots.isEmpty())
            QVERIFY(dialog.grab().save(QDir(shots).filePath(QStringLiteral("import-mbox.png"))));
        dialog.okButton()->click();
    });
    QCOMPARE(finished.size(), 3);
    QVERIFY2(finished[0].toBool(), qPrintable(finished[1].toString()));
    QCOMPARE(finished[2].toLongLong(), m_fixture->inboxId);
    QVERIFY(finished[1].toString().contains(QStringLiteral("uploaded to the server")));

    const std::vector<qint64> rows = m_store->messages().orderedIds(m_fixture->inboxId);
    QCOMPARE(rows.size(), size_t(3));
    for (const qint64 id : rows)
        QVERIFY(!m_store->messages().byId(id)->uid);
    QCOMPARE(m_store->tasks().list(0, imap::kAppendTaskKind).size(), size_t(1));
    ui::UploadIndicator *uploads = m_window->uploadIndicator();
    QVERIFY(uploads->isVisible());
    QCOMPARE(uploads->pending(), 3);
    QCOMPARE(uploads->text(), QStringLiteral("3 messages to upload"));
    const QString shots = qEnvironmentVariable("HERALD_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        QVERIFY(m_window->grab().save(
            QDir(shots).filePath(QStringLiteral("import-mbox-uploading.png"))));

    // A refusal is shown in the server's words; once uploaded, the word goes away.
    const store::Task task = m_store->tasks().list(0, imap::kAppendTaskKind).front();
    m_store->tasks().setState(task.id, QStringLiteral("pending"),
                              QStringLiteral("NO [OVERQUOTA] Quota exceeded"));
    m_window->reloadFromCache();
    QVERIFY(uploads->text().contains(QStringLiteral("Quota exceeded")));
    qint64 uid = 1;
    for (const qint64 id : rows)
        m_store->messages().setUid(id, uid++);
    m_store->tasks().remove(task.id);
    m_window->reloadFromCache();
    QVERIFY(!uploads->isVisible());
}

void TstMboxImportDialog::localFolderOffersOnlyLocal()
{
    const QString path = exportInbox();
    const qint64 local = sync::localImportFolder(*m_store, m_store->accounts().list().front().id,
                                                 QStringLiteral("Old letters"));
    m_window->reloadFromCache();
    select(local);
    const QVariantList finished = importThroughWindow(path, [](ui::MboxImportDialog &dialog) {
        QVERIFY(!dialog.serverChoice());
        dialog.nameEdit()->clear();
        QVERIFY(!dialog.okButton()->isEnabled()); // no name, no import
        QTest::keyClicks(dialog.nameEdit(), QStringLiteral("Old letters"));
        QVERIFY(dialog.okButton()->isEnabled());
        QTest::keyClick(dialog.nameEdit(), Qt::Key_Return);
    });
    QCOMPARE(finished.size(), 3);
    QCOMPARE(finished[2].toLongLong(), local);
    QCOMPARE(m_store->messages().orderedIds(local).size(), size_t(3));
    QVERIFY(m_store->tasks().list(0, imap::kAppendTaskKind).empty());
    QVERIFY(!m_window->uploadIndicator()->isVisible());
}

QTEST_MAIN(TstMboxImportDialog)
#include "tst_mbox_import_dialog.moc"
