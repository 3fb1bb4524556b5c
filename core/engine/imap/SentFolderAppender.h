#pragma once
// Saves sent messages into an IMAP account's Sent folder (\Seen), for the outbox: one session
// for a whole flush. engine/smtp speaks no IMAP; sync/SentFolder.h hands this to OutboxSender.

#include "core/imap/ImapSession.h"
#include "core/store/Records.h"

#include <optional>

namespace herald::store {
class Store;
}

namespace herald::imap {

class SentFolderAppender
{
public:
    SentFolderAppender(store::Store &store, store::Account account)
        : m_store(store), m_account(std::move(account))
    {
    }

    // Connects, then finds the Sent folder: by special use (learning the folder list first
    // when the account was never synced), else one named "Sent".
    net::Error open();
    // The folder's name; empty when the account has none.
    QString name() const { return m_folder ? m_folder->name : QString(); }
    // A CommandFailed error concerns this message only; any other means the line is gone.
    net::Error append(const QByteArray &message);
    void close() { m_session.close(); }

private:
    store::Store &m_store;
    store::Account m_account;
    ImapSession m_session;
    std::optional<store::Folder> m_folder;
};

} // namespace herald::imap
