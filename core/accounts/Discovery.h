#pragma once
// Account discovery: from an e-mail address to its provider's servers, for a user who knows
// only their address and password. Sources, tried in this order until one answers:
//   1. Mozilla autoconfig over HTTPS: https://autoconfig.DOMAIN/mail/config-v1.1.xml, then
//      https://DOMAIN/.well-known/autoconfig/mail/config-v1.1.xml;
//   2. the same two over plain HTTP (the answer is only a suggestion the user confirms);
//   3. the bundled provider database (resources/providers, the same XML format);
//   4. RFC 6186 / RFC 8314 SRV records (_imaps._tcp, _imap._tcp, _pop3s._tcp, _pop3._tcp,
//      _submissions._tcp, _submission._tcp) through Herald's own resolver;
//   5. the MX host's provider (autoconfig / bundled entry of the MX host's domain);
//   6. guesses: imap., mail., pop., smtp. with the standard ports, kept when the port answers.
// Implicit TLS is preferred over STARTTLS; plaintext servers are never offered.
//
// discoverServers() blocks (HTTP through a local event loop, DNS through libunbound): call it
// on a worker thread, never on the UI thread. herald-cli's `account discover` uses it too.

#include "core/accounts/ServerUrl.h"

#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>
#include <optional>
#include <vector>

namespace herald::accounts {

enum class DiscoverySource {
    AutoconfigHttps, // https://autoconfig.DOMAIN/… or https://DOMAIN/.well-known/…
    AutoconfigHttp,  // the same over plain HTTP: needs the user's confirmation
    Bundled,         // resources/providers
    Srv,             // RFC 6186 / 8314
    MxProvider,      // the provider of the domain's MX host
    Guess,           // imap./mail./smtp. with standard ports that answered
};

// A sentence for the user: "the provider's autoconfig file (https)", "DNS service records", …
QString describeSource(DiscoverySource source);
// A stable key for scripts (herald-cli --json): "autoconfig-https", "autoconfig-http",
// "bundled", "srv", "mx-provider", "guess".
QString sourceKey(DiscoverySource source);

struct DiscoveredServers
{
    DiscoverySource source = DiscoverySource::Guess;
    QString detail;                 // where exactly: the URL fetched, the SRV names, the MX host
    bool needsConfirmation = false; // true for AutoconfigHttp (an unauthenticated answer)
    QString providerName;           // the XML's displayName, when known
    // Candidates, best first (implicit TLS before STARTTLS; IMAP before POP3). The user name
    // is filled in from the address (%EMAILADDRESS%, %EMAILLOCALPART%); SRV records and
    // guesses use the whole address. `incoming` is never empty; `outgoing` may be (a domain
    // with IMAP SRV records but none for submission): ask the user for that one.
    std::vector<ServerUrl> incoming;
    std::vector<ServerUrl> outgoing;
};

// DNS questions discovery asks, all of them: also the autoconfig hosts' addresses (the HTTP
// fetch connects to what addresses() returns; a host without one is skipped). The caller
// adapts Herald's resolver (so HERALD_NAMESERVER and --nameserver apply): in the product,
// `sync::ResolverDiscoveryDns dns;` made on the worker thread; tests may answer from memory.
class DiscoveryDns
{
public:
    struct Srv
    {
        quint16 priority = 0;
        quint16 weight = 0;
        quint16 port = 0;
        QString target; // without the trailing dot; "." (service not offered) is dropped
    };
    virtual ~DiscoveryDns() = default;
    virtual std::vector<Srv> srv(const QString &name) = 0; // empty: none or no answer
    virtual QStringList mx(const QString &domain) = 0;     // exchanges, best first
    virtual bool hostExists(const QString &host) = 0;      // has an A or AAAA record
    // The host's addresses, for probing a guessed server's port. Default: the system
    // resolver (QHostInfo); Herald's adapter (core/sync/ResolverDiscoveryDns) asks its own.
    virtual QList<QHostAddress> addresses(const QString &host);
    // The registrable domain of a host ("aspmx.l.google.com" → "google.com"), for the MX
    // provider. Default: the last two labels; Herald's adapter uses the Public Suffix List.
    virtual QString registrableDomain(const QString &host);
};

struct DiscoveryOptions
{
    // Replaces "https://autoconfig.DOMAIN" (the first URL tried) when set; tests point it at a
    // loopback web server. Default: $HERALD_AUTOCONFIG_URL, else empty.
    // An http:// base replaces "http://autoconfig.DOMAIN" instead (the plain-HTTP round).
    QString autoconfigBaseUrl = qEnvironmentVariable("HERALD_AUTOCONFIG_URL");
    QList<QSslCertificate>
        extraCaCertificates; // trusted for the HTTPS fetches besides the system's
    int httpTimeoutMs = 8000;
    int probeTimeoutMs = 4000;               // a guessed host's port
    const std::atomic<bool> *stop = nullptr; // set from another thread to give up early
    // The ports guesses try (tests run the servers on high ports). STARTTLS imap/pop3 are
    // tried only when the implicit-TLS port of that protocol did not answer.
    struct StandardPorts
    {
        quint16 imaps = 993, imap = 143, pop3s = 995, pop3 = 110, submissions = 465,
                submission = 587;
    } standardPorts;
};

using DiscoveryProgress =
    std::function<void(const QString &line)>; // "Asking autoconfig.example.org …"

// The first source that answers, or nullopt (with *error a sentence for the user) when none
// did. Blocks: see above.
std::optional<DiscoveredServers> discoverServers(const QString &email, DiscoveryDns &dns,
                                                 const DiscoveryOptions &options,
                                                 const DiscoveryProgress &progress,
                                                 QString *error = nullptr);

} // namespace herald::accounts
