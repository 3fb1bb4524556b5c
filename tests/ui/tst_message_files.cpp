// Desktop integration (issue 15) through the real window and the real `herald` binary:
// a mailto: link fills a compose window; a second `herald mailto:` / `herald file.eml` goes to
// the running Herald (which opens the window) and exits 0; a message file opens in a viewer
// window with its sender check; Save As writes the cached bytes; an mbox export and import
// keep every message byte for byte, and importing the same file twice adds nothing.
#include "core/store/Store.h"
#include "tests/support/ProfileFixture.h"
#include "ui/Compose.h"
#include "ui/ComposeWindow.h"
#include "ui/FolderTreeModel.h"
#include "ui/Launch.h"
#include "ui/MainWindow.h"
#include "ui/MessageFileActions.h"
#include "ui/MessageView.h"
#include "ui/MessageWindow.h"
#include "ui/VerdictBar.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <algorithm>

using namespace herald;

class TstMessageFiles : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void fileMenu();
    void mailtoFillsCompose();
    void secondStartGoesToRunningHerald();
    void openMessageFile();
    void saveAsWritesCachedBytes();
    void mboxRoundTrip();

private:
    std::vector<QByteArray> sortedBodies(qint64 folderId);

    QString m_data;
    std::unique_ptr<test::ProfileFixture> m_fixture;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TstMessageFiles::initTestCase()
{
    m_data = qEnvironmentVariable("HERALD_TEST_DATA");
    QVERIFY(QFile::exists(m_data + QStringLiteral("/messages/plain.eml")));
    // Herald's own sender check asks this DNS server: nobody answers (offline).
    qputenv("HERALD_NAMESERVER", "127.0.0.1:9");
}

void TstMessageFiles::init()
{
    m_fixture = std::make_unique<test::ProfileFixture>();
    m_store = std::make_unique<store::Store>(m_fixture->path());
    m_window = std::make_unique<ui::MainWindow>(*m_store);
    m_window->show();
}

void TstMessageFiles::cleanup()
{
    m_window.reset();
    m_store.reset();
    m_fixture.reset();
}

void TstMessageFiles::fileMenu()
{
    ui::MessageFileActions *actions = m_window->messageFileActions();
    const QList<QAction *> menu = m_window->fileMenu()->actions();
    for (QAction *a : {actions->openAction(), actions->saveAsAction(), actions->importAction(),
                       actions->exportAction()})
        QVERIFY2(menu.contains(a), qPrintable(a->text()));
    QCOMPARE(actions->openAction()->shortcut(), QKeySequence(QKeySequence::Open));
    QCOMPARE(actions->saveAsAction()->shortcut(), QKeySequence(QKeySequence::Save));
}

void TstMessageFiles::mailtoFillsCompose()
{
    ui::openLaunchArguments(
        *m_window,
        {QStringLiteral("mailto:a@x.example,b@x.example?subject=caf%C3%A9%20plans&cc=c@x.example"
                        "&bcc=d@x.example&body=line%20one%0D%0Aline%20two&from=evil@x.example")});
    const QList<ui::ComposeWindow *> windows = m_window->composer()->windows();
    QCOMPARE(windows.size(), 1);
    ui::ComposeWindow *w = windows.front();
    QCOMPARE(w->toEdit()->text(), QStringLiteral("a@x.example, b@x.example"));
    QCOMPARE(w->ccEdit()->text(), QStringLiteral("c@x.example"));
    QCOMPARE(w->bccEdit()->text(), QStringLiteral("d@x.example"));
    QCOMPARE(w->subjectEdit()->text(), QString::fromUtf8("café plans"));
    QCOMPARE(w->bodyEdit()->toPlainText(), QStringLiteral("line one\nline two"));
    // From stays the user's own identity; the refused header is named in the status bar.
    QVERIFY(w->fromBox()->currentText().contains(QLatin1String("test@herald.test")));
    QVERIFY(w->draft().from.email == QStringLiteral("test@herald.test"));
}

void TstMessageFiles::secondStartGoesToRunningHerald()
{
    const QString herald = qEnvironmentVariable("HERALD_GUI");
    QVERIFY2(QFile::exists(herald), "HERALD_GUI names the herald binary");
    m_window.reset(); // the fixture profile is the running Herald's now
    m_store.reset();
    QTemporaryDir runtime;
    QVERIFY(runtime.isValid());
    QFile::setPermissions(runtime.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
    env.insert(QStringLiteral("HERALD_LAUNCH_REPORT"), QStringLiteral("1"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    const QStringList profile{QStringLiteral("--profile"), m_fixture->path()};

    QProcess first;
    first.setProcessEnvironment(env);
    first.start(herald, profile);
    QVERIFY(first.waitForStarted());
    // Listening once its socket is there.
    QTRY_VERIFY_WITH_TIMEOUT(
        !QDir(runtime.path()).entryList({QStringLiteral("herald-*.sock")}, QDir::System).isEmpty(),
        15000);

    QProcess second;
    second.setProcessEnvironment(env);
    second.start(herald,
                 profile + QStringList{QStringLiteral(
                               "mailto:joe@x.example?subject=From%20a%20link&cc=bob@x.example")});
    QVERIFY(second.waitForFinished(15000));
    QCOMPARE(second.exitStatus(), QProcess::NormalExit);
    QCOMPARE(second.exitCode(), 0);
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += first.readAllStandardOutput())
                                 .contains("herald: compose to=joe@x.example subject=From a link"),
                             10000);

    // A message file, named relative to the second process's directory.
    QProcess third;
    third.setProcessEnvironment(env);
    third.setWorkingDirectory(m_data + QStringLiteral("/messages"));
    third.start(herald, profile + QStringList{QStringLiteral("plain.eml")});
    QVERIFY(third.waitForFinished(15000));
    QCOMPARE(third.exitCode(), 0);
    QTRY_VERIFY_WITH_TIMEOUT((out += first.readAllStandardOutput())
                                 .contains("herald: message subject=Quarterly numbers"),
                             10000);
    QCOMPARE(first.state(), QProcess::Running); // one Herald all along

    first.terminate();
    QVERIFY(first.waitForFinished(15000));

    // Nobody runs now: a start with a mailto: is the Herald and opens the window itself.
    QProcess alone;
    alone.setProcessEnvironment(env);
    alone.start(herald, profile + QStringList{QStringLiteral("mailto:solo@x.example")});
    QVERIFY(alone.waitForStarted());
    QByteArray aloneOut;
    QTRY_VERIFY_WITH_TIMEOUT(
        (aloneOut += alone.readAllStandardOutput()).contains("herald: compose to=solo@x.example"),
        15000);
    alone.terminate();
    QVERIFY(alone.waitForFinished(15000));
}

void TstMessageFiles::openMessageFile()
{
    ui::MessageWindow *w = m_window->messageFileActions()->openMessageFile(
        m_data + QStringLiteral("/messages/plain.eml"));
    QVERIFY(w);
    QVERIFY(w->isVisible());
    QCOMPARE(w->view()->subjectText(), QStringLiteral("Quarterly numbers"));
    QCOMPARE(w->view()->fromText(), QStringLiteral("Alice Example <alice@herald.test>"));
    QVERIFY(w->view()->bodyText().contains(QLatin1String("the quarterly numbers are attached")));
    // Herald's own check, offline: done, and it says what could not be checked.
    QTRY_VERIFY_WITH_TIMEOUT(w->senderChecked(), 30000);
    QVERIFY2(!w->checkNote().isEmpty(), qPrintable(w->checkNote()));

    QTemporaryDir tmp;
    const QString dir = qEnvironmentVariable("HERALD_SCREENSHOT_DIR", tmp.path());
    w->resize(900, 600);
    QVERIFY(w->grab().save(QDir(dir).filePath(QStringLiteral("message-file.png")), "PNG"));
    w->close();

    // A file that is not there: no window, clear words (the box is closed by the test).
    QTimer::singleShot(0, [] {
        QTRY_VERIFY(QApplication::activeModalWidget());
        QApplication::activeModalWidget()->close();
    });
    QVERIFY(!m_window->messageFileActions()->openMessageFile(QStringLiteral("/nonexistent.eml")));
}

void TstMessageFiles::saveAsWritesCachedBytes()
{
    const std::vector<qint64> ids = m_store->messages().orderedIds(m_fixture->inboxId);
    QVERIFY(!ids.empty());
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("saved.eml"));
    QString error;
    QVERIFY2(m_window->messageFileActions()->saveMessage(ids.front(), path, &error),
             qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), *m_store->bodies().get(ids.front()));
    QVERIFY(!m_window->messageFileActions()->saveMessage(987654, path, &error));
    QVERIFY(error.contains(QLatin1String("not been downloaded")));
}

std::vector<QByteArray> TstMessageFiles::sortedBodies(qint64 folderId)
{
    std::vector<QByteArray> out;
    for (const qint64 id : m_store->messages().orderedIds(folderId))
        out.push_back(m_store->bodies().get(id).value_or(QByteArray()));
    std::sort(out.begin(), out.end());
    return out;
}

void TstMessageFiles::mboxRoundTrip()
{
    ui::MessageFileActions *actions = m_window->messageFileActions();
    QSignalSpy finished(actions, &ui::MessageFileActions::transferFinished);
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("inbox.mbox"));
    const std::vector<QByteArray> inbox = sortedBodies(m_fixture->inboxId);
    QCOMPARE(inbox.size(), size_t(3));

    QVERIFY(actions->exportMbox(m_fixture->inboxId, path));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QVERIFY2(finished[0][0].toBool(), qPrintable(finished[0][1].toString()));
    QVERIFY(QFileInfo(path).size() > 0);

    const qint64 account = m_store->folders().byId(m_fixture->inboxId)->accountId;
    QVERIFY(actions->importMbox(path, account, QStringLiteral("Imported")));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
    QVERIFY2(finished[1][0].toBool(), qPrintable(finished[1][1].toString()));
    const qint64 imported = finished[1][2].toLongLong();
    QVERIFY(imported);
    QVERIFY(m_store->folders().byId(imported)->isLocal);
    QVERIFY(sortedBodies(imported) == inbox);
    // The new folder is in the tree at once.
    QTRY_VERIFY(m_window->folderModel()->indexOfFolder(imported).isValid());

    // The same file again: nothing added, and it says so.
    QVERIFY(actions->importMbox(path, account, QStringLiteral("Imported")));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 20000);
    QVERIFY(finished[2][1].toString().contains(QLatin1String("Imported 0 messages")));
    QCOMPARE(m_store->messages().orderedIds(imported).size(), size_t(3));

    // A server folder's name is refused with words.
    QVERIFY(actions->importMbox(path, account, QStringLiteral("INBOX")));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4, 20000);
    QVERIFY(!finished[3][0].toBool());
    QVERIFY(finished[3][1].toString().contains(QLatin1String("server")));
    QTRY_VERIFY(QApplication::activeModalWidget());
    QApplication::activeModalWidget()->close();
}

QTEST_MAIN(TstMessageFiles)
#include "tst_message_files.moc"
