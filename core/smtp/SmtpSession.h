#pragma once
// SmtpSession: a synchronous face of SmtpClient for the outbox sender, which runs on an account's
// worker thread (or the CLI's main thread) and reads best as a straight sequence of steps. Each
// call runs a local event loop until the client's callback arrives. Never on the GUI thread.

#include "core/smtp/SmtpClient.h"

namespace herald::smtp {

struct Credentials
{
    QString user; // empty: no AUTH (e.g. a relay that trusts the network)
    QString password;
    QString accessToken; // XOAUTH2 instead of the password when set
};

class SmtpSession
{
public:
    // Connects (TLS as the options say) and logs in. An error leaves the session closed.
    net::Error open(const net::ConnectOptions &options, const Credentials &credentials);
    SendResult send(const Envelope &envelope, const QByteArray &message);
    // QUIT (politely) and close.
    void close();

    SmtpClient &client() { return m_client; }
    bool isOpen() const { return m_client.isConnected(); }

private:
    SmtpClient m_client;
};

} // namespace herald::smtp
