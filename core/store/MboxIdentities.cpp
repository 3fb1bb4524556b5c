// MessageRepository::remoteKeysIn, for the mbox import's duplicate check (core/sync/MboxTransfer),
// and importsToUpload (ImportUploads.h), for the window's count of what is not uploaded yet.
#include "core/store/ImportUploads.h"
#include "core/store/MessageRepository.h"
#include "core/store/Sqlite.h"

namespace herald::store {

QSet<QString> MessageRepository::remoteKeysIn(qint64 folderId)
{
    QSet<QString> keys;
    Statement st(m_db,
                 "SELECT remote_key FROM messages WHERE folder_id=? AND remote_key IS NOT NULL");
    st.bind(1, folderId);
    while (st.step())
        if (const QString key = st.text(0); !key.isEmpty())
            keys.insert(key);
    return keys;
}

} // namespace herald::store

namespace herald::store {

int importsToUpload(Database &db, qint64 accountId)
{
    Statement st(db, "SELECT count(*) FROM messages m JOIN folders f ON f.id = m.folder_id "
                     "WHERE m.uid IS NULL AND m.remote_key LIKE 'sha256:%' AND f.is_local = 0 "
                     "AND (?1 = 0 OR m.account_id = ?1)");
    st.bind(1, accountId);
    return st.step() ? int(st.int64(0)) : 0;
}

std::vector<qint64> idsWithoutRemoteKey(Database &db, qint64 folderId)
{
    std::vector<qint64> ids;
    Statement st(db, "SELECT id FROM messages WHERE folder_id=? AND remote_key IS NULL");
    st.bind(1, folderId);
    while (st.step())
        ids.push_back(st.int64(0));
    return ids;
}

} // namespace herald::store
