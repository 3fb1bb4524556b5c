#include "core/sync/SearchIndexer.h"

#include "core/mime/MessageParser.h"
#include "core/store/Store.h"

namespace herald::sync {

namespace {
// Large batches: FTS5 writes one segment per transaction, so fewer means less merging.
constexpr int kBatch = 500;

QString searchableAddresses(const store::MessageRow &row)
{
    return QStringList{row.fromName, row.fromAddr, row.to, row.cc}.join(QLatin1Char(' '));
}
} // namespace

void SearchIndexer::indexOne(qint64 messageId)
{
    const auto row = m_store.messages().byId(messageId);
    if (!row) { // deleted since it was marked (ON DELETE CASCADE usually clears the mark)
        m_store.search().remove(messageId);
        return;
    }
    QString body;
    if (const auto raw = m_store.bodies().get(messageId)) {
        const mime::Message parsed = mime::parseMessage(*raw);
        body = parsed.text.isEmpty() ? mime::htmlToPlainText(parsed.html) : parsed.text;
    }
    m_store.search().index(messageId, row->subject, searchableAddresses(*row), body);
}

int SearchIndexer::run(int limit, const std::function<bool()> &keepGoing)
{
    int done = 0;
    while (limit < 0 || done < limit) {
        if (keepGoing && !keepGoing())
            break;
        const int want = limit < 0 ? kBatch : std::min(kBatch, limit - done);
        const std::vector<qint64> ids = m_store.search().pending(want);
        if (ids.empty())
            break;
        store::Transaction tx(m_store.db());
        for (const qint64 id : ids) {
            indexOne(id);
            m_store.search().clearPending(id);
        }
        tx.commit();
        done += int(ids.size());
    }
    return done;
}

qint64 SearchIndexer::pendingCount() { return m_store.search().pendingCount(); }

std::vector<qint64> SearchIndexer::search(const QString &query, qint64 accountId, int limit)
{
    run();
    return m_store.search().search(query, accountId, limit);
}

} // namespace herald::sync
