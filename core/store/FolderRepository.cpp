#include "core/store/FolderRepository.h"

#include "core/store/Sqlite.h"

#include <string>

namespace herald::store {

namespace {
// Counts are kept beside each folder by triggers on messages (schema version 10).
constexpr const char *kSelect =
    "SELECT f.id, f.account_id, f.name, f.delimiter, f.special_use, f.attributes, f.is_local, "
    "f.uidvalidity, f.uidnext, f.highestmodseq, f.message_count, f.unread_count "
    "FROM folders f ";

std::optional<qint64> optionalInt(const Statement &st, int col)
{
    return st.isNull(col) ? std::nullopt : std::optional<qint64>(st.int64(col));
}

std::vector<Folder> readAll(Statement &st)
{
    std::vector<Folder> out;
    while (st.step()) {
        Folder f;
        f.id = st.int64(0);
        f.accountId = st.int64(1);
        f.name = st.text(2);
        f.delimiter = st.text(3);
        f.specialUse = st.text(4);
        f.attributes = st.text(5);
        f.isLocal = st.int64(6) != 0;
        f.uidValidity = optionalInt(st, 7);
        f.uidNext = optionalInt(st, 8);
        f.highestModSeq = optionalInt(st, 9);
        f.total = st.int64(10);
        f.unread = st.int64(11);
        out.push_back(f);
    }
    return out;
}

std::optional<Folder> first(std::vector<Folder> all)
{
    return all.empty() ? std::nullopt : std::optional<Folder>(all.front());
}
} // namespace

qint64 FolderRepository::upsert(const Folder &f)
{
    Statement st(m_db,
                 "INSERT INTO folders (account_id, name, delimiter, special_use, attributes, "
                 "is_local) VALUES (?,?,?,?,?,?) ON CONFLICT (account_id, name) DO UPDATE SET "
                 "delimiter=excluded.delimiter, special_use=excluded.special_use, "
                 "attributes=excluded.attributes RETURNING id");
    st.bind(1, f.accountId).bind(2, f.name).bind(3, f.delimiter).bind(4, f.specialUse);
    st.bind(5, f.attributes).bind(6, f.isLocal ? 1 : 0);
    st.step();
    const qint64 id = st.int64(0);
    st.reset();
    return id;
}

void FolderRepository::remove(qint64 id)
{
    Statement st(m_db, "DELETE FROM folders WHERE id=?");
    st.bind(1, id).exec();
}

std::vector<Folder> FolderRepository::list(qint64 accountId)
{
    // INBOX first, then special folders, then the rest by name: the order users expect.
    const std::string order =
        " ORDER BY f.account_id, (upper(f.name) != 'INBOX'), (f.special_use IS NULL OR "
        "f.special_use = ''), f.name";
    if (accountId == 0) {
        Statement st(m_db, (std::string(kSelect) + order).c_str());
        return readAll(st);
    }
    Statement st(m_db, (std::string(kSelect) + "WHERE f.account_id=?" + order).c_str());
    st.bind(1, accountId);
    return readAll(st);
}

std::optional<Folder> FolderRepository::byId(qint64 id)
{
    Statement st(m_db, (std::string(kSelect) + "WHERE f.id=?").c_str());
    st.bind(1, id);
    return first(readAll(st));
}

std::optional<Folder> FolderRepository::byName(qint64 accountId, const QString &name)
{
    Statement st(m_db, (std::string(kSelect) + "WHERE f.account_id=? AND f.name=?").c_str());
    st.bind(1, accountId).bind(2, name);
    return first(readAll(st));
}

std::optional<Folder> FolderRepository::bySpecialUse(qint64 accountId, const QString &specialUse)
{
    Statement st(
        m_db,
        (std::string(kSelect) + "WHERE f.account_id=? AND f.special_use=? ORDER BY f.id").c_str());
    st.bind(1, accountId).bind(2, specialUse);
    return first(readAll(st));
}

void FolderRepository::setSyncState(qint64 id, std::optional<qint64> uidValidity,
                                    std::optional<qint64> uidNext,
                                    std::optional<qint64> highestModSeq)
{
    Statement st(m_db, "UPDATE folders SET uidvalidity=?, uidnext=?, highestmodseq=?, "
                       "synced_at=? WHERE id=?");
    st.bindOptional(1, uidValidity.value_or(0), uidValidity.has_value());
    st.bindOptional(2, uidNext.value_or(0), uidNext.has_value());
    st.bindOptional(3, highestModSeq.value_or(0), highestModSeq.has_value());
    st.bind(4, QDateTime::currentSecsSinceEpoch()).bind(5, id);
    st.exec();
}

void FolderRepository::rename(qint64 id, const QString &newName)
{
    Statement st(m_db, "UPDATE folders SET name=? WHERE id=?");
    st.bind(1, newName).bind(2, id).exec();
}

void FolderRepository::renameTree(qint64 accountId, const QString &from, const QString &to,
                                  const QString &delimiter)
{
    const QString prefix = delimiter.isEmpty() ? QString() : from + delimiter;
    for (const Folder &f : list(accountId)) {
        QString newName;
        if (f.name == from)
            newName = to;
        else if (!prefix.isEmpty() && f.name.startsWith(prefix))
            newName = to + f.name.mid(from.size());
        else
            continue;
        if (const auto taken = byName(accountId, newName); taken && taken->id != f.id)
            remove(taken->id);
        rename(f.id, newName);
    }
}

} // namespace herald::store
