#include "core/imap/ImapSession.h"

namespace herald::imap {

net::Error ImapSession::open(const net::ConnectOptions &options,
                             const net::Credentials &credentials)
{
    auto connected = wait<Empty>([&](auto done) { m_client.connectToServer(options, done); });
    if (!connected.ok())
        return connected.error;
    const bool plain = m_client.hasCapability("AUTH=PLAIN");
    auto login = wait<Empty>([&](auto done) {
        if (!credentials.accessToken.isEmpty())
            m_client.authenticateXOAuth2(credentials.user, credentials.accessToken, done);
        else if (plain)
            m_client.authenticatePlain(credentials.user, credentials.password, done);
        else
            m_client.login(credentials.user, credentials.password, done);
    });
    if (!login.ok())
        return login.error;
    QList<QByteArray> wanted;
    if (m_client.hasCapability("QRESYNC"))
        wanted << "QRESYNC";
    else if (m_client.hasCapability("CONDSTORE"))
        wanted << "CONDSTORE";
    if (!wanted.isEmpty()) {
        auto enabled = wait<QList<QByteArray>>([&](auto done) { m_client.enable(wanted, done); });
        if (!enabled.ok() && enabled.error.kind != net::Error::Kind::CommandFailed)
            return enabled.error;
    }
    return net::Error();
}

void ImapSession::close()
{
    if (m_client.state() == ImapClient::State::Disconnected)
        return;
    wait<Empty>([&](auto done) { m_client.logout(done); });
}

bool ImapSession::hasQresync() const
{
    return m_client.enabledExtensions().contains("QRESYNC");
}

bool ImapSession::hasCondstore() const
{
    return hasQresync() || m_client.hasCapability("CONDSTORE");
}

} // namespace herald::imap
