#include "core/store/MessageRepository.h"

#include "core/store/Sqlite.h"

#include <string>

namespace herald::store {

namespace {

constexpr const char *kSelect =
    "SELECT m.id, m.account_id, m.folder_id, m.uid, m.remote_key, m.message_id, m.in_reply_to, "
    "m.subject, m.from_name, m.from_addr, m.to_addrs, m.cc_addrs, m.date, m.internal_date, "
    "m.size, m.flags, m.keywords, m.modseq, m.has_attachments, m.snippet, m.auth, "
    "m.auth_summary, f.name, a.name, m.auth_state "
    "FROM messages m JOIN folders f ON f.id = m.folder_id JOIN accounts a ON a.id = m.account_id ";

std::optional<qint64> optionalInt(const Statement &st, int col)
{
    return st.isNull(col) ? std::nullopt : std::optional<qint64>(st.int64(col));
}

// keywords is NOT NULL: an empty list is stored as '' (a null QString binds NULL).
QString joinKeywords(const QStringList &keywords)
{
    return keywords.isEmpty() ? QStringLiteral("") : keywords.join(QLatin1Char(' '));
}

QStringList splitKeywords(const QString &text)
{
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

MessageRow readRow(const Statement &st)
{
    MessageRow r;
    r.id = st.int64(0);
    r.accountId = st.int64(1);
    r.folderId = st.int64(2);
    r.uid = optionalInt(st, 3);
    r.remoteKey = st.text(4);
    r.messageId = st.text(5);
    r.inReplyTo = st.text(6);
    r.subject = st.text(7);
    r.fromName = st.text(8);
    r.fromAddr = st.text(9);
    r.to = st.text(10);
    r.cc = st.text(11);
    r.date = QDateTime::fromSecsSinceEpoch(st.int64(12), Qt::UTC);
    r.internalDate = optionalInt(st, 13);
    r.size = st.int64(14);
    r.flags = int(st.int64(15));
    r.keywords = splitKeywords(st.text(16));
    r.modSeq = optionalInt(st, 17);
    r.hasAttachments = st.int64(18) != 0;
    r.snippet = st.text(19);
    r.authJson = st.text(20);
    r.authSummary = AuthSummary(st.int64(21));
    r.folderName = st.text(22);
    r.accountName = st.text(23);
    r.authState = AuthState(st.int64(24));
    return r;
}

std::vector<qint64> readIds(Statement &st)
{
    std::vector<qint64> ids;
    while (st.step())
        ids.push_back(st.int64(0));
    return ids;
}

std::vector<MessageRow> readAll(Statement &st)
{
    std::vector<MessageRow> out;
    while (st.step())
        out.push_back(readRow(st));
    return out;
}

// Binds the writable columns in the order used by kInsert.
void bindRow(Statement &st, const MessageRow &r)
{
    st.bind(1, r.accountId).bind(2, r.folderId);
    st.bindOptional(3, r.uid.value_or(0), r.uid.has_value());
    st.bind(4, r.remoteKey.isEmpty() ? QString() : r.remoteKey);
    st.bind(5, r.messageId).bind(6, r.inReplyTo).bind(7, r.subject);
    st.bind(8, r.fromName).bind(9, r.fromAddr).bind(10, r.to).bind(11, r.cc);
    st.bind(12, r.date.isValid() ? r.date.toSecsSinceEpoch() : 0);
    st.bindOptional(13, r.internalDate.value_or(0), r.internalDate.has_value());
    st.bind(14, r.size).bind(15, r.flags).bind(16, joinKeywords(r.keywords));
    st.bindOptional(17, r.modSeq.value_or(0), r.modSeq.has_value());
    st.bind(18, r.hasAttachments ? 1 : 0).bind(19, r.snippet);
    st.bind(20, r.authJson.isEmpty() ? QString() : r.authJson);
    st.bind(21, int(r.authSummary)).bind(22, QDateTime::currentSecsSinceEpoch());
    st.bind(23, int(r.authState));
}

constexpr const char *kInsert =
    "INSERT INTO messages (account_id, folder_id, uid, remote_key, message_id, in_reply_to, "
    "subject, from_name, from_addr, to_addrs, cc_addrs, date, internal_date, size, flags, "
    "keywords, modseq, has_attachments, snippet, auth, auth_summary, created_at, auth_state) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

} // namespace

qint64 MessageRepository::insert(const MessageRow &row)
{
    Statement st(m_db, kInsert);
    bindRow(st, row);
    st.exec();
    return m_db.lastInsertId();
}

qint64 MessageRepository::restore(const MessageRow &row)
{
    Statement taken(m_db, "SELECT 1 FROM messages WHERE id=?");
    taken.bind(1, row.id);
    if (row.id <= 0 || taken.step())
        return insert(row);
    Statement st(m_db, "INSERT INTO messages (account_id, folder_id, uid, remote_key, message_id, "
                       "in_reply_to, subject, from_name, from_addr, to_addrs, cc_addrs, date, "
                       "internal_date, size, flags, keywords, modseq, has_attachments, snippet, "
                       "auth, auth_summary, created_at, auth_state, id) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    bindRow(st, row);
    st.bind(24, row.id).exec();
    return row.id;
}

qint64 MessageRepository::upsertByUid(const MessageRow &row)
{
    if (row.uid) {
        if (const auto existing = idByUid(row.folderId, *row.uid)) {
            updateFromServer(*existing, row);
            return *existing;
        }
    }
    return insert(row);
}

void MessageRepository::updateFromServer(qint64 id, const MessageRow &row)
{
    Statement st(m_db, "UPDATE messages SET message_id=?, in_reply_to=?, subject=?, from_name=?, "
                       "from_addr=?, to_addrs=?, cc_addrs=?, date=?, internal_date=?, size=?, "
                       "flags=?, keywords=?, modseq=?, has_attachments=?, snippet=? WHERE id=?");
    st.bind(1, row.messageId).bind(2, row.inReplyTo).bind(3, row.subject);
    st.bind(4, row.fromName).bind(5, row.fromAddr).bind(6, row.to).bind(7, row.cc);
    st.bind(8, row.date.isValid() ? row.date.toSecsSinceEpoch() : 0);
    st.bindOptional(9, row.internalDate.value_or(0), row.internalDate.has_value());
    st.bind(10, row.size).bind(11, row.flags);
    st.bind(12, joinKeywords(row.keywords));
    st.bindOptional(13, row.modSeq.value_or(0), row.modSeq.has_value());
    st.bind(14, row.hasAttachments ? 1 : 0).bind(15, row.snippet).bind(16, id);
    st.exec();
}

void MessageRepository::replace(qint64 id, const MessageRow &row)
{
    Statement st(
        m_db, "UPDATE messages SET account_id=?, folder_id=?, uid=?, remote_key=?, message_id=?, "
              "in_reply_to=?, subject=?, from_name=?, from_addr=?, to_addrs=?, cc_addrs=?, "
              "date=?, internal_date=?, size=?, flags=?, keywords=?, modseq=?, "
              "has_attachments=?, snippet=?, auth=?, auth_summary=?, created_at=?, auth_state=? "
              "WHERE id=?");
    bindRow(st, row);
    st.bind(24, id).exec();
}

void MessageRepository::setFlags(qint64 id, int flags, const QStringList &keywords,
                                 std::optional<qint64> modSeq)
{
    Statement st(m_db, "UPDATE messages SET flags=?, keywords=?, modseq=coalesce(?, modseq) "
                       "WHERE id=?");
    st.bind(1, flags).bind(2, joinKeywords(keywords));
    st.bindOptional(3, modSeq.value_or(0), modSeq.has_value()).bind(4, id);
    st.exec();
}

void MessageRepository::setAuth(qint64 id, const QString &authJson, AuthSummary summary,
                                AuthState state)
{
    Statement st(m_db, "UPDATE messages SET auth=?, auth_summary=?, auth_state=? WHERE id=?");
    st.bind(1, authJson).bind(2, int(summary)).bind(3, int(state)).bind(4, id).exec();
}

std::vector<qint64> MessageRepository::awaitingVerification(qint64 accountId, int limit)
{
    Statement st(m_db, "SELECT id FROM messages WHERE account_id=? AND auth_state < 3 AND "
                       "has_body = 1 ORDER BY auth_state, date DESC, id DESC LIMIT ?");
    st.bind(1, accountId).bind(2, limit);
    return readIds(st);
}

std::vector<qint64> MessageRepository::neverVerified(qint64 accountId)
{
    // The partial index holds only what is not verified: nearly empty after the first sync,
    // so a resync with nothing new does not walk every message of the account. (SQLite uses a
    // partial index only when the query repeats its condition, hence "auth_state < 3".)
    Statement st(m_db, "SELECT id FROM messages INDEXED BY messages_auth_pending WHERE "
                       "account_id=? AND auth_state < 3 AND auth_state < 2 AND has_body = 1 "
                       "ORDER BY date DESC, id DESC");
    st.bind(1, accountId);
    return readIds(st);
}

std::vector<qint64> MessageRepository::incompletelyVerified(qint64 accountId)
{
    Statement st(m_db, "SELECT id FROM messages INDEXED BY messages_auth_pending WHERE "
                       "account_id=? AND auth_state < 3 AND auth_state = 2 AND has_body = 1 "
                       "ORDER BY id");
    st.bind(1, accountId);
    return readIds(st);
}

void MessageRepository::setBodySummary(qint64 id, bool hasAttachments, const QString &snippet)
{
    Statement st(m_db, "UPDATE messages SET has_attachments=?, snippet=? WHERE id=?");
    st.bind(1, hasAttachments ? 1 : 0).bind(2, snippet).bind(3, id).exec();
}

void MessageRepository::moveTo(qint64 id, qint64 folderId, std::optional<qint64> uid)
{
    Statement st(m_db, "UPDATE messages SET folder_id=?, uid=? WHERE id=?");
    st.bind(1, folderId).bindOptional(2, uid.value_or(0), uid.has_value()).bind(3, id).exec();
}

void MessageRepository::setUid(qint64 id, std::optional<qint64> uid)
{
    Statement st(m_db, "UPDATE messages SET uid=? WHERE id=?");
    st.bindOptional(1, uid.value_or(0), uid.has_value()).bind(2, id).exec();
}

void MessageRepository::remove(qint64 id)
{
    Statement st(m_db, "DELETE FROM messages WHERE id=?");
    st.bind(1, id).exec();
    Statement fts(m_db, "DELETE FROM message_fts WHERE rowid=?");
    fts.bind(1, id).exec();
}

std::vector<qint64> MessageRepository::removeUids(qint64 folderId, const std::vector<qint64> &uids)
{
    std::vector<qint64> removed;
    Statement find(m_db, "SELECT id FROM messages WHERE folder_id=? AND uid=?");
    for (qint64 uid : uids) {
        find.bind(1, folderId).bind(2, uid);
        if (find.step())
            removed.push_back(find.int64(0));
        find.reset();
    }
    for (qint64 id : removed)
        remove(id);
    return removed;
}

// Kept: drafts and imported messages not on the server yet (no UID; \Draft, or an mbox
// import's "sha256:" key): the user's work, waiting for its upload task.
void MessageRepository::removeFolderContents(qint64 folderId)
{
    Statement fts(m_db, "DELETE FROM message_fts WHERE rowid IN (SELECT id FROM messages WHERE "
                        "folder_id=? AND NOT (uid IS NULL AND ((flags & 16) != 0 OR "
                        "coalesce(remote_key, '') LIKE 'sha256:%')))");
    fts.bind(1, folderId).exec();
    Statement st(m_db, "DELETE FROM messages WHERE folder_id=? AND NOT (uid IS NULL AND "
                       "((flags & 16) != 0 OR coalesce(remote_key, '') LIKE 'sha256:%'))");
    st.bind(1, folderId).exec();
}

std::optional<MessageRow> MessageRepository::byId(qint64 id)
{
    Statement st(m_db, (std::string(kSelect) + "WHERE m.id=?").c_str());
    st.bind(1, id);
    auto all = readAll(st);
    return all.empty() ? std::nullopt : std::optional<MessageRow>(all.front());
}

std::optional<qint64> MessageRepository::idByUid(qint64 folderId, qint64 uid)
{
    Statement st(m_db, "SELECT id FROM messages WHERE folder_id=? AND uid=?");
    st.bind(1, folderId).bind(2, uid);
    return st.step() ? std::optional<qint64>(st.int64(0)) : std::nullopt;
}

std::optional<MessageRow> MessageRepository::byUid(qint64 folderId, qint64 uid)
{
    Statement st(m_db, (std::string(kSelect) + "WHERE m.folder_id=? AND m.uid=?").c_str());
    st.bind(1, folderId).bind(2, uid);
    auto all = readAll(st);
    return all.empty() ? std::nullopt : std::optional<MessageRow>(all.front());
}

std::optional<MessageRow> MessageRepository::byRemoteKey(qint64 accountId, const QString &key)
{
    Statement st(m_db, (std::string(kSelect) + "WHERE m.account_id=? AND m.remote_key=?").c_str());
    st.bind(1, accountId).bind(2, key);
    auto all = readAll(st);
    return all.empty() ? std::nullopt : std::optional<MessageRow>(all.front());
}

std::vector<MessageRow> MessageRepository::list(const MessageQuery &q)
{
    // Each shape uses an index on (…, date DESC, id DESC); 0 means "any".
    std::string sql = kSelect;
    if (q.folderId)
        sql += "WHERE m.folder_id=?1 ";
    else if (q.accountId)
        sql += "WHERE m.account_id=?2 ";
    sql += "ORDER BY m.date DESC, m.id DESC LIMIT ?3";
    Statement st(m_db, sql.c_str());
    if (q.folderId)
        st.bind(1, q.folderId);
    else if (q.accountId)
        st.bind(2, q.accountId);
    st.bind(3, qint64(q.limit));
    return readAll(st);
}

std::vector<MessageRow> MessageRepository::byIds(const std::vector<qint64> &ids)
{
    std::vector<MessageRow> out;
    out.reserve(ids.size());
    Statement st(m_db, (std::string(kSelect) + "WHERE m.id=?").c_str());
    for (qint64 id : ids) {
        st.bind(1, id);
        if (st.step())
            out.push_back(readRow(st));
        st.reset();
    }
    return out;
}

// The expressions are those of the indexes of schema version 7, so SQLite reads a folder's
// index in order (forwards or backwards) and sorts nothing.
std::string MessageRepository::orderBy(MessageSort sort, bool ascending)
{
    const char *key = "date";
    switch (sort) {
    case MessageSort::Date:
        break;
    case MessageSort::From:
        key = "coalesce(nullif(from_name, ''), from_addr) COLLATE NOCASE";
        break;
    case MessageSort::Subject:
        key = "subject COLLATE NOCASE";
        break;
    case MessageSort::Size:
        key = "size";
        break;
    case MessageSort::Status:
        key = "((flags & 4) | (~flags & 1))";
        break;
    }
    const char *dir = ascending ? " ASC" : " DESC";
    return std::string(" ORDER BY ") + key + dir + ", id" + dir;
}

namespace {
std::string orderedIdsSql(const char *columns, const std::string &orderBy)
{
    return std::string("SELECT ") + columns + " FROM messages WHERE folder_id=?" + orderBy +
           " LIMIT ?";
}
} // namespace

std::vector<qint64> MessageRepository::orderedIds(qint64 folderId, MessageSort sort, bool ascending,
                                                  int limit)
{
    Statement st(m_db, orderedIdsSql("id", orderBy(sort, ascending)).c_str());
    st.bind(1, folderId).bind(2, qint64(limit));
    return readIds(st);
}

void MessageRepository::orderedIdsWithThreads(qint64 folderId, MessageSort sort, bool ascending,
                                              std::vector<qint64> &ids,
                                              std::vector<qint64> &threads, int limit)
{
    ids.clear();
    threads.clear();
    Statement st(m_db,
                 orderedIdsSql("id, coalesce(thread_id, id)", orderBy(sort, ascending)).c_str());
    st.bind(1, folderId).bind(2, qint64(limit));
    while (st.step()) {
        ids.push_back(st.int64(0));
        threads.push_back(st.int64(1));
    }
}

QString MessageRepository::orderedIdsPlan(MessageSort sort, bool ascending)
{
    const std::string sql = "EXPLAIN QUERY PLAN " +
                            orderedIdsSql("id, coalesce(thread_id, id)", orderBy(sort, ascending));
    Statement st(m_db, sql.c_str());
    st.bind(1, qint64(1)).bind(2, qint64(-1));
    QStringList lines;
    while (st.step())
        lines << st.text(3);
    return lines.join(QLatin1Char('\n'));
}

qint64 MessageRepository::countWithUid(qint64 folderId)
{
    Statement st(m_db, "SELECT count(*) FROM messages WHERE folder_id=? AND uid IS NOT NULL");
    st.bind(1, folderId);
    st.step();
    return st.int64(0);
}

std::vector<MessageRepository::MissingBody>
MessageRepository::withoutBody(qint64 folderId, qint64 maxSize, qint64 since)
{
    Statement st(m_db, "SELECT m.uid, m.id, m.size FROM messages m INDEXED BY "
                       "messages_without_body WHERE m.folder_id=? AND m.has_body = 0 AND "
                       "m.uid IS NOT NULL AND (?2 = 0 OR m.size <= ?2) AND (?3 = 0 OR m.date "
                       ">= ?3) ORDER BY m.date DESC, m.id DESC");
    st.bind(1, folderId).bind(2, maxSize).bind(3, since);
    std::vector<MissingBody> out;
    while (st.step())
        out.push_back({st.int64(0), st.int64(1), st.int64(2)});
    return out;
}

std::vector<MessageRepository::UidState> MessageRepository::uidStates(qint64 folderId)
{
    Statement st(m_db, "SELECT uid, id, flags, keywords FROM messages WHERE folder_id=? AND uid "
                       "IS NOT NULL ORDER BY uid");
    st.bind(1, folderId);
    std::vector<UidState> out;
    while (st.step())
        out.push_back({st.int64(0), st.int64(1), int(st.int64(2)), splitKeywords(st.text(3))});
    return out;
}

} // namespace herald::store
