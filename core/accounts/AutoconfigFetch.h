#pragma once
// Fetching autoconfig files over HTTP(S) for discovery: QNetworkAccessManager on the calling
// (worker) thread, driven by a local event loop, so discoverServers() can block. HTTPS is
// verified against the system CAs plus the caller's extra CAs; a redirect from https to plain
// http is refused (Qt's NoLessSafeRedirectPolicy), never followed silently.

#include <QByteArray>
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
    // GET `url`; ok only for a 200 answer of at most 1 MiB.
    Result get(const QUrl &url);

private:
    std::unique_ptr<QNetworkAccessManager> m_nam;
    QList<QSslCertificate> m_extraCas;
    int m_timeoutMs;
    const std::atomic<bool> *m_stop;
};

} // namespace herald::accounts
