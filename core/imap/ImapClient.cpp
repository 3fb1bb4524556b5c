#include "core/imap/ImapClient.h"

#include "core/imap/AuthCommands.h"
#include "core/imap/MailboxCommands.h"
#include "core/imap/MessageCommands.h"

#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcImap, "herald.imap", QtWarningMsg)

namespace herald::imap {

using net::Error;

ImapClient::ImapClient(QObject *parent) : LineClient(64 * 1024, parent) {}

ImapClient::~ImapClient() = default;

void ImapClient::connectToServer(const net::ConnectOptions &options, ResultCallback<Empty> done)
{
    if (refuseSecondConnect(done))
        return;
    m_parser.reset();
    m_enabled.clear();
    m_preauth = false;
    m_byeText.clear();
    m_selected.clear();
    m_state = State::Connecting;
    m_phase = Phase::Idle;
    openConnection(options, [done](const Error &e) { report(done, e); });
}

void ImapClient::connectionEncrypted()
{
    // The capabilities learnt in plaintext are forgotten (RFC 3501 §6.2.1): ask again.
    m_phase = Phase::StartTls;
    continueConnect();
}

void ImapClient::handleGreeting(const Response &r)
{
    if (!r.isUntagged() || r.status == Response::Status::None || r.status == Response::Status::No ||
        r.status == Response::Status::Bad) {
        failConnection(Error::make(Error::Kind::Protocol, tr("The server sent no IMAP greeting.")));
        return;
    }
    if (r.status == Response::Status::Bye) {
        failConnection(Error::make(Error::Kind::ServerBye,
                                   tr("The server refused the connection: %1").arg(r.text)));
        return;
    }
    if (r.status == Response::Status::PreAuth) {
        if (options().security == net::Security::StartTls) {
            failConnection(Error::make(
                Error::Kind::StartTlsUnavailable,
                tr("The server pre-authenticated the connection, so it cannot be secured with "
                   "STARTTLS.")));
            return;
        }
        m_preauth = true;
    }
    if (r.code.name == "CAPABILITY")
        learnCapabilities(r.code.capabilities);
    m_phase = Phase::StartTls;
    continueConnect();
}

void ImapClient::continueConnect()
{
    if (!capabilitiesKnown()) {
        auto cmd = std::make_unique<CapabilityCommand>([this](const Result<QList<QByteArray>> &r) {
            if (!r.ok()) {
                failConnection(r.error);
                return;
            }
            if (!capabilitiesKnown())
                learnCapabilities(r.value);
            continueConnect();
        });
        m_internal.insert(cmd.get());
        enqueue(std::move(cmd), true);
        return;
    }
    if (needsStartTls()) {
        if (!hasCapability("STARTTLS")) {
            failConnection(startTlsNotOffered("STARTTLS"));
            return;
        }
        auto cmd = std::make_unique<SimpleCommand>(
            "STARTTLS", QList<CommandPart>{CommandPart{"STARTTLS", false}},
            [this](const Result<Empty> &r) {
                if (!r.ok()) {
                    failConnection(startTlsRefused("STARTTLS", r.text));
                    return;
                }
                m_phase = Phase::Handshake;
                upgradeToTls("STARTTLS");
            },
            true);
        m_internal.insert(cmd.get());
        enqueue(std::move(cmd), true);
        return;
    }
    finishConnect(Error());
}

void ImapClient::finishConnect(const Error &error)
{
    if (!error.isError()) {
        m_phase = Phase::Ready;
        m_state = m_preauth ? State::Authenticated : State::NotAuthenticated;
    }
    finishConnecting(error);
    if (!error.isError())
        pump();
}

void ImapClient::connectionFailed(const Error &error)
{
    if (m_state == State::Disconnected && !connecting() && m_queue.empty() && m_inFlight.empty())
        return;
    Error e = error;
    if (!m_byeText.isNull() && e.kind == Error::Kind::ConnectionLost)
        e = Error::make(Error::Kind::ServerBye,
                        tr("The server closed the connection: %1").arg(m_byeText));
    qCInfo(lcImap) << "connection to" << options().host << "ended:" << e.message;
    auto queue = std::exchange(m_queue, {});
    auto inFlight = std::exchange(m_inFlight, {});
    m_internal.clear();
    m_writer = nullptr;
    m_parser.reset();
    m_state = State::Disconnected;
    m_phase = Phase::Idle;
    m_selected.clear();
    if (connecting())
        finishConnect(e);
    for (auto &c : inFlight)
        c->fail(e);
    for (auto &c : queue)
        c->fail(e);
    emit disconnected(e);
}

void ImapClient::learnCapabilities(const QList<QByteArray> &caps)
{
    QList<QByteArray> upper;
    for (const QByteArray &c : caps)
        upper << c.toUpper();
    setCapabilities(upper);
    emit capabilitiesChanged();
}

template <class T> QByteArray ImapClient::failLater(ResultCallback<T> done, const Error &error)
{
    LineClient::failLater(std::move(done), error);
    return QByteArray();
}

QByteArray ImapClient::enqueue(std::unique_ptr<ImapCommand> command, bool front)
{
    if (m_state == State::Disconnected) {
        auto *raw = command.release();
        QTimer::singleShot(0, this, [raw] {
            std::unique_ptr<ImapCommand> owned(raw);
            owned->fail(
                Error::make(Error::Kind::NotConnected, tr("Not connected to the IMAP server.")));
        });
        return QByteArray();
    }
    command->tag = "h" + QByteArray::number(++m_tagCounter);
    const QByteArray tag = command->tag;
    if (front)
        m_queue.push_front(std::move(command));
    else
        m_queue.push_back(std::move(command));
    pump();
    return tag;
}

IdleCommand *ImapClient::activeIdle() const
{
    for (const auto &c : m_inFlight)
        if (auto *idle = dynamic_cast<IdleCommand *>(c.get()))
            return idle;
    return nullptr;
}

bool ImapClient::isIdling() const
{
    const IdleCommand *idle = activeIdle();
    return idle && idle->isIdling() && !idle->doneSent;
}

void ImapClient::pump()
{
    while (!m_queue.empty() && isConnected() && !m_writer) {
        ImapCommand *front = m_queue.front().get();
        const bool internal = m_internal.contains(front);
        if (m_phase == Phase::Handshake || m_phase == Phase::Greeting || m_phase == Phase::Idle)
            break;
        if (m_phase != Phase::Ready && !internal)
            break;
        if (IdleCommand *idle = activeIdle()) {
            if (idle->isIdling() && !idle->doneSent) {
                idle->doneSent = true;
                send("DONE\r\n");
            }
            break;
        }
        bool blocked = false;
        for (const auto &c : m_inFlight)
            blocked = blocked || c->exclusive();
        if (blocked || (front->exclusive() && !m_inFlight.empty()))
            break;
        if (front->sensitive() && !isEncrypted()) {
            std::unique_ptr<ImapCommand> cmd = std::move(m_queue.front());
            m_queue.pop_front();
            cmd->fail(
                Error::make(Error::Kind::StartTlsUnavailable,
                            tr("Refusing to send credentials over an unencrypted connection.")));
            continue;
        }
        m_inFlight.push_back(std::move(m_queue.front()));
        m_queue.pop_front();
        front->prepare(capabilities());
        writeCommand(front, 0);
    }
    updateReadTimeout();
}

void ImapClient::writeCommand(ImapCommand *command, int fromPart)
{
    const QList<CommandPart> parts = command->parts();
    if (fromPart == 0) {
        send(command->tag + ' ');
        if (command->sensitive())
            qCDebug(lcImap) << "C:" << command->tag << command->name() << "<credentials hidden>";
        else
            qCDebug(lcImap) << "C:" << command->tag << parts.value(0).bytes.left(200);
    }
    for (int i = fromPart; i < parts.size(); ++i) {
        const CommandPart &p = parts[i];
        if (!p.literal) {
            send(p.bytes);
            continue;
        }
        const qsizetype n = p.bytes.size();
        const bool nonSync = hasCapability("LITERAL+") || (hasCapability("LITERAL-") && n <= 4096);
        if (nonSync) {
            send("{" + QByteArray::number(n) + "+}\r\n");
            send(p.bytes);
            continue;
        }
        send("{" + QByteArray::number(n) + "}\r\n");
        m_writer = command;
        m_writerNextPart = i;
        return;
    }
    send("\r\n");
    m_writer = nullptr;
}

void ImapClient::updateReadTimeout()
{
    bool waiting = m_phase == Phase::Greeting || m_phase == Phase::StartTls || !m_inFlight.empty();
    if (const IdleCommand *idle = activeIdle())
        if (idle->isIdling() && !idle->doneSent && m_inFlight.size() == 1)
            waiting = false;
    armReadTimeout(waiting && isConnected());
}

void ImapClient::bytesReceived(const QByteArray &bytes)
{
    m_parser.feed(bytes);
    while (isConnected()) {
        std::optional<Response> r = m_parser.next();
        if (!r)
            break;
        handleResponse(*r);
        if (m_phase == Phase::Handshake)
            return; // the rest of the bytes belong to TLS
    }
    if (m_parser.hasError())
        failConnection(m_parser.error());
}

void ImapClient::handleResponse(const Response &r)
{
    if (m_phase == Phase::Greeting) {
        handleGreeting(r);
        return;
    }
    if (r.isContinuation()) {
        if (m_writer) {
            ImapCommand *cmd = m_writer;
            const QList<CommandPart> parts = cmd->parts();
            send(parts[m_writerNextPart].bytes);
            m_writer = nullptr;
            writeCommand(cmd, m_writerNextPart + 1);
        } else if (!m_inFlight.empty()) {
            if (auto reply = m_inFlight.back()->handleContinuation(r))
                send(*reply + "\r\n");
        } else {
            qCWarning(lcImap) << "unexpected continuation request from" << options().host;
        }
        pump();
        return;
    }
    if (r.isTagged()) {
        auto it = std::find_if(m_inFlight.begin(), m_inFlight.end(),
                               [&](const auto &c) { return c->tag == r.tag; });
        if (it == m_inFlight.end()) {
            failConnection(Error::make(Error::Kind::Protocol,
                                       tr("The server answered a command that was never sent (%1).")
                                           .arg(QString::fromLatin1(r.tag.left(40)))));
            return;
        }
        std::unique_ptr<ImapCommand> cmd = std::move(*it);
        m_inFlight.erase(it);
        m_internal.remove(cmd.get());
        if (m_writer == cmd.get())
            m_writer = nullptr;
        if (r.code.name == "CAPABILITY")
            learnCapabilities(r.code.capabilities);
        qCDebug(lcImap) << "S:" << r.tag << r.text.left(200);
        cmd->complete(r);
        pump();
        return;
    }
    handleUntagged(r);
}

void ImapClient::handleUntagged(const Response &r)
{
    if (r.status != Response::Status::None) {
        if (r.status == Response::Status::Bye)
            m_byeText = r.text.isNull() ? QStringLiteral("") : r.text;
        if (r.code.name == "CAPABILITY")
            learnCapabilities(r.code.capabilities);
        if (r.code.name == "ALERT")
            emit alert(r.text);
    } else if (r.keyword == "CAPABILITY") {
        learnCapabilities(r.atoms);
    }
    for (size_t i = 0; i < m_inFlight.size(); ++i)
        if (m_inFlight[i]->handleUntagged(r, i == 0))
            return;
    MailboxEvent ev;
    if (r.keyword == "EXISTS") {
        ev.kind = MailboxEvent::Kind::Exists;
        ev.number = r.number;
    } else if (r.keyword == "EXPUNGE") {
        ev.kind = MailboxEvent::Kind::Expunge;
        ev.number = r.number;
    } else if (r.keyword == "RECENT") {
        ev.kind = MailboxEvent::Kind::Recent;
        ev.number = r.number;
    } else if (r.keyword == "FETCH") {
        ev.kind = MailboxEvent::Kind::Fetch;
        ev.number = r.number;
        ev.fetch = r.fetch;
    } else if (r.keyword == "VANISHED") {
        ev.kind = MailboxEvent::Kind::Vanished;
        ev.vanished = r.vanished;
    } else if (r.keyword == "FLAGS") {
        ev.kind = MailboxEvent::Kind::Flags;
        ev.flags = r.atoms;
    } else {
        return;
    }
    emit mailboxEvent(ev);
}

// --- commands ---------------------------------------------------------------------------------

QByteArray ImapClient::capability(ResultCallback<QList<QByteArray>> done)
{
    return enqueue(std::make_unique<CapabilityCommand>(std::move(done)));
}

void ImapClient::afterAuthentication(const Result<Empty> &r, const ResultCallback<Empty> &done)
{
    if (!r.ok()) {
        if (done)
            done(r);
        return;
    }
    m_state = State::Authenticated;
    if (r.code.name == "CAPABILITY") {
        if (done)
            done(r);
        return;
    }
    // Capabilities may change after authentication: refresh before anything else runs.
    auto cmd =
        std::make_unique<CapabilityCommand>([this, r, done](const Result<QList<QByteArray>> &c) {
            if (c.ok() && !c.value.isEmpty())
                learnCapabilities(c.value);
            if (done)
                done(r);
        });
    enqueue(std::move(cmd), true);
}

QByteArray ImapClient::login(const QString &user, const QString &password,
                             ResultCallback<Empty> done)
{
    if (hasCapability("LOGINDISABLED"))
        return failLater(std::move(done), Error::make(Error::Kind::Unsupported,
                                                      tr("The server does not allow LOGIN.")));
    return enqueue(std::make_unique<LoginCommand>(
        user, password,
        [this, done = std::move(done)](const Result<Empty> &r) { afterAuthentication(r, done); }));
}

QByteArray ImapClient::authenticate(const QByteArray &mechanism, const QByteArray &initial,
                                    ResultCallback<Empty> done)
{
    return enqueue(std::make_unique<AuthenticateCommand>(
        mechanism, initial, hasCapability("SASL-IR"),
        [this, done = std::move(done)](const Result<Empty> &r) { afterAuthentication(r, done); }));
}

QByteArray ImapClient::authenticatePlain(const QString &user, const QString &password,
                                         ResultCallback<Empty> done)
{
    return authenticate("PLAIN", AuthenticateCommand::plainResponse(user, password),
                        std::move(done));
}

QByteArray ImapClient::authenticateXOAuth2(const QString &user, const QString &accessToken,
                                           ResultCallback<Empty> done)
{
    return authenticate("XOAUTH2", AuthenticateCommand::xoauth2Response(user, accessToken),
                        std::move(done));
}

QByteArray ImapClient::id(const QList<QPair<QByteArray, QByteArray>> &fields,
                          ResultCallback<QList<QPair<QByteArray, QByteArray>>> done)
{
    return enqueue(std::make_unique<IdCommand>(fields, std::move(done)));
}

QByteArray ImapClient::enable(const QList<QByteArray> &extensions,
                              ResultCallback<QList<QByteArray>> done)
{
    return enqueue(std::make_unique<EnableCommand>(
        extensions, [this, done = std::move(done)](const Result<QList<QByteArray>> &r) {
            for (const QByteArray &e : r.value)
                if (!m_enabled.contains(e.toUpper()))
                    m_enabled << e.toUpper();
            if (done)
                done(r);
        }));
}

QByteArray ImapClient::namespaces(ResultCallback<NamespaceData> done)
{
    return enqueue(std::make_unique<NamespaceCommand>(std::move(done)));
}

QByteArray ImapClient::list(const QString &reference, const QString &pattern,
                            ResultCallback<QList<ListEntry>> done)
{
    const bool specialUse = hasCapability("SPECIAL-USE") && hasCapability("LIST-EXTENDED");
    return enqueue(std::make_unique<ListCommand>(reference, pattern, specialUse, std::move(done)));
}

QByteArray ImapClient::status(const QString &mailbox, const QList<QByteArray> &items,
                              ResultCallback<StatusData> done)
{
    return enqueue(std::make_unique<StatusCommand>(mailbox, items, std::move(done)));
}

QByteArray ImapClient::select(const QString &mailbox, const SelectOptions &options,
                              ResultCallback<SelectResult> done)
{
    if (options.qresync && !m_enabled.contains("QRESYNC"))
        return failLater(std::move(done),
                         Error::make(Error::Kind::Unsupported,
                                     tr("QRESYNC must be enabled before SELECT (QRESYNC ...).")));
    return enqueue(std::make_unique<SelectCommand>(
        mailbox, options, [this, mailbox, done = std::move(done)](const Result<SelectResult> &r) {
            if (m_state != State::Disconnected) {
                m_state = r.ok() ? State::Selected : State::Authenticated;
                m_selected = r.ok() ? mailbox : QString();
            }
            if (done)
                done(r);
        }));
}

QByteArray ImapClient::examine(const QString &mailbox, SelectOptions options,
                               ResultCallback<SelectResult> done)
{
    options.readOnly = true;
    return select(mailbox, options, std::move(done));
}

QByteArray ImapClient::uidFetch(const UidSet &uids, const QByteArray &items,
                                const FetchOptions &options,
                                std::function<void(const FetchData &)> onMessage,
                                ResultCallback<FetchResult> done)
{
    if (uids.isEmpty())
        return failLater(std::move(done),
                         Error::make(Error::Kind::Protocol, tr("No UIDs to fetch.")));
    return enqueue(std::make_unique<FetchCommand>(uids, items, options, std::move(onMessage),
                                                  std::move(done)));
}

QByteArray ImapClient::uidSearch(const QByteArray &criteria, ResultCallback<SearchResult> done)
{
    return enqueue(
        std::make_unique<SearchCommand>(criteria, hasCapability("ESEARCH"), std::move(done)));
}

QByteArray ImapClient::uidStore(const UidSet &uids, StoreMode mode, const QList<QByteArray> &flags,
                                std::optional<quint64> unchangedSince,
                                ResultCallback<StoreResult> done)
{
    return enqueue(
        std::make_unique<StoreCommand>(uids, mode, flags, unchangedSince, false, std::move(done)));
}

QByteArray ImapClient::uidCopy(const UidSet &uids, const QString &destination,
                               ResultCallback<CopyResult> done)
{
    return enqueue(std::make_unique<CopyCommand>(false, uids, destination, std::move(done)));
}

QByteArray ImapClient::uidMove(const UidSet &uids, const QString &destination,
                               ResultCallback<CopyResult> done)
{
    if (hasCapability("MOVE"))
        return enqueue(std::make_unique<CopyCommand>(true, uids, destination, std::move(done)));
    if (!hasCapability("UIDPLUS"))
        return failLater(
            std::move(done),
            Error::make(Error::Kind::Unsupported,
                        tr("The server supports neither MOVE nor UIDPLUS; moving would "
                           "expunge other clients' deleted messages.")));
    // Fallback: COPY, then mark \Deleted, then UID EXPUNGE exactly those UIDs. Each step starts
    // only when the previous one succeeded.
    return uidCopy(uids, destination, [this, uids, done](const Result<CopyResult> &copied) {
        if (!copied.ok()) {
            if (done)
                done(copied);
            return;
        }
        enqueue(std::make_unique<StoreCommand>(
            uids, StoreMode::Add, QList<QByteArray>{"\\Deleted"}, std::nullopt, true,
            [this, uids, done, copied](const Result<StoreResult> &stored) {
                if (!stored.ok()) {
                    Result<CopyResult> r = copied;
                    r.error = stored.error;
                    if (done)
                        done(r);
                    return;
                }
                uidExpunge(uids, [done, copied](const Result<Empty> &expunged) {
                    Result<CopyResult> r = copied;
                    r.error = expunged.error;
                    if (done)
                        done(r);
                });
            }));
    });
}

QByteArray ImapClient::uidExpunge(const UidSet &uids, ResultCallback<Empty> done)
{
    if (!hasCapability("UIDPLUS"))
        return failLater(
            std::move(done),
            Error::make(Error::Kind::Unsupported,
                        tr("The server lacks UIDPLUS; Herald never sends a plain "
                           "EXPUNGE, which would remove other clients' deleted mail.")));
    return enqueue(std::make_unique<SimpleCommand>(
        "UID EXPUNGE", QList<CommandPart>{CommandPart{"UID EXPUNGE " + uids.toByteArray(), false}},
        std::move(done)));
}

QByteArray ImapClient::append(const QString &mailbox, const QByteArray &message,
                              const QList<QByteArray> &flags, const QDateTime &internalDate,
                              ResultCallback<AppendResult> done)
{
    return enqueue(
        std::make_unique<AppendCommand>(mailbox, message, flags, internalDate, std::move(done)));
}

QByteArray ImapClient::idle(std::function<void()> started, ResultCallback<Empty> done)
{
    if (!hasCapability("IDLE"))
        return failLater(std::move(done), Error::make(Error::Kind::Unsupported,
                                                      tr("The server does not support IDLE.")));
    return enqueue(std::make_unique<IdleCommand>(
        [this, started = std::move(started)] {
            updateReadTimeout();
            if (started)
                started();
        },
        std::move(done)));
}

void ImapClient::idleDone()
{
    IdleCommand *idle = activeIdle();
    if (idle && idle->isIdling() && !idle->doneSent) {
        idle->doneSent = true;
        send("DONE\r\n");
        updateReadTimeout();
    }
}

QByteArray ImapClient::create(const QString &mailbox, const QByteArray &specialUse,
                              ResultCallback<Empty> done)
{
    CommandBuilder b;
    b.raw("CREATE ").mailbox(mailbox);
    if (!specialUse.isEmpty() && hasCapability("CREATE-SPECIAL-USE"))
        b.raw(" (USE (" + specialUse + "))");
    return enqueue(std::make_unique<SimpleCommand>("CREATE", b.parts(), std::move(done)));
}

QByteArray ImapClient::rename(const QString &from, const QString &to, ResultCallback<Empty> done)
{
    CommandBuilder b;
    b.raw("RENAME ").mailbox(from).sp().mailbox(to);
    return enqueue(std::make_unique<SimpleCommand>("RENAME", b.parts(), std::move(done)));
}

QByteArray ImapClient::deleteMailbox(const QString &mailbox, ResultCallback<Empty> done)
{
    CommandBuilder b;
    b.raw("DELETE ").mailbox(mailbox);
    return enqueue(std::make_unique<SimpleCommand>("DELETE", b.parts(), std::move(done)));
}

QByteArray ImapClient::noop(ResultCallback<Empty> done)
{
    return enqueue(std::make_unique<SimpleCommand>(
        "NOOP", QList<CommandPart>{CommandPart{"NOOP", false}}, std::move(done)));
}

QByteArray ImapClient::logout(ResultCallback<Empty> done)
{
    return enqueue(std::make_unique<SimpleCommand>(
        "LOGOUT", QList<CommandPart>{CommandPart{"LOGOUT", false}},
        [this, done = std::move(done)](const Result<Empty> &r) {
            if (r.ok()) {
                closeConnection();
                auto queue = std::move(m_queue);
                m_queue.clear();
                m_state = State::Disconnected;
                m_phase = Phase::Idle;
                m_selected.clear();
                for (auto &c : queue)
                    c->fail(Error::make(Error::Kind::NotConnected, tr("Logged out.")));
            }
            if (done)
                done(r);
            if (r.ok())
                emit disconnected(Error());
        },
        true));
}

} // namespace herald::imap
