#pragma once
// The message list of one folder as a windowed model over the cache (DESIGN.md, "The message
// list is a windowed model"): opening a folder reads only its ordered ids; rowCount() is exact;
// data() reads pages of kPageSize rows on demand through MessageRepository::byIds into a
// bounded LRU cache of at most kMaxPages pages. Memory stays flat however far the user scrolls.

#include "core/store/Records.h"

#include <QAbstractTableModel>
#include <list>
#include <unordered_map>
#include <vector>

namespace herald::store {
class Store;
}

namespace herald::ui {

class MessageListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { StatusColumn, FromColumn, SubjectColumn, DateColumn, SizeColumn, ColumnCount };
    enum Role {
        MessageIdRole = Qt::UserRole + 1, // qint64
        FlagsRole,                        // int, store::MessageFlag bits
        SortDateRole,                     // QDateTime (local time)
        // QVariantList of the message ids a row stands for: one for a message row (a thread
        // row of a conversation model: every message of the thread). Actions read it.
        MessageIdsRole = Qt::UserRole + 4,
    };
    static constexpr int kPageSize = 128;
    static constexpr int kMaxPages = 16;

    explicit MessageListModel(store::Store &store, QObject *parent = nullptr);

    // Opens a folder (0 = none): reads its ordered ids, newest first, and drops every page.
    void setFolder(qint64 folderId);
    qint64 folderId() const { return m_folderId; }
    // Re-reads the ordered ids of the current folder (after mail arrived or left).
    void reload();

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

    // For tests and diagnostics.
    int cachedPageCount() const { return int(m_pages.size()); }
    qint64 pageLoadCount() const { return m_pageLoads; }

private:
    struct Page
    {
        std::vector<store::MessageRow> rows;
        std::list<int>::iterator lruPos;
    };
    const Page &page(int pageNo) const;

    store::Store &m_store;
    qint64 m_folderId = 0;
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
};

} // namespace herald::ui
