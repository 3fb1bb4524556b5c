#include "core/smtp/SmtpSession.h"

#include <QEventLoop>
#include <optional>

namespace herald::smtp {

namespace {
// `cancelled`: what to report when the thread's event loop was told to quit (QThread::quit()
// when a window closes ends every nested loop of the thread) and the client's callback did not
// come even after cancel(). The cancel runs while `loop` and `out` still exist, so a late
// callback never touches dead locals.
template <class T, class Issue> T waitFor(SmtpClient &client, Issue issue, T cancelled)
{
    std::optional<T> out;
    QEventLoop loop;
    issue([&](const T &r) {
        out = r;
        loop.quit();
    });
    if (!out)
        loop.exec();
    if (!out)
        client.cancel();
    return out ? *out : cancelled;
}

net::Error cancelledError()
{
    return net::Error::make(net::Error::Kind::Cancelled, QStringLiteral("cancelled"));
}
} // namespace

net::Error SmtpSession::open(const net::ConnectOptions &options, const Credentials &credentials)
{
    net::Error e = waitFor<net::Error>(
        m_client, [&](auto done) { m_client.connectToServer(options, done); }, cancelledError());
    if (e)
        return e;
    if (credentials.user.isEmpty())
        return net::Error();
    e = waitFor<net::Error>(
        m_client,
        [&](auto done) {
            if (!credentials.accessToken.isEmpty())
                m_client.authenticateXOAuth2(credentials.user, credentials.accessToken, done);
            else
                m_client.authenticate(credentials.user, credentials.password, done);
        },
        cancelledError());
    if (e)
        m_client.cancel();
    return e;
}

SendResult SmtpSession::send(const Envelope &envelope, const QByteArray &message)
{
    // Without an answer the message may have gone: never report it unsent.
    SendResult unknown;
    unknown.status = SendResult::Status::MaybeSent;
    unknown.error = cancelledError();
    return waitFor<SendResult>(
        m_client, [&](auto done) { m_client.sendMessage(envelope, message, done); }, unknown);
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
    if (!finished)
        m_client.cancel(); // the loop was ended from outside (see waitFor)
}

} // namespace herald::smtp
