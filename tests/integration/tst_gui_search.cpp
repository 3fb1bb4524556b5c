// Search in the real window against the real servers: two accounts (alice, bob) set up with
// herald-cli, mail delivered into their maildirs and through the real Postfix (one message
// failing SPF/DMARC, one DKIM-signed), one window sync. Then queries are typed into the search
// box as keys: words, each prefix, across accounts with the "All folders" toggle; results show
// newest first with the words highlighted, open like any message (read, verdict bar), Esc
// goes back to the folder, and messages not indexed yet are counted, then found.
#include "core/store/Store.h"
#include "tests/support/TestSupport.h"
#include "ui/FolderTreeModel.h"
#include "ui/IndexWorker.h"
#include "ui/MainWindow.h"
#include "ui/MessageListModel.h"
#include "ui/MessageView.h"
#include "ui/SearchBox.h"
#include "ui/SearchController.h"
#include "ui/SearchHighlight.h"
#include "ui/VerdictBar.h"

#include <QAbstractItemDelegate>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUuid>

using namespace herald;
using herald::test::stack;

namespace {
QByteArray plainMail(const QByteArray &from, const QByteArray &to, const QByteArray &cc,
                     const QByteArray &subject, const QByteArray &date, const QByteArray &body)
{
    return "From: " + from + "\r\nTo: " + to + "\r\n" + (cc.isEmpty() ? "" : "Cc: " + cc + "\r\n") +
           "Subject: " + subject + "\r\nDate: " + date + "\r\nMessage-ID: <" +
           QUuid::createUuid().toString(QUuid::WithoutBraces).toUtf8() +
           "@search.test>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
           body + "\r\n";
}
} // namespace

class TestGuiSearch : public QObject
{
    Q_OBJECT

    QTemporaryDir m_profile;
    QString m_marker; // one word in every message of this test, unique to this run
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<ui::MainWindow> m_window;
    qint64 m_aliceInbox = 0;

    ui::SearchController *search() { return m_window->search(); }
    QLineEdit *field() { return search()->searchBox()->field(); }

    QByteArray subject(const char *words) { return QByteArray(words) + " " + m_marker.toUtf8(); }

    // Types `text` into the search box as keys (after emptying it) and waits for its results.
    bool type(const QString &text, bool allFolders)
    {
        QToolButton *toggle = search()->searchBox()->allFoldersButton();
        if (toggle->isChecked() != allFolders)
            QTest::mouseClick(toggle, Qt::LeftButton);
        if (toggle->isChecked() != allFolders)
            return false;
        m_window->activateWindow();
        QTest::keyClick(m_window.get(), Qt::Key_K, Qt::ControlModifier); // focus, select all
        if (!field()->hasFocus())
            return false;
        QSignalSpy shown(search(), &ui::SearchController::resultsShown);
        QTest::keyClicks(field(), text);
        return field()->text() == text &&
               QTest::qWaitFor([&] { return !shown.isEmpty() && search()->isActive(); }, 5000) &&
               QTest::qWaitFor([&] { return settled(); }, 5000);
    }
    // The newest query's results are in (nothing typed over is still on its way).
    bool settled()
    {
        QSignalSpy more(search(), &ui::SearchController::resultsShown);
        return !more.wait(300);
    }
    QStringList shownSubjects()
    {
        QStringList subjects;
        auto *model = m_window->messageModel();
        for (int r = 0; r < model->rowCount(); ++r)
            subjects << model->message(r)->subject.section(QLatin1Char(' '), 0, -2);
        return subjects;
    }

private slots:
    void initTestCase()
    {
        HERALD_REQUIRE_STACK();
        const auto &s = stack();
        m_marker = QStringLiteral("k") + QUuid::createUuid().toString(QUuid::Id128).left(12);
        for (const char *user : {"alice", "bob"}) {
            const QString added = s.addAccountWithCli(m_profile.path(), QString::fromLatin1(user));
            QVERIFY2(added.isEmpty(), qPrintable(added));
        }
        const QByteArray quentin = "Quentin Marsh <quentin@herald.test>";
        const QByteArray alice = "Alice <alice@herald.test>";
        const QByteArray body = m_marker.toUtf8();
        QVERIFY(s.deliver(
            "alice", "INBOX",
            "From: " + quentin + "\r\nTo: " + alice + "\r\nSubject: " + subject("Budget report") +
                "\r\nDate: Fri, 20 Nov 2026 09:00:00 +0000\r\nMessage-ID: <budget-" + body +
                "@search.test>\r\nMIME-Version: 1.0\r\n"
                "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                "Content-Type: text/plain\r\n\r\nThe budget figures for the "
                "quarter are attached. " +
                body +
                "\r\n--b\r\nContent-Type: text/csv; "
                "name=figures.csv\r\nContent-Disposition: attachment; "
                "filename=figures.csv\r\n\r\na,b\r\n1,2\r\n--b--\r\n"));
        QVERIFY(s.deliver("alice", "INBOX",
                          plainMail("Rita Hale <rita@herald.test>", alice, "olga@herald.test",
                                    subject("Lunch plans"), "Wed, 25 Nov 2026 12:00:00 +0000",
                                    "Meet at the harbour at noon, " + body + ".")));
        QVERIFY(s.deliver("alice", "Archive",
                          plainMail(quentin, alice, "", subject("Old minutes"),
                                    "Mon, 05 Jan 2026 10:00:00 +0000",
                                    "Minutes of the harbour board, " + body + ".")));
        QVERIFY(s.deliver("bob", "INBOX",
                          plainMail(quentin, "Bob <bob@herald.test>", "",
                                    subject("Budget follow-up"), "Sun, 22 Nov 2026 08:00:00 +0000",
                                    "Following up on the budget, " + body)));
        // Through Postfix as another server would: unsigned from an address herald.test's SPF
        // does not allow (DMARC fails), and DKIM-signed from one it allows (passes).
        const QString inject = QFileInfo(s.script).dir().filePath(QStringLiteral("inject_mail.py"));
        const auto injectMail = [&](const QString &fromIp, bool sign, const QByteArray &eml) {
            QStringList args{
                inject,          "--port",      QString::number(s.smtpPort), "--from-ip",
                fromIp,          "--mail-from", s.email("payroll"),          "--rcpt",
                s.email("alice")};
            if (sign)
                args << "--sign" << s.dkimKey << "--domain" << s.domain << "--selector"
                     << s.dkimSelector;
            QProcess p;
            p.start(QStringLiteral("/usr/bin/python3"), args);
            p.write(eml);
            p.closeWriteChannel();
            return p.waitForFinished(30000) && p.exitCode() == 0;
        };
        QVERIFY(injectMail("127.0.0.2", false,
                           plainMail("Payroll <payroll@herald.test>", alice, "",
                                     subject("Urgent payroll"), "Tue, 10 Nov 2026 07:00:00 +0000",
                                     "Confirm your account " + body)));
        QVERIFY(injectMail("127.0.0.1", true,
                           plainMail("Payroll <payroll@herald.test>", alice, "",
                                     subject("Signed notice"), "Thu, 05 Nov 2026 07:00:00 +0000",
                                     "Your payslip " + body)));
        for (const char *words : {"Urgent payroll", "Signed notice", "Lunch plans"})
            QVERIFY(!s.waitForMessage("alice", "INBOX", subject(words), 30000).isEmpty());
        // Another device reads and flags the lunch message before Herald syncs.
        const QString flagged = s.otherDevice(
            "alice",
            QStringLiteral("typ, d = m.search(None, 'SUBJECT', '\"Lunch plans %1\"')\n"
                           "m.store(d[0].split()[0], '+FLAGS', '(\\\\Seen \\\\Flagged)')\n")
                .arg(m_marker));
        QVERIFY2(flagged.isEmpty(), qPrintable(flagged));

        m_store = std::make_unique<store::Store>(m_profile.path());
        m_window = std::make_unique<ui::MainWindow>(*m_store);
        m_window->resize(1200, 760);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QSignalSpy synced(m_window.get(), &ui::MainWindow::syncFinished);
        m_window->syncNow();
        QVERIFY(synced.wait(60000));
        QCOMPARE(synced.first().first().toStringList(), QStringList());
        // Indexed by the window's own worker, without a search having to wait for it.
        QTRY_COMPARE_WITH_TIMEOUT(m_store->search().pendingCount(), qint64(0), 20000);
        const auto account = m_store->accounts().byName(QStringLiteral("alice"));
        m_aliceInbox = m_store->folders().byName(account->id, QStringLiteral("INBOX"))->id;
    }

    void init()
    {
        m_window->openFolder(m_aliceInbox);
        QCOMPARE(m_window->messageModel()->folderId(), m_aliceInbox);
    }

    void finds_data()
    {
        QTest::addColumn<QString>("query"); // %1: the marker word
        QTest::addColumn<bool>("allFolders");
        QTest::addColumn<QStringList>("expected"); // subjects without the marker, newest first

        using L = QStringList;
        const L inbox{"Lunch plans", "Budget report", "Urgent payroll", "Signed notice"};
        QTest::newRow("word, this folder") << "%1" << false << inbox;
        QTest::newRow("word, all folders of both accounts")
            << "%1" << true << L{"Lunch plans",    "Budget follow-up", "Budget report",
                                 "Urgent payroll", "Signed notice",    "Old minutes"};
        QTest::newRow("start of a word") << "harbo %1" << true << L{"Lunch plans", "Old minutes"};
        QTest::newRow("phrase") << "\"harbour board\" %1" << true << L{"Old minutes"};
        QTest::newRow("from:") << "from:quentin %1" << true
                               << L{"Budget follow-up", "Budget report", "Old minutes"};
        QTest::newRow("from: quoted") << "from:\"Quentin Marsh\" %1" << false << L{"Budget report"};
        QTest::newRow("to: (cc)") << "to:olga %1" << true << L{"Lunch plans"};
        QTest::newRow("to: other account") << "to:bob %1" << true << L{"Budget follow-up"};
        QTest::newRow("subject:") << "subject:budget %1" << true
                                  << L{"Budget follow-up", "Budget report"};
        QTest::newRow("has:attachment") << "has:attachment %1" << true << L{"Budget report"};
        QTest::newRow("is:unread")
            << "is:unread %1" << false << L{"Budget report", "Urgent payroll", "Signed notice"};
        QTest::newRow("is:read") << "is:read %1" << true << L{"Lunch plans"};
        QTest::newRow("is:flagged") << "is:flagged %1" << true << L{"Lunch plans"};
        QTest::newRow("before:") << "before:2026-11-21 %1" << true
                                 << L{"Budget report", "Urgent payroll", "Signed notice",
                                      "Old minutes"};
        QTest::newRow("after:") << "after:2026-11-21 %1" << true
                                << L{"Lunch plans", "Budget follow-up"};
        // herald.test publishes DMARC p=reject: its unsigned mail fails unless SPF passes, so
        // everything but the signed notice fails — the files put in the maildirs (no path
        // through an allowed server) and the payroll sent from 127.0.0.2.
        QTest::newRow("verdict:fail") << "verdict:fail %1" << true
                                      << L{"Lunch plans", "Budget follow-up", "Budget report",
                                           "Urgent payroll", "Old minutes"};
        QTest::newRow("verdict:pass") << "verdict:pass %1" << true << L{"Signed notice"};
        QTest::newRow("folder:") << "folder:archive %1" << false << L{"Old minutes"};
    }
    void finds()
    {
        QFETCH(QString, query);
        QFETCH(bool, allFolders);
        QFETCH(QStringList, expected);
        QVERIFY(type(query.arg(m_marker), allFolders));
        QCOMPARE(m_window->messageModel()->folderId(), qint64(0));
        QCOMPARE(shownSubjects(), expected);
        QVERIFY(!search()->statusLabel()->text().isEmpty());
        QVERIFY2(search()->statusLabel()->text().startsWith(
                     expected.size() == 1
                         ? QStringLiteral("1 message found")
                         : QStringLiteral("%1 messages found").arg(expected.size())),
                 qPrintable(search()->statusLabel()->text()));
    }

    // Bad input gets words; the rest of the query still runs.
    void badDateIsExplained()
    {
        QVERIFY(type(QStringLiteral("before:2026-02-30 budget %1").arg(m_marker), false));
        QCOMPARE(shownSubjects(), QStringList{"Budget report"});
        QVERIFY2(search()->statusLabel()->text().contains(
                     QStringLiteral("before:2026-02-30 is not a date; write it as YYYY-MM-DD")),
                 qPrintable(search()->statusLabel()->text()));
    }

    // A result opens like any message: shown with its verdict, marked read, words highlighted
    // in the list and the message; Esc goes back to the folder.
    void resultOpensHighlightedAndEscReturns()
    {
        QVERIFY(type(QStringLiteral("payroll %1").arg(m_marker), true));
        QCOMPARE(shownSubjects(), (QStringList{"Urgent payroll", "Signed notice"}));
        QTreeView *list = m_window->messageListView();
        auto *delegate = qobject_cast<ui::HighlightDelegate *>(
            list->itemDelegateForColumn(ui::MessageListModel::SubjectColumn));
        QVERIFY(delegate);
        QCOMPARE(delegate->terms(), (QStringList{"payroll", m_marker}));
        QTest::keyClick(field(), Qt::Key_Down); // to the results: the first opens
        QVERIFY(list->hasFocus());
        ui::MessageView *view = m_window->messageView();
        QTRY_COMPARE(view->subjectText(), QString::fromUtf8(subject("Urgent payroll")));
        QVERIFY(view->verdictBar()->isVisible());
        QCOMPARE(view->verdictBar()->level(), ui::VerdictBar::Level::Failed);
        QCOMPARE(view->highlightCount(), 1); // the marker in "Confirm your account <marker>"
        const qint64 id = view->messageId();
        QTRY_VERIFY(m_store->messages().byId(id)->flags & store::FlagSeen);
        QCOMPARE(shownSubjects().first(), QStringLiteral("Urgent payroll")); // still listed

        field()->setFocus();
        QTest::keyClick(field(), Qt::Key_Escape);
        QVERIFY(!search()->isActive());
        QVERIFY(field()->text().isEmpty());
        QCOMPARE(m_window->messageModel()->folderId(), m_aliceInbox);
        QVERIFY(list->hasFocus());
        QVERIFY(delegate->terms().isEmpty());
        QVERIFY(search()->statusLabel()->text().isEmpty());
    }

    // Single-key shortcuts (M: mark read) do not fire while typing in the box; Ctrl+F focuses.
    void typingIsNotAShortcut()
    {
        m_window->messageListView()->setFocus();
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(field()->hasFocus());
        const int before = m_window->messageModel()->rowCount();
        QTest::keyClicks(field(), QStringLiteral("ms"));
        QCOMPARE(field()->text(), QStringLiteral("ms"));
        QTest::keyClick(field(), Qt::Key_Escape);
        QCOMPARE(m_window->messageModel()->rowCount(), before);
    }

    // Messages the index has not caught up with are counted, then found when it has.
    void notIndexedYetIsSaidThenFound()
    {
        // The earlier tests' writes (a message marked read) reach the window through the change
        // stream (merged over 100 ms) and wake the indexer: let that settle first, or it
        // indexes the messages below again before the search has counted them.
        QTRY_COMPARE(m_window->indexWorker()->pending(), 0);
        QTest::qWait(300);
        for (const qint64 id : m_store->messages().orderedIds(m_aliceInbox)) {
            m_store->search().remove(id); // as if they had just arrived
            m_store->search().markPending(id);
        }
        QVERIFY(type(QStringLiteral("harbour %1").arg(m_marker), false));
        QVERIFY(shownSubjects().isEmpty());
        QVERIFY2(search()->statusLabel()->text().contains(QStringLiteral("not indexed yet")),
                 qPrintable(search()->statusLabel()->text()));
        m_window->indexWorker()->wake();
        QTRY_COMPARE_WITH_TIMEOUT(shownSubjects(), QStringList{"Lunch plans"}, 10000);
        QTRY_VERIFY(!search()->statusLabel()->text().contains(QStringLiteral("not indexed yet")));
    }

    // docs/screenshots/search.png with HERALD_SCREENSHOT_DIR set.
    void screenshot()
    {
        QVERIFY(type(QStringLiteral("budget"), true));
        const int row = int(shownSubjects().indexOf(QStringLiteral("Budget report")));
        QVERIFY(row >= 0);
        QVERIFY(shownSubjects().contains(QStringLiteral("Budget follow-up"))); // bob's
        m_window->messageListView()->selectionModel()->setCurrentIndex(
            m_window->messageModel()->index(row, 0),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QTRY_COMPARE(m_window->messageView()->highlightCount(), 1); // "The budget figures"
        QVERIFY(m_window->messageView()->subjectText().startsWith(QStringLiteral("Budget report")));
        const QString dir = qEnvironmentVariable("HERALD_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        const QPixmap pixmap = m_window->grab();
        QVERIFY(pixmap.save(QDir(dir).filePath(QStringLiteral("search.png")), "PNG"));
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestGuiSearch)
#include "tst_gui_search.moc"
