#include "core/smtp/SmtpSession.h"

#include <QEventLoop>
#include <optional>

namespace herald::smtp {

namespace {
template <class T, class Issue> T waitFor(Issue issue)
{
    std::optional<T> out;
    QEventLoop loop;
    issue([&](const T &r) {
        out = r;
        loop.quit();
    });
    if (!out)
        loop.exec();
    return *out;
}
} // namespace

net::Error SmtpSession::open(const net::ConnectOptions &options, const Credentials &credentials)
{
    net::Error e = waitFor<net::Error>([&](auto done) { m_client.connectToServer(options, done); });
    if (e)
        return e;
    if (credentials.user.isEmpty())
        return net::Error();
    e = waitFor<net::Error>([&](auto done) {
        if (!credentials.accessToken.isEmpty())
            m_client.authenticateXOAuth2(credentials.user, credentials.accessToken, done);
        else
            m_client.authenticate(credentials.user, credentials.password, done);
    });
    if (e)
        m_client.cancel();
    return e;
}

SendResult SmtpSession::send(const Envelope &envelope, const QByteArray &message)
{
    return waitFor<SendResult>([&](auto done) { m_client.sendMessage(envelope, message, done); });
}

void SmtpSession::close()
{
    if (!m_client.isConnected())
        return;
    std::optional<bool> finished;
    QEventLoop loop;
    m_client.quit([&] {
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
}

} // namespace herald::smtp
