#pragma once
// SmtpClient: Herald's asynchronous SMTP submission client (RFC 5321, 6409) on net::SecureSocket.
//
// Security: no plaintext mode. With Security::StartTls the client upgrades right after EHLO and
// drops the connection — before any credential or message byte is sent — when the server does
// not offer STARTTLS, refuses it, or sends anything after its "220" before the handshake
// (RFC 3207 §4: such bytes could have been injected). AUTH is refused locally on a connection
// that is not encrypted.
//
// Transactions: MAIL FROM and the RCPT TOs are pipelined when the server offers PIPELINING
// (RFC 2920); DATA goes alone, and only when every recipient was accepted, so a message is
// delivered to all of its recipients or to none (a rejected recipient never leaves the others
// with a partial delivery the user did not decide on). Each command sent expects exactly one
// reply, matched in order; a reply nobody waits for, a malformed reply, or a 421 drops the
// connection. After any failed transaction the client sends RSET and waits for its 250 (or drops
// the connection), so a stale reply can never be read as the success of the next message.
// A connection lost (or timed out) after the final dot and before its reply gives
// Status::MaybeSent: the caller must not resend silently.
//
// Extensions: SIZE (checked before MAIL FROM, declared in it), 8BITMIME (BODY=8BITMIME when the
// bytes are 8-bit), SMTPUTF8 (only when an envelope address is not ASCII), DSN (RET/ENVID/NOTIFY/
// ORCPT when asked and offered), ENHANCEDSTATUSCODES (parsed from every reply), AUTH PLAIN,
// LOGIN, XOAUTH2. Runs on the thread that owns it; results arrive through the callbacks.

#include "core/net/LineClient.h"
#include "core/smtp/SmtpReply.h"

#include <QHash>
#include <QObject>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace herald::smtp {

struct Envelope
{
    QString from; // reverse-path; empty for the null sender "<>"
    QStringList recipients;
    bool requestDsn = false; // ask for delivery status notifications (when offered)
    QString dsnNotify = QStringLiteral("FAILURE,DELAY");
    QString envelopeId; // ENVID, e.g. the Message-ID
};

struct RecipientResult
{
    enum class State { NotTried, Accepted, Rejected };
    QString address;
    State state = State::NotTried;
    SmtpReply reply;
};

struct SendResult
{
    enum class Status {
        Sent,             // the server took responsibility (250 after the final dot)
        TemporaryFailure, // 4xx or a network error before the final dot: retry later
        PermanentFailure, // 5xx or a local refusal (too big, bad address): needs the user
        MaybeSent,        // the connection ended after the final dot, before the reply
    };
    Status status = Status::TemporaryFailure;
    SmtpReply reply;  // the reply that decided (final 250, or the failing one); code 0 if none
    net::Error error; // set when a network or local error decided
    std::vector<RecipientResult> recipients;

    bool sent() const { return status == Status::Sent; }
    // One sentence for the user: the server's own words, and every recipient's outcome.
    QString describe() const;
};

QString statusName(SendResult::Status status);

class SmtpClient : public net::LineClient
{
    Q_OBJECT
public:
    using DoneCallback = std::function<void(const net::Error &)>;
    using SendCallback = std::function<void(const SendResult &)>;

    explicit SmtpClient(QObject *parent = nullptr);
    ~SmtpClient() override;

    // Connects, reads the greeting, EHLO (HELO when EHLO is not understood), STARTTLS when
    // asked, EHLO again. done() gets an error (StartTlsUnavailable, UntrustedCertificate, ...)
    // or none when the client is ready.
    void connectToServer(const net::ConnectOptions &options, DoneCallback done);
    // AUTH PLAIN if offered, else AUTH LOGIN. Only over TLS.
    void authenticate(const QString &user, const QString &password, DoneCallback done);
    // AUTH XOAUTH2 (RFC-less Google/Microsoft mechanism; token instead of a password).
    void authenticateXOAuth2(const QString &user, const QString &accessToken, DoneCallback done);
    // One mail transaction. `message` is the RFC 5322 bytes; line ends are normalised to CRLF
    // and lines starting with "." are dot-stuffed on the wire.
    void sendMessage(const Envelope &envelope, const QByteArray &message, SendCallback done);
    // QUIT and close; done() when the connection is closed.
    void quit(std::function<void()> done);

    bool isReady() const { return m_ready && !m_busy; }
    // The EHLO keywords (LineClient's capabilities).
    bool hasExtension(const QByteArray &keyword) const { return hasCapability(keyword); }
    QByteArray extensionParameters(const QByteArray &keyword) const
    {
        return capabilityParameters(keyword);
    }
    qint64 maximumSize() const; // SIZE limit, 0 when none declared
    QString greeting() const { return m_greeting; }

    // Name sent with EHLO; default: the local FQDN, else the local address literal.
    void setHeloName(const QString &name) { m_heloName = name; }
    QString heloName() const;
    // Waiting for the reply to the final dot (RFC 5321 §4.5.3.2.6 suggests 10 minutes).
    void setFinalReplyTimeout(int ms) { m_finalTimeoutMs = ms; }

signals:
    // The connection ended (error kind None after QUIT).
    void disconnected(const herald::net::Error &reason);

private:
    using ReplyHandler = std::function<void(const SmtpReply &)>;
    struct Transaction;

    void command(const QByteArray &line, ReplyHandler handler, const QByteArray &logLine = {});
    void expect(ReplyHandler handler);
    void connectionReady() override;
    void connectionEncrypted() override;
    void connectionFailed(const net::Error &error) override;
    void lineReceived(const QByteArray &line) override;
    bool hasUnreadBytes() const override;
    void dispatch(const SmtpReply &reply);
    void ehlo(std::function<void()> next);
    void afterEhlo();
    void finishConnect();
    void authStep(const QByteArray &mechanism, const QByteArray &initial,
                  std::function<QByteArray(const SmtpReply &, int)> respond, DoneCallback done);
    void transactionRecipients(const std::shared_ptr<Transaction> &t);
    void transactionDecide(const std::shared_ptr<Transaction> &t);
    void transactionData(const std::shared_ptr<Transaction> &t);
    void finishTransaction(const std::shared_ptr<Transaction> &t, SendResult::Status status,
                           const SmtpReply &reply, const net::Error &error, bool reset);
    net::Error replyError(net::Error::Kind kind, const QString &what, const SmtpReply &reply) const;

    SmtpReplyParser m_parser;
    std::deque<ReplyHandler> m_expected; // one per command sent, in order
    // What the current operation makes of a lost connection (each operation sets its own).
    std::function<void(const net::Error &)> m_onFailure;
    std::shared_ptr<ReplyHandler> m_authHandler; // the running AUTH exchange's reply handler
    QString m_greeting;
    QString m_heloName;
    QString m_authUser; // for error messages
    int m_finalTimeoutMs = 10 * 60 * 1000;
    bool m_ready = false;
    bool m_busy = false;
};

} // namespace herald::smtp
