#pragma once
// Pop3Client: Herald's asynchronous POP3 client (RFC 1939, CAPA/PIPELINING of RFC 2449,
// STLS of RFC 2595, AUTH PLAIN of RFC 5034, APOP).
//
// Runs on the thread that owns it; every result arrives through the callback given to the
// command. Commands are queued; with PIPELINING advertised several are on the wire at once
// (answers are matched in order), otherwise one at a time. STLS and the login commands always run
// alone.
//
// Security: there is no plaintext mode. With Security::StartTls the client upgrades with STLS
// before anything else and ends the connection - before any credential could be sent - when the
// server does not offer or refuses it. USER/PASS, AUTH and APOP are refused locally on a
// connection that is not encrypted.
//
// Answers: a line that starts with neither "+OK" nor "-ERR" ends the connection with one
// Error::Kind::Protocol error (every pending command fails with it). Multi-line answers are
// dot-unstuffed; a message larger than maxMessageBytes() ends the connection (bounded memory).

#include "core/net/LineClient.h"
#include "core/pop3/Pop3Replies.h"

#include <QObject>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace herald::pop3 {

// Outcome of one command: error (None on +OK) and the status line's text.
struct CommandResult
{
    net::Error error;
    QString text;
    bool ok() const { return !error.isError(); }
};

template <class T> struct Result : CommandResult
{
    T value{};
};

struct Empty
{
};

template <class T> using ResultCallback = std::function<void(const Result<T> &)>;

class Pop3Client : public net::LineClient
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Authorization, Transaction };

    explicit Pop3Client(QObject *parent = nullptr);
    ~Pop3Client() override;

    // Connects, reads the greeting, learns CAPA, upgrades with STLS when asked (and learns CAPA
    // again). done() gets an error (UntrustedCertificate, StartTlsUnavailable, ...) or OK.
    void connectToServer(const net::ConnectOptions &options, ResultCallback<Empty> done);

    State state() const { return m_state; }
    // Capabilities (LineClient): "UIDL", "PIPELINING", "TOP", "USER", "STLS"; for SASL use
    // saslMechanisms().
    QList<QByteArray> saslMechanisms() const;
    // The <...> timestamp of the greeting (APOP is possible), empty when none.
    QByteArray apopTimestamp() const { return m_apopTimestamp; }
    void setMaxMessageBytes(qint64 bytes) { m_maxMessage = bytes; }
    qint64 maxMessageBytes() const { return m_maxMessage; }
    void setPipelining(bool allowed) { m_pipeliningAllowed = allowed; }
    bool isPipelining() const;
    int commandsPending() const { return int(m_queue.size() + m_inFlight.size()); }

    // Logins. Each refuses locally (Error::Kind::Tls) on an unencrypted connection.
    void loginUserPass(const QString &user, const QString &password, ResultCallback<Empty> done);
    void authenticatePlain(const QString &user, const QString &password,
                           ResultCallback<Empty> done);
    void apop(const QString &user, const QString &password, ResultCallback<Empty> done);

    void stat(ResultCallback<MailboxStat> done);
    void list(ResultCallback<QList<ListEntry>> done);
    void uidl(ResultCallback<QList<UidlEntry>> done);
    // The whole message, CRLF line ends, dot-unstuffed.
    void retr(int number, ResultCallback<QByteArray> done);
    // Headers, the empty line and the first `lines` lines of the body.
    void top(int number, int lines, ResultCallback<QByteArray> done);
    void dele(int number, ResultCallback<Empty> done);
    void rset(ResultCallback<Empty> done);
    void noop(ResultCallback<Empty> done);
    // Ends the session: the server applies DELE only now (UPDATE state).
    void quit(ResultCallback<Empty> done);

signals:
    // The connection ended: kind None after QUIT, else the reason.
    void disconnected(const herald::net::Error &reason);

private:
    struct Command;
    enum class Phase { Idle, Greeting, Ready };

    void enqueue(std::unique_ptr<Command> command, bool front = false);
    void pump();
    void connectionReady() override { m_phase = Phase::Greeting; }
    void connectionEncrypted() override;
    void bytesReceived(const QByteArray &bytes) override;
    void connectionFailed(const net::Error &error) override;
    void processLines();
    bool readData(Command *command); // true when the data ended
    bool handleStatusLine(const QByteArray &line);
    void handleGreeting(const QByteArray &line);
    void finish(std::unique_ptr<Command> command, const net::Error &error);
    void continueConnect();
    void finishConnect(const net::Error &error);
    void requestCapa();
    void login(const QByteArray &commandLine, const QByteArray &secondLine,
               ResultCallback<Empty> done, const QString &what);
    void updateReadTimeout();

    State m_state = State::Disconnected;
    Phase m_phase = Phase::Idle;
    bool m_capaTried = false;
    bool m_pipeliningAllowed = true;
    QByteArray m_apopTimestamp;
    qint64 m_maxMessage = 256 * 1024 * 1024;
    std::deque<std::unique_ptr<Command>> m_queue;    // not yet sent
    std::deque<std::unique_ptr<Command>> m_inFlight; // sent, awaiting the answer
};

} // namespace herald::pop3
