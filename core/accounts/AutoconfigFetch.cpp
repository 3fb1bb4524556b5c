#include "core/accounts/AutoconfigFetch.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTimer>

namespace herald::accounts {

namespace {
constexpr qint64 kMaxBody = 1024 * 1024; // an autoconfig file is a few KiB
}

AutoconfigFetch::AutoconfigFetch(QList<QSslCertificate> extraCaCertificates, int timeoutMs,
                                 const std::atomic<bool> *stop)
    : m_nam(std::make_unique<QNetworkAccessManager>()), m_extraCas(std::move(extraCaCertificates)),
      m_timeoutMs(timeoutMs), m_stop(stop)
{
    m_nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

AutoconfigFetch::~AutoconfigFetch() = default;

AutoconfigFetch::Result AutoconfigFetch::get(const QUrl &url, const QHostAddress &address)
{
    Result result;
    QNetworkRequest request(url);
    if (!address.isNull()) {
        QUrl direct = url;
        direct.setHost(address.toString());
        request.setUrl(direct);
        request.setRawHeader(
            "Host", (url.port() < 0 ? url.host()
                                    : url.host() + QLatin1Char(':') + QString::number(url.port()))
                        .toUtf8());
        request.setPeerVerifyName(url.host());
    }
    request.setMaximumRedirectsAllowed(5);
    request.setTransferTimeout(m_timeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Herald"));
    if (!m_extraCas.isEmpty()) {
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        conf.setCaCertificates(QSslConfiguration::systemCaCertificates() + m_extraCas);
        request.setSslConfiguration(conf);
    }
    QNetworkReply *reply = m_nam->get(request);
    QEventLoop loop;
    bool timedOut = false, stopped = false, tooBig = false;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [&](qint64 received, qint64) {
        if (received > kMaxBody) {
            tooBig = true;
            reply->abort();
        }
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, reply, [&] {
        timedOut = true;
        reply->abort();
    });
    deadline.start(m_timeoutMs);
    QTimer stopPoll; // the stop flag is set from another thread: look at it often
    QObject::connect(&stopPoll, &QTimer::timeout, reply, [&] {
        if (m_stop && m_stop->load()) {
            stopped = true;
            reply->abort();
        }
    });
    stopPoll.start(100);
    if (!reply->isFinished())
        loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (stopped) {
        result.error = QStringLiteral("stopped");
    } else if (timedOut) {
        result.error = QStringLiteral("no answer within %1 s").arg(m_timeoutMs / 1000.0);
    } else if (tooBig) {
        result.error = QStringLiteral("the answer is larger than 1 MiB");
    } else if (reply->error() == QNetworkReply::InsecureRedirectError) {
        result.error = QStringLiteral("it redirects to plain http, which Herald does not follow");
    } else if (reply->error() != QNetworkReply::NoError && status == 0) {
        result.error = reply->errorString();
    } else if (status != 200) {
        result.error = QStringLiteral("HTTP %1").arg(status);
    } else {
        result.body = reply->readAll();
        result.ok = true;
    }
    delete reply; // not deleteLater: no event loop may run again on this worker thread
    return result;
}

} // namespace herald::accounts
