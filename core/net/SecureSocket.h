#pragma once
// SecureSocket: a TLS connection on QSslSocket with Herald's policy.
//  - ImplicitTls: TLS from the first byte. StartTls: plain TCP until the protocol client calls
//    startTls() (the client must not send credentials before encrypted()).
//  - SNI and host-name verification use the host name given; TLS 1.2 minimum.
//  - Trust: system CAs + extra CAs + pinned SHA-256 fingerprints (CertificateTrust). An untrusted
//    certificate fails with Error::Kind::UntrustedCertificate carrying the certificate and its
//    fingerprint, so a UI can pin it and reconnect.
//  - Connect timeout; idle read timeout while armed (a command is waiting for the server);
//    cancel() aborts with Error::Kind::Cancelled.
// Emits failed() at most once per connection; after failed() or close() the socket is idle.

#include "core/net/CertificateTrust.h"
#include "core/net/Error.h"
#include "core/net/Security.h"

#include <QObject>
#include <QSslError>
#include <QTimer>

class QSslSocket;

namespace herald::net {

struct ConnectOptions
{
    QString host;
    quint16 port = 0;
    Security security = Security::ImplicitTls;
    // Name to verify the certificate against (and send as SNI); empty: host.
    QString tlsHostName;
    CertificateTrust trust;
    int connectTimeoutMs = 30000; // TCP connect + TLS handshake
    int readTimeoutMs = 120000;   // silence while armed
};

class SecureSocket : public QObject
{
    Q_OBJECT
public:
    explicit SecureSocket(QObject *parent = nullptr);
    ~SecureSocket() override;

    // Starts connecting. ready() follows when bytes may be exchanged (after the TLS handshake for
    // ImplicitTls, after the TCP connect for StartTls).
    void connectToServer(const ConnectOptions &options);
    // Upgrades a StartTls connection; encrypted() follows (or failed()).
    void startTls();

    bool isEncrypted() const;
    bool isOpen() const { return m_open; }
    const ConnectOptions &options() const { return m_options; }
    QSslCertificate peerCertificate() const;

    void write(const QByteArray &bytes);
    // Arms / disarms the idle read timeout (re-armed by every byte received).
    void setReadTimeoutArmed(bool armed);
    void setReadTimeout(int ms);

    // Graceful close; no failed() signal.
    void close();
    // Aborts; emits failed(Cancelled).
    void cancel();
    // Aborts with the given error (emitted through failed()).
    void fail(const Error &error);

signals:
    void ready();
    void encrypted();
    void dataReceived(const QByteArray &bytes);
    void failed(const herald::net::Error &error);

private:
    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onSocketError();
    void onSslErrors(const QList<QSslError> &errors);
    void onDisconnected();
    void setUpTls();
    QString where() const;
    QString peerName() const;

    ConnectOptions m_options;
    QSslSocket *m_socket = nullptr;
    QTimer m_connectTimer;
    QTimer m_readTimer;
    bool m_open = false; // a connection attempt or session is live
    bool m_readyEmitted = false;
    bool m_readArmed = false;
    bool m_upgrading = false;
    Error m_trustError; // set by onSslErrors when the certificate is refused
};

} // namespace herald::net
