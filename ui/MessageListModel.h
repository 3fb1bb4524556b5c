#pragma once
// The message list of one folder as a windowed model over the cache (DESIGN.md, "The message
// list is a windowed model"): opening a folder reads only its ordered ids; rowCount() is exact;
// data() reads pages of kPageSize rows on demand through MessageRepository::byIds into a
// bounded LRU cache of at most kMaxPages pages. Memory stays flat however far the user scrolls.
//
// Sorted by any column (sort(), one covering index per key). With conversations on
// (setThreaded), each conversation with mail in the folder is one row where its first message
// in the current order stands (for the default newest-first order: its newest message), with
// the conversation's count; expandThread() puts all its messages, of every folder of the
// account, in date order in its place. The rows stay a flat list of message ids, so everything
// that works on rows (paging, pending flags, hiding) works the same with conversations on.

#include "core/store/ListScope.h"
#include "core/store/MessageRepository.h"
#include "core/store/Records.h"
#include "core/store/ThreadRepository.h"
#include "ui/OrderedIdsLoader.h"

#include <QAbstractTableModel>
#include <algorithm>
#include <list>
#include <unordered_map>
#include <vector>

namespace herald::store {
class Store;
struct CacheDelta;
} // namespace herald::store

namespace herald::ui {

class MessageListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        StatusColumn,
        FromColumn,
        SubjectColumn,
        DateColumn,
        SizeColumn,
        AccountColumn, // the account's name: shown in unified views (MainWindowUnified)
        ColumnCount
    };
    enum Role {
        MessageIdRole = Qt::UserRole + 1, // qint64
        FlagsRole,                        // int, store::MessageFlag bits
        SortDateRole,                     // QDateTime (local time)
        MessageIdsRole,                   // QVariantList of qint64: every message the row stands
                                          // for (a collapsed conversation: all of them)
        ThreadCountRole,    // int: messages of the conversation on its first row, else 0
        ThreadExpandedRole, // bool: the row heads an expanded conversation
        ThreadChildRole,    // bool: a message of an expanded conversation after its first
    };
    static constexpr int kPageSize = 128;
    static constexpr int kMaxPages = 16;

    explicit MessageListModel(store::Store &store, QObject *parent = nullptr);

    // Opens a folder (0 = none): reads its ordered ids, newest first, and drops every page.
    void setFolder(qint64 folderId);
    // Opens a folder, a unified view over every account or an explicit list
    // (store::ListScope), in the current order; a unified view or a list shows one row per
    // message.
    void setScope(const store::ListScope &scope);
    const store::ListScope &scope() const { return m_scope; }
    // The open folder; 0 for none, a unified view or a search's list.
    qint64 folderId() const { return m_scope.isFolder() ? m_scope.folderId : 0; }
    // Re-reads the ordered ids of the current scope (after mail arrived or left); expanded
    // conversations stay expanded.
    void reload();
    // What a commit changed (store::CacheDelta, MessageListDelta.cpp), without a reset: rows
    // of changed messages repaint (dataChanged), rows of removed ones go; when a message may
    // have joined or left the view or changed place (it arrived or moved in: the folder's count
    // changed; it moved away; a unified view; the Status order), the ordered ids are read again
    // and the difference applied as row removes and inserts (a layout change if the rest
    // changed order). Selection and scroll position stay. Returns false, changing nothing,
    // where only a reset would do (the caller reloads): conversations on and a shown message
    // changed or one arrived, or a folder over 100,000 rows (its ids on the loader's thread).
    bool applyDelta(const store::CacheDelta &delta);
    // Shows these messages, one row each, in the current order (search results: setScope of a
    // list); conversations are off until a folder opens again.
    void showMessages(std::vector<qint64> ids);
    // Showing a list from showMessages() rather than a folder.
    bool showsMessageList() const { return m_scope.isList; }

    // The order of the list: applies to the next setFolder()/reload(). sort() applies it now.
    void setSortOrder(store::MessageSort key, bool ascending);
    store::MessageSort sortKey() const { return m_sortKey; }
    bool sortAscending() const { return m_sortAscending; }
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    static store::MessageSort sortKeyOfColumn(int column);
    static int columnOfSortKey(store::MessageSort key);

    // Conversations on or off (reads the folder again).
    void setThreaded(bool on);
    bool isThreaded() const { return m_threaded; }
    // On the first row of a conversation of more than one message: shows all of them in its
    // place, in date order (false when there is nothing to expand), or folds them back.
    bool expandThread(int row);
    bool collapseThread(int row);
    // The first row of the conversation `row` is in (itself when it is not in one).
    int threadHeadRow(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // Rows can be dragged onto a folder (ui/MessageDrag.h: the ids and their account).
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;

    qint64 messageId(int row) const;
    // The row of message `id` in this list, or -1.
    int rowOfMessage(qint64 id) const;
    // The cached row (loading its page if needed); nullptr for a bad row.
    const store::MessageRow *message(int row) const;
    // Records new flags for a row already written to the cache, and repaints it.
    void updateFlags(int row, int flags, const QStringList &keywords);

    // Changes the window made that the cache has not stored yet (ui/CacheWriter) show at once
    // and survive page loads and reloads until forgotten, once per change, after the write.
    void setPendingFlags(qint64 id, int flags, const QStringList &keywords);
    void forgetPendingFlags(qint64 id);
    // Takes a moved or deleted message out of the list now; reloads leave it out until
    // forgetHidden() (after the write, or to bring it back when the write failed).
    void hideMessage(qint64 id);
    void forgetHidden(qint64 id);

    // "14:05" today, "Tue 09:30" this week, "3 Nov" this year, else the short date.
    static QString compactDate(const QDateTime &date, const QDateTime &now);

    // A folder of more than `rows` messages (default 1,000: a few screens) shows that many at
    // once and the rest when the loader thread has read them (about 0.25 s for a million):
    // isLoading() until loadingFinished(), when the rows are appended (or the model reset if
    // the folder changed). A small first part keeps the reset and QTreeView's layout of a
    // sort or a folder change small (docs/benchmarks.md).
    void setSyncRowLimit(int rows) { m_syncRowLimit = std::max(1, rows); }
    bool isLoading() const { return m_loading; }

    // For tests and diagnostics.
    int cachedPageCount() const { return int(m_pages.size()); }
    qint64 pageLoadCount() const { return m_pageLoads; }

signals:
    void loadingFinished();

private:
    struct Page
    {
        std::vector<store::MessageRow> rows;
        std::list<int>::iterator lruPos;
    };
    const Page &page(int pageNo) const;
    void dropPages();
    void dropPage(int pageNo);
    // Turns the rows into `fresh` (hidden ones already left out) by removes and inserts.
    void applyIds(const std::vector<qint64> &fresh);
    void readRows();
    void loadRest();
    void onLoaded(OrderedIdsLoader::Result &result);
    bool isHead(int row) const;
    // Collapsed conversations' counts for the heads of rows [first, last).
    void loadSummaries(size_t first, size_t last) const;
    const store::ThreadSummary *summary(int row) const;
    struct Expanded
    {
        qint64 standIn = 0; // the message the collapsed row shows
    };
    // The rows for ordered ids (and their threads): hidden ones left out; with conversations
    // on, one row per conversation and the expanded ones (`expanded`, updated) opened.
    void buildRows(std::vector<qint64> ids, std::vector<qint64> threads, std::vector<qint64> &rows,
                   std::vector<qint64> &threadOf,
                   std::unordered_map<qint64, Expanded> &expanded) const;
    // Puts the messages of the conversation headed at `row` in its place; returns how many rows
    // were added after it.
    int spliceThread(std::vector<qint64> &rows, std::vector<qint64> &threadOf, int row,
                     const std::vector<qint64> &messages) const;
    // "▸ Subject  (3, 1 unread)" for a collapsed conversation, indented after an expanded one's
    // first row, with the folder of a message from elsewhere.
    QString threadedSubject(int row, const store::MessageRow &m) const;
    // A collapsed conversation with unread mail shows bold like an unread message.
    bool hasUnreadHidden(int row) const;

    // Rows are conversations: they are turned on and a folder (not a search's list nor a unified
    // view) is shown.
    bool threadedRows() const { return m_threaded && m_scope.isFolder(); }

    store::Store &m_store;
    store::ListScope m_scope;
    std::vector<qint64> m_ids;
    mutable std::unordered_map<int, Page> m_pages;
    mutable std::list<int> m_lru; // most recently used first
    mutable qint64 m_pageLoads = 0;
    struct PendingFlags
    {
        int flags = 0;
        QStringList keywords;
        int writes = 0; // changes given to the writer and not yet stored
    };
    std::unordered_map<qint64, PendingFlags> m_pendingFlags;
    std::unordered_map<qint64, int> m_hidden; // id -> writes not yet stored

    store::MessageSort m_sortKey = store::MessageSort::Date;
    bool m_sortAscending = false;
    bool m_threaded = false;
    // With conversations on: the thread of each row. A row heads a conversation unless the row
    // before it has the same thread (an expanded conversation's rows are together).
    std::vector<qint64> m_threadOf;
    std::unordered_map<qint64, Expanded> m_expanded;                      // by thread id
    mutable std::unordered_map<qint64, store::ThreadSummary> m_summaries; // by thread id

    // Folders bigger than this show their first rows at once and get the rest from m_loader.
    int m_syncRowLimit = 1000;
    quint64 m_generation = 0; // of the rows being read; a load of an older one is dropped
    bool m_loading = false;
    OrderedIdsLoader *m_loader = nullptr; // made for the first big folder
};

} // namespace herald::ui
