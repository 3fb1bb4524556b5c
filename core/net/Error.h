#pragma once
// herald::net::Error — the error value every protocol client reports, and the one error type
// of the engines (issue 14): a storage failure is an Error too (Kind::Storage), carried as a
// value across layers; no exception crosses an event loop. category() folds the detailed
// kinds onto the six a front end tells apart (network, TLS, auth, protocol, storage,
// cancelled). The message is user-readable (shown in the UI / printed by herald-cli); it
// never contains a password or a token.

#include <QSslCertificate>
#include <QString>

namespace herald::net {

struct Error
{
    enum class Kind {
        None,
        HostNotFound,
        ConnectionRefused,
        ConnectionLost,       // the peer closed or the network failed mid-session
        Timeout,              // connect timeout or idle read timeout
        Cancelled,            // the caller aborted
        Tls,                  // handshake failed for a reason other than trust
        UntrustedCertificate, // verification failed; certificate/fingerprint are set
        StartTlsUnavailable,  // STARTTLS required but not offered or refused by the server
        Protocol,             // the server sent something we cannot parse or accept
        Authentication,       // credentials rejected
        ServerBye,            // the server said BYE
        CommandFailed,        // a command got NO/BAD
        Unsupported,          // a required capability is missing
        NotConnected,
        Storage, // the cache refused a read or write (disk full, read-only, corrupt)
    };

    // The six kinds of issue 14; every Kind belongs to exactly one (None to None).
    enum class Category { None, Network, Tls, Auth, Protocol, Storage, Cancelled };

    Kind kind = Kind::None;
    QString message;
    // Hex SHA-256 with colons (AB:CD:...), set for UntrustedCertificate.
    QString certificateFingerprint;
    // The server's leaf certificate, so a UI can offer "trust this certificate".
    QSslCertificate certificate;

    bool isError() const { return kind != Kind::None; }
    explicit operator bool() const { return isError(); }

    static Error make(Kind kind, const QString &message)
    {
        Error e;
        e.kind = kind;
        e.message = message;
        return e;
    }
};

QString kindName(Error::Kind kind);

inline Error::Category category(Error::Kind kind)
{
    using Kind = Error::Kind;
    using Category = Error::Category;
    switch (kind) {
    case Kind::None:
        return Category::None;
    case Kind::HostNotFound:
    case Kind::ConnectionRefused:
    case Kind::ConnectionLost:
    case Kind::Timeout:
    case Kind::NotConnected:
        return Category::Network;
    case Kind::Tls:
    case Kind::UntrustedCertificate:
    case Kind::StartTlsUnavailable:
        return Category::Tls;
    case Kind::Authentication:
        return Category::Auth;
    case Kind::Protocol:
    case Kind::ServerBye:
    case Kind::CommandFailed:
    case Kind::Unsupported:
        return Category::Protocol;
    case Kind::Storage:
        return Category::Storage;
    case Kind::Cancelled:
        return Category::Cancelled;
    }
    return Category::Protocol;
}
inline Error::Category category(const Error &e)
{
    return category(e.kind);
}
// "network", "tls", "auth", "protocol", "storage", "cancelled" ("none" for no error).
QString categoryName(Error::Category category);

// The server could not be reached or the line broke (no answer, refused, lost, timed out):
// what a front end calls "offline", as opposed to a server that answered and said no.
inline bool isUnreachable(const Error &e)
{
    switch (e.kind) {
    case Error::Kind::HostNotFound:
    case Error::Kind::ConnectionRefused:
    case Error::Kind::ConnectionLost:
    case Error::Kind::Timeout:
    case Error::Kind::NotConnected:
        return true;
    default:
        return false;
    }
}

} // namespace herald::net
