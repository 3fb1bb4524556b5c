#pragma once
// AccountCheck: logs in to an account's incoming (IMAP or POP3) and outgoing (SMTP AUTH)
// server with a password BEFORE anything is saved, so the set-up can say in words what is
// wrong (wrong password, no such host, port closed, timeout, certificate not trusted, no
// STARTTLS) next to the server it concerns. Blocks: run it on a worker thread. Cancellable
// through a stop flag set from another thread (within 0.1 s).

#include "core/accounts/AccountSettings.h"
#include "core/accounts/ServerUrl.h"
#include "core/net/Error.h"

#include <QDateTime>
#include <QSslCertificate>
#include <QString>
#include <atomic>

namespace herald::sync {

// What the user needs to decide whether to trust a certificate.
struct CertificateSummary
{
    QString subject;
    QString issuer;
    QDateTime validFrom;
    QDateTime validUntil;
    QString sha256; // "AB:CD:…", the form `herald-cli trust` and the pins take
};
CertificateSummary summarizeCertificate(const QSslCertificate &certificate);

struct ServerCheck
{
    enum class Outcome {
        LoggedIn,
        WrongPassword,
        HostNotFound,
        ConnectionRefused, // port closed / nothing listening
        Timeout,
        UntrustedCertificate,
        StartTlsMissing,
        Cancelled,
        OtherError,
    };
    Outcome outcome = Outcome::OtherError;
    QString message;             // a sentence for the user; empty when logged in
    QSslCertificate certificate; // UntrustedCertificate: the server's certificate
    net::Error error;            // the underlying error, for logs and details

    bool ok() const { return outcome == Outcome::LoggedIn; }
};

struct AccountCheckRequest
{
    accounts::ServerUrl incoming;
    accounts::ServerUrl outgoing;
    QString password;
    accounts::AccountSettings settings; // caFile, pinnedCertificates, preferApop
    int timeoutMs = 20000;              // connect + handshake, and each answer
};

struct AccountCheckResult
{
    ServerCheck incoming;
    ServerCheck outgoing;
    bool ok() const { return incoming.ok() && outgoing.ok(); }
};

// Logs in and out of one server (IMAP, POP3 or SMTP as the URL says).
ServerCheck checkServer(const accounts::ServerUrl &url, const QString &password,
                        const accounts::AccountSettings &settings, int timeoutMs = 20000,
                        const std::atomic<bool> *stop = nullptr);
// Both servers, one after the other (the outgoing one even when the incoming one failed, so
// the user sees everything that is wrong at once).
AccountCheckResult checkAccount(const AccountCheckRequest &request,
                                const std::atomic<bool> *stop = nullptr);

// The sentence for an error of connecting or logging in to `url` (used by checkServer).
ServerCheck describeFailure(const accounts::ServerUrl &url, const net::Error &error, int timeoutMs);

} // namespace herald::sync
