#pragma once
// The one place where message bytes become cache rows: parse with core/mime,
// project the columns the list needs, keep the raw bytes, mark them for the search index
// (sync::SearchIndexer indexes them off the download path).
// Protocol engines (IMAP, POP3, local import) all come through here, so every
// message in the cache is described the same way.

#include "core/authres/AuthVerdict.h"
#include "core/store/Records.h"

#include <QByteArray>
#include <QHash>
#include <optional>

namespace herald::mime {
struct Message;
}
namespace herald::store {
class Store;
}

namespace herald::sync {

struct IncomingMessage
{
    qint64 accountId = 0;
    qint64 folderId = 0;
    std::optional<qint64> uid;
    QString remoteKey; // POP3 UIDL or other non-IMAP identity
    int flags = 0;
    QStringList keywords;
    std::optional<qint64> modSeq;
    std::optional<qint64> internalDate; // unix seconds
    qint64 size = 0;                    // server's RFC822.SIZE; raw size when 0
};

// The list columns of a parsed message (ids and flags are the caller's).
store::MessageRow projectMessage(const mime::Message &message);

// The date the list sorts by: the Date header, or the arrival time (INTERNALDATE, unix seconds)
// when the header is missing or unreadable. A date before 1970 is a date, not a missing one.
QDateTime listDate(const QDateTime &headerDate, std::optional<qint64> internalDate);

class MessageIngest
{
public:
    explicit MessageIngest(store::Store &store) : m_store(store) {}

    // Stores a whole message (headers + body). Inserts, or updates the row with the
    // same (folder, uid). Returns the message id. Runs inside the caller's
    // transaction when there is one.
    qint64 addMessage(const IncomingMessage &meta, const QByteArray &raw);
    // The same with `raw` already parsed (ParseAhead parses on another thread).
    qint64 addMessage(const IncomingMessage &meta, const QByteArray &raw,
                      const mime::Message &parsed);
    // Replaces the content of an existing row (a draft saved again): new bytes, columns from
    // `meta` (folder, UID, flags …), same id. Returns false when there is no such row.
    bool replaceMessage(qint64 messageId, const IncomingMessage &meta, const QByteArray &raw);
    // Stores only what the headers tell (headers-first sync); body comes later.
    qint64 addHeaders(const IncomingMessage &meta, const QByteArray &headerBytes);
    // The same with the header block already parsed by mime::parseHeaderBlock. `isNew`, when
    // given, says whether the row was inserted (not a refresh of one cached under that UID).
    qint64 addHeaders(const IncomingMessage &meta, const QByteArray &headerBytes,
                      const mime::Message &parsed, bool *isNew = nullptr);
    // Attaches the full bytes to a row created by addHeaders().
    void attachBody(qint64 messageId, const QByteArray &raw);
    // The same with `raw` already parsed by parseBody() (only the part tree is used).
    void attachBody(qint64 messageId, const QByteArray &raw, const mime::Message &parsed);
    // Parses what only the body tells (part tree, text, attachments), without decoding the
    // top-level headers the row already has. Thread-safe, for ParseAhead.
    static mime::Message parseBody(const QByteArray &raw);

private:
    qint64 upsert(const IncomingMessage &meta, const store::MessageRow &projection);
    // Its conversation (store::ThreadRepository), from the ids and subject the headers carry.
    void assignThread(qint64 id, qint64 accountId, const mime::Message &parsed);
    // The verdict of the trusted Authentication-Results header, which needs no DNS: shown
    // from the moment the headers are in. VerdictPass adds Herald's own checks later.
    void applyHeaderVerdict(qint64 accountId, const QByteArray &bytes, store::MessageRow &row);

    store::Store &m_store;
    QHash<qint64, authres::AuthOptions> m_authOptions; // per account, read once
};

} // namespace herald::sync
