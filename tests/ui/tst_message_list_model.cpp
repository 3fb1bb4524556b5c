// The windowed message list model over a generated cache of 20,000 messages: exact row count,
// right rows at both ends, and a page cache that stays bounded however far the view scrolls.

#include "core/store/Store.h"
#include "ui/MessageListModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFont>
#include <QHeaderView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using herald::ui::MessageListModel;
namespace store = herald::store;

class TestMessageListModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void rowCountIsExact();
    void endsAreRight();
    void pageCacheStaysBounded();
    void viewScrollsThroughEverything();
    void unreadIsBoldAndFlagsUpdate();
    void emptyFolderAndNoFolder();
    void bigFolderLoadsTheRestInTheBackground();
    void compactDate();

private:
    static constexpr int kRows = 20000;
    QTemporaryDir m_dir;
    std::unique_ptr<store::Store> m_store;
    qint64 m_folderId = 0;
    qint64 m_emptyFolderId = 0;
    QDateTime m_base = QDateTime(QDate(2025, 1, 1), QTime(8, 0), Qt::UTC);
};

void TestMessageListModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = std::make_unique<store::Store>(m_dir.path());
    store::Account account;
    account.name = QStringLiteral("bulk");
    account.email = QStringLiteral("bulk@herald.test");
    account.incomingUrl = QStringLiteral("imaps://bulk@127.0.0.1:993");
    account.outgoingUrl = QStringLiteral("smtps://bulk@127.0.0.1:465");
    const qint64 accountId = m_store->accounts().add(account);
    store::Folder folder;
    folder.accountId = accountId;
    folder.name = QStringLiteral("INBOX");
    m_folderId = m_store->folders().upsert(folder);
    folder.name = QStringLiteral("Empty");
    m_emptyFolderId = m_store->folders().upsert(folder);

    QElapsedTimer timer;
    timer.start();
    store::Transaction tx(m_store->db());
    for (int i = 0; i < kRows; ++i) {
        store::MessageRow row;
        row.accountId = accountId;
        row.folderId = m_folderId;
        row.uid = i + 1;
        row.subject = QStringLiteral("Message %1").arg(i);
        row.fromName = QStringLiteral("Sender %1").arg(i % 97);
        row.fromAddr = QStringLiteral("sender%1@herald.test").arg(i % 97);
        row.date = m_base.addSecs(qint64(i) * 60); // message i is i minutes after the base
        row.size = 1000 + i;
        row.flags = (i % 3 == 0) ? 0 : store::FlagSeen;
        m_store->messages().insert(row);
    }
    tx.commit();
    qInfo("inserted %d rows in %lld ms", kRows, timer.elapsed());
}

void TestMessageListModel::rowCountIsExact()
{
    MessageListModel model(*m_store);
    model.setSyncRowLimit(kRows); // every row at once (the loader: bigFolderLoads…)
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(MessageListModel::ColumnCount));
    QElapsedTimer timer;
    timer.start();
    model.setFolder(m_folderId);
    qInfo("opened %d rows in %lld ms", kRows, timer.elapsed());
    QCOMPARE(model.rowCount(), kRows);
    // Opening reads ids only, no page.
    QCOMPARE(model.cachedPageCount(), 0);
    QCOMPARE(model.pageLoadCount(), qint64(0));
}

// Above the limit the first rows show at once and the rest is appended from the loader's thread:
// rows inserted (no reset), so the selection stays; the same ids in the same order in the end.
void TestMessageListModel::bigFolderLoadsTheRestInTheBackground()
{
    MessageListModel model(*m_store);
    model.setSyncRowLimit(1000);
    model.setFolder(m_folderId);
    QCOMPARE(model.rowCount(), 1000);
    QVERIFY(model.isLoading());
    QCOMPARE(model.index(0, MessageListModel::SubjectColumn).data().toString(),
             QStringLiteral("Message %1").arg(kRows - 1));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy finished(&model, &MessageListModel::loadingFinished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(model.rowCount(), kRows);
    QVERIFY(!model.isLoading());
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 1000);
    const std::vector<qint64> all = m_store->messages().orderedIds(m_folderId);
    for (int row = 0; row < kRows; row += 997)
        QCOMPARE(model.messageId(row), all[size_t(row)]);
    QCOMPARE(model.messageId(kRows - 1), all.back());

    // A newer state wins: a load started before a sort change is dropped.
    model.sort(MessageListModel::SubjectColumn, Qt::AscendingOrder);
    model.sort(MessageListModel::DateColumn, Qt::AscendingOrder);
    QVERIFY(finished.wait(10000));
    QCOMPARE(model.rowCount(), kRows);
    QCOMPARE(model.index(0, MessageListModel::SubjectColumn).data().toString(),
             QStringLiteral("Message 0"));
    QCOMPARE(model.messageId(kRows - 1), all.front());
}

void TestMessageListModel::endsAreRight()
{
    MessageListModel model(*m_store);
    model.setSyncRowLimit(kRows); // every row at once (the loader: bigFolderLoads…)
    model.setFolder(m_folderId);
    const QModelIndex first = model.index(0, MessageListModel::SubjectColumn);
    QCOMPARE(first.data().toString(), QStringLiteral("Message %1").arg(kRows - 1)); // newest
    QCOMPARE(model.index(0, MessageListModel::FromColumn).data().toString(),
             QStringLiteral("Sender %1").arg((kRows - 1) % 97));
    QCOMPARE(model.cachedPageCount(), 1);

    const QModelIndex last = model.index(kRows - 1, MessageListModel::SubjectColumn);
    QCOMPARE(last.data().toString(), QStringLiteral("Message 0"));
    QCOMPARE(last.data(MessageListModel::SortDateRole).toDateTime().toUTC(), m_base);
    QCOMPARE(model.cachedPageCount(), 2);
    QCOMPARE(model.pageLoadCount(), qint64(2));

    // A row in the middle, and the same page again costs no load.
    const int mid = 12345;
    QCOMPARE(model.index(mid, MessageListModel::SubjectColumn).data().toString(),
             QStringLiteral("Message %1").arg(kRows - 1 - mid));
    QCOMPARE(model.pageLoadCount(), qint64(3));
    model.index(mid + 1, MessageListModel::FromColumn).data();
    QCOMPARE(model.pageLoadCount(), qint64(3));

    QVERIFY(model.messageId(0) != 0);
    QCOMPARE(model.index(0, 0).data(MessageListModel::MessageIdRole).toLongLong(),
             model.messageId(0));
    QVERIFY(!model.index(kRows, 0).isValid());
}

void TestMessageListModel::pageCacheStaysBounded()
{
    MessageListModel model(*m_store);
    model.setSyncRowLimit(kRows); // every row at once (the loader: bigFolderLoads…)
    model.setFolder(m_folderId);
    int maxPages = 0;
    for (int row = 0; row < kRows; ++row) {
        for (int col = 0; col < MessageListModel::ColumnCount; ++col)
            model.index(row, col).data();
        maxPages = qMax(maxPages, model.cachedPageCount());
    }
    const int pages = (kRows + MessageListModel::kPageSize - 1) / MessageListModel::kPageSize;
    QVERIFY(maxPages <= MessageListModel::kMaxPages);
    QCOMPARE(model.cachedPageCount(), MessageListModel::kMaxPages);
    QCOMPARE(model.pageLoadCount(), qint64(pages)); // each page read exactly once going down

    // Back up to the top: the first page was evicted and is read again.
    QCOMPARE(model.index(0, MessageListModel::SubjectColumn).data().toString(),
             QStringLiteral("Message %1").arg(kRows - 1));
    QCOMPARE(model.pageLoadCount(), qint64(pages + 1));
    QVERIFY(model.cachedPageCount() <= MessageListModel::kMaxPages);
}

void TestMessageListModel::viewScrollsThroughEverything()
{
    MessageListModel model(*m_store);
    model.setSyncRowLimit(kRows); // every row at once (the loader: bigFolderLoads…)
    QTreeView view;
    view.setUniformRowHeights(true);
    view.setRootIsDecorated(false);
    view.setModel(&model);
    view.header()->setSectionResizeMode(MessageListModel::SubjectColumn, QHeaderView::Stretch);
    view.resize(900, 600);
    model.setFolder(m_folderId);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QScrollBar *bar = view.verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    // Steps of a little less than one page of the model, so every page is painted once.
    const int step = qMax(1, MessageListModel::kPageSize - 16);
    for (int v = 0; v <= bar->maximum(); v += step) {
        bar->setValue(v);
        view.viewport()->repaint();
        QVERIFY2(model.cachedPageCount() <= MessageListModel::kMaxPages,
                 qPrintable(QString::number(model.cachedPageCount())));
    }
    // Every page was painted, and still no more than kMaxPages are held.
    const int pages = (kRows + MessageListModel::kPageSize - 1) / MessageListModel::kPageSize;
    QVERIFY2(model.pageLoadCount() >= pages - 1,
             qPrintable(QString::number(model.pageLoadCount())));
    view.scrollToBottom();
    view.viewport()->repaint();
    QVERIFY(model.cachedPageCount() <= MessageListModel::kMaxPages);
    const QModelIndex bottom = view.indexAt(QPoint(10, view.viewport()->height() - 5));
    QVERIFY(bottom.isValid());
    QVERIFY(bottom.row() > kRows - 50);
}

void TestMessageListModel::unreadIsBoldAndFlagsUpdate()
{
    MessageListModel model(*m_store);
    model.setSyncRowLimit(kRows); // every row at once (the loader: bigFolderLoads…)
    model.setFolder(m_folderId);
    // Newest is message 19999: 19999 % 3 == 0 is false (19999 = 3*6666 + 1) → read.
    QVERIFY(model.index(0, 0).data(MessageListModel::FlagsRole).toInt() & store::FlagSeen);
    QVERIFY(!model.index(0, 1).data(Qt::FontRole).isValid());
    // Row 1 is message 19998 = 3*6666 → unread, bold.
    QCOMPARE(model.index(1, 0).data(MessageListModel::FlagsRole).toInt() & store::FlagSeen, 0);
    QVERIFY(model.index(1, 1).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!model.index(1, 0).data(Qt::DecorationRole).isNull());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.updateFlags(1, store::FlagSeen, {});
    QCOMPARE(changed.count(), 1);
    QVERIFY(!model.index(1, 1).data(Qt::FontRole).isValid());
}

void TestMessageListModel::emptyFolderAndNoFolder()
{
    MessageListModel model(*m_store);
    model.setSyncRowLimit(kRows); // every row at once (the loader: bigFolderLoads…)
    model.setFolder(m_emptyFolderId);
    QCOMPARE(model.rowCount(), 0);
    model.setFolder(0);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.message(0) == nullptr);
}

void TestMessageListModel::compactDate()
{
    const QDateTime now(QDate(2026, 11, 5), QTime(12, 0));
    const QLocale locale;
    QCOMPARE(MessageListModel::compactDate(QDateTime(QDate(2026, 11, 5), QTime(9, 30)), now),
             locale.toString(QTime(9, 30), QLocale::ShortFormat));
    const QString thisWeek =
        MessageListModel::compactDate(QDateTime(QDate(2026, 11, 3), QTime(9, 30)), now);
    QVERIFY2(thisWeek.endsWith(locale.toString(QTime(9, 30), QLocale::ShortFormat)),
             qPrintable(thisWeek));
    QCOMPARE(MessageListModel::compactDate(QDateTime(QDate(2026, 3, 1), QTime(9, 30)), now),
             locale.toString(QDate(2026, 3, 1), QStringLiteral("d MMM")));
    QCOMPARE(MessageListModel::compactDate(QDateTime(QDate(2024, 3, 1), QTime(9, 30)), now),
             locale.toString(QDate(2024, 3, 1), QLocale::ShortFormat));
    QVERIFY(MessageListModel::compactDate(QDateTime(), now).isEmpty());
}

QTEST_MAIN(TestMessageListModel)
#include "tst_message_list_model.moc"
