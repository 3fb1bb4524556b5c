#include "core/engine/imap/SentFolderAppender.h"

#include "core/engine/imap/AccountSync.h"
#include "core/store/Store.h"

namespace herald::imap {

net::Error SentFolderAppender::open()
{
    AccountSync sync(m_store, m_account);
    if (const net::Error e = sync.openSession(m_session))
        return e;
    m_folder = m_store.folders().bySpecialUse(m_account.id, QStringLiteral("\\Sent"));
    if (!m_folder) { // never synced: learn the folder list first
        AccountSyncReport ignored;
        sync.syncFolderList(m_session, ignored);
        m_folder = m_store.folders().bySpecialUse(m_account.id, QStringLiteral("\\Sent"));
    }
    if (!m_folder)
        m_folder = m_store.folders().byName(m_account.id, QStringLiteral("Sent"));
    return net::Error();
}

net::Error SentFolderAppender::append(const QByteArray &message)
{
    const auto appended = m_session.wait<AppendResult>([&](auto done) {
        m_session.client().append(m_folder->name, message, {"\\Seen"}, QDateTime(), done);
    });
    return appended.ok() ? net::Error() : appended.error;
}

} // namespace herald::imap
