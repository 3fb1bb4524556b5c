#include "core/pop3/Pop3Client.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcPop3, "herald.pop3", QtWarningMsg)

namespace herald::pop3 {

using net::Error;

namespace {
constexpr qsizetype kMaxStatusLine = 8192; // RFC 2449 allows 512; be generous, stay bounded
constexpr int kMaxInFlight = 64;

QString printable(const QByteArray &line)
{
    QByteArray shown = line.left(80);
    for (char &c : shown)
        if (uchar(c) < 0x20 || uchar(c) >= 0x7f)
            c = '?';
    return QString::fromLatin1(shown);
}
} // namespace

struct Pop3Client::Command
{
    QByteArray name;         // for messages: "RETR", "LIST", ...
    QByteArray line;         // without CRLF
    QByteArray continuation; // sent (with CRLF) when the server answers "+ " (SASL)
    bool multiLine = false;
    bool exclusive = false;      // runs alone on the wire
    bool internal = false;       // part of connecting: may run before the connection is ready
    bool credential = false;     // carries a secret: only over TLS
    bool authentication = false; // -ERR means the credentials were refused
    Error::Kind failKind = Error::Kind::CommandFailed;
    // Set while collecting the answer.
    bool gotStatus = false;
    QByteArray statusText;
    QByteArray data;
    bool atLineStart = true;
    std::function<void(const Error &, const QByteArray &text, QByteArray &data)> done;
};

Pop3Client::Pop3Client(QObject *parent) : LineClient(kMaxStatusLine, parent) {}

Pop3Client::~Pop3Client() = default;

QList<QByteArray> Pop3Client::saslMechanisms() const
{
    const QByteArray mechanisms = capabilityParameters("SASL");
    return mechanisms.isEmpty() ? QList<QByteArray>() : mechanisms.split(' ');
}

bool Pop3Client::isPipelining() const
{
    return m_pipeliningAllowed && hasCapability("PIPELINING");
}

void Pop3Client::connectToServer(const net::ConnectOptions &options, ResultCallback<Empty> done)
{
    if (refuseSecondConnect(done))
        return;
    m_capaTried = false;
    m_apopTimestamp.clear();
    m_state = State::Connecting;
    m_phase = Phase::Idle;
    openConnection(options, [done](const Error &e) { report(done, e); });
}

void Pop3Client::connectionEncrypted()
{
    m_capaTried = false; // CAPA again: what was learnt in plaintext is forgotten (RFC 2595 §4)
    continueConnect();
}

void Pop3Client::updateReadTimeout()
{
    armReadTimeout(m_phase == Phase::Greeting || !m_inFlight.empty() ||
                   (connecting() && m_phase != Phase::Idle));
}

void Pop3Client::handleGreeting(const QByteArray &line)
{
    if (statusKind(line) == StatusKind::Err) {
        failConnection(Error::make(Error::Kind::ServerBye,
                                   tr("The server refused the connection: %1")
                                       .arg(QString::fromUtf8(line.mid(4).trimmed()))));
        return;
    }
    if (statusKind(line) != StatusKind::Ok) {
        failConnection(Error::make(Error::Kind::Protocol,
                                   tr("%1 is not a POP3 server (it greeted with \"%2\").")
                                       .arg(options().host, printable(line))));
        return;
    }
    m_apopTimestamp = pop3::apopTimestamp(line);
    m_phase = Phase::Ready; // internal commands may run; others wait until connected
    continueConnect();
}

void Pop3Client::requestCapa()
{
    m_capaTried = true;
    auto cmd = std::make_unique<Command>();
    cmd->name = "CAPA";
    cmd->line = "CAPA";
    cmd->multiLine = true;
    cmd->exclusive = true;
    cmd->internal = true;
    cmd->done = [this](const Error &e, const QByteArray &, QByteArray &data) {
        if (e.kind == Error::Kind::CommandFailed)
            ; // an RFC 1939 server without CAPA: capabilities stay unknown
        else if (e)
            return; // the connection failed; finishConnect already reported it
        else
            setCapabilities(parseCapa(data));
        continueConnect();
    };
    enqueue(std::move(cmd), true);
}

void Pop3Client::continueConnect()
{
    if (!connecting())
        return;
    if (!m_capaTried) {
        requestCapa();
        return;
    }
    if (needsStartTls()) {
        if (capabilitiesKnown() && !hasCapability("STLS")) {
            failConnection(startTlsNotOffered("STLS"));
            return;
        }
        auto cmd = std::make_unique<Command>();
        cmd->name = "STLS";
        cmd->line = "STLS";
        cmd->exclusive = true;
        cmd->internal = true;
        cmd->done = [this](const Error &e, const QByteArray &text, QByteArray &) {
            if (e.kind == Error::Kind::CommandFailed)
                failConnection(startTlsRefused("STLS", QString::fromUtf8(text)));
            else if (!e)
                upgradeToTls("STLS");
        };
        enqueue(std::move(cmd), true);
        return;
    }
    finishConnect(Error());
}

void Pop3Client::finishConnect(const Error &error)
{
    if (!error.isError())
        m_state = State::Authorization;
    finishConnecting(error);
    updateReadTimeout();
    if (!error.isError())
        pump();
}

void Pop3Client::connectionFailed(const Error &error)
{
    if (m_state == State::Disconnected && !connecting() && m_queue.empty() && m_inFlight.empty())
        return;
    qCInfo(lcPop3) << "connection to" << options().host << "ended:" << error.message;
    auto queue = std::exchange(m_queue, {});
    auto inFlight = std::exchange(m_inFlight, {});
    reader().clear();
    m_state = State::Disconnected;
    m_phase = Phase::Idle;
    if (connecting())
        finishConnect(error);
    for (auto &c : inFlight)
        finish(std::move(c), error);
    for (auto &c : queue)
        finish(std::move(c), error);
    emit disconnected(error);
}

void Pop3Client::finish(std::unique_ptr<Command> command, const Error &error)
{
    if (command->done)
        command->done(error, command->statusText, command->data);
}

void Pop3Client::enqueue(std::unique_ptr<Command> command, bool front)
{
    if (m_state == State::Disconnected) {
        auto *raw = command.release();
        QTimer::singleShot(0, this, [this, raw] {
            finish(std::unique_ptr<Command>(raw),
                   Error::make(Error::Kind::NotConnected, tr("Not connected to the POP3 server.")));
        });
        return;
    }
    if (front)
        m_queue.push_front(std::move(command));
    else
        m_queue.push_back(std::move(command));
    pump();
}

void Pop3Client::pump()
{
    while (!m_queue.empty() && m_phase == Phase::Ready) {
        Command *next = m_queue.front().get();
        if (connecting() && !next->internal)
            break; // still connecting: only the connect steps run
        if (!m_inFlight.empty()) {
            const bool alone = next->exclusive || m_inFlight.back()->exclusive;
            if (alone || !isPipelining() || int(m_inFlight.size()) >= kMaxInFlight)
                break;
        }
        std::unique_ptr<Command> cmd = std::move(m_queue.front());
        m_queue.pop_front();
        if (cmd->credential && !isEncrypted()) {
            finish(std::move(cmd),
                   Error::make(Error::Kind::Tls,
                               tr("The connection to %1 is not encrypted; Herald will not send "
                                  "your password.")
                                   .arg(options().host)));
            continue;
        }
        send(cmd->line + "\r\n");
        m_inFlight.push_back(std::move(cmd));
    }
    updateReadTimeout();
}

void Pop3Client::bytesReceived(const QByteArray &bytes)
{
    if (m_state == State::Disconnected)
        return;
    reader().feed(bytes);
    processLines();
}

bool Pop3Client::readData(Command *cmd)
{
    bool tooLarge = false;
    if (reader().readRaw([&](const QByteArray &buffer, qsizetype &pos) {
            return readMultiLineData(buffer, pos, cmd->atLineStart, cmd->data, m_maxMessage,
                                     &tooLarge);
        }))
        return true;
    if (tooLarge)
        failConnection(Error::make(Error::Kind::Protocol,
                                   tr("The server sent a message larger than %1 MB; Herald "
                                      "stopped downloading it.")
                                       .arg(m_maxMessage / (1024 * 1024))));
    return false;
}

void Pop3Client::processLines()
{
    while (m_state != State::Disconnected) {
        Command *cmd = m_inFlight.empty() ? nullptr : m_inFlight.front().get();
        if (cmd && cmd->gotStatus) {
            if (!readData(cmd))
                break;
            std::unique_ptr<Command> owned = std::move(m_inFlight.front());
            m_inFlight.pop_front();
            finish(std::move(owned), Error());
            pump();
            continue;
        }
        const std::optional<QByteArray> line = reader().takeLine();
        if (!line) {
            if (reader().hasError())
                failConnection(Error::make(Error::Kind::Protocol,
                                           tr("%1 sent an answer Herald does not understand (%2)")
                                               .arg(options().host, reader().error().message)));
            break;
        }
        if (m_phase == Phase::Greeting) {
            handleGreeting(*line);
            continue;
        }
        if (!handleStatusLine(*line))
            break;
    }
}

bool Pop3Client::handleStatusLine(const QByteArray &line)
{
    if (m_inFlight.empty()) {
        failConnection(Error::make(
            Error::Kind::Protocol,
            tr("%1 sent an answer nobody asked for: \"%2\"").arg(options().host, printable(line))));
        return false;
    }
    Command *cmd = m_inFlight.front().get();
    const StatusKind kind = statusKind(line);
    const bool ok = kind == StatusKind::Ok;
    const bool err = kind == StatusKind::Err;
    if (!ok && !err && line.startsWith('+') && !cmd->continuation.isEmpty()) {
        send(cmd->continuation + "\r\n");
        cmd->continuation.clear();
        return true;
    }
    if (!ok && !err) {
        failConnection(
            Error::make(Error::Kind::Protocol,
                        tr("%1 sent an answer Herald does not understand to %2: "
                           "\"%3\"")
                            .arg(options().host, QString::fromLatin1(cmd->name), printable(line))));
        return false;
    }
    cmd->statusText = statusText(line, kind);
    if (ok && cmd->multiLine) {
        cmd->gotStatus = true;
        return true;
    }
    std::unique_ptr<Command> owned = std::move(m_inFlight.front());
    m_inFlight.pop_front();
    Error e;
    if (err) {
        const QString text = QString::fromUtf8(owned->statusText);
        if (owned->authentication)
            e = Error::make(
                Error::Kind::Authentication,
                tr("%1 refused the login: %2")
                    .arg(options().host, text.isEmpty() ? tr("no reason given") : text));
        else
            e = Error::make(owned->failKind,
                            tr("%1 refused %2: %3")
                                .arg(options().host, QString::fromLatin1(owned->name), text));
    }
    const bool quit = owned->name == "QUIT" && ok;
    finish(std::move(owned), e);
    if (quit) {
        closeConnection();
        m_state = State::Disconnected;
        m_phase = Phase::Idle;
        auto queue = std::move(m_queue);
        m_queue.clear();
        for (auto &c : queue)
            finish(std::move(c), Error::make(Error::Kind::NotConnected, tr("Logged out.")));
        emit disconnected(Error());
        return false;
    }
    pump();
    return true;
}

// ---------------------------------------------------------------- commands

namespace {
template <class T>
std::function<void(const Error &, const QByteArray &, QByteArray &)>
adapt(ResultCallback<T> done,
      std::function<std::optional<T>(QByteArray &, const QByteArray &)> parse, QString what)
{
    return [done = std::move(done), parse = std::move(parse),
            what = std::move(what)](const Error &e, const QByteArray &text, QByteArray &data) {
        Result<T> r;
        r.error = e;
        r.text = QString::fromUtf8(text);
        if (!e) {
            if (auto v = parse(data, text))
                r.value = std::move(*v);
            else
                r.error = Error::make(Error::Kind::Protocol,
                                      QCoreApplication::translate("herald::pop3",
                                                                  "The server's answer to %1 "
                                                                  "cannot be read.")
                                          .arg(what));
        }
        if (done)
            done(r);
    };
}

std::optional<Empty> noValue(QByteArray &, const QByteArray &)
{
    return Empty{};
}
} // namespace

void Pop3Client::login(const QByteArray &commandLine, const QByteArray &secondLine,
                       ResultCallback<Empty> done, const QString &what)
{
    if (!isEncrypted() && m_state == State::Authorization) {
        failLater(std::move(done),
                  Error::make(Error::Kind::Tls, tr("The connection to %1 is not encrypted; "
                                                   "Herald will not send your password.")
                                                    .arg(options().host)));
        return;
    }
    auto cmd = std::make_unique<Command>();
    cmd->name = commandLine.left(commandLine.indexOf(' ') < 0 ? commandLine.size()
                                                              : commandLine.indexOf(' '));
    cmd->line = commandLine;
    cmd->continuation = secondLine;
    cmd->exclusive = true;
    cmd->credential = true;
    cmd->authentication = true;
    cmd->done = adapt<Empty>(
        [this, done = std::move(done)](const Result<Empty> &r) {
            if (r.ok())
                m_state = State::Transaction;
            if (done)
                done(r);
        },
        noValue, what);
    enqueue(std::move(cmd));
}

void Pop3Client::loginUserPass(const QString &user, const QString &password,
                               ResultCallback<Empty> done)
{
    if (!isEncrypted() && m_state == State::Authorization) {
        login("USER", QByteArray(), std::move(done), QStringLiteral("USER")); // fails locally
        return;
    }
    auto cmd = std::make_unique<Command>();
    cmd->name = "USER";
    cmd->line = "USER " + user.toUtf8();
    cmd->exclusive = true;
    cmd->credential = true;
    cmd->authentication = true;
    cmd->done = [this, password, done = std::move(done)](const Error &e, const QByteArray &text,
                                                         QByteArray &) mutable {
        if (e) {
            Result<Empty> r;
            r.error = e;
            r.text = QString::fromUtf8(text);
            if (done)
                done(r);
            return;
        }
        auto pass = std::make_unique<Command>();
        pass->name = "PASS";
        pass->line = "PASS " + password.toUtf8();
        pass->exclusive = true;
        pass->credential = true;
        pass->authentication = true;
        pass->done = adapt<Empty>(
            [this, done = std::move(done)](const Result<Empty> &r) {
                if (r.ok())
                    m_state = State::Transaction;
                if (done)
                    done(r);
            },
            noValue, QStringLiteral("PASS"));
        enqueue(std::move(pass), true);
    };
    enqueue(std::move(cmd));
}

void Pop3Client::authenticatePlain(const QString &user, const QString &password,
                                   ResultCallback<Empty> done)
{
    const QByteArray response =
        (QByteArray(1, '\0') + user.toUtf8() + QByteArray(1, '\0') + password.toUtf8()).toBase64();
    login("AUTH PLAIN", response, std::move(done), QStringLiteral("AUTH PLAIN"));
}

void Pop3Client::apop(const QString &user, const QString &password, ResultCallback<Empty> done)
{
    if (m_apopTimestamp.isEmpty()) {
        failLater(std::move(done), Error::make(Error::Kind::Unsupported,
                                               tr("%1 does not offer APOP.").arg(options().host)));
        return;
    }
    const QByteArray digest =
        QCryptographicHash::hash(m_apopTimestamp + password.toUtf8(), QCryptographicHash::Md5)
            .toHex();
    login("APOP " + user.toUtf8() + ' ' + digest, QByteArray(), std::move(done),
          QStringLiteral("APOP"));
}

void Pop3Client::stat(ResultCallback<MailboxStat> done)
{
    auto cmd = std::make_unique<Command>();
    cmd->name = cmd->line = "STAT";
    cmd->done = adapt<MailboxStat>(
        std::move(done), [](QByteArray &, const QByteArray &text) { return parseStat(text); },
        QStringLiteral("STAT"));
    enqueue(std::move(cmd));
}

void Pop3Client::list(ResultCallback<QList<ListEntry>> done)
{
    auto cmd = std::make_unique<Command>();
    cmd->name = cmd->line = "LIST";
    cmd->multiLine = true;
    cmd->done = adapt<QList<ListEntry>>(
        std::move(done), [](QByteArray &data, const QByteArray &) { return parseList(data); },
        QStringLiteral("LIST"));
    enqueue(std::move(cmd));
}

void Pop3Client::uidl(ResultCallback<QList<UidlEntry>> done)
{
    auto cmd = std::make_unique<Command>();
    cmd->name = cmd->line = "UIDL";
    cmd->multiLine = true;
    cmd->done = adapt<QList<UidlEntry>>(
        std::move(done), [](QByteArray &data, const QByteArray &) { return parseUidl(data); },
        QStringLiteral("UIDL"));
    enqueue(std::move(cmd));
}

void Pop3Client::retr(int number, ResultCallback<QByteArray> done)
{
    auto cmd = std::make_unique<Command>();
    cmd->name = "RETR";
    cmd->line = "RETR " + QByteArray::number(number);
    cmd->multiLine = true;
    cmd->done = adapt<QByteArray>(
        std::move(done),
        [](QByteArray &data, const QByteArray &) -> std::optional<QByteArray> {
            return std::move(data);
        },
        QStringLiteral("RETR"));
    enqueue(std::move(cmd));
}

void Pop3Client::top(int number, int lines, ResultCallback<QByteArray> done)
{
    auto cmd = std::make_unique<Command>();
    cmd->name = "TOP";
    cmd->line = "TOP " + QByteArray::number(number) + ' ' + QByteArray::number(lines);
    cmd->multiLine = true;
    cmd->done = adapt<QByteArray>(
        std::move(done),
        [](QByteArray &data, const QByteArray &) -> std::optional<QByteArray> {
            return std::move(data);
        },
        QStringLiteral("TOP"));
    enqueue(std::move(cmd));
}

void Pop3Client::dele(int number, ResultCallback<Empty> done)
{
    auto cmd = std::make_unique<Command>();
    cmd->name = "DELE";
    cmd->line = "DELE " + QByteArray::number(number);
    cmd->done = adapt<Empty>(std::move(done), noValue, QStringLiteral("DELE"));
    enqueue(std::move(cmd));
}

void Pop3Client::rset(ResultCallback<Empty> done)
{
    auto cmd = std::make_unique<Command>();
    cmd->name = cmd->line = "RSET";
    cmd->done = adapt<Empty>(std::move(done), noValue, QStringLiteral("RSET"));
    enqueue(std::move(cmd));
}

void Pop3Client::noop(ResultCallback<Empty> done)
{
    auto cmd = std::make_unique<Command>();
    cmd->name = cmd->line = "NOOP";
    cmd->done = adapt<Empty>(std::move(done), noValue, QStringLiteral("NOOP"));
    enqueue(std::move(cmd));
}

void Pop3Client::quit(ResultCallback<Empty> done)
{
    auto cmd = std::make_unique<Command>();
    cmd->name = cmd->line = "QUIT";
    cmd->exclusive = true;
    cmd->done = adapt<Empty>(std::move(done), noValue, QStringLiteral("QUIT"));
    enqueue(std::move(cmd));
}

} // namespace herald::pop3
