#include "core/accounts/AutoconfigXml.h"

#include <QXmlStreamReader>
#include <algorithm>

namespace herald::accounts {

namespace {

struct RawServer
{
    QString type, hostname, port, socketType, username;
};

// Reads one <incomingServer>/<outgoingServer> element (the reader is on its start tag).
RawServer readServer(QXmlStreamReader &xml)
{
    RawServer s;
    s.type = xml.attributes().value(QLatin1String("type")).toString().trimmed().toLower();
    while (xml.readNextStartElement()) {
        const auto name = xml.name();
        if (name == QLatin1String("hostname"))
            s.hostname = xml.readElementText().trimmed();
        else if (name == QLatin1String("port"))
            s.port = xml.readElementText().trimmed();
        else if (name == QLatin1String("socketType"))
            s.socketType = xml.readElementText().trimmed().toUpper();
        else if (name == QLatin1String("username"))
            s.username = xml.readElementText().trimmed();
        else
            xml.skipCurrentElement();
    }
    return s;
}

quint16 defaultPort(Protocol p, Transport t)
{
    const bool tls = t == Transport::ImplicitTls;
    switch (p) {
    case Protocol::Imap:
        return tls ? 993 : 143;
    case Protocol::Pop3:
        return tls ? 995 : 110;
    case Protocol::Smtp:
        return tls ? 465 : 587;
    }
    return 0;
}

// A server Herald can use, or nullopt (plaintext, unknown type, no host, bad port).
std::optional<ServerUrl> toUrl(const RawServer &s, bool incoming, const QString &email)
{
    ServerUrl url;
    if (incoming && s.type == QLatin1String("imap"))
        url.protocol = Protocol::Imap;
    else if (incoming && s.type == QLatin1String("pop3"))
        url.protocol = Protocol::Pop3;
    else if (!incoming && s.type == QLatin1String("smtp"))
        url.protocol = Protocol::Smtp;
    else
        return std::nullopt; // exchange, jmap, ews…
    if (s.socketType == QLatin1String("SSL") || s.socketType == QLatin1String("TLS"))
        url.transport = Transport::ImplicitTls;
    else if (s.socketType == QLatin1String("STARTTLS"))
        url.transport = Transport::StartTls;
    else
        return std::nullopt; // "plain" or missing: Herald never sends credentials in clear
    url.host = expandEmailPlaceholders(s.hostname, email).toLower();
    if (url.host.isEmpty() || url.host.contains(QLatin1Char('%')))
        return std::nullopt;
    if (s.port.isEmpty()) {
        url.port = defaultPort(url.protocol, url.transport);
    } else {
        bool ok = false;
        const uint port = s.port.toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return std::nullopt;
        url.port = quint16(port);
    }
    url.user = s.username.isEmpty() ? email : expandEmailPlaceholders(s.username, email);
    return url;
}

} // namespace

QString expandEmailPlaceholders(const QString &text, const QString &email)
{
    const qsizetype at = email.lastIndexOf(QLatin1Char('@'));
    QString out = text;
    out.replace(QLatin1String("%EMAILADDRESS%"), email);
    out.replace(QLatin1String("%EMAILLOCALPART%"), at < 0 ? email : email.left(at));
    out.replace(QLatin1String("%EMAILDOMAIN%"), at < 0 ? QString() : email.mid(at + 1).toLower());
    return out;
}

void sortCandidates(std::vector<ServerUrl> &servers)
{
    std::vector<ServerUrl> unique;
    for (const ServerUrl &s : servers) {
        const bool seen = std::any_of(unique.begin(), unique.end(), [&s](const ServerUrl &u) {
            return u.toString() == s.toString();
        });
        if (!seen)
            unique.push_back(s);
    }
    std::stable_sort(unique.begin(), unique.end(), [](const ServerUrl &a, const ServerUrl &b) {
        const auto rank = [](const ServerUrl &u) {
            return int(u.protocol == Protocol::Pop3) * 2 + int(u.transport == Transport::StartTls);
        };
        return rank(a) < rank(b);
    });
    servers = std::move(unique);
}

std::optional<AutoconfigProvider> parseAutoconfig(const QByteArray &bytes, const QString &email,
                                                  QString *error)
{
    const auto fail = [error](const QString &message) -> std::optional<AutoconfigProvider> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QXmlStreamReader xml(bytes);
    if (!xml.readNextStartElement())
        return fail(QStringLiteral("The autoconfig file is not valid XML (line %1: %2).")
                        .arg(xml.lineNumber())
                        .arg(xml.errorString().isEmpty() ? QStringLiteral("no element")
                                                         : xml.errorString()));
    if (xml.name() != QLatin1String("clientConfig"))
        return fail(
            QStringLiteral("The file is not a Mozilla autoconfig file (it starts with <%1>, "
                           "not <clientConfig>).")
                .arg(xml.name().toString()));
    AutoconfigProvider provider;
    std::vector<RawServer> incoming, outgoing;
    bool sawProvider = false;
    QString shortName;
    while (xml.readNextStartElement()) {
        if (xml.name() != QLatin1String("emailProvider") || sawProvider) {
            xml.skipCurrentElement(); // oAuth2, webMail, a second provider…
            continue;
        }
        sawProvider = true;
        provider.id = xml.attributes().value(QLatin1String("id")).toString();
        while (xml.readNextStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("domain"))
                provider.domains << xml.readElementText().trimmed().toLower();
            else if (name == QLatin1String("displayName"))
                provider.displayName = xml.readElementText().trimmed();
            else if (name == QLatin1String("displayShortName"))
                shortName = xml.readElementText().trimmed();
            else if (name == QLatin1String("incomingServer"))
                incoming.push_back(readServer(xml));
            else if (name == QLatin1String("outgoingServer"))
                outgoing.push_back(readServer(xml));
            else
                xml.skipCurrentElement();
        }
    }
    if (xml.hasError())
        return fail(QStringLiteral("The autoconfig file is not valid XML (line %1: %2).")
                        .arg(xml.lineNumber())
                        .arg(xml.errorString()));
    if (!sawProvider)
        return fail(QStringLiteral("The autoconfig file names no e-mail provider "
                                   "(no <emailProvider> element)."));
    if (provider.displayName.isEmpty())
        provider.displayName = shortName.isEmpty() ? provider.id : shortName;
    if (!email.isEmpty()) // hosters write "Hosting (%EMAILDOMAIN%)"
        provider.displayName = expandEmailPlaceholders(provider.displayName, email);
    for (const RawServer &s : incoming)
        if (auto url = toUrl(s, true, email))
            provider.incoming.push_back(*url);
    for (const RawServer &s : outgoing)
        if (auto url = toUrl(s, false, email))
            provider.outgoing.push_back(*url);
    if (provider.incoming.empty() && provider.outgoing.empty())
        return fail(QStringLiteral("The autoconfig file of %1 offers no server Herald can use "
                                   "(IMAP, POP3 or SMTP with TLS).")
                        .arg(provider.displayName.isEmpty() ? QStringLiteral("the provider")
                                                            : provider.displayName));
    sortCandidates(provider.incoming);
    sortCandidates(provider.outgoing);
    return provider;
}

} // namespace herald::accounts
