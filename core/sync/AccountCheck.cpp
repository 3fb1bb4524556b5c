#include "core/sync/AccountCheck.h"

#include "core/accounts/ConnectionSettings.h"
#include "core/imap/ImapSession.h"
#include "core/net/CertificateTrust.h"
#include "core/pop3/Pop3Session.h"
#include "core/smtp/SmtpSession.h"

#include <QCoreApplication>
#include <QTimer>

namespace herald::sync {

namespace {

QString joinNames(const QStringList &names)
{
    return names.join(QStringLiteral(", "));
}

net::Error logIn(const accounts::ServerUrl &url, const QString &password,
                 const accounts::AccountSettings &settings, const net::ConnectOptions &options,
                 const std::atomic<bool> *stop)
{
    switch (url.protocol) {
    case accounts::Protocol::Imap: {
        imap::ImapSession session;
        session.setStopFlag(stop);
        auto error = session.open(options, {url.user, password, QString()});
        if (!error)
            session.close();
        return error;
    }
    case accounts::Protocol::Pop3: {
        pop3::Pop3Session session;
        session.setStopFlag(stop);
        session.setPreferApop(settings.preferApop);
        auto error = session.open(options, {url.user, password, QString()});
        if (!error)
            session.close();
        return error;
    }
    case accounts::Protocol::Smtp: {
        if (url.user.isEmpty())
            return net::Error::make(
                net::Error::Kind::Authentication,
                QCoreApplication::translate("AccountCheck", "no user name given"));
        smtp::SmtpSession session;
        session.setStopFlag(stop);
        auto error = session.open(options, {url.user, password, QString()});
        if (!error)
            session.close();
        return error;
    }
    }
    return net::Error::make(net::Error::Kind::Unsupported,
                            QCoreApplication::translate("AccountCheck", "unknown protocol"));
}

} // namespace

CertificateSummary summarizeCertificate(const QSslCertificate &certificate)
{
    CertificateSummary s;
    auto names = [](const QStringList &cn, const QStringList &org) {
        QStringList all = cn;
        for (const QString &o : org)
            if (!all.contains(o))
                all << o;
        return joinNames(all);
    };
    s.subject = names(certificate.subjectInfo(QSslCertificate::CommonName),
                      certificate.subjectInfo(QSslCertificate::Organization));
    if (s.subject.isEmpty())
        s.subject = certificate.subjectDisplayName();
    s.issuer = names(certificate.issuerInfo(QSslCertificate::CommonName),
                     certificate.issuerInfo(QSslCertificate::Organization));
    if (s.issuer.isEmpty())
        s.issuer = certificate.issuerDisplayName();
    s.validFrom = certificate.effectiveDate();
    s.validUntil = certificate.expiryDate();
    s.sha256 = net::CertificateTrust::fingerprint(certificate);
    return s;
}

ServerCheck describeFailure(const accounts::ServerUrl &url, const net::Error &error, int timeoutMs)
{
    using Kind = net::Error::Kind;
    using Outcome = ServerCheck::Outcome;
    ServerCheck c;
    c.error = error;
    const QString where = QStringLiteral("%1:%2").arg(url.host).arg(url.port);
    switch (error.kind) {
    case Kind::None:
        c.outcome = Outcome::LoggedIn;
        return c;
    case Kind::Authentication:
        c.outcome = Outcome::WrongPassword;
        c.message = QCoreApplication::translate(
                        "AccountCheck",
                        "Wrong user name or password: %1 did not accept the login of %2. (%3)")
                        .arg(url.host, url.user, error.message);
        break;
    case Kind::HostNotFound:
        c.outcome = Outcome::HostNotFound;
        c.message =
            QCoreApplication::translate(
                "AccountCheck", "No such host: there is no server named %1. Check the host name.")
                .arg(url.host);
        break;
    case Kind::ConnectionRefused:
        c.outcome = Outcome::ConnectionRefused;
        c.message = QCoreApplication::translate(
                        "AccountCheck",
                        "Port closed: %1 refused the connection on port %2 (connection refused). "
                        "Check the port.")
                        .arg(url.host)
                        .arg(url.port);
        break;
    case Kind::Timeout:
        c.outcome = Outcome::Timeout;
        c.message = QCoreApplication::translate("AccountCheck",
                                                "Timed out: %1 did not answer within %2 seconds.")
                        .arg(where)
                        .arg(timeoutMs / 1000);
        break;
    case Kind::UntrustedCertificate:
        c.outcome = Outcome::UntrustedCertificate;
        c.certificate = error.certificate;
        // The technical reasons stay in c.error; the certificate's details are shown apart.
        c.message = QCoreApplication::translate(
                        "AccountCheck",
                        "Certificate not trusted: the certificate of %1 is not vouched for by "
                        "any authority this computer trusts.")
                        .arg(url.host);
        break;
    case Kind::StartTlsUnavailable:
        c.outcome = Outcome::StartTlsMissing;
        c.message = QCoreApplication::translate(
                        "AccountCheck",
                        "STARTTLS missing: %1 does not offer encryption on port %2, and Herald "
                        "never sends a password unencrypted. Choose TLS or another port.")
                        .arg(url.host)
                        .arg(url.port);
        break;
    case Kind::Cancelled:
        c.outcome = Outcome::Cancelled;
        c.message = QCoreApplication::translate("AccountCheck", "Cancelled.");
        break;
    default:
        c.outcome = Outcome::OtherError;
        c.message = QCoreApplication::translate("AccountCheck", "Could not log in to %1: %2")
                        .arg(where, error.message);
        break;
    }
    return c;
}

ServerCheck checkServer(const accounts::ServerUrl &url, const QString &password,
                        const accounts::AccountSettings &settings, int timeoutMs,
                        const std::atomic<bool> *stop)
{
    if (stop && *stop)
        return describeFailure(
            url,
            net::Error::make(net::Error::Kind::Cancelled,
                             QCoreApplication::translate("AccountCheck", "Cancelled.")),
            timeoutMs);
    net::ConnectOptions options = accounts::connectOptions(url, settings);
    options.connectTimeoutMs = timeoutMs;
    options.readTimeoutMs = timeoutMs;
    return describeFailure(url, logIn(url, password, settings, options, stop), timeoutMs);
}

AccountCheckResult checkAccount(const AccountCheckRequest &request, const std::atomic<bool> *stop)
{
    AccountCheckResult r;
    r.incoming =
        checkServer(request.incoming, request.password, request.settings, request.timeoutMs, stop);
    r.outgoing =
        checkServer(request.outgoing, request.password, request.settings, request.timeoutMs, stop);
    return r;
}

} // namespace herald::sync
