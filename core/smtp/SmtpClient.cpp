#include "core/smtp/SmtpClient.h"

#include <QHostAddress>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSslSocket>

namespace herald::smtp {

Q_LOGGING_CATEGORY(lcSmtp, "herald.smtp", QtWarningMsg)

namespace {

// Message bytes as they go on the wire after DATA: CRLF line ends, a leading "." doubled
// (RFC 5321 §4.5.2), ending with CRLF "." CRLF.
QByteArray wireData(const QByteArray &message)
{
    QByteArray out;
    out.reserve(message.size() + message.size() / 64 + 8);
    bool lineStart = true;
    const char *p = message.constData();
    const qsizetype n = message.size();
    qsizetype runStart = 0;
    auto flushRun = [&](qsizetype end) {
        if (end > runStart)
            out.append(p + runStart, end - runStart);
    };
    for (qsizetype i = 0; i < n; ++i) {
        const char c = p[i];
        if (c == '\r' || c == '\n') {
            flushRun(i);
            out.append("\r\n", 2);
            if (c == '\r' && i + 1 < n && p[i + 1] == '\n')
                ++i;
            runStart = i + 1;
            lineStart = true;
            continue;
        }
        if (lineStart && c == '.') {
            flushRun(i);
            out.append('.');
            runStart = i; // the original dot follows
        }
        lineStart = false;
    }
    flushRun(n);
    if (!lineStart)
        out.append("\r\n", 2);
    out.append(".\r\n", 3);
    return out;
}

bool isAscii(const QString &s)
{
    for (const QChar c : s)
        if (c.unicode() > 0x7e)
            return false;
    return true;
}

bool hasEightBit(const QByteArray &bytes)
{
    for (const char c : bytes)
        if (static_cast<unsigned char>(c) & 0x80)
            return true;
    return false;
}

// An address that can go between <> in MAIL/RCPT without changing the command.
bool isSafeAddress(const QString &a)
{
    if (a.isEmpty() || a.size() > 512)
        return false;
    for (const QChar c : a)
        if (c.unicode() <= 0x20 || c == QLatin1Char('<') || c == QLatin1Char('>') ||
            c.unicode() == 0x7f)
            return false;
    return a.contains(QLatin1Char('@'));
}

// RFC 3461 xtext.
QByteArray xtext(const QByteArray &in)
{
    QByteArray out;
    for (const char c : in) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 33 || u > 126 || c == '+' || c == '=')
            out += '+' + QByteArray::number(u, 16).toUpper().rightJustified(2, '0');
        else
            out += c;
    }
    return out;
}

bool isLdhName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral(
        "^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,"
        "61}[A-Za-z0-9])?)+$"));
    return re.match(name).hasMatch();
}

// The EHLO keywords with their parameters ("SIZE 10240000"), keyword upper-case.
QList<QByteArray> ehloKeywords(const SmtpReply &r)
{
    QList<QByteArray> keywords;
    for (int i = 1; i < r.lines.size(); ++i) {
        const QByteArray line = r.lines[i].trimmed().toUtf8();
        const qsizetype sp = line.indexOf(' ');
        QByteArray keyword = (sp < 0 ? line : line.left(sp)).toUpper();
        QByteArray params = sp < 0 ? QByteArray() : line.mid(sp + 1).trimmed();
        const bool legacy = keyword.startsWith("AUTH="); // pre-RFC 4954 servers
        if (legacy) {
            params = keyword.mid(5) + (params.isEmpty() ? "" : " " + params);
            keyword = "AUTH";
        }
        const QByteArray entry = params.isEmpty() ? keyword : keyword + ' ' + params;
        const auto known = std::find_if(keywords.begin(), keywords.end(), [&](const QByteArray &k) {
            return k == keyword || k.startsWith(keyword + ' ');
        });
        if (known == keywords.end())
            keywords << entry;
        else if (!legacy) // a later line wins, except that "AUTH=" never replaces "AUTH"
            *known = entry;
    }
    return keywords;
}

} // namespace

QString statusName(SendResult::Status status)
{
    switch (status) {
    case SendResult::Status::Sent:
        return QStringLiteral("sent");
    case SendResult::Status::TemporaryFailure:
        return QStringLiteral("temporary-failure");
    case SendResult::Status::PermanentFailure:
        return QStringLiteral("permanent-failure");
    case SendResult::Status::MaybeSent:
        return QStringLiteral("maybe-sent");
    }
    return QString();
}

QString SendResult::describe() const
{
    QStringList parts;
    QStringList rejected, accepted;
    for (const RecipientResult &r : recipients) {
        if (r.state == RecipientResult::State::Rejected)
            rejected << QStringLiteral("%1 (%2)").arg(r.address, r.reply.toString());
        else if (r.state == RecipientResult::State::Accepted)
            accepted << r.address;
    }
    if (status == Status::Sent)
        return QStringLiteral("sent: %1").arg(reply.toString());
    if (!rejected.isEmpty()) {
        parts << QStringLiteral("the server rejected %1").arg(rejected.join(QStringLiteral(", ")));
        if (!accepted.isEmpty())
            parts << QStringLiteral("accepted but not sent to %1")
                         .arg(accepted.join(QStringLiteral(", ")));
    } else if (reply.code != 0) {
        parts << QStringLiteral("the server answered: %1").arg(reply.toString());
    }
    if (error.isError())
        parts << error.message;
    if (status == Status::MaybeSent)
        parts << QStringLiteral("the connection ended after the whole message was sent and "
                                "before the server confirmed it: it may have been sent");
    return parts.join(QStringLiteral("; "));
}

struct SmtpClient::Transaction
{
    Envelope envelope;
    QByteArray data; // wire form
    SendCallback done;
    SendResult result;
    SmtpReply mailReply;
    int nextRecipient = 0;
    int repliesPending = 0;
    bool afterDot = false;
};

SmtpClient::SmtpClient(QObject *parent) : LineClient(64 * 1024, parent) {}

SmtpClient::~SmtpClient() = default;

qint64 SmtpClient::maximumSize() const
{
    return extensionParameters("SIZE").trimmed().toLongLong();
}

QString SmtpClient::heloName() const
{
    if (!m_heloName.isEmpty())
        return m_heloName;
    QString host = QHostInfo::localHostName();
    if (!host.contains(QLatin1Char('.')) && !QHostInfo::localDomainName().isEmpty())
        host += QLatin1Char('.') + QHostInfo::localDomainName();
    if (isLdhName(host) && !host.startsWith(QLatin1String("localhost"), Qt::CaseInsensitive))
        return host;
    // No fully qualified name: the address literal of our end of the connection (RFC 5321 §4.1.4).
    if (const auto *socket = this->socket().findChild<QSslSocket *>()) {
        QHostAddress local = socket->localAddress();
        bool v4 = false;
        const quint32 ip4 = local.toIPv4Address(&v4);
        if (v4)
            return QStringLiteral("[%1]").arg(QHostAddress(ip4).toString());
        if (!local.isNull())
            return QStringLiteral("[IPv6:%1]").arg(local.toString());
    }
    return QStringLiteral("[127.0.0.1]");
}

void SmtpClient::connectToServer(const net::ConnectOptions &options, DoneCallback done)
{
    m_expected.clear();
    m_parser = SmtpReplyParser();
    m_greeting.clear();
    m_ready = false;
    m_busy = true;
    m_onFailure = [this](const net::Error &e) { finishConnecting(e); };
    openConnection(options, std::move(done));
}

void SmtpClient::expect(ReplyHandler handler)
{
    m_expected.push_back(std::move(handler));
    armReadTimeout(true);
}

void SmtpClient::command(const QByteArray &line, ReplyHandler handler, const QByteArray &logLine)
{
    qCDebug(lcSmtp) << "C:" << (logLine.isEmpty() ? line : logLine);
    send(line + "\r\n");
    expect(std::move(handler));
}

void SmtpClient::connectionFailed(const net::Error &error)
{
    m_ready = false;
    m_busy = false;
    m_expected.clear();
    reader().clear();
    m_parser = SmtpReplyParser();
    if (auto f = std::exchange(m_onFailure, {}))
        f(error);
    emit disconnected(error);
}

void SmtpClient::lineReceived(const QByteArray &line)
{
    qCDebug(lcSmtp) << "S:" << line;
    switch (m_parser.addLine(line)) {
    case SmtpReplyParser::Status::NeedMore:
        break;
    case SmtpReplyParser::Status::Error:
        failConnection(net::Error::Kind::Protocol, m_parser.errorText());
        break;
    case SmtpReplyParser::Status::Complete:
        dispatch(m_parser.take());
        break;
    }
}

bool SmtpClient::hasUnreadBytes() const
{
    return LineClient::hasUnreadBytes() || m_parser.inProgress();
}

void SmtpClient::dispatch(const SmtpReply &reply)
{
    if (m_expected.empty()) {
        failConnection(net::Error::Kind::Protocol,
                       tr("%1 sent a reply nobody asked for (%2); the connection was dropped.")
                           .arg(where(), reply.toString()));
        return;
    }
    ReplyHandler handler = std::move(m_expected.front());
    m_expected.pop_front();
    armReadTimeout(!m_expected.empty());
    if (reply.code == 421) { // the server is closing the session (RFC 5321 §3.8)
        failConnection(net::Error::Kind::ServerBye,
                       tr("%1 closed the session: %2").arg(where(), reply.toString()));
        return;
    }
    handler(reply);
}

net::Error SmtpClient::replyError(net::Error::Kind kind, const QString &what,
                                  const SmtpReply &reply) const
{
    return net::Error::make(kind, QStringLiteral("%1: %2").arg(what, reply.toString()));
}

void SmtpClient::connectionReady()
{
    expect([this](const SmtpReply &r) {
        if (r.code != 220) {
            failConnection(net::Error::Kind::CommandFailed,
                           tr("%1 does not accept mail now: %2").arg(where(), r.toString()));
            return;
        }
        m_greeting = r.lines.join(QLatin1Char(' '));
        ehlo([this] { afterEhlo(); });
    });
}

void SmtpClient::ehlo(std::function<void()> next)
{
    const QByteArray name = heloName().toUtf8();
    command("EHLO " + name, [this, name, next](const SmtpReply &r) {
        if (r.code == 250) {
            setCapabilities(ehloKeywords(r));
            next();
            return;
        }
        if (r.code == 500 || r.code == 502) { // EHLO not understood: plain SMTP
            command("HELO " + name, [this, next](const SmtpReply &h) {
                if (h.code != 250) {
                    failConnection(net::Error::Kind::CommandFailed,
                                   tr("%1 refused HELO: %2").arg(where(), h.toString()));
                    return;
                }
                setCapabilities({});
                next();
            });
            return;
        }
        failConnection(net::Error::Kind::CommandFailed,
                       tr("%1 refused EHLO: %2").arg(where(), r.toString()));
    });
}

void SmtpClient::afterEhlo()
{
    if (needsStartTls()) {
        if (!hasExtension("STARTTLS")) {
            failConnection(startTlsNotOffered("STARTTLS"));
            return;
        }
        command("STARTTLS", [this](const SmtpReply &r) {
            if (r.code != 220)
                failConnection(startTlsRefused("STARTTLS", r.toString()));
            else
                upgradeToTls("STARTTLS");
        });
        return;
    }
    finishConnect();
}

void SmtpClient::connectionEncrypted()
{
    ehlo([this] { afterEhlo(); }); // the capabilities learnt before TLS are forgotten
}

void SmtpClient::finishConnect()
{
    m_ready = true;
    m_busy = false;
    m_onFailure = {};
    finishConnecting(net::Error());
}

namespace {
struct AuthState
{
    QByteArray mechanism;
    std::function<QByteArray(const SmtpReply &, int)> respond;
    SmtpClient::DoneCallback done;
    int step = 0;
};
} // namespace

void SmtpClient::authenticate(const QString &user, const QString &password, DoneCallback done)
{
    m_authUser = user;
    if (!isReady()) {
        done(net::Error::make(net::Error::Kind::NotConnected, tr("Not connected.")));
        return;
    }
    if (!isEncrypted()) {
        done(net::Error::make(net::Error::Kind::Unsupported,
                              tr("Refusing to send the password to %1 over an unencrypted "
                                 "connection.")
                                  .arg(where())));
        return;
    }
    const QList<QByteArray> mechanisms = extensionParameters("AUTH").toUpper().split(' ');
    if (mechanisms.contains("PLAIN")) {
        const QByteArray initial =
            (QByteArray(1, '\0') + user.toUtf8() + QByteArray(1, '\0') + password.toUtf8())
                .toBase64();
        // A 334 after an initial response is a confused server: cancel the exchange.
        authStep(
            "PLAIN", initial, [](const SmtpReply &, int) { return QByteArray("*"); },
            std::move(done));
        return;
    }
    if (mechanisms.contains("LOGIN")) {
        const QByteArray u = user.toUtf8().toBase64(), p = password.toUtf8().toBase64();
        authStep(
            "LOGIN", {},
            [u, p](const SmtpReply &, int step) {
                return step == 0 ? u : step == 1 ? p : QByteArray("*");
            },
            std::move(done));
        return;
    }
    done(net::Error::make(
        net::Error::Kind::Unsupported,
        hasExtension("AUTH")
            ? tr("%1 offers no login method Herald supports (%2).")
                  .arg(where(), QString::fromLatin1(extensionParameters("AUTH")))
            : tr("%1 does not offer authentication (AUTH) on this connection.").arg(where())));
}

void SmtpClient::authenticateXOAuth2(const QString &user, const QString &accessToken,
                                     DoneCallback done)
{
    m_authUser = user;
    if (!isReady() || !isEncrypted()) {
        done(net::Error::make(
            net::Error::Kind::Unsupported,
            tr("Refusing to send a token to %1 without encryption.").arg(where())));
        return;
    }
    const QByteArray initial =
        ("user=" + user.toUtf8() + "\x01" + "auth=Bearer " + accessToken.toUtf8() + "\x01\x01")
            .toBase64();
    // On failure the server sends a 334 with a JSON error; an empty line ends the exchange.
    authStep(
        "XOAUTH2", initial, [](const SmtpReply &, int) { return QByteArray(); }, std::move(done));
}

void SmtpClient::authStep(const QByteArray &mechanism, const QByteArray &initial,
                          std::function<QByteArray(const SmtpReply &, int)> respond,
                          DoneCallback done)
{
    auto state = std::make_shared<AuthState>();
    state->mechanism = mechanism;
    state->respond = std::move(respond);
    state->done = std::move(done);
    m_busy = true;
    m_onFailure = [state](const net::Error &e) {
        if (auto d = std::exchange(state->done, {}))
            d(e);
    };
    auto handler = std::make_shared<ReplyHandler>();
    std::weak_ptr<ReplyHandler> weak = handler;
    *handler = [this, state, weak](const SmtpReply &r) {
        if (r.code == 334) {
            const QByteArray answer = state->respond(r, state->step++);
            if (auto h = weak.lock())
                command(answer, *h, "(credentials)");
            return;
        }
        m_busy = false;
        m_onFailure = {};
        auto d = std::exchange(state->done, {});
        if (!d)
            return;
        if (r.code == 235)
            d(net::Error());
        else
            d(replyError(r.isPermanent() ? net::Error::Kind::Authentication
                                         : net::Error::Kind::CommandFailed,
                         tr("%1 refused the login of %2 (%3)")
                             .arg(where(), m_authUser, QString::fromLatin1(state->mechanism)),
                         r));
    };
    // Keep the handler alive while the exchange runs: the state owns it, the queue holds copies.
    m_authHandler = handler;
    command("AUTH " + mechanism + (initial.isEmpty() ? QByteArray() : " " + initial), *handler,
            "AUTH " + mechanism + " (credentials)");
}

void SmtpClient::sendMessage(const Envelope &envelope, const QByteArray &message, SendCallback done)
{
    auto t = std::make_shared<Transaction>();
    t->envelope = envelope;
    t->done = std::move(done);
    for (const QString &r : envelope.recipients)
        t->result.recipients.push_back({r, RecipientResult::State::NotTried, {}});

    auto refuse = [&](SendResult::Status status, net::Error::Kind kind, const QString &message) {
        t->result.status = status;
        t->result.error = net::Error::make(kind, message);
        auto d = std::exchange(t->done, {});
        d(t->result);
    };
    if (!isReady()) {
        refuse(SendResult::Status::TemporaryFailure, net::Error::Kind::NotConnected,
               tr("Not connected to the mail server."));
        return;
    }
    if (envelope.recipients.isEmpty()) {
        refuse(SendResult::Status::PermanentFailure, net::Error::Kind::Protocol,
               tr("The message has no recipients."));
        return;
    }
    QStringList addresses = envelope.recipients;
    if (!envelope.from.isEmpty()) // the null reverse-path "<>" is allowed
        addresses << envelope.from;
    for (const QString &a : addresses) {
        if (!isSafeAddress(a)) {
            refuse(SendResult::Status::PermanentFailure, net::Error::Kind::Protocol,
                   tr("'%1' is not a valid email address.").arg(a));
            return;
        }
    }
    bool international = !isAscii(envelope.from);
    for (const QString &a : envelope.recipients)
        international = international || !isAscii(a);
    if (international && !hasExtension("SMTPUTF8")) {
        refuse(SendResult::Status::PermanentFailure, net::Error::Kind::Unsupported,
               tr("%1 cannot send to or from addresses with non-ASCII characters (no SMTPUTF8).")
                   .arg(where()));
        return;
    }
    const bool eightBit = hasEightBit(message);
    if (eightBit && !hasExtension("8BITMIME") && !international) {
        refuse(SendResult::Status::PermanentFailure, net::Error::Kind::Unsupported,
               tr("%1 does not accept 8-bit messages (no 8BITMIME).").arg(where()));
        return;
    }
    t->data = wireData(message);
    const qint64 size = t->data.size() - 3;
    const qint64 limit = maximumSize();
    if (limit > 0 && size > limit) {
        refuse(SendResult::Status::PermanentFailure, net::Error::Kind::CommandFailed,
               tr("The message is %1 KB; %2 accepts at most %3 KB.")
                   .arg((size + 1023) / 1024)
                   .arg(where())
                   .arg(limit / 1024));
        return;
    }

    const bool dsn = envelope.requestDsn && hasExtension("DSN");
    QByteArray mail = "MAIL FROM:<" + envelope.from.toUtf8() + ">";
    if (hasExtension("SIZE"))
        mail += " SIZE=" + QByteArray::number(size);
    if (eightBit && hasExtension("8BITMIME"))
        mail += " BODY=8BITMIME";
    if (international)
        mail += " SMTPUTF8";
    if (dsn) {
        mail += " RET=HDRS";
        if (!envelope.envelopeId.isEmpty() && isAscii(envelope.envelopeId))
            mail += " ENVID=" + xtext(envelope.envelopeId.toUtf8());
    }

    m_busy = true;
    m_onFailure = [this, t](const net::Error &e) {
        SendResult::Status status = SendResult::Status::TemporaryFailure;
        if (t->afterDot && e.kind != net::Error::Kind::ServerBye)
            status = SendResult::Status::MaybeSent;
        finishTransaction(t, status, SmtpReply(), e, false);
    };
    const bool pipelining = hasExtension("PIPELINING");
    command(mail, [this, t, pipelining](const SmtpReply &r) {
        t->mailReply = r;
        if (pipelining) {
            if (--t->repliesPending == 0)
                transactionDecide(t);
        } else if (r.code == 250) {
            transactionRecipients(t);
        } else {
            transactionDecide(t);
        }
    });
    if (pipelining) {
        t->repliesPending = 1 + int(envelope.recipients.size());
        transactionRecipients(t); // all at once, behind MAIL FROM
    }
}

void SmtpClient::transactionRecipients(const std::shared_ptr<Transaction> &t)
{
    const bool pipelining = hasExtension("PIPELINING");
    const bool dsn = t->envelope.requestDsn && hasExtension("DSN");
    do {
        const int i = t->nextRecipient++;
        const QString address = t->envelope.recipients[i];
        QByteArray rcpt = "RCPT TO:<" + address.toUtf8() + ">";
        if (dsn) {
            rcpt += " NOTIFY=" + t->envelope.dsnNotify.toLatin1();
            if (isAscii(address))
                rcpt += " ORCPT=rfc822;" + xtext(address.toUtf8());
        }
        command(rcpt, [this, t, i, pipelining](const SmtpReply &r) {
            RecipientResult &rr = t->result.recipients[size_t(i)];
            rr.reply = r;
            rr.state = (r.code == 250 || r.code == 251) ? RecipientResult::State::Accepted
                                                        : RecipientResult::State::Rejected;
            if (pipelining) {
                if (--t->repliesPending == 0)
                    transactionDecide(t);
            } else if (t->nextRecipient < t->envelope.recipients.size()) {
                transactionRecipients(t);
            } else {
                transactionDecide(t);
            }
        });
    } while (pipelining && t->nextRecipient < t->envelope.recipients.size());
}

void SmtpClient::transactionDecide(const std::shared_ptr<Transaction> &t)
{
    if (t->mailReply.code != 250) {
        finishTransaction(t,
                          t->mailReply.isTransient() ? SendResult::Status::TemporaryFailure
                                                     : SendResult::Status::PermanentFailure,
                          t->mailReply, net::Error(), true);
        return;
    }
    const RecipientResult *decisive = nullptr;
    for (const RecipientResult &r : t->result.recipients) {
        if (r.state != RecipientResult::State::Rejected)
            continue;
        if (!decisive || (r.reply.isPermanent() && !decisive->reply.isPermanent()))
            decisive = &r;
    }
    if (decisive) {
        // All or nothing: the message goes to every recipient or to none (see the header).
        finishTransaction(t,
                          decisive->reply.isPermanent() ? SendResult::Status::PermanentFailure
                                                        : SendResult::Status::TemporaryFailure,
                          decisive->reply, net::Error(), true);
        return;
    }
    transactionData(t);
}

void SmtpClient::transactionData(const std::shared_ptr<Transaction> &t)
{
    if (hasUnreadBytes()) {
        // More replies than commands: something is out of step; never guess which is which.
        failConnection(
            net::Error::Kind::Protocol,
            tr("%1 sent more replies than commands; the connection was dropped.").arg(where()));
        return;
    }
    command("DATA", [this, t](const SmtpReply &r) {
        if (r.isPositive() && r.code != 354) {
            failConnection(net::Error::Kind::Protocol,
                           tr("%1 answered DATA with %2; the connection was dropped.")
                               .arg(where(), r.toString()));
            return;
        }
        if (r.code != 354) {
            finishTransaction(t,
                              r.isTransient() ? SendResult::Status::TemporaryFailure
                                              : SendResult::Status::PermanentFailure,
                              r, net::Error(), true);
            return;
        }
        if (reader().buffered() > 0) {
            // A reply before we sent a byte of the message: never take it for the final one.
            failConnection(net::Error::Kind::Protocol,
                           tr("%1 answered before the message was sent; the connection was "
                              "dropped.")
                               .arg(where()));
            return;
        }
        const int normalTimeout = options().readTimeoutMs;
        t->afterDot = true;
        send(t->data);
        setReadTimeout(std::max(normalTimeout, m_finalTimeoutMs));
        expect([this, t, normalTimeout](const SmtpReply &f) {
            setReadTimeout(normalTimeout);
            if (f.code == 250) {
                finishTransaction(t, SendResult::Status::Sent, f, net::Error(), false);
                return;
            }
            finishTransaction(t,
                              f.isTransient() ? SendResult::Status::TemporaryFailure
                                              : SendResult::Status::PermanentFailure,
                              f, net::Error(), true);
        });
    });
}

void SmtpClient::finishTransaction(const std::shared_ptr<Transaction> &t, SendResult::Status status,
                                   const SmtpReply &reply, const net::Error &error, bool reset)
{
    t->result.status = status;
    t->result.reply = reply;
    t->result.error = error;
    auto complete = [this, t] {
        m_busy = false;
        m_onFailure = {};
        if (auto d = std::exchange(t->done, {}))
            d(t->result);
    };
    if (!reset || !isConnected()) {
        complete();
        return;
    }
    // RSET, and only a 250 to it lets this connection carry the next message.
    m_onFailure = [complete](const net::Error &) { complete(); };
    command("RSET", [this, complete](const SmtpReply &r) {
        if (r.code != 250) {
            failConnection(net::Error::Kind::Protocol,
                           tr("%1 did not accept RSET (%2); the connection was dropped.")
                               .arg(where(), r.toString()));
            return;
        }
        complete();
    });
}

void SmtpClient::quit(std::function<void()> done)
{
    if (!isConnected()) {
        if (done)
            done();
        return;
    }
    m_busy = true;
    m_onFailure = [done](const net::Error &) {
        if (done)
            done();
    };
    command("QUIT", [this, done](const SmtpReply &) {
        m_onFailure = {};
        m_ready = false;
        m_busy = false;
        m_expected.clear();
        closeConnection();
        emit disconnected(net::Error());
        if (done)
            done();
    });
}

} // namespace herald::smtp
