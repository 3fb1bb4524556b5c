#pragma once
// LineClient: the connection under Herald's three protocol clients (ImapClient, Pop3Client,
// SmtpClient), written once. A client derives from it and speaks its protocol; LineClient owns:
//  - connecting over SecureSocket (implicit TLS, or plain TCP until the protocol's STARTTLS);
//  - the upgrade: the protocol asks in its own words (STARTTLS, STLS) and calls upgradeToTls()
//    when the server said yes. Bytes the server sent after its yes are refused before the
//    handshake (RFC 3207 §4, CVE-2011-0411: they could be injected plaintext);
//    startTlsUnavailable() is the one error for a server that does not offer or refuses it;
//  - capabilities (IMAP CAPABILITY atoms, POP3 CAPA lines, SMTP EHLO keywords with their
//    parameters), forgotten when TLS starts (RFC 3501 §6.2.1, RFC 2595 §4, RFC 3207 §4.2);
//  - the idle read timeout while the protocol waits for an answer;
//  - failure and teardown: socket errors, cancel() and the protocol's own failConnection()
//    reach the protocol once, through connectionFailed();
//  - reading: lines through net::LineReader (lineReceived()); IMAP, with its own streaming
//    parser, takes the raw bytes instead (bytesReceived()).
// Runs on the thread that owns it.

#include "core/net/LineReader.h"
#include "core/net/SecureSocket.h"

#include <QObject>
#include <QTimer>
#include <functional>

namespace herald::net {

class LineClient : public QObject
{
    Q_OBJECT
public:
    ~LineClient() override;

    // Aborts the connection: everything pending fails with Error::Kind::Cancelled.
    void cancel();

    bool isConnected() const { return m_socket.isOpen(); }
    bool isEncrypted() const { return m_socket.isEncrypted(); }
    QSslCertificate peerCertificate() const { return m_socket.peerCertificate(); }
    const ConnectOptions &options() const { return m_options; }
    void setReadTimeout(int ms) { m_socket.setReadTimeout(ms); }

    // What the server offers on this connection, upper-case keyword first ("UIDPLUS",
    // "SASL PLAIN LOGIN", "SIZE 10240000"); empty and not known again once TLS starts.
    QList<QByteArray> capabilities() const { return m_capabilities; }
    bool capabilitiesKnown() const { return m_capabilitiesKnown; }
    // The keyword alone or with parameters.
    bool hasCapability(const QByteArray &keyword) const;
    // The parameters after the keyword ("10240000" for "SIZE 10240000"); empty when none.
    QByteArray capabilityParameters(const QByteArray &keyword) const;

protected:
    explicit LineClient(qsizetype maxLineLength, QObject *parent = nullptr);

    using ConnectDone = std::function<void(const Error &)>;
    // Starts connecting; connectionReady() follows (or connectionFailed()). `done` waits for
    // the protocol's finishConnecting() (greeting, STARTTLS, capabilities: the protocol's
    // business).
    void openConnection(const ConnectOptions &options, ConnectDone done);
    // Connecting has started and finishConnecting() has not been called yet.
    bool connecting() const { return bool(m_connectDone); }
    // Gives the connect's `done` its outcome (once; later calls do nothing).
    void finishConnecting(const Error &error);
    void send(const QByteArray &bytes) { m_socket.write(bytes); }
    // Arms the idle read timeout (the protocol waits for an answer) or disarms it.
    void armReadTimeout(bool armed) { m_socket.setReadTimeoutArmed(armed); }
    // Graceful close after the protocol's goodbye; no connectionFailed().
    void closeConnection() { m_socket.close(); }
    // Ends the connection with `error`; connectionFailed(error) follows at once.
    void failConnection(const Error &error);
    void failConnection(Error::Kind kind, const QString &message);

    // Security::StartTls and not upgraded yet: the protocol must upgrade before anything else.
    bool needsStartTls() const;
    // The server said yes to `command` (STARTTLS, STLS): refuses bytes that came after the yes,
    // else starts the handshake; connectionEncrypted() follows.
    void upgradeToTls(const QByteArray &command);
    // The errors for a server that does not offer `command`, or answered it with `reply`.
    Error startTlsNotOffered(const QByteArray &command) const;
    Error startTlsRefused(const QByteArray &command, const QString &reply) const;

    void setCapabilities(const QList<QByteArray> &capabilities);
    QString where() const; // "host:port", for messages
    LineReader &reader() { return m_reader; }
    const SecureSocket &socket() const { return m_socket; }

    // A result with `error` set, given to `done` from the event loop (never inside the call that
    // failed).
    template <class R> void failLater(std::function<void(const R &)> done, const Error &error)
    {
        QTimer::singleShot(0, this, [done = std::move(done), error] { report(done, error); });
    }
    // A second connect while a connection is live: `done` gets Protocol "Already connected."
    // later and the live connection stays; false when connecting may go ahead.
    template <class R> bool refuseSecondConnect(std::function<void(const R &)> &done)
    {
        if (!isConnected())
            return false;
        failLater(std::move(done), Error::make(Error::Kind::Protocol, tr("Already connected.")));
        return true;
    }
    // Gives `done` (when set) a result with `error` set (none: success).
    template <class R>
    static void report(const std::function<void(const R &)> &done, const Error &error)
    {
        R r;
        r.error = error;
        if (done)
            done(r);
    }

    // Bytes may be exchanged: the greeting comes next (the read timeout is armed for it).
    virtual void connectionReady() = 0;
    // The STARTTLS handshake finished (capabilities are already forgotten).
    virtual void connectionEncrypted() = 0;
    // The connection ended (socket error, timeout, cancel(), failConnection()).
    virtual void connectionFailed(const Error &error) = 0;
    // Received bytes; by default split into lines for lineReceived().
    virtual void bytesReceived(const QByteArray &bytes);
    virtual void lineReceived(const QByteArray &) {}
    // Bytes received and not consumed yet (the STARTTLS injection check).
    virtual bool hasUnreadBytes() const { return m_reader.buffered() > 0; }

private:
    SecureSocket m_socket;
    LineReader m_reader;
    ConnectOptions m_options;
    ConnectDone m_connectDone;
    QList<QByteArray> m_capabilities;
    bool m_capabilitiesKnown = false;
};

} // namespace herald::net
