// MessageRepository::identitiesIn, for the mbox import's duplicate check (core/sync/MboxTransfer).
#include "core/store/MessageRepository.h"
#include "core/store/Sqlite.h"

namespace herald::store {

void MessageRepository::identitiesIn(qint64 folderId, QSet<QString> *messageIds,
                                     QSet<QString> *remoteKeys)
{
    Statement st(m_db, "SELECT message_id, remote_key FROM messages WHERE folder_id=?");
    st.bind(1, folderId);
    while (st.step()) {
        if (!st.isNull(0) && !st.text(0).isEmpty())
            messageIds->insert(st.text(0));
        if (!st.isNull(1) && !st.text(1).isEmpty())
            remoteKeys->insert(st.text(1));
    }
}

} // namespace herald::store
