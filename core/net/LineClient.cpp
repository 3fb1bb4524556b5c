#include "core/net/LineClient.h"

namespace herald::net {

LineClient::LineClient(qsizetype maxLineLength, QObject *parent)
    : QObject(parent), m_reader(maxLineLength)
{
    connect(&m_socket, &SecureSocket::ready, this, [this] {
        m_socket.setReadTimeoutArmed(true); // every protocol waits for the greeting now
        connectionReady();
    });
    connect(&m_socket, &SecureSocket::encrypted, this, [this] {
        setCapabilities({});
        m_capabilitiesKnown = false; // everything learnt in plaintext is discarded
        connectionEncrypted();
    });
    connect(&m_socket, &SecureSocket::dataReceived, this,
            [this](const QByteArray &bytes) { bytesReceived(bytes); });
    connect(&m_socket, &SecureSocket::failed, this,
            [this](const Error &error) { connectionFailed(error); });
}

LineClient::~LineClient()
{
    m_socket.disconnect(this);
}

void LineClient::openConnection(const ConnectOptions &options, ConnectDone done)
{
    m_options = options;
    m_connectDone = std::move(done);
    m_reader.clear();
    m_capabilities.clear();
    m_capabilitiesKnown = false;
    m_socket.connectToServer(options);
}

void LineClient::finishConnecting(const Error &error)
{
    if (auto done = std::exchange(m_connectDone, nullptr))
        done(error);
}

void LineClient::cancel()
{
    failConnection(Error::make(Error::Kind::Cancelled, tr("Cancelled.")));
}

void LineClient::failConnection(const Error &error)
{
    if (m_socket.isOpen())
        m_socket.fail(error); // emits failed() -> connectionFailed()
    else
        connectionFailed(error);
}

void LineClient::failConnection(Error::Kind kind, const QString &message)
{
    failConnection(Error::make(kind, message));
}

void LineClient::bytesReceived(const QByteArray &bytes)
{
    m_reader.feed(bytes);
    while (m_socket.isOpen()) {
        const auto line = m_reader.takeLine();
        if (!line)
            break;
        lineReceived(*line);
    }
    if (m_reader.hasError() && m_socket.isOpen())
        failConnection(Error::Kind::Protocol, m_reader.error().message);
}

bool LineClient::needsStartTls() const
{
    return m_options.security == Security::StartTls && !m_socket.isEncrypted();
}

void LineClient::upgradeToTls(const QByteArray &command)
{
    if (hasUnreadBytes()) {
        failConnection(Error::Kind::Protocol,
                       tr("%1 sent data right after agreeing to %2; the connection was dropped.")
                           .arg(where(), QString::fromLatin1(command)));
        return;
    }
    m_socket.setReadTimeoutArmed(false);
    m_socket.startTls();
}

Error LineClient::startTlsNotOffered(const QByteArray &command) const
{
    return Error::make(Error::Kind::StartTlsUnavailable,
                       tr("%1 does not offer %2; Herald never sends a password or a message "
                          "without encryption.")
                           .arg(where(), QString::fromLatin1(command)));
}

Error LineClient::startTlsRefused(const QByteArray &command, const QString &reply) const
{
    return Error::make(Error::Kind::StartTlsUnavailable,
                       tr("%1 refused %2 (%3); Herald never sends a password or a message "
                          "without encryption.")
                           .arg(where(), QString::fromLatin1(command), reply));
}

void LineClient::setCapabilities(const QList<QByteArray> &capabilities)
{
    m_capabilities = capabilities;
    m_capabilitiesKnown = true;
}

bool LineClient::hasCapability(const QByteArray &keyword) const
{
    const QByteArray wanted = keyword.toUpper();
    for (const QByteArray &c : m_capabilities)
        if (c == wanted || c.startsWith(wanted + ' '))
            return true;
    return false;
}

QByteArray LineClient::capabilityParameters(const QByteArray &keyword) const
{
    const QByteArray wanted = keyword.toUpper() + ' ';
    for (const QByteArray &c : m_capabilities)
        if (c.startsWith(wanted))
            return c.mid(wanted.size());
    return QByteArray();
}

QString LineClient::where() const
{
    return QStringLiteral("%1:%2").arg(m_options.host).arg(m_options.port);
}

} // namespace herald::net
