// Sorting the lists that are not one folder, in the real window (offscreen): a click on a column
// header sorts All Inboxes, Unread, Flagged and a search's results by that column (again: the
// other way), by the same keys as a folder (ties by id in the same direction); the order of a
// unified view is remembered per view and across restarts, a search's list remembers nothing.
// Saves docs/screenshots/unified-sorted.png with HERALD_SCREENSHOT_DIR.
#include "core/store/Store.h"
#include "tests/support/ProfileFixture.h"
#include "ui/MainWindow.h"
#include "ui/MessageListModel.h"
#include "ui/SearchBox.h"
#include "ui/SearchController.h"

#include <QDir>
#include <QHeaderView>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace herald;
using store::ListScope;
using store::UnifiedView;
using ui::MessageListModel;

class TestUnifiedSort : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::ProfileFixture> m_fixture;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<ui::MainWindow> m_window;
    static constexpr int kSortable = 6; // messages with "sortable" in their subject

    void add(qint64 account, qint64 folder, const char *subject, const char *fromName,
             const char *fromAddr, qint64 size, int flags, int minute)
    {
        store::MessageRow m;
        m.accountId = account;
        m.folderId = folder;
        m.subject = QString::fromUtf8(subject);
        m.fromName = QString::fromUtf8(fromName);
        m.fromAddr = QString::fromUtf8(fromAddr);
        m.size = size;
        m.flags = flags;
        m.date = QDateTime(QDate(2026, 11, 20), QTime(9, minute), Qt::UTC);
        m_store->search().markPending(m_store->messages().insert(m));
    }
    // Two accounts; subjects, senders and sizes in an order other than the dates', with ties
    // in size; a sender without a name sorts by address.
    void fill()
    {
        const qint64 work = m_store->accounts().byName(QStringLiteral("test"))->id;
        store::Account a;
        a.name = QStringLiteral("home");
        a.email = QStringLiteral("me@home.test");
        a.incomingUrl = QStringLiteral("imaps://me@127.0.0.1:993");
        a.outgoingUrl = QStringLiteral("smtps://me@127.0.0.1:465");
        const qint64 home = m_store->accounts().add(a);
        store::Folder f;
        f.accountId = home;
        f.name = QStringLiteral("INBOX");
        const qint64 homeInbox = m_store->folders().upsert(f);
        const int seen = store::FlagSeen, flagged = store::FlagFlagged;
        add(work, m_fixture->inboxId, "Kiwi sortable", "Bo", "bo@x.test", 300, flagged, 1);
        add(work, m_fixture->inboxId, "apple sortable", "", "zed@x.test", 5000, seen, 2);
        add(work, m_fixture->archiveId, "Mango sortable", "carl", "c@x.test", 100, flagged, 3);
        add(home, homeInbox, "banana sortable", "Ana", "ana@x.test", 2000, 0, 4);
        add(home, homeInbox, "Cherry sortable", "dora", "d@x.test", 800, seen | flagged, 5);
        add(home, homeInbox, "date sortable", "Eli", "e@x.test", 800, flagged, 0);
    }
    void openWindow()
    {
        m_window = std::make_unique<ui::MainWindow>(*m_store);
        m_window->resize(1200, 760);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    MessageListModel &model() { return *m_window->messageModel(); }
    void clickHeader(int column)
    {
        QHeaderView *header = m_window->messageListView()->header();
        const int x = header->sectionViewportPosition(column) + header->sectionSize(column) / 2;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    }
    std::vector<qint64> shownIds()
    {
        std::vector<qint64> out;
        for (int r = 0; r < model().rowCount(); ++r)
            out.push_back(model().messageId(r));
        return out;
    }
    // The list's messages in the order of `column`, worked out here the way SQLite orders
    // them: text ignoring ASCII case as UTF-8 bytes, status = flagged 4 + unread 1.
    std::vector<qint64> expectedOrder(std::vector<qint64> ids, int column, bool ascending)
    {
        std::map<qint64, store::MessageRow> rows;
        for (const auto &m : m_store->messages().byIds(ids))
            rows[m.id] = m;
        const auto key = [&](qint64 id) -> QVariant {
            const store::MessageRow &m = rows.at(id);
            switch (column) {
            case MessageListModel::FromColumn:
                return (m.fromName.isEmpty() ? m.fromAddr : m.fromName).toUtf8().toLower();
            case MessageListModel::SubjectColumn:
                return m.subject.toUtf8().toLower();
            case MessageListModel::SizeColumn:
                return m.size;
            case MessageListModel::StatusColumn:
                return (m.flags & store::FlagFlagged) | (~m.flags & store::FlagSeen);
            default:
                return m.date.toSecsSinceEpoch();
            }
        };
        std::sort(ids.begin(), ids.end(), [&](qint64 a, qint64 b) {
            const int c = QVariant::compare(key(a), key(b)) == QPartialOrdering::Less      ? -1
                          : QVariant::compare(key(a), key(b)) == QPartialOrdering::Greater ? 1
                                                                                           : 0;
            const int byKey = c != 0 ? c : (a < b ? -1 : a > b ? 1 : 0);
            return ascending ? byKey < 0 : byKey > 0;
        });
        return ids;
    }
    bool search(const QString &text)
    {
        QLineEdit *field = m_window->search()->searchBox()->field();
        QSignalSpy shown(m_window->search(), &ui::SearchController::resultsShown);
        field->setFocus();
        QTest::keyClicks(field, text);
        // Until the whole word's results are in (each key press searched a prefix).
        return QTest::qWaitFor([&] {
            return model().showsMessageList() && model().rowCount() == kSortable &&
                   m_window->search()->searchBox()->field()->text() == text;
        });
    }
    // Opens what a row of the test is about: a unified view, or the search's results over
    // every folder (a search started from a unified view).
    bool open(const QString &scope)
    {
        m_window->openScope(ListScope::view(UnifiedView::Inboxes));
        if (scope == QLatin1String("unread"))
            m_window->openScope(ListScope::view(UnifiedView::Unread));
        else if (scope == QLatin1String("flagged"))
            m_window->openScope(ListScope::view(UnifiedView::Flagged));
        else if (scope == QLatin1String("search"))
            return search(QStringLiteral("sortable"));
        return true;
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<test::ProfileFixture>();
        m_store = std::make_unique<store::Store>(m_fixture->path());
        fill();
        openWindow();
        QTRY_COMPARE(m_store->search().pendingCount(), qint64(0)); // the window indexes
    }
    void cleanup()
    {
        m_window.reset();
        m_store.reset();
        m_fixture.reset();
    }

    void headerClickSorts_data()
    {
        QTest::addColumn<QString>("scope");
        QTest::addColumn<int>("column");
        const char *const scopes[] = {"all inboxes", "unread", "flagged", "search"};
        const struct
        {
            const char *name;
            int column;
        } columns[] = {{"subject", MessageListModel::SubjectColumn},
                       {"from", MessageListModel::FromColumn},
                       {"date", MessageListModel::DateColumn},
                       {"size", MessageListModel::SizeColumn},
                       {"status", MessageListModel::StatusColumn}};
        for (const auto &s : scopes)
            for (const auto &c : columns)
                QTest::addRow("%s by %s", s, c.name) << QString::fromLatin1(s) << c.column;
    }
    void headerClickSorts()
    {
        QFETCH(QString, scope);
        QFETCH(int, column);
        QVERIFY(open(scope));
        const int rows = model().rowCount();
        QVERIFY(rows >= 4);
        if (model().scope().isUnified())
            QCOMPARE(qint64(rows), m_store->messages().countIn(model().scope(), false));
        const std::vector<qint64> before = shownIds();
        QCOMPARE(before, expectedOrder(before, MessageListModel::DateColumn, false));

        clickHeader(column);
        QCOMPARE(model().sortKey(), MessageListModel::sortKeyOfColumn(column));
        QCOMPARE(m_window->messageListView()->header()->sortIndicatorSection(), column);
        const bool ascending = model().sortAscending();
        QCOMPARE(model().rowCount(), rows);
        const std::vector<qint64> once = shownIds();
        QCOMPARE(once, expectedOrder(before, column, ascending));
        QCOMPARE(model().showsMessageList(), scope == QLatin1String("search"));

        clickHeader(column); // the other direction: the exact reverse (ties by id too)
        QCOMPARE(model().sortAscending(), !ascending);
        std::vector<qint64> twice = shownIds();
        std::reverse(twice.begin(), twice.end());
        QCOMPARE(twice, once);
    }

    void orderIsRememberedPerViewAndAcrossRestarts()
    {
        QHeaderView *header = m_window->messageListView()->header();
        m_window->openScope(ListScope::view(UnifiedView::Inboxes));
        clickHeader(MessageListModel::SubjectColumn);
        QCOMPARE(model().sortKey(), store::MessageSort::Subject);
        m_window->openScope(ListScope::view(UnifiedView::Flagged));
        QCOMPARE(model().sortKey(), store::MessageSort::Date); // each view its own
        QCOMPARE(header->sortIndicatorSection(), int(MessageListModel::DateColumn));
        clickHeader(MessageListModel::SizeColumn);
        m_window->openFolder(m_fixture->inboxId);
        QCOMPARE(model().sortKey(), store::MessageSort::Date); // and folders theirs
        m_window->openScope(ListScope::view(UnifiedView::Inboxes));
        QCOMPARE(model().sortKey(), store::MessageSort::Subject);
        QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
        const std::vector<qint64> inboxes = shownIds();
        QTemporaryDir tmp;
        const QString dir = qEnvironmentVariable("HERALD_SCREENSHOT_DIR", tmp.path());
        QVERIFY(
            m_window->grab().save(QDir(dir).filePath(QStringLiteral("unified-sorted.png")), "PNG"));

        // A search's results take the order shown and leave the view's remembered one alone.
        QVERIFY(search(QStringLiteral("sortable")));
        QCOMPARE(shownIds(), expectedOrder(shownIds(), MessageListModel::SubjectColumn, true));
        clickHeader(MessageListModel::DateColumn);
        QCOMPARE(model().sortKey(), store::MessageSort::Date);

        m_window->close(); // saves the window's settings
        m_window.reset();
        openWindow();
        header = m_window->messageListView()->header();
        m_window->openScope(ListScope::view(UnifiedView::Inboxes));
        QCOMPARE(model().sortKey(), store::MessageSort::Subject);
        QCOMPARE(header->sortIndicatorSection(), int(MessageListModel::SubjectColumn));
        QCOMPARE(shownIds(), inboxes);
        m_window->openScope(ListScope::view(UnifiedView::Flagged));
        QCOMPARE(model().sortKey(), store::MessageSort::Size);
    }
};

QTEST_MAIN(TestUnifiedSort)
#include "tst_unified_sort.moc"
