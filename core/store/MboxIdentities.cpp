// MessageRepository::remoteKeysIn, for the mbox import's duplicate check (core/sync/MboxTransfer).
#include "core/store/MessageRepository.h"
#include "core/store/Sqlite.h"

namespace herald::store {

QSet<QString> MessageRepository::remoteKeysIn(qint64 folderId)
{
    QSet<QString> keys;
    Statement st(m_db, "SELECT remote_key FROM messages WHERE folder_id=? AND remote_key IS NOT NULL");
    st.bind(1, folderId);
    while (st.step())
        if (const QString key = st.text(0); !key.isEmpty())
            keys.insert(key);
    return keys;
}

} // namespace herald::store
