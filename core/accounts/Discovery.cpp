#include "core/accounts/Discovery.h"

#include "core/accounts/AutoconfigFetch.h"
#include "core/accounts/AutoconfigXml.h"
#include "core/accounts/PortProbe.h"
#include "core/accounts/ProviderDatabase.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QUrlQuery>
#include <algorithm>

namespace herald::accounts {

namespace {
// Sentences the user reads (the wizard shows the progress lines and the error).
QString tr(const char *text)
{
    // The context lupdate gives the calls in class Run; the free functions' "herald::accounts"
    // is found from it (ui/Language.cpp).
    return QCoreApplication::translate("herald::accounts::Run", text);
}
} // namespace

QString describeSource(DiscoverySource source)
{
    switch (source) {
    case DiscoverySource::AutoconfigHttps:
        return tr("the provider's autoconfig file (https)");
    case DiscoverySource::AutoconfigHttp:
        return tr("the provider's autoconfig file over plain http (unverified)");
    case DiscoverySource::Bundled:
        return tr("Herald's list of known providers");
    case DiscoverySource::Srv:
        return tr("DNS service records (SRV)");
    case DiscoverySource::MxProvider:
        return tr("the provider that receives the domain's mail (MX)");
    case DiscoverySource::Guess:
        return tr("common server names that answered");
    }
    return {};
}

QString sourceKey(DiscoverySource source)
{
    switch (source) {
    case DiscoverySource::AutoconfigHttps:
        return QStringLiteral("autoconfig-https");
    case DiscoverySource::AutoconfigHttp:
        return QStringLiteral("autoconfig-http");
    case DiscoverySource::Bundled:
        return QStringLiteral("bundled");
    case DiscoverySource::Srv:
        return QStringLiteral("srv");
    case DiscoverySource::MxProvider:
        return QStringLiteral("mx-provider");
    case DiscoverySource::Guess:
        return QStringLiteral("guess");
    }
    return {};
}

QList<QHostAddress> DiscoveryDns::addresses(const QString &host)
{
    return QHostInfo::fromName(host).addresses();
}

QString DiscoveryDns::registrableDomain(const QString &host)
{
    const QStringList labels = host.toLower().split(QLatin1Char('.'), Qt::SkipEmptyParts);
    return labels.size() <= 2 ? labels.join(QLatin1Char('.'))
                              : labels.mid(labels.size() - 2).join(QLatin1Char('.'));
}

namespace {

// One discovery run: the address, the options, and where progress goes.
class Run
{
public:
    Run(const QString &email, DiscoveryDns &dns, const DiscoveryOptions &options,
        const DiscoveryProgress &progress)
        : m_email(email), m_domain(email.mid(email.lastIndexOf(QLatin1Char('@')) + 1).toLower()),
          m_dns(dns), m_options(options), m_progress(progress),
          m_fetch(options.extraCaCertificates, options.httpTimeoutMs, options.stop)
    {
    }

    bool stopped() const { return m_options.stop && m_options.stop->load(); }
    const QString &domain() const { return m_domain; }

    std::optional<DiscoveredServers> autoconfig(const QString &domain, bool https, bool http);
    std::optional<DiscoveredServers> bundled(const QString &domain, DiscoverySource source,
                                             const QString &detail);
    std::optional<DiscoveredServers> srv();
    std::optional<DiscoveredServers> mxProvider();
    std::optional<DiscoveredServers> guesses();

private:
    void say(const QString &line) const
    {
        if (m_progress)
            m_progress(line);
    }
    QUrl autoconfigUrl(const QString &base) const
    {
        QUrl url(base + QStringLiteral("/mail/config-v1.1.xml"));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("emailaddress"),
                           QString::fromLatin1(QUrl::toPercentEncoding(m_email)));
        url.setQuery(query);
        return url;
    }
    static DiscoveredServers fromProvider(const AutoconfigProvider &p, DiscoverySource source,
                                          const QString &detail)
    {
        DiscoveredServers d;
        d.source = source;
        d.detail = detail;
        d.needsConfirmation = source == DiscoverySource::AutoconfigHttp;
        d.providerName = p.displayName;
        d.incoming = p.incoming;
        d.outgoing = p.outgoing;
        return d;
    }
    ServerUrl server(Protocol p, Transport t, const QString &host, quint16 port) const
    {
        ServerUrl u;
        u.protocol = p;
        u.transport = t;
        u.user = m_email;
        u.host = host;
        u.port = port;
        return u;
    }

    QString m_email, m_domain;
    DiscoveryDns &m_dns;
    const DiscoveryOptions &m_options;
    const DiscoveryProgress &m_progress;
    AutoconfigFetch m_fetch;
};

std::optional<DiscoveredServers> Run::autoconfig(const QString &domain, bool https, bool http)
{
    // The user's own domain may have its first base replaced (tests: a loopback web server).
    const QString base = domain == m_domain ? m_options.autoconfigBaseUrl.trimmed() : QString();
    const auto chop = [](QString b) {
        while (b.endsWith(QLatin1Char('/')))
            b.chop(1);
        return b;
    };
    std::vector<std::pair<QUrl, DiscoverySource>> urls;
    for (const bool secure : {true, false}) {
        if ((secure && !https) || (!secure && !http))
            continue;
        const QString scheme = secure ? QStringLiteral("https://") : QStringLiteral("http://");
        const QString first = base.startsWith(scheme, Qt::CaseInsensitive)
                                  ? chop(base)
                                  : scheme + QStringLiteral("autoconfig.") + domain;
        const auto source =
            secure ? DiscoverySource::AutoconfigHttps : DiscoverySource::AutoconfigHttp;
        urls.push_back({autoconfigUrl(first), source});
        urls.push_back(
            {autoconfigUrl(scheme + domain + QStringLiteral("/.well-known/autoconfig")), source});
    }
    for (const auto &[url, source] : urls) {
        if (stopped())
            return std::nullopt;
        say(tr("Fetching %1 …").arg(url.toString(QUrl::RemoveQuery)));
        // The host through Herald's resolver, so --nameserver applies here too.
        QHostAddress address;
        if (QHostAddress(url.host()).isNull()) {
            const QList<QHostAddress> found = m_dns.addresses(url.host());
            if (found.isEmpty()) {
                say(tr("  no such host: %1").arg(url.host()));
                continue;
            }
            address = found.first();
        }
        const AutoconfigFetch::Result r = m_fetch.get(url, address);
        if (!r.ok) {
            say(tr("  no autoconfig file there: %1").arg(r.error));
            continue;
        }
        QString error;
        const auto provider = parseAutoconfig(r.body, m_email, &error);
        if (!provider || provider->incoming.empty()) {
            say(tr("  unusable: %1").arg(provider ? tr("no incoming server with TLS") : error));
            continue;
        }
        return fromProvider(*provider, source, url.toString());
    }
    return std::nullopt;
}

std::optional<DiscoveredServers> Run::bundled(const QString &domain, DiscoverySource source,
                                              const QString &detail)
{
    say(tr("Looking up %1 in Herald's provider list …").arg(domain));
    const auto provider = bundledProvider(domain, m_email);
    if (!provider || provider->incoming.empty())
        return std::nullopt;
    return fromProvider(*provider, source, detail);
}

std::optional<DiscoveredServers> Run::srv()
{
    struct Service
    {
        const char *label;
        Protocol protocol;
        Transport transport;
    };
    static const Service services[] = {
        {"_imaps._tcp.", Protocol::Imap, Transport::ImplicitTls},
        {"_imap._tcp.", Protocol::Imap, Transport::StartTls},
        {"_pop3s._tcp.", Protocol::Pop3, Transport::ImplicitTls},
        {"_pop3._tcp.", Protocol::Pop3, Transport::StartTls},
        {"_submissions._tcp.", Protocol::Smtp, Transport::ImplicitTls},
        {"_submission._tcp.", Protocol::Smtp, Transport::StartTls},
    };
    DiscoveredServers found;
    found.source = DiscoverySource::Srv;
    QStringList names;
    for (const Service &s : services) {
        if (stopped())
            return std::nullopt;
        const QString name = QLatin1String(s.label) + m_domain;
        say(tr("Asking DNS for %1 …").arg(name));
        std::vector<DiscoveryDns::Srv> records = m_dns.srv(name);
        records.erase(std::remove_if(records.begin(), records.end(),
                                     [](const DiscoveryDns::Srv &r) {
                                         return r.target.isEmpty() ||
                                                r.target == QLatin1String(".") || r.port == 0;
                                     }),
                      records.end());
        // RFC 2782: lowest priority first; among equals, the heavier first.
        std::stable_sort(records.begin(), records.end(), [](const auto &a, const auto &b) {
            return a.priority != b.priority ? a.priority < b.priority : a.weight > b.weight;
        });
        if (!records.empty())
            names << name;
        for (const DiscoveryDns::Srv &r : records) {
            auto &list = s.protocol == Protocol::Smtp ? found.outgoing : found.incoming;
            list.push_back(server(s.protocol, s.transport, r.target.toLower(), r.port));
        }
    }
    if (found.incoming.empty())
        return std::nullopt;
    found.detail = names.join(QStringLiteral(", "));
    return found;
}

std::optional<DiscoveredServers> Run::mxProvider()
{
    say(tr("Asking DNS for the mail exchanger (MX) of %1 …").arg(m_domain));
    const QStringList exchanges = m_dns.mx(m_domain);
    if (exchanges.isEmpty() || stopped())
        return std::nullopt;
    const QString mx = exchanges.first().toLower();
    const QString provider = m_dns.registrableDomain(mx).toLower();
    if (provider.isEmpty() || provider == m_domain) {
        say(tr("  %1 receives the mail itself (%2)").arg(m_domain, mx));
        return std::nullopt;
    }
    say(tr("  mail for %1 goes to %2 (%3)").arg(m_domain, mx, provider));
    const QString detail = QStringLiteral("MX %1 → %2").arg(mx, provider);
    if (auto found = bundled(provider, DiscoverySource::MxProvider, detail))
        return found;
    if (auto found = autoconfig(provider, true, false)) {
        found->source = DiscoverySource::MxProvider;
        found->detail = detail + QStringLiteral(" (") + found->detail + QLatin1Char(')');
        return found;
    }
    return std::nullopt;
}

std::optional<DiscoveredServers> Run::guesses()
{
    const auto &ports = m_options.standardPorts;
    struct Guess
    {
        ServerUrl url;
        ProbeTarget target;
    };
    QHash<QString, QList<QHostAddress>> known;
    const auto addressesOf = [&](const QString &host) {
        if (!known.contains(host)) {
            say(tr("Looking up %1 …").arg(host));
            known.insert(host,
                         m_dns.hostExists(host) ? m_dns.addresses(host) : QList<QHostAddress>());
        }
        return known.value(host);
    };
    const auto probe = [&](std::vector<Guess> guesses) {
        guesses.erase(std::remove_if(guesses.begin(), guesses.end(),
                                     [](const Guess &g) { return g.target.addresses.isEmpty(); }),
                      guesses.end());
        std::vector<ProbeTarget> targets;
        for (const Guess &g : guesses)
            targets.push_back(g.target);
        if (!targets.empty())
            say(tr("Trying %1 guessed server port(s) …").arg(targets.size()));
        const std::vector<bool> answered =
            probePorts(targets, m_options.probeTimeoutMs, m_options.stop);
        std::vector<ServerUrl> out;
        for (size_t i = 0; i < guesses.size(); ++i)
            if (answered[i])
                out.push_back(guesses[i].url);
        return out;
    };
    const auto guess = [&](Protocol p, Transport t, const char *prefix, quint16 port) {
        const QString host = QLatin1String(prefix) + m_domain;
        return Guess{server(p, t, host, port), {addressesOf(host), port}};
    };
    using P = Protocol;
    using T = Transport;
    std::vector<ServerUrl> found = probe({
        guess(P::Imap, T::ImplicitTls, "imap.", ports.imaps),
        guess(P::Imap, T::ImplicitTls, "mail.", ports.imaps),
        guess(P::Pop3, T::ImplicitTls, "pop.", ports.pop3s),
        guess(P::Pop3, T::ImplicitTls, "mail.", ports.pop3s),
        guess(P::Smtp, T::ImplicitTls, "smtp.", ports.submissions),
        guess(P::Smtp, T::ImplicitTls, "mail.", ports.submissions),
        guess(P::Smtp, T::StartTls, "smtp.", ports.submission),
        guess(P::Smtp, T::StartTls, "mail.", ports.submission),
    });
    if (stopped())
        return std::nullopt;
    const auto has = [&found](P p) {
        return std::any_of(found.begin(), found.end(),
                           [p](const ServerUrl &u) { return u.protocol == p; });
    };
    std::vector<Guess> startTls; // only for a protocol whose implicit-TLS port was silent
    if (!has(P::Imap)) {
        startTls.push_back(guess(P::Imap, T::StartTls, "imap.", ports.imap));
        startTls.push_back(guess(P::Imap, T::StartTls, "mail.", ports.imap));
    }
    if (!has(P::Pop3)) {
        startTls.push_back(guess(P::Pop3, T::StartTls, "pop.", ports.pop3));
        startTls.push_back(guess(P::Pop3, T::StartTls, "mail.", ports.pop3));
    }
    for (const ServerUrl &u : probe(startTls))
        found.push_back(u);
    DiscoveredServers result;
    result.source = DiscoverySource::Guess;
    QStringList answered;
    for (const ServerUrl &u : found) {
        (u.isIncoming() ? result.incoming : result.outgoing).push_back(u);
        answered << QStringLiteral("%1:%2").arg(u.host).arg(u.port);
    }
    if (result.incoming.empty())
        return std::nullopt;
    sortCandidates(result.incoming);
    sortCandidates(result.outgoing);
    answered.removeDuplicates();
    result.detail = answered.join(QStringLiteral(", ")) + QStringLiteral(" answered");
    return result;
}

bool isPlausibleAddress(const QString &email)
{
    const qsizetype at = email.lastIndexOf(QLatin1Char('@'));
    if (at <= 0 || at == email.size() - 1 || email.contains(QLatin1Char(' ')))
        return false;
    const QString domain = email.mid(at + 1);
    return domain.contains(QLatin1Char('.')) && !domain.startsWith(QLatin1Char('.')) &&
           !domain.endsWith(QLatin1Char('.')) && !domain.contains(QLatin1String(".."));
}

} // namespace

std::optional<DiscoveredServers> discoverServers(const QString &emailIn, DiscoveryDns &dns,
                                                 const DiscoveryOptions &options,
                                                 const DiscoveryProgress &progress, QString *error)
{
    QString email = emailIn.trimmed();
    const qsizetype at = email.lastIndexOf(QLatin1Char('@'));
    if (at > 0) // domains are case-insensitive; the local part is the server's business
        email = email.left(at + 1) + email.mid(at + 1).toLower();
    const auto fail = [error](const QString &message) -> std::optional<DiscoveredServers> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!isPlausibleAddress(email))
        return fail(tr("“%1” is not an e-mail address (expected name@domain.tld).").arg(email));
    Run run(email, dns, options, progress);
    using Step = std::function<std::optional<DiscoveredServers>()>;
    const Step steps[] = {
        [&] { return run.autoconfig(run.domain(), true, false); },
        [&] { return run.autoconfig(run.domain(), false, true); },
        [&] { return run.bundled(run.domain(), DiscoverySource::Bundled, run.domain()); },
        [&] { return run.srv(); },
        [&] { return run.mxProvider(); },
        [&] { return run.guesses(); },
    };
    for (const Step &step : steps) {
        if (run.stopped())
            return fail(tr("Discovery was stopped."));
        if (auto found = step())
            return found;
    }
    if (run.stopped())
        return fail(tr("Discovery was stopped."));
    return fail(tr("Herald found no mail servers for %1: the domain has no autoconfig "
                   "file, is not in Herald's provider list, has no DNS service "
                   "records, and no imap., mail., pop. or smtp. server answered. "
                   "Enter the servers your provider names in its help pages.")
                    .arg(run.domain()));
}

} // namespace herald::accounts
