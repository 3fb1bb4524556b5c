#pragma once
// Fetching autoconfig files over HTTP(S) for discovery: QNetworkAccessManager on the calling
// (worker) thread, driven by a local event loop, so discoverServers() can block. HTTPS is
// verified against the system CAs plus the caller's extra CAs; a redirect from https to plain
// http is refused (Qt's NoLessSafeRedirectPolicy), never followed silently.

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QUrl>
#include <atomic>
#include <memory>

class QNetworkAccessManager;

namespace herald::accounts {

class AutoconfigFetch
{
public:
    AutoconfigFetch(QList<QSslCertificate> extraCaCertificates, int timeoutMs,
                    const std::atomic<bool> *stop);
    ~AutoconfigFetch();

    struct Result
    {
        bool ok = false;
        QByteArray body;
        QString error; // a sentence: "HTTP 404", "the connection timed out", …
    };
    // GET `url`; ok only for a 200 answer of at most 1 MiB. With `address`, connects there
    // (Herald's resolver found it) while the Host header, SNI and the certificate check use
    // the URL's host name.
    Result get(const QUrl &url, const QHostAddress &address = QHostAddress());

private:
    std::unique_ptr<QNetworkAccessManager> m_nam;
    QList<QSslCertificate> m_extraCas;
    int m_timeoutMs;
    const std::atomic<bool> *m_stop;
};

} // namespace herald::accounts
