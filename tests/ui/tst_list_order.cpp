// The message list's order and conversations in the real window (offscreen), over a profile
// filled through the ingest path: a click on a header sorts (again: the other way), the order
// is remembered per folder and across restarts with the column widths; Ctrl+T groups by
// conversation, + and - (and Right, Left) expand and fold; a collapsed conversation's row
// stands for all its messages. Saves docs/screenshots/conversation.png with
// HERALD_SCREENSHOT_DIR.
#include "core/ingest/MessageIngest.h"
#include "core/store/Store.h"
#include "tests/support/ProfileFixture.h"
#include "ui/FolderTreeModel.h"
#include "ui/MainWindow.h"
#include "ui/MessageListModel.h"
#include "ui/MessageListOptions.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QHeaderView>
#include <QMenu>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace herald;
using ui::MessageListModel;

class TestListOrder : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::ProfileFixture> m_fixture;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<ui::MainWindow> m_window;

    // A conversation about a release: four messages in INBOX (one without References, joined
    // by its subject), the user's answer in Archive/2024; and two unrelated messages.
    void addConversation()
    {
        sync::MessageIngest ingest(*m_store);
        const qint64 account = m_store->accounts().list().front().id;
        struct M
        {
            qint64 folder;
            const char *from, *id, *refs, *subject, *date;
            int flags;
        };
        const M mail[] = {
            {m_fixture->inboxId, "Ana Lima <ana@herald.test>", "r1@x", "", "Release 2.0 plan",
             "Mon, 3 Mar 2025 09:00:00 +0000", store::FlagSeen},
            {m_fixture->inboxId, "Bo Chen <bo@herald.test>", "r2@x", "<r1@x>",
             "Re: Release 2.0 plan", "Mon, 3 Mar 2025 10:15:00 +0000", store::FlagSeen},
            {m_fixture->archiveId, "Test User <test@herald.test>", "r3@x", "<r1@x> <r2@x>",
             "Re: Release 2.0 plan", "Mon, 3 Mar 2025 11:30:00 +0000", store::FlagSeen},
            {m_fixture->inboxId, "Cleo Park <cleo@herald.test>", "r4@x", "", "AW: Release 2.0 plan",
             "Mon, 3 Mar 2025 12:05:00 +0000", 0},
            {m_fixture->inboxId, "Ana Lima <ana@herald.test>", "r5@x", "<r1@x> <r3@x>",
             "Re: Release 2.0 plan", "Mon, 3 Mar 2025 14:40:00 +0000", 0},
            {m_fixture->inboxId, "Dan Ito <dan@herald.test>", "o1@x", "", "Lunch on Friday?",
             "Mon, 3 Mar 2025 13:00:00 +0000", store::FlagSeen},
            {m_fixture->inboxId, "Eve Roth <eve@herald.test>", "o2@x", "", "Build farm is back",
             "Mon, 3 Mar 2025 08:00:00 +0000", store::FlagSeen},
        };
        store::Transaction tx(m_store->db());
        qint64 uid = 100;
        for (const M &m : mail) {
            QByteArray eml = QByteArray("From: ") + m.from + "\r\nTo: test@herald.test\r\n" +
                             "Subject: " + m.subject + "\r\nDate: " + m.date + "\r\nMessage-ID: <" +
                             m.id + ">\r\n";
            if (*m.refs)
                eml += QByteArray("References: ") + m.refs + "\r\n";
            eml += "\r\nSee the plan.\r\n";
            sync::IncomingMessage meta;
            meta.accountId = account;
            meta.folderId = m.folder;
            meta.uid = ++uid;
            meta.flags = m.flags;
            ingest.addMessage(meta, eml);
        }
        tx.commit();
    }

    void openWindow()
    {
        m_window = std::make_unique<ui::MainWindow>(*m_store);
        m_window->resize(1200, 760);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->openFolder(m_fixture->inboxId);
    }
    MessageListModel &model() { return *m_window->messageModel(); }
    QStringList subjects()
    {
        QStringList out;
        for (int r = 0; r < model().rowCount(); ++r)
            out << model().message(r)->subject;
        return out;
    }
    void clickHeader(int column)
    {
        QHeaderView *header = m_window->messageListView()->header();
        const int x = header->sectionViewportPosition(column) + header->sectionSize(column) / 2;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    }
    int rowOfMessageId(const QString &id)
    {
        for (int r = 0; r < model().rowCount(); ++r)
            if (model().message(r)->messageId == id)
                return r;
        return -1;
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<test::ProfileFixture>();
        m_store = std::make_unique<store::Store>(m_fixture->path());
        addConversation();
        openWindow();
    }
    void cleanup()
    {
        m_window.reset();
        m_store.reset();
        m_fixture.reset();
    }

    void headerClickSorts_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("last");
        // A first click sorts ascending, except on date, size and status, which start with the
        // newest, largest, flagged and unread first (the list starts by date, newest first, so
        // the first click on date turns it around).
        QTest::newRow("subject") << int(MessageListModel::SubjectColumn) << "AW: Release 2.0 plan"
                                 << "Weekly digest";
        QTest::newRow("from") << int(MessageListModel::FromColumn) << "Quarterly numbers"
                              << "Weekly digest";
        QTest::newRow("date") << int(MessageListModel::DateColumn) << "Build farm is back"
                              << "Weekly digest";
        QTest::newRow("size") << int(MessageListModel::SizeColumn) << ""
                              << "";
        QTest::newRow("status") << int(MessageListModel::StatusColumn) << ""
                                << "";
    }
    void headerClickSorts()
    {
        QFETCH(int, column);
        QFETCH(QString, first);
        QFETCH(QString, last);
        const int rows = model().rowCount();
        clickHeader(column);
        QCOMPARE(model().sortKey(), MessageListModel::sortKeyOfColumn(column));
        const bool ascending = model().sortAscending();
        QCOMPARE(m_window->messageListView()->header()->sortIndicatorSection(), column);
        QCOMPARE(model().rowCount(), rows);
        const QStringList once = subjects();
        if (!first.isEmpty())
            QCOMPARE(once.first(), first);
        if (!last.isEmpty())
            QCOMPARE(once.last(), last);
        clickHeader(column); // the other direction
        QCOMPARE(model().sortAscending(), !ascending);
        QStringList twice = subjects();
        std::reverse(twice.begin(), twice.end());
        // Ties are broken by id in the same direction, so the list is the exact reverse.
        QCOMPARE(twice, once);
    }

    void orderIsRememberedPerFolderAndAcrossRestarts()
    {
        QHeaderView *header = m_window->messageListView()->header();
        clickHeader(MessageListModel::SubjectColumn);
        QVERIFY(model().sortAscending());
        header->resizeSection(MessageListModel::FromColumn, 260);
        m_window->openFolder(m_fixture->archiveId);
        QCOMPARE(model().sortKey(), store::MessageSort::Date); // the default elsewhere
        QCOMPARE(header->sortIndicatorSection(), int(MessageListModel::DateColumn));
        m_window->openFolder(m_fixture->inboxId);
        QCOMPARE(model().sortKey(), store::MessageSort::Subject);
        QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
        const QStringList before = subjects();

        m_window->close(); // saves the window's settings
        m_window.reset();
        openWindow();
        header = m_window->messageListView()->header();
        QCOMPARE(model().sortKey(), store::MessageSort::Subject);
        QCOMPARE(subjects(), before);
        QCOMPARE(header->sortIndicatorSection(), int(MessageListModel::SubjectColumn));
        QCOMPARE(header->sectionSize(MessageListModel::FromColumn), 260);
    }

    void conversations()
    {
        QAction *action = m_window->messageListOptions()->showConversationsAction();
        QVERIFY(
            m_window->findChild<QMenu *>(QStringLiteral("viewMenu"))->actions().contains(action));
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_T));
        const int flatRows = model().rowCount(); // 3 of the fixture + 6 here
        QCOMPARE(flatRows, 9);
        QTreeView *view = m_window->messageListView();
        view->setFocus();
        QTest::keyClick(view, Qt::Key_T, Qt::ControlModifier);
        QVERIFY(action->isChecked());
        QVERIFY(model().isThreaded());
        // The four of INBOX are one row (the one in Archive joins it), with the subject
        // fallback's "AW:" among them; the newest stands for it.
        QCOMPARE(model().rowCount(), flatRows - 3);
        const int head = rowOfMessageId(QStringLiteral("r5@x"));
        QVERIFY(head >= 0);
        const QModelIndex subject = model().index(head, MessageListModel::SubjectColumn);
        QCOMPARE(subject.data(MessageListModel::ThreadCountRole).toInt(), 5);
        QCOMPARE(subject.data().toString(),
                 QStringLiteral("▸ Re: Release 2.0 plan  (5, 2 unread)"));
        QVERIFY(subject.data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(subject.data(MessageListModel::MessageIdsRole).toList().size(), 5);
        QCOMPARE(model().index(head, 0).data(MessageListModel::MessageIdRole).toLongLong(),
                 model().messageId(head));

        // + expands in date order, - folds (keys work without the row being selected).
        m_window->setMarkReadOnOpen(false);
        view->setCurrentIndex(model().index(head, 0));
        QTest::keyClick(view, Qt::Key_Plus, Qt::ShiftModifier);
        QCOMPARE(model().rowCount(), flatRows - 3 + 4);
        const QStringList order{"r1@x", "r2@x", "r3@x", "r4@x", "r5@x"};
        for (int i = 0; i < 5; ++i)
            QCOMPARE(model().message(head + i)->messageId, order[i]);
        QVERIFY(model()
                    .index(head + 2, MessageListModel::SubjectColumn)
                    .data()
                    .toString()
                    .endsWith(QStringLiteral("— in Archive/2024")));
        QCOMPARE(model().index(head + 1, 0).data(MessageListModel::MessageIdsRole).toList().size(),
                 1);

        QTemporaryDir tmp;
        const QString dir = qEnvironmentVariable("HERALD_SCREENSHOT_DIR", tmp.path());
        view->selectionModel()->setCurrentIndex(model().index(head + 2, 0),
                                                QItemSelectionModel::ClearAndSelect |
                                                    QItemSelectionModel::Rows);
        QCoreApplication::sendPostedEvents();
        const QString path = QDir(dir).filePath(QStringLiteral("conversation.png"));
        QVERIFY(m_window->grab().save(path, "PNG"));

        QTest::keyClick(view, Qt::Key_Minus);
        QCOMPARE(model().rowCount(), flatRows - 3);
        QCOMPARE(view->selectionModel()->selectedRows().value(0).row(), head);

        // Sorted by subject with conversations on: still one row per conversation.
        clickHeader(MessageListModel::SubjectColumn);
        QCOMPARE(model().rowCount(), flatRows - 3);
        QTest::keyClick(view, Qt::Key_T, Qt::ControlModifier);
        QVERIFY(!model().isThreaded());
        QCOMPARE(model().rowCount(), flatRows);
    }
};

QTEST_MAIN(TestListOrder)
#include "tst_list_order.moc"
