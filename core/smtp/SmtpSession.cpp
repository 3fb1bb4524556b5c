#include "core/smtp/SmtpSession.h"

namespace herald::smtp {

net::Error SmtpSession::open(const net::ConnectOptions &options,
                             const net::Credentials &credentials)
{
    const auto cancelled = net::SessionWait::cancelledError();
    net::Error e =
        m_wait.wait<net::Error>([&](auto done) { m_client.connectToServer(options, done); })
            .value_or(cancelled);
    if (e)
        return e;
    if (credentials.user.isEmpty())
        return net::Error();
    e = m_wait
            .wait<net::Error>([&](auto done) {
                if (!credentials.accessToken.isEmpty())
                    m_client.authenticateXOAuth2(credentials.user, credentials.accessToken, done);
                else
                    m_client.authenticate(credentials.user, credentials.password, done);
            })
            .value_or(cancelled);
    if (e)
        m_client.cancel();
    return e;
}

SendResult SmtpSession::send(const Envelope &envelope, const QByteArray &message)
{
    if (auto r = m_wait.wait<SendResult>(
            [&](auto done) { m_client.sendMessage(envelope, message, done); }))
        return *r;
    // No answer even after cancelling: the message may have gone, never report it unsent.
    SendResult unknown;
    unknown.status = SendResult::Status::MaybeSent;
    unknown.error = net::SessionWait::cancelledError();
    return unknown;
}

void SmtpSession::close()
{
    if (!m_client.isConnected())
        return;
    m_wait.wait<bool>([&](auto done) { m_client.quit([done] { done(true); }); });
}

} // namespace herald::smtp
