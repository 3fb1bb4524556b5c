// The main window over the fixture profile: folder tree with counts, clicking folders and
// messages, the decoded message view, blocked remote content, mark-as-read, and a screenshot.

#include "core/store/Store.h"
#include "tests/support/ProfileFixture.h"
#include "ui/FolderTreeModel.h"
#include "ui/MainWindow.h"
#include "ui/MessageListModel.h"
#include "ui/MessageView.h"
#include "ui/SafeTextBrowser.h"
#include "ui/SettingsDialog.h"
#include "ui/VerdictBar.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QToolBar>
#include <QTreeView>

using namespace herald;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void folderTreeShowsAccountAndCounts();
    void clickingFoldersOpensThem();
    void readingMail();
    void keepUnreadSetting();
    void cidImagesAreServed();
    void messageActions();
    void toolbarMenusAndShortcuts_data();
    void toolbarMenusAndShortcuts();
    void keyboardOnlyMoveAndSettings();
    void screenshot();

private:
    QModelIndex folderIndex(const QString &name) const;
    void clickFolder(const QString &name);
    void clickRow(int row);
    int rowWithSubject(const QString &subject) const;

    std::unique_ptr<test::ProfileFixture> m_fixture;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestMainWindow::init()
{
    m_fixture = std::make_unique<test::ProfileFixture>();
    m_store = std::make_unique<store::Store>(m_fixture->path());
    m_window = std::make_unique<ui::MainWindow>(*m_store);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_store.reset();
    m_fixture.reset();
}

QModelIndex TestMainWindow::folderIndex(const QString &name) const
{
    const auto *model = m_window->folderModel();
    for (int a = 0; a < model->rowCount(); ++a) {
        const QModelIndex account = model->index(a, 0);
        for (int f = 0; f < model->rowCount(account); ++f) {
            const QModelIndex i = model->index(f, 0, account);
            if (i.data(ui::FolderTreeModel::FolderNameRole).toString() == name)
                return i;
        }
    }
    return QModelIndex();
}

void TestMainWindow::clickFolder(const QString &name)
{
    QTreeView *tree = m_window->folderView();
    const QModelIndex index = folderIndex(name);
    QVERIFY(index.isValid());
    const QRect rect = tree->visualRect(index);
    QVERIFY(rect.isValid() && rect.height() > 0);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(tree->currentIndex(), index);
}

void TestMainWindow::clickRow(int row)
{
    QTreeView *list = m_window->messageListView();
    const QModelIndex index =
        m_window->messageModel()->index(row, ui::MessageListModel::SubjectColumn);
    const QRect rect = list->visualRect(index);
    QVERIFY(rect.isValid() && rect.height() > 0);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(list->currentIndex().row(), row);
}

int TestMainWindow::rowWithSubject(const QString &subject) const
{
    const auto *model = m_window->messageModel();
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, ui::MessageListModel::SubjectColumn).data().toString() == subject)
            return r;
    return -1;
}

void TestMainWindow::folderTreeShowsAccountAndCounts()
{
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Herald"));
    const auto *model = m_window->folderModel();
    QCOMPARE(model->rowCount(), 1);
    const QModelIndex account = model->index(0, 0);
    QCOMPARE(account.data().toString(), QStringLiteral("test"));
    QCOMPARE(model->rowCount(account), 2);

    const QModelIndex inbox = model->index(0, 0, account); // INBOX first
    QCOMPARE(inbox.data(ui::FolderTreeModel::FolderNameRole).toString(), QStringLiteral("INBOX"));
    QCOMPARE(inbox.data(ui::FolderTreeModel::TotalRole).toLongLong(), qint64(3));
    QCOMPARE(inbox.data(ui::FolderTreeModel::UnreadRole).toLongLong(), qint64(2));
    QVERIFY(inbox.data().toString().contains(QStringLiteral("(2)")));
    QVERIFY(inbox.data(Qt::FontRole).value<QFont>().bold());

    const QModelIndex archive = folderIndex(QStringLiteral("Archive/2024"));
    QVERIFY(archive.isValid());
    QCOMPARE(archive.data(ui::FolderTreeModel::TotalRole).toLongLong(), qint64(1));
    QCOMPARE(archive.data(ui::FolderTreeModel::UnreadRole).toLongLong(), qint64(1));

    // Expanded, with real row heights (the setUniformRowHeights/expandAll trap).
    QVERIFY(m_window->folderView()->isExpanded(account));
    QVERIFY(m_window->folderView()->visualRect(archive).height() > 0);
}

void TestMainWindow::clickingFoldersOpensThem()
{
    clickFolder(QStringLiteral("Archive/2024"));
    QCOMPARE(m_window->messageModel()->rowCount(), 1);
    clickFolder(QStringLiteral("INBOX"));
    const auto *model = m_window->messageModel();
    QCOMPARE(model->rowCount(), 3);
    const int subject = ui::MessageListModel::SubjectColumn;
    QCOMPARE(model->index(0, subject).data().toString(), QStringLiteral("Weekly digest"));
    QCOMPARE(model->index(1, subject).data().toString(), QStringLiteral("Reisekosten für März €"));
    QCOMPARE(model->index(2, subject).data().toString(), QStringLiteral("Quarterly numbers"));
    QCOMPARE(model->index(1, ui::MessageListModel::FromColumn).data().toString(),
             QStringLiteral("Jürgen Müller"));
}

void TestMainWindow::readingMail()
{
    clickFolder(QStringLiteral("INBOX"));
    ui::MessageView *view = m_window->messageView();

    // The UTF-8 message with an attachment.
    const int utf8Row = rowWithSubject(QStringLiteral("Reisekosten für März €"));
    QVERIFY(utf8Row >= 0);
    clickRow(utf8Row);
    QCOMPARE(view->subjectText(), QStringLiteral("Reisekosten für März €"));
    QVERIFY2(view->fromText().contains(QStringLiteral("Jürgen Müller")),
             qPrintable(view->fromText()));
    QVERIFY(view->ccText().contains(QStringLiteral("bob@herald.test")));
    QVERIFY(!view->dateText().isEmpty());
    QVERIFY(!view->showsHtml());
    QVERIFY2(view->bodyText().contains(QStringLiteral("Reisekosten für März: 42 €")),
             qPrintable(view->bodyText()));
    QCOMPARE(view->attachmentNames(), QStringList{QStringLiteral("Beleg März.bin")});
    QVERIFY(!view->remoteContentNoticeShown());
    QCOMPARE(view->verdictBar()->level(), ui::VerdictBar::Level::Verified);
    QVERIFY(view->verdictBar()->isVisible());
    QVERIFY2(view->verdictBar()->headline().contains(QStringLiteral("herald.test")),
             qPrintable(view->verdictBar()->headline()));

    QTemporaryDir out;
    const QString saved = out.filePath(QStringLiteral("beleg.bin"));
    QVERIFY2(view->saveAttachment(0, saved), qPrintable(view->errorString()));
    QFile file(saved);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.size() > 256);
    QCOMPARE(bytes.left(4), QByteArray("\x00\x01\x02\x03", 4));

    // Arrow up to the HTML newsletter: keyboard moves in the list.
    const int htmlRow = rowWithSubject(QStringLiteral("Weekly digest"));
    QCOMPARE(htmlRow, utf8Row - 1);
    const qint64 htmlId = m_window->messageModel()->messageId(htmlRow);
    QVERIFY(!(m_store->messages().byId(htmlId)->flags & store::FlagSeen));
    m_window->messageListView()->setFocus();
    QTest::keyClick(m_window->messageListView(), Qt::Key_Up);
    QCOMPARE(m_window->messageListView()->currentIndex().row(), htmlRow);
    QCOMPARE(view->messageId(), htmlId);

    QVERIFY(view->showsHtml());
    QVERIFY2(view->bodyText().contains(QStringLiteral("This week: release notes.")),
             qPrintable(view->bodyText()));
    QVERIFY(view->remoteContentNoticeShown());
    // A forged sender is visible at a glance.
    QCOMPARE(view->verdictBar()->level(), ui::VerdictBar::Level::Failed);
    QVERIFY2(view->verdictBar()->headline().contains(
                 QStringLiteral("may not be from lists.herald.test")),
             qPrintable(view->verdictBar()->headline()));

    // Lay out and paint the HTML: whatever it asked for was refused, nothing was served.
    ui::SafeTextBrowser *browser = view->htmlView();
    browser->document()->size();
    browser->grab();
    QCOMPARE(browser->servedCount(), 0);
    for (const QUrl &url : browser->blockedUrls())
        QVERIFY2(ui::SafeTextBrowser::isRemote(url), qPrintable(url.toString()));
    const int blockedBefore = browser->blockedCount();
    const QVariant tracker = browser->loadResource(
        QTextDocument::ImageResource, QUrl(QStringLiteral("https://tracker.example/p.gif")));
    QVERIFY(tracker.toByteArray().isEmpty());
    QCOMPARE(browser->blockedCount(), blockedBefore + 1);
    const QVariant local = browser->loadResource(QTextDocument::ImageResource,
                                                 QUrl::fromLocalFile(QFile::decodeName(__FILE__)));
    QVERIFY(local.toByteArray().isEmpty());
    // No network machinery exists anywhere in the UI.
    QVERIFY(m_window->findChildren<QNetworkAccessManager *>().isEmpty());

    // Opening marked it \Seen in the cache, and the counts followed.
    QTRY_VERIFY(m_store->messages().byId(htmlId)->flags & store::FlagSeen); // (cache writer)
    QVERIFY(
        m_window->messageModel()->index(htmlRow, 0).data(ui::MessageListModel::FlagsRole).toInt() &
        store::FlagSeen);
    QTRY_COMPARE(
        folderIndex(QStringLiteral("INBOX")).data(ui::FolderTreeModel::UnreadRole).toLongLong(),
        qint64(1));
    // The Message menu offers the opposite of what the message now is.
    QCOMPARE(m_window->findChild<QAction *>(QStringLiteral("toggleRead"))->text(),
             QStringLiteral("Mark as &Unread"));
}

void TestMainWindow::keepUnreadSetting()
{
    QVERIFY(m_window->markReadOnOpen()); // default on
    m_window->setMarkReadOnOpen(false);
    clickFolder(QStringLiteral("INBOX"));
    const int plainRow = rowWithSubject(QStringLiteral("Quarterly numbers"));
    clickRow(plainRow);
    QCOMPARE(m_window->messageView()->subjectText(), QStringLiteral("Quarterly numbers"));
    QVERIFY(m_window->messageView()->bodyText().contains(QStringLiteral("quarterly numbers")));
    const qint64 id = m_window->messageModel()->messageId(plainRow);
    QVERIFY(!(m_store->messages().byId(id)->flags & store::FlagSeen));

    // The setting is kept in the profile: a new window starts with it off.
    m_window.reset();
    m_window = std::make_unique<ui::MainWindow>(*m_store);
    QVERIFY(!m_window->markReadOnOpen());
    m_window->setMarkReadOnOpen(true);
}

// Message menu / context menu / keys: flag, unread, move and delete change the cache at once,
// queue a task for the server, and keep the list on the next message.
void TestMainWindow::messageActions()
{
    m_window->setMarkReadOnOpen(false);
    clickFolder(QStringLiteral("INBOX"));
    auto *model = m_window->messageModel();
    const auto action = [&](const char *name) {
        return m_window->findChild<QAction *>(QLatin1String(name));
    };
    const auto taskKinds = [&] {
        QStringList kinds;
        for (const auto &t : m_store->tasks().list(m_store->accounts().list().front().id))
            kinds << t.kind;
        return kinds;
    };
    QVERIFY(!action("delete")->isEnabled()); // nothing selected yet
    const int row = rowWithSubject(QStringLiteral("Quarterly numbers"));
    clickRow(row);
    const qint64 id = model->messageId(row);
    QVERIFY(action("delete")->isEnabled());
    QCOMPARE(action("toggleRead")->text(), QStringLiteral("Mark as &Read"));

    // The list shows a change at once; the cache writer stores it (and its task) just after.
    QTest::keyClick(m_window->messageListView(), Qt::Key_S); // flag
    QVERIFY(model->message(row)->flags & store::FlagFlagged);
    QCOMPARE(action("toggleFlag")->text(), QStringLiteral("Remove Fla&g"));
    QTRY_VERIFY(m_store->messages().byId(id)->flags & store::FlagFlagged);
    action("toggleRead")->trigger();
    QVERIFY(model->message(row)->flags & store::FlagSeen);
    QTRY_VERIFY(m_store->messages().byId(id)->flags & store::FlagSeen);
    action("toggleRead")->trigger();
    QTRY_VERIFY(!(m_store->messages().byId(id)->flags & store::FlagSeen));
    QTRY_COMPARE(taskKinds().count(QStringLiteral("flag")), 3);

    // Move to Archive: gone from INBOX, in Archive, queued; the next message is selected.
    const int before = model->rowCount();
    auto *moveMenu = m_window->findChild<QMenu *>(QStringLiteral("moveMenu"));
    QVERIFY(moveMenu);
    QMetaObject::invokeMethod(moveMenu, "aboutToShow");
    QAction *toArchive = m_window->findChild<QAction *>(QStringLiteral("moveTo:Archive/2024"));
    QVERIFY(toArchive);
    QVERIFY(!m_window->findChild<QAction *>(QStringLiteral("moveTo:INBOX"))); // its own folder
    toArchive->trigger();
    QCOMPARE(model->rowCount(), before - 1);
    QTRY_COMPARE(m_store->folders().byId(m_store->messages().byId(id)->folderId)->name,
                 QStringLiteral("Archive/2024"));
    QTRY_VERIFY(taskKinds().contains(QStringLiteral("move")));
    QCOMPARE(m_window->messageListView()->selectionModel()->selectedRows().size(), 1);
    const qint64 next = model->messageId(m_window->messageListView()->currentIndex().row());
    QCOMPARE(m_window->messageView()->messageId(), next);

    // Delete (no Trash in this account: for good, and an expunge queued).
    QTest::keyClick(m_window->messageListView(), Qt::Key_Delete);
    QCOMPARE(model->rowCount(), before - 2);
    QTRY_VERIFY(!m_store->messages().byId(next));
    QTRY_VERIFY(taskKinds().contains(QStringLiteral("expunge")));
    m_window->setMarkReadOnOpen(true);
}

void TestMainWindow::cidImagesAreServed()
{
    QImage red(4, 4, QImage::Format_RGB32);
    red.fill(Qt::red);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    red.save(&buffer, "PNG");
    const QByteArray raw =
        "From: a@herald.test\r\nTo: b@herald.test\r\nSubject: logo\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/related; boundary=rel\r\n\r\n"
        "--rel\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
        "<p>Logo: <img src=\"cid:logo@herald.test\"> "
        "<img src=\"file:///etc/hostname\"></p>\r\n"
        "--rel\r\nContent-Type: image/png\r\nContent-ID: <logo@herald.test>\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n" +
        png.toBase64() + "\r\n--rel--\r\n";

    store::MessageRow row;
    row.id = 999;
    row.subject = QStringLiteral("logo");
    ui::MessageView view;
    view.resize(600, 400);
    view.showMessage(row, raw);
    QVERIFY(view.showsHtml());
    ui::SafeTextBrowser *browser = view.htmlView();
    browser->document()->size(); // lays out, which loads the images
    view.grab();
    QCOMPARE(browser->servedCount(), 1);
    QCOMPARE(int(browser->blockedUrls().size()), 1); // the file: URL
    QCOMPARE(browser->blockedUrls().front().scheme(), QStringLiteral("file"));
    QVERIFY(!view.remoteContentNoticeShown()); // nothing remote in it
    const QImage served =
        QImage::fromData(browser
                             ->loadResource(QTextDocument::ImageResource,
                                            QUrl(QStringLiteral("cid:logo@herald.test")))
                             .toByteArray());
    QCOMPARE(served.size(), QSize(4, 4));
    QCOMPARE(served.pixelColor(1, 1), QColor(Qt::red));
    QVERIFY(view.attachmentNames().isEmpty()); // an inline resource of the body
}

// The toolbar holds New, Reply, Reply All, Forward, Delete, Move, Mark, Flag, Sync Now with icons;
// each action has its Thunderbird/KMail key (docs/shortcuts.md) and sits in its menu.
void TestMainWindow::toolbarMenusAndShortcuts_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QKeySequence>("key");
    QTest::addColumn<QString>("menu");
    QTest::addColumn<bool>("onToolbar");
    QTest::newRow("delete") << "delete" << QKeySequence(Qt::Key_Delete) << "messageMenu" << true;
    QTest::newRow("move") << "move" << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M) << QString()
                          << true;
    QTest::newRow("read") << "toggleRead" << QKeySequence(Qt::Key_M) << "messageMenu" << true;
    QTest::newRow("flag") << "toggleFlag" << QKeySequence(Qt::Key_S) << "messageMenu" << true;
    QTest::newRow("sync") << "syncNow" << QKeySequence(Qt::Key_F5) << "fileMenu" << true;
    QTest::newRow("settings") << "settings" << QKeySequence(Qt::CTRL | Qt::Key_Comma) << "editMenu"
                              << false;
    QTest::newRow("new") << "newMessage" << QKeySequence(QKeySequence::New) << "messageMenu"
                         << true;
    QTest::newRow("reply") << "reply" << QKeySequence(Qt::CTRL | Qt::Key_R) << "messageMenu"
                           << true;
    QTest::newRow("reply all") << "replyAll" << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)
                               << "messageMenu" << true;
    QTest::newRow("forward") << "forward" << QKeySequence(Qt::CTRL | Qt::Key_L) << "messageMenu"
                             << true;
    QTest::newRow("forward attached")
        << "forwardAsAttachment" << QKeySequence() << "messageMenu" << false;
}

void TestMainWindow::toolbarMenusAndShortcuts()
{
    QFETCH(QString, action);
    QFETCH(QKeySequence, key);
    QFETCH(QString, menu);
    QFETCH(bool, onToolbar);
    QToolBar *bar = m_window->mainToolBar();
    QVERIFY(bar && bar->isVisible());
    QCOMPARE(bar->accessibleName(), QStringLiteral("Main Toolbar"));
    auto *a = m_window->findChild<QAction *>(action);
    QVERIFY(a);
    QCOMPARE(a->shortcut(), key);
    QVERIFY(!a->icon().isNull());
    QCOMPARE(bar->actions().contains(a), onToolbar);
    if (!menu.isEmpty())
        QVERIFY(m_window->findChild<QMenu *>(menu)->actions().contains(a));
    // The toolbar starts with the compose actions (New, Reply, Reply All, Forward), then a
    // separator.
    QCOMPARE(bar->actions().indexOf(m_window->composeActionsEnd()), 4);
    QCOMPARE(bar->actions().first()->objectName(), QStringLiteral("newMessage"));
}

// Without a mouse: Ctrl+Shift+M opens the folder menu at the message, Ctrl+, the settings.
void TestMainWindow::keyboardOnlyMoveAndSettings()
{
    m_window->setMarkReadOnOpen(false);
    clickFolder(QStringLiteral("INBOX"));
    clickRow(rowWithSubject(QStringLiteral("Quarterly numbers")));
    auto *moveMenu = m_window->findChild<QMenu *>(QStringLiteral("moveMenu"));
    QTest::keyClick(m_window->messageListView(), Qt::Key_M,
                    Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(moveMenu->isVisible());
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("moveTo:Archive/2024")));
    moveMenu->hide();
    QTest::keyClick(m_window->messageListView(), Qt::Key_Comma, Qt::ControlModifier);
    QTRY_VERIFY(m_window->findChild<ui::SettingsDialog *>() &&
                m_window->findChild<ui::SettingsDialog *>()->isVisible());
    m_window->findChild<ui::SettingsDialog *>()->reject();
    m_window->setMarkReadOnOpen(true);
}

void TestMainWindow::screenshot()
{
    // HERALD_SCREENSHOT_DIR keeps the pictures (docs/screenshots); else a temp dir.
    QTemporaryDir tmp;
    const QString dir = qEnvironmentVariable("HERALD_SCREENSHOT_DIR", tmp.path());
    m_window->resize(1200, 760);
    clickFolder(QStringLiteral("INBOX"));
    const struct
    {
        QString subject, file;
    } shots[] = {{QStringLiteral("Reisekosten für März €"), QStringLiteral("main-window.png")},
                 {QStringLiteral("Weekly digest"), QStringLiteral("main-window-html.png")}};
    for (const auto &shot : shots) {
        clickRow(rowWithSubject(shot.subject));
        QCoreApplication::sendPostedEvents(); // the toolbar's relayout for the new action texts
        const QPixmap pixmap = m_window->grab();
        QVERIFY(!pixmap.isNull());
        const QString path = QDir(dir).filePath(shot.file);
        QVERIFY2(pixmap.save(path, "PNG"), qPrintable(path));
        const QImage image(path);
        QCOMPARE(image.size(), pixmap.size());
        QVERIFY(image.width() >= 800 && image.height() >= 500);
    }

    // HERALD_UI_KEEP_PROFILE=DIR keeps a copy of the fixture profile, to run `herald --profile
    // DIR` by hand (screenshots under Xvfb).
    const QString keep = qEnvironmentVariable("HERALD_UI_KEEP_PROFILE");
    if (!keep.isEmpty()) {
        m_store->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        QDir().mkpath(QDir(keep).filePath(QStringLiteral("bodies")));
        QVERIFY(QFile::copy(store::Store::databasePath(m_fixture->path()),
                            store::Store::databasePath(keep)));
    }
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
