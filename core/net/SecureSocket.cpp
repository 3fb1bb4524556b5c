#include "core/net/SecureSocket.h"

#include "core/net/HostResolver.h"
#include "core/net/SystemTrust.h"

#include <QSslConfiguration>
#include <QSslSocket>

namespace herald::net {

SecureSocket::SecureSocket(QObject *parent) : QObject(parent)
{
    m_connectTimer.setSingleShot(true);
    m_readTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        fail(Error::make(Error::Kind::Timeout, tr("Timed out connecting to %1.").arg(where())));
    });
    connect(&m_readTimer, &QTimer::timeout, this, [this] {
        fail(Error::make(Error::Kind::Timeout, tr("%1 did not answer within %2 seconds.")
                                                   .arg(where())
                                                   .arg(m_options.readTimeoutMs / 1000)));
    });
}

SecureSocket::~SecureSocket()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

QString SecureSocket::peerName() const
{
    return m_options.tlsHostName.isEmpty() ? m_options.host : m_options.tlsHostName;
}

QString SecureSocket::where() const
{
    return QStringLiteral("%1:%2").arg(m_options.host).arg(m_options.port);
}

void SecureSocket::connectToServer(const ConnectOptions &options)
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_options = options;
    m_open = true;
    m_readyEmitted = false;
    m_upgrading = false;
    m_trustError = Error();
    m_socket = new QSslSocket(this);
    setUpTls();
    connect(m_socket, &QSslSocket::connected, this, &SecureSocket::onConnected);
    connect(m_socket, &QSslSocket::encrypted, this, &SecureSocket::onEncrypted);
    connect(m_socket, &QSslSocket::readyRead, this, &SecureSocket::onReadyRead);
    connect(m_socket, &QSslSocket::errorOccurred, this, &SecureSocket::onSocketError);
    connect(m_socket, &QSslSocket::sslErrors, this, &SecureSocket::onSslErrors);
    connect(m_socket, &QSslSocket::disconnected, this, &SecureSocket::onDisconnected);
    m_connectTimer.start(m_options.connectTimeoutMs);
    // Herald's resolver when one is installed (HostResolver.h); the name still goes to SNI
    // and the certificate check through peerName().
    const QList<QHostAddress> addresses = resolveWithHook(m_options.host);
    const QString target = addresses.isEmpty() ? m_options.host : addresses.first().toString();
    if (m_options.security == Security::ImplicitTls)
        m_socket->connectToHostEncrypted(target, m_options.port, peerName());
    else
        m_socket->connectToHost(target, m_options.port);
}

void SecureSocket::setUpTls()
{
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setProtocol(QSsl::TlsV1_2OrLater);
    conf.setPeerVerifyMode(QSslSocket::VerifyPeer);
    // With an extra CA (a company or test CA) the handshake checks against it alone: loading
    // and parsing the whole system store up front cost 0.15-0.3 s of every connection. A chain
    // that does not end at it is checked against the system store in onSslErrors().
    if (!m_options.trust.extraCaCertificates().isEmpty())
        conf.setCaCertificates(m_options.trust.extraCaCertificates());
    m_socket->setSslConfiguration(conf);
    m_socket->setPeerVerifyName(peerName());
}

void SecureSocket::startTls()
{
    if (!m_socket || !m_open)
        return;
    m_upgrading = true;
    m_connectTimer.start(m_options.connectTimeoutMs);
    m_socket->startClientEncryption();
}

bool SecureSocket::isEncrypted() const
{
    return m_socket && m_socket->isEncrypted();
}

QSslCertificate SecureSocket::peerCertificate() const
{
    return m_socket ? m_socket->peerCertificate() : QSslCertificate();
}

void SecureSocket::write(const QByteArray &bytes)
{
    if (m_socket && m_open)
        m_socket->write(bytes);
}

void SecureSocket::setReadTimeout(int ms)
{
    m_options.readTimeoutMs = ms;
    if (m_readArmed)
        m_readTimer.start(ms);
}

void SecureSocket::setReadTimeoutArmed(bool armed)
{
    if (armed == m_readArmed)
        return;
    m_readArmed = armed;
    if (armed && m_open)
        m_readTimer.start(m_options.readTimeoutMs);
    else
        m_readTimer.stop();
}

void SecureSocket::close()
{
    m_open = false;
    m_connectTimer.stop();
    m_readTimer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->disconnectFromHost();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
}

void SecureSocket::cancel()
{
    fail(Error::make(Error::Kind::Cancelled, tr("Cancelled.")));
}

void SecureSocket::fail(const Error &error)
{
    if (!m_open)
        return;
    m_open = false;
    m_connectTimer.stop();
    m_readTimer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    emit failed(error);
}

void SecureSocket::onConnected()
{
    if (m_options.security == Security::StartTls) {
        m_connectTimer.stop();
        m_readyEmitted = true;
        emit ready();
    }
}

void SecureSocket::onEncrypted()
{
    m_connectTimer.stop();
    if (m_options.security == Security::ImplicitTls && !m_readyEmitted) {
        m_readyEmitted = true;
        emit ready();
    } else {
        m_upgrading = false;
        emit encrypted();
    }
}

void SecureSocket::onReadyRead()
{
    if (!m_socket)
        return;
    const QByteArray bytes = m_socket->readAll();
    if (bytes.isEmpty())
        return;
    if (m_readArmed)
        m_readTimer.start(m_options.readTimeoutMs);
    emit dataReceived(bytes);
}

void SecureSocket::onSslErrors(const QList<QSslError> &errors)
{
    const QSslCertificate leaf = m_socket->peerCertificate();
    if (m_options.trust.isPinned(leaf)) {
        m_socket->ignoreSslErrors(errors);
        return;
    }
    QStringList reasons;
    if (!m_options.trust.extraCaCertificates().isEmpty()) {
        // Only the extra CAs were offered to the handshake (setUpTls): the system store decides.
        const QString failure = systemTrustFailure(m_socket->peerCertificateChain(), peerName());
        if (failure.isEmpty()) {
            m_socket->ignoreSslErrors(errors);
            return;
        }
        reasons << failure;
    }
    for (const QSslError &e : errors)
        reasons << e.errorString();
    reasons.removeDuplicates();
    Error err;
    err.kind = Error::Kind::UntrustedCertificate;
    err.certificate = leaf;
    err.certificateFingerprint = CertificateTrust::fingerprint(leaf);
    err.message =
        tr("The certificate of %1 is not trusted (%2). SHA-256 fingerprint: %3")
            .arg(m_options.host, reasons.join(QStringLiteral("; ")), err.certificateFingerprint);
    m_trustError = err;
    // Qt aborts the handshake after this signal; onSocketError reports m_trustError.
}

void SecureSocket::onSocketError()
{
    if (!m_socket)
        return;
    if (m_trustError.isError()) {
        fail(m_trustError);
        return;
    }
    const auto code = m_socket->error();
    Error::Kind kind = Error::Kind::ConnectionLost;
    QString message;
    switch (code) {
    case QAbstractSocket::HostNotFoundError:
        kind = Error::Kind::HostNotFound;
        message = tr("Server %1 not found.").arg(m_options.host);
        break;
    case QAbstractSocket::ConnectionRefusedError:
        kind = Error::Kind::ConnectionRefused;
        message = tr("%1 refused the connection.").arg(where());
        break;
    case QAbstractSocket::SocketTimeoutError:
        kind = Error::Kind::Timeout;
        message = tr("Timed out talking to %1.").arg(where());
        break;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        kind = Error::Kind::Tls;
        message = tr("TLS with %1 failed: %2").arg(where(), m_socket->errorString());
        break;
    case QAbstractSocket::RemoteHostClosedError:
        message = tr("%1 closed the connection.").arg(where());
        break;
    default:
        message = tr("Connection to %1 failed: %2").arg(where(), m_socket->errorString());
        break;
    }
    fail(Error::make(kind, message));
}

void SecureSocket::onDisconnected()
{
    if (m_trustError.isError()) {
        fail(m_trustError);
        return;
    }
    fail(Error::make(Error::Kind::ConnectionLost, tr("%1 closed the connection.").arg(where())));
}

QString kindName(Error::Kind kind)
{
    switch (kind) {
    case Error::Kind::None:
        return QStringLiteral("none");
    case Error::Kind::HostNotFound:
        return QStringLiteral("host-not-found");
    case Error::Kind::ConnectionRefused:
        return QStringLiteral("connection-refused");
    case Error::Kind::ConnectionLost:
        return QStringLiteral("connection-lost");
    case Error::Kind::Timeout:
        return QStringLiteral("timeout");
    case Error::Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Error::Kind::Tls:
        return QStringLiteral("tls");
    case Error::Kind::UntrustedCertificate:
        return QStringLiteral("untrusted-certificate");
    case Error::Kind::StartTlsUnavailable:
        return QStringLiteral("starttls-unavailable");
    case Error::Kind::Protocol:
        return QStringLiteral("protocol");
    case Error::Kind::Authentication:
        return QStringLiteral("authentication");
    case Error::Kind::ServerBye:
        return QStringLiteral("server-bye");
    case Error::Kind::CommandFailed:
        return QStringLiteral("command-failed");
    case Error::Kind::Unsupported:
        return QStringLiteral("unsupported");
    case Error::Kind::NotConnected:
        return QStringLiteral("not-connected");
    case Error::Kind::Storage:
        return QStringLiteral("storage");
    }
    return QString();
}

QString categoryName(Error::Category category)
{
    switch (category) {
    case Error::Category::None:
        return QStringLiteral("none");
    case Error::Category::Network:
        return QStringLiteral("network");
    case Error::Category::Tls:
        return QStringLiteral("tls");
    case Error::Category::Auth:
        return QStringLiteral("auth");
    case Error::Category::Protocol:
        return QStringLiteral("protocol");
    case Error::Category::Storage:
        return QStringLiteral("storage");
    case Error::Category::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QString();
}

} // namespace herald::net
