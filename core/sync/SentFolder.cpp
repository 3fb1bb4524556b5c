#include "core/sync/SentFolder.h"

#include "core/engine/imap/SentFolderAppender.h"

namespace herald::sync {

namespace {
class ImapSentFolder : public smtp::SentFolder
{
public:
    ImapSentFolder(store::Store &store, const store::Account &account) : m_imap(store, account) {}
    net::Error open() override { return m_imap.open(); }
    QString name() const override { return m_imap.name(); }
    net::Error append(const QByteArray &message) override { return m_imap.append(message); }
    void close() override { m_imap.close(); }

private:
    imap::SentFolderAppender m_imap;
};
} // namespace

smtp::OpenSentFolder imapSentFolder(store::Store &store, const store::Account &account)
{
    return [&store, account]() -> std::unique_ptr<smtp::SentFolder> {
        return std::make_unique<ImapSentFolder>(store, account);
    };
}

} // namespace herald::sync
