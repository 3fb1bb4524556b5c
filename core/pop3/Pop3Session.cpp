#include "core/pop3/Pop3Session.h"

namespace herald::pop3 {

net::Error Pop3Session::open(const net::ConnectOptions &options,
                             const net::Credentials &credentials)
{
    auto connected = wait<Empty>([&](auto done) { m_client.connectToServer(options, done); });
    if (!connected.ok())
        return connected.error;
    bool plain = false;
    for (const QByteArray &m : m_client.saslMechanisms())
        plain = plain || m == "PLAIN";
    const bool apop = m_preferApop && !m_client.apopTimestamp().isEmpty();
    auto login = wait<Empty>([&](auto done) {
        if (apop)
            m_client.apop(credentials.user, credentials.password, done);
        else if (plain)
            m_client.authenticatePlain(credentials.user, credentials.password, done);
        else
            m_client.loginUserPass(credentials.user, credentials.password, done);
    });
    return login.error;
}

net::Error Pop3Session::close()
{
    if (m_client.state() == Pop3Client::State::Disconnected)
        return net::Error();
    return wait<Empty>([&](auto done) { m_client.quit(done); }).error;
}

} // namespace herald::pop3
