#pragma once
// SmtpSession: a synchronous face of SmtpClient for the outbox sender, which runs on an account's
// worker thread (or the CLI's main thread) and reads best as a straight sequence of steps. Each
// call runs a local event loop until the client's callback arrives. Never on the GUI thread.

#include "core/net/Credentials.h"
#include "core/net/SessionWait.h"
#include "core/smtp/SmtpClient.h"

namespace herald::smtp {

class SmtpSession
{
public:
    // Connects (TLS as the options say) and logs in (XOAUTH2 when the credentials carry an
    // access token; no AUTH when they carry no user). An error leaves the session closed.
    net::Error open(const net::ConnectOptions &options, const net::Credentials &credentials);
    // A cancelled send (stop flag) is TemporaryFailure before the final dot, MaybeSent after it.
    SendResult send(const Envelope &envelope, const QByteArray &message);
    // QUIT (politely) and close.
    void close();

    SmtpClient &client() { return m_client; }
    bool isOpen() const { return m_client.isConnected(); }
    // When *stop becomes true (another thread: the window closing, Ctrl-C), what the session
    // waits for is cancelled within 0.1 s (SessionWait).
    void setStopFlag(const std::atomic<bool> *stop) { m_wait.setStopFlag(stop); }
    bool stopRequested() const { return m_wait.stopRequested(); }

private:
    SmtpClient m_client;
    net::SessionWait m_wait{[this] { m_client.cancel(); }};
};

} // namespace herald::smtp
