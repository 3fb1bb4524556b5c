#include "core/ingest/MessageIngest.h"

#include "core/authres/FailFastResolver.h"
#include "core/ingest/AuthOptions.h"
#include "core/mime/MessageParser.h"
#include "core/store/Store.h"

#include <QJsonDocument>

namespace herald::sync {

namespace {
QString joinAddresses(const std::vector<mime::Address> &list)
{
    QStringList parts;
    for (const auto &a : list)
        parts << a.display();
    return parts.join(QStringLiteral(", "));
}

// Only the header block, and without allocating: most messages carry no such header.
bool hasAuthResultsHeader(const QByteArray &bytes)
{
    static const QByteArray name("authentication-results:");
    qsizetype end = bytes.indexOf("\r\n\r\n");
    if (end < 0)
        end = bytes.indexOf("\n\n");
    if (end < 0)
        end = bytes.size();
    for (qsizetype i = 0; i >= 0 && i + name.size() <= end;) {
        if (qstrnicmp(bytes.constData() + i, name.constData(), name.size()) == 0)
            return true;
        const qsizetype newline = bytes.indexOf('\n', i);
        i = newline < 0 ? -1 : newline + 1;
    }
    return false;
}
} // namespace

store::MessageRow projectMessage(const mime::Message &m)
{
    store::MessageRow r;
    r.messageId = m.messageId;
    r.inReplyTo = m.inReplyTo.value(0);
    r.subject = m.subject;
    if (!m.from.empty()) {
        r.fromName = m.from.front().name;
        r.fromAddr = m.from.front().email;
    }
    r.to = joinAddresses(m.to);
    r.cc = joinAddresses(m.cc);
    r.date = m.date;
    r.hasAttachments = m.hasAttachments();
    r.snippet = mime::snippet(m);
    return r;
}

namespace {
// The cache row: what the bytes say (projection) plus where and how the server keeps it.
store::MessageRow withMeta(store::MessageRow row, const IncomingMessage &meta)
{
    row.accountId = meta.accountId;
    row.folderId = meta.folderId;
    row.uid = meta.uid;
    row.remoteKey = meta.remoteKey;
    row.flags = meta.flags;
    row.keywords = meta.keywords;
    row.modSeq = meta.modSeq;
    row.internalDate = meta.internalDate;
    row.size = meta.size;
    row.date = listDate(row.date, meta.internalDate);
    return row;
}
} // namespace

QDateTime listDate(const QDateTime &headerDate, std::optional<qint64> internalDate)
{
    // A message without a usable Date: header sorts by when the server got it.
    if (!headerDate.isValid() && internalDate)
        return QDateTime::fromSecsSinceEpoch(*internalDate, Qt::UTC);
    return headerDate;
}

qint64 MessageIngest::upsert(const IncomingMessage &meta, const store::MessageRow &projection)
{
    return m_store.messages().upsertByUid(withMeta(projection, meta));
}

void MessageIngest::assignThread(qint64 id, qint64 accountId, const mime::Message &parsed)
{
    m_store.threads().assign(id, accountId, parsed.messageId, parsed.references + parsed.inReplyTo,
                             parsed.subject);
}

void MessageIngest::applyHeaderVerdict(qint64 accountId, const QByteArray &bytes,
                                       store::MessageRow &row)
{
    if (!hasAuthResultsHeader(bytes))
        return;
    auto it = m_authOptions.find(accountId);
    if (it == m_authOptions.end()) {
        const auto account = m_store.accounts().byId(accountId);
        it = m_authOptions.insert(accountId,
                                  account ? authOptionsFor(*account) : authres::AuthOptions());
        it->verifyLocally = false;
    }
    authres::NoDnsResolver noDns;
    const QJsonObject verdict = authres::computeAuth(bytes, *it, noDns);
    row.authJson = QString::fromUtf8(QJsonDocument(verdict).toJson(QJsonDocument::Compact));
    row.authSummary = store::AuthSummary(int(authres::summarizeAuth(verdict)));
    row.authState = store::AuthState::FromHeaders;
}

qint64 MessageIngest::addMessage(const IncomingMessage &meta, const QByteArray &raw)
{
    return addMessage(meta, raw, mime::parseMessage(raw));
}

qint64 MessageIngest::addMessage(const IncomingMessage &meta, const QByteArray &raw,
                                 const mime::Message &parsed)
{
    IncomingMessage m = meta;
    if (m.size == 0)
        m.size = raw.size();
    store::MessageRow projection = projectMessage(parsed);
    applyHeaderVerdict(m.accountId, raw, projection);
    const qint64 id = upsert(m, projection);
    assignThread(id, m.accountId, parsed);
    m_store.bodies().put(id, raw);
    m_store.search().markPending(id);
    return id;
}

bool MessageIngest::replaceMessage(qint64 messageId, const IncomingMessage &meta,
                                   const QByteArray &raw)
{
    if (!m_store.messages().byId(messageId))
        return false;
    const mime::Message parsed = mime::parseMessage(raw);
    store::MessageRow row = withMeta(projectMessage(parsed), meta);
    if (row.size == 0)
        row.size = raw.size();
    m_store.messages().replace(messageId, row);
    assignThread(messageId, meta.accountId, parsed);
    m_store.bodies().put(messageId, raw);
    m_store.search().markPending(messageId);
    return true;
}

qint64 MessageIngest::addHeaders(const IncomingMessage &meta, const QByteArray &headerBytes)
{
    return addHeaders(meta, headerBytes, mime::parseHeaderBlock(headerBytes));
}

qint64 MessageIngest::addHeaders(const IncomingMessage &meta, const QByteArray &headerBytes,
                                 const mime::Message &parsed, bool *isNew)
{
    store::MessageRow projection = projectMessage(parsed);
    projection.snippet.clear(); // a header block has no body text to preview
    applyHeaderVerdict(meta.accountId, headerBytes, projection);
    // A row whose body is already cached (our own upload or MOVE, recorded by UID) keeps what
    // the body told: preview, attachments and the full-text entry.
    // The cheap id lookup first: new messages (nearly all) stop there.
    const auto existingId =
        meta.uid ? m_store.messages().idByUid(meta.folderId, *meta.uid) : std::nullopt;
    if (isNew)
        *isNew = !existingId;
    if (!existingId) {
        const qint64 id = m_store.messages().insert(withMeta(projection, meta));
        assignThread(id, meta.accountId, parsed);
        m_store.search().markPending(id);
        return id;
    }
    const auto existing =
        m_store.bodies().has(*existingId) ? m_store.messages().byId(*existingId) : std::nullopt;
    if (existing) {
        projection.snippet = existing->snippet;
        projection.hasAttachments = existing->hasAttachments;
    }
    m_store.messages().updateFromServer(*existingId, withMeta(projection, meta));
    if (!existing)
        m_store.search().markPending(*existingId);
    return *existingId;
}

mime::Message MessageIngest::parseBody(const QByteArray &raw)
{
    mime::ParseOptions options;
    options.headers = false;
    return mime::parseMessage(raw, options);
}

void MessageIngest::attachBody(qint64 messageId, const QByteArray &raw)
{
    attachBody(messageId, raw, parseBody(raw));
}

void MessageIngest::attachBody(qint64 messageId, const QByteArray &raw, const mime::Message &parsed)
{
    const store::MessageRow p = projectMessage(parsed);
    m_store.messages().setBodySummary(messageId, p.hasAttachments, p.snippet);
    m_store.bodies().put(messageId, raw);
    m_store.search().markPending(messageId);
}

} // namespace herald::sync
