#include "core/accounts/ServerUrl.h"

#include <QUrl>

namespace herald::accounts {

namespace {
struct Scheme
{
    const char *name;
    Protocol protocol;
    Transport transport;
    quint16 defaultPort;
};
constexpr Scheme kSchemes[] = {
    {"imaps", Protocol::Imap, Transport::ImplicitTls, 993},
    {"imap+starttls", Protocol::Imap, Transport::StartTls, 143},
    {"pop3s", Protocol::Pop3, Transport::ImplicitTls, 995},
    {"pop3+starttls", Protocol::Pop3, Transport::StartTls, 110},
    {"smtps", Protocol::Smtp, Transport::ImplicitTls, 465},
    {"smtp+starttls", Protocol::Smtp, Transport::StartTls, 587},
};

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}
} // namespace

QString protocolName(Protocol protocol)
{
    switch (protocol) {
    case Protocol::Imap:
        return QStringLiteral("IMAP");
    case Protocol::Pop3:
        return QStringLiteral("POP3");
    case Protocol::Smtp:
        return QStringLiteral("SMTP");
    }
    return {};
}

QString ServerUrl::toString() const
{
    for (const Scheme &s : kSchemes) {
        if (s.protocol == protocol && s.transport == transport) {
            QUrl url;
            url.setScheme(QString::fromLatin1(s.name));
            url.setUserName(user);
            url.setHost(host);
            url.setPort(port);
            // Spaces encoded: "imaps://a b@host" is not a URL parse() accepts, so a login
            // with a space was stored in a form the account could not read back (fuzz_server_url).
            return url.toString(QUrl::PrettyDecoded | QUrl::EncodeSpaces);
        }
    }
    return {};
}

std::optional<ServerUrl> ServerUrl::parse(const QString &text, QString *error)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        setError(
            error,
            QStringLiteral("'%1' is not a server address like imaps://user@host:993").arg(text));
        return std::nullopt;
    }
    const QString scheme = url.scheme().toLower();
    for (const Scheme &s : kSchemes) {
        if (scheme != QLatin1String(s.name))
            continue;
        ServerUrl out;
        out.protocol = s.protocol;
        out.transport = s.transport;
        out.user = url.userName(QUrl::FullyDecoded);
        out.host = url.host();
        out.port = quint16(url.port(s.defaultPort));
        if (out.user.isEmpty()) {
            setError(error, QStringLiteral("'%1' has no user name (write USER@HOST)").arg(text));
            return std::nullopt;
        }
        return out;
    }
    if (scheme == QLatin1String("imap") || scheme == QLatin1String("pop3") ||
        scheme == QLatin1String("smtp"))
        setError(error, QStringLiteral("'%1://' would send the password in clear; use %1s:// "
                                       "or %1+starttls://")
                            .arg(scheme));
    else
        setError(error, QStringLiteral("unknown scheme '%1' (use imaps, imap+starttls, pop3s, "
                                       "pop3+starttls, smtps or smtp+starttls)")
                            .arg(scheme));
    return std::nullopt;
}

} // namespace herald::accounts
