#include "core/sync/SearchIndexer.h"

#include "core/ingest/MessageIngest.h"
#include "core/ingest/ParseAhead.h"
#include "core/mime/MessageParser.h"
#include "core/store/ShortTransactions.h"
#include "core/store/Store.h"

#include <deque>
#include <optional>

namespace herald::sync {

namespace {
// Large batches: FTS5 writes one segment per transaction, so fewer means less merging.
constexpr int kBatch = 500;
constexpr qint64 kParseAheadBytes = 8 * 1024 * 1024;

QString searchableAddresses(const store::MessageRow &row)
{
    return QStringList{row.fromName, row.fromAddr, row.to, row.cc}.join(QLatin1Char(' '));
}
} // namespace

int SearchIndexer::run(int limit, const std::function<bool()> &keepGoing)
{
    // Bodies are parsed on a worker while this thread writes the index (FTS5 tokenising is
    // most of the cost); subject and addresses come from the row, so no header decoding.
    ParseAhead parser(MessageIngest::parseBody);
    int done = 0;
    while (limit < 0 || done < limit) {
        if (keepGoing && !keepGoing())
            break;
        const int want = limit < 0 ? kBatch : std::min(kBatch, limit - done);
        const std::vector<qint64> ids = m_store.search().pending(want);
        if (ids.empty())
            break;
        // A window of bodies ahead of the writer, bounded in bytes (a batch may hold large mail).
        std::vector<std::optional<store::MessageRow>> rows;
        rows.reserve(ids.size());
        for (const qint64 id : ids)
            rows.push_back(m_store.messages().byId(id));
        std::deque<std::pair<size_t, qint64>> ahead; // (index in ids, bytes) being parsed
        qint64 aheadBytes = 0;
        size_t next = 0;
        const auto fill = [&] {
            for (; next < ids.size() && (ahead.empty() || aheadBytes < kParseAheadBytes); ++next) {
                if (!rows[next])
                    continue;
                if (const auto raw = m_store.bodies().get(ids[next])) {
                    parser.submit(*raw);
                    ahead.emplace_back(next, raw->size());
                    aheadBytes += raw->size();
                }
            }
        };
        // Short transactions (parsing included): a mark-read meanwhile does not wait for the
        // whole batch.
        store::ShortTransactions tx(m_store.db());
        for (size_t i = 0; i < ids.size(); ++i) {
            tx.rowDone();
            if (!rows[i]) { // deleted since it was marked (ON DELETE CASCADE usually clears it)
                m_store.search().remove(ids[i]);
                m_store.search().clearPending(ids[i]);
                continue;
            }
            fill();
            QString body;
            if (!ahead.empty() && ahead.front().first == i) {
                const mime::Message parsed = parser.takeFront();
                body = parsed.text.isEmpty() ? mime::htmlToPlainText(parsed.html) : parsed.text;
                aheadBytes -= ahead.front().second;
                ahead.pop_front();
            }
            m_store.search().index(ids[i], rows[i]->subject, searchableAddresses(*rows[i]), body);
            m_store.search().clearPending(ids[i]);
        }
        tx.finish();
        done += int(ids.size());
    }
    return done;
}

qint64 SearchIndexer::pendingCount()
{
    return m_store.search().pendingCount();
}

std::vector<qint64> SearchIndexer::search(const QString &query, qint64 accountId, int limit)
{
    run();
    return m_store.search().search(query, accountId, limit);
}

} // namespace herald::sync
