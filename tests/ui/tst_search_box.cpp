// The search box over the fixture profile (no servers): where terms are highlighted
// (matchSpans, escaped rich text), the window indexing on its own at start, results as you
// type in this folder or all folders (the toggle remembered), highlighting in the list and the
// message without markup injection, Esc back to the folder, and the list restored after a
// reload while searching.
#include "core/store/Store.h"
#include "tests/support/ProfileFixture.h"
#include "ui/IndexWorker.h"
#include "ui/MainWindow.h"
#include "ui/MessageListModel.h"
#include "ui/MessageView.h"
#include "ui/SearchBox.h"
#include "ui/SearchController.h"
#include "ui/SearchHighlight.h"

#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace herald;

class TestSearchBox : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::ProfileFixture> m_fixture;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<ui::MainWindow> m_window;
    qint64 m_markup = 0;

    QLineEdit *field() { return m_window->search()->searchBox()->field(); }
    bool type(const QString &text)
    {
        QSignalSpy shown(m_window->search(), &ui::SearchController::resultsShown);
        field()->setFocus();
        field()->selectAll();
        QTest::keyClicks(field(), text);
        if (shown.isEmpty() && !shown.wait(3000))
            return false;
        // Whatever was typed over has landed (only the newest query's results are shown).
        QTest::qWait(300);
        return true;
    }

private slots:
    void matchSpans_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("terms");
        QTest::addColumn<QString>("spans"); // start:length ...
        QTest::newRow("prefix") << "Quarterly invoice" << QStringList{"invo"} << "10:4";
        QTest::newRow("twice, any case")
            << "Invoice invoices" << QStringList{"INVOICE"} << "0:7 8:7";
        QTest::newRow("not inside a word") << "reinvoice" << QStringList{"invoice"} << "";
        QTest::newRow("phrase, any spacing")
            << "Paid the\n invoice" << QStringList{"the invoice"} << "5:12";
        QTest::newRow("overlap merged") << "invoice" << QStringList{"in", "invoice"} << "0:7";
        QTest::newRow("after markup characters") << "a<b>c" << QStringList{"b"} << "2:1";
        QTest::newRow("regex characters are text")
            << "costs (a+b)*2" << QStringList{"(a+b)*2"} << "6:7";
        QTest::newRow("no terms") << "abc" << QStringList{} << "";
    }
    void matchSpans()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, terms);
        QFETCH(QString, spans);
        QStringList got;
        for (const auto &s : ui::matchSpans(text, terms))
            got << QStringLiteral("%1:%2").arg(s.first).arg(s.second);
        QCOMPARE(got.join(' '), spans);
    }

    void highlightedHtmlEscapes()
    {
        const QString html =
            ui::highlightedHtml(QStringLiteral("<b>Budget</b> & <img src=x>"), {"budget", "img"});
        QVERIFY2(!html.contains(QStringLiteral("<b>")) && !html.contains(QStringLiteral("<img")),
                 qPrintable(html));
        QVERIFY(html.contains(QStringLiteral("&lt;b&gt;<span")));
        QVERIFY(html.contains(QStringLiteral(">Budget</span>&lt;/b&gt; &amp; &lt;<span")));
    }

    void init()
    {
        m_window.reset();
        m_store.reset();
        m_fixture = std::make_unique<test::ProfileFixture>();
        m_store = std::make_unique<store::Store>(m_fixture->path());
        // A subject that is markup: it must stay text when highlighted.
        store::MessageRow m;
        m.accountId = m_store->accounts().byName(QStringLiteral("test"))->id;
        m.folderId = m_fixture->inboxId;
        m.subject = QStringLiteral("<b>Quarterly</b> <a href=\"x\">bonus</a>");
        m.fromAddr = QStringLiteral("hr@herald.test");
        m.date = QDateTime::currentDateTimeUtc();
        m_markup = m_store->messages().insert(m);
        m_store->search().markPending(m_markup);
        m_window = std::make_unique<ui::MainWindow>(*m_store);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        // Indexed by the window's worker at start, nothing asked.
        QTRY_COMPARE(m_store->search().pendingCount(), qint64(0));
        QCOMPARE(m_window->messageModel()->folderId(), m_fixture->inboxId);
    }

    void resultsHighlightedAndEscReturns()
    {
        QVERIFY(type(QStringLiteral("quarterly")));
        ui::MessageListModel *model = m_window->messageModel();
        QCOMPARE(model->folderId(), qint64(0));
        QCOMPARE(model->rowCount(), 2); // this folder only: the markup one, then plain.eml
        QCOMPARE(model->message(0)->id, m_markup);
        QCOMPARE(m_window->search()->statusLabel()->text(),
                 QStringLiteral("2 messages found in this folder"));
        auto *delegate = qobject_cast<ui::HighlightDelegate *>(
            m_window->messageListView()->itemDelegateForColumn(ui::MessageListModel::FromColumn));
        QVERIFY(delegate);
        QCOMPARE(delegate->terms(), QStringList{"quarterly"});

        // Opening the markup one: the subject is highlighted as escaped text.
        QTest::keyClick(field(), Qt::Key_Return);
        ui::MessageView *view = m_window->messageView();
        QTRY_COMPARE(view->messageId(), m_markup);
        QCOMPARE(view->subjectText(), QStringLiteral("<b>Quarterly</b> <a href=\"x\">bonus</a>"));
        bool escaped = false;
        for (QLabel *label : view->findChildren<QLabel *>())
            if (label->textFormat() == Qt::RichText &&
                label->text().contains(QStringLiteral("&lt;b&gt;<span")))
                escaped = !label->text().contains(QStringLiteral("<a href"));
        QVERIFY2(escaped, "the subject was not shown highlighted and escaped");

        // plain.eml: highlighted in the body ("the quarterly numbers").
        m_window->messageListView()->selectionModel()->setCurrentIndex(
            model->index(1, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QTRY_COMPARE(view->subjectText(), QStringLiteral("Quarterly numbers"));
        QCOMPARE(view->highlightCount(), 1);

        // A reload while searching (a sync ended) keeps the results and the open message.
        m_window->reloadFromCache();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(view->subjectText(), QStringLiteral("Quarterly numbers"));

        field()->setFocus();
        QTest::keyClick(field(), Qt::Key_Escape);
        QCOMPARE(model->folderId(), m_fixture->inboxId);
        QVERIFY(field()->text().isEmpty());
        QVERIFY(delegate->terms().isEmpty());
        QVERIFY(m_window->search()->statusLabel()->text().isEmpty());
    }

    void allFoldersIsRemembered()
    {
        QToolButton *all = m_window->search()->searchBox()->allFoldersButton();
        QVERIFY(!all->isChecked());
        QVERIFY(type(QStringLiteral("from:alice")));
        QCOMPARE(m_window->messageModel()->rowCount(), 1);
        QSignalSpy shown(m_window->search(), &ui::SearchController::resultsShown);
        QTest::mouseClick(all, Qt::LeftButton);
        QVERIFY(shown.wait(3000));
        QCOMPARE(m_window->messageModel()->rowCount(), 2); // and the Archive's copy
        QCOMPARE(m_window->search()->statusLabel()->text(),
                 QStringLiteral("2 messages found in all folders"));
        m_window.reset();
        m_window = std::make_unique<ui::MainWindow>(*m_store);
        QVERIFY(m_window->search()->searchBox()->allFoldersButton()->isChecked());
    }

    // Opening a folder ends the search; so does emptying the field.
    void openingAFolderEndsTheSearch()
    {
        QVERIFY(type(QStringLiteral("is:unread")));
        QVERIFY(m_window->search()->isActive());
        m_window->openFolder(m_fixture->archiveId);
        QVERIFY(!m_window->search()->isActive());
        QVERIFY(field()->text().isEmpty());
        QVERIFY(type(QStringLiteral("x")));
        QVERIFY(m_window->search()->isActive());
        QTest::keyClick(field(), Qt::Key_Backspace);
        QVERIFY(!m_window->search()->isActive());
        QCOMPARE(m_window->messageModel()->folderId(), m_fixture->archiveId);
    }

    // While a sync pass runs, the index worker looks for new mail by itself (every second), so
    // what the pass stores is indexed before it ends.
    void indexesWhileASyncRuns()
    {
        QSignalSpy progress(m_window->indexWorker(), &ui::IndexWorker::progress);
        m_window->indexWorker()->setSyncRunning(true);
        store::MessageRow m; // as a sync on its own connection would store it
        m.accountId = m_store->accounts().byName(QStringLiteral("test"))->id;
        m.folderId = m_fixture->inboxId;
        m.subject = QStringLiteral("Zeppelin schedule");
        const qint64 id = m_store->messages().insert(m);
        m_store->search().markPending(id);
        QTRY_COMPARE_WITH_TIMEOUT(m_store->search().pendingCount(), qint64(0), 5000);
        // (the worker's progress signal is queued to this thread: it may come a moment later)
        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty(), 5000);
        m_window->indexWorker()->setSyncRunning(false);
        QVERIFY(type(QStringLiteral("zeppel")));
        QCOMPARE(m_window->messageModel()->rowCount(), 1);
    }

    void badInputIsSaid()
    {
        const bool typed = type(QStringLiteral("after:yesterday"));
        QVERIFY2(typed,
                 qPrintable(m_window->search()->statusLabel()->text() + " / " + field()->text()));
        QVERIFY2(m_window->search()->statusLabel()->text().contains(
                     QStringLiteral("after:yesterday is not a date; write it as YYYY-MM-DD")),
                 qPrintable(m_window->search()->statusLabel()->text()));
    }
};

QTEST_MAIN(TestSearchBox)
#include "tst_search_box.moc"
