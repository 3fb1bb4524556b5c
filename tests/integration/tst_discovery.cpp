// Account discovery against the real stack, one test per source: HTTPS autoconfig from a
// loopback web server with the stack's certificate (tests/support/autoconfig_server.py), the
// plain-HTTP fallback (needsConfirmation), an untrusted certificate and an https→http redirect
// refused, SRV records from NSD, the MX host's provider, guesses via NSD A records and the
// stack's real ports, nothing found. Then herald-cli's `account discover`, and a sync and a
// send to imap.herald.test / smtp.herald.test, names only the test DNS knows: they work with
// --nameserver and fail without it.

#include "core/accounts/ConnectionSettings.h"
#include "core/accounts/Discovery.h"
#include "core/imap/ImapSession.h"
#include "core/net/HostResolver.h"
#include "core/sync/ConnectionDns.h"
#include "core/sync/ResolverDiscoveryDns.h"
#include "tests/support/AutoconfigServer.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <memory>

using namespace herald;
using accounts::DiscoverySource;
using test::stack;

namespace {

using WebServer = herald::test::AutoconfigServer; // autoconfig_server.py in a child process

QString urls(const std::vector<accounts::ServerUrl> &servers)
{
    QStringList out;
    for (const auto &s : servers)
        out << s.toString();
    return out.join(QLatin1Char(' '));
}

struct Run
{
    int exitCode = -1;
    QByteArray out, err;
};

} // namespace

class TestDiscovery : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_nameserver;
    QStringList m_progress;

    accounts::DiscoveryOptions options() const
    {
        accounts::DiscoveryOptions o;
        o.autoconfigBaseUrl.clear(); // not from the environment
        o.httpTimeoutMs = 5000;
        o.probeTimeoutMs = 3000;
        return o;
    }

    std::optional<accounts::DiscoveredServers>
    discover(const QString &email, const accounts::DiscoveryOptions &o, QString *error)
    {
        sync::ResolverDiscoveryDns dns(m_nameserver);
        m_progress.clear();
        return accounts::discoverServers(
            email, dns, o, [this](const QString &l) { m_progress << l; }, error);
    }

    // alice@herald.test with the first autoconfig base replaced by `base`.
    std::optional<accounts::DiscoveredServers> discoverAlice(const QString &base, bool trustTestCa,
                                                             QString *error)
    {
        accounts::DiscoveryOptions o = options();
        o.autoconfigBaseUrl = base;
        if (trustTestCa)
            o.extraCaCertificates = stack().caCertificates();
        return discover(QStringLiteral("alice@herald.test"), o, error);
    }

    // An autoconfig file naming the stack's servers, under root/mail/config-v1.1.xml.
    QString writeConfig(const QString &name)
    {
        const auto &s = stack();
        const QString root = m_dir.filePath(name);
        QDir().mkpath(root + QStringLiteral("/mail"));
        QFile f(root + QStringLiteral("/mail/config-v1.1.xml"));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(QStringLiteral(R"(<?xml version="1.0"?>
<clientConfig version="1.1"><emailProvider id="herald.test">
  <domain>herald.test</domain><displayName>Herald Test Mail (%1)</displayName>
  <incomingServer type="imap"><hostname>mail.herald.test</hostname><port>%2</port>
    <socketType>STARTTLS</socketType><username>%EMAILLOCALPART%</username></incomingServer>
  <incomingServer type="imap"><hostname>mail.herald.test</hostname><port>%3</port>
    <socketType>SSL</socketType><username>%EMAILLOCALPART%</username></incomingServer>
  <outgoingServer type="smtp"><hostname>mail.herald.test</hostname><port>%4</port>
    <socketType>SSL</socketType><username>%EMAILADDRESS%</username></outgoingServer>
</emailProvider></clientConfig>
)")
                    .arg(name)
                    .arg(s.imapPort)
                    .arg(s.imapsPort)
                    .arg(s.submissionsPort)
                    .toUtf8());
        return root;
    }

    Run cli(const QStringList &args, bool withNameserver = true, const QString &autoconfigUrl = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("HERALD_NAMESERVER"));
        if (withNameserver)
            env.insert(QStringLiteral("HERALD_NAMESERVER"), m_nameserver);
        env.remove(QStringLiteral("HERALD_AUTOCONFIG_URL"));
        if (!autoconfigUrl.isEmpty())
            env.insert(QStringLiteral("HERALD_AUTOCONFIG_URL"), autoconfigUrl);
        p.setProcessEnvironment(env);
        p.start(
            qEnvironmentVariable("HERALD_CLI"),
            QStringList{QStringLiteral("--profile"), m_dir.filePath(QStringLiteral("profile"))} +
                args);
        p.waitForFinished(120000);
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

private slots:
    void initTestCase()
    {
        HERALD_REQUIRE_STACK();
        QVERIFY(m_dir.isValid());
        m_nameserver = QStringLiteral("127.0.0.1:%1").arg(stack().dnsPort);
        QVERIFY2(!stack().keyFile.isEmpty(), "stack.env has no KEY_FILE");
    }

    void httpsAutoconfig()
    {
        const auto &s = stack();
        WebServer web;
        const quint16 port = web.start(writeConfig(QStringLiteral("https")), true);
        QVERIFY(port);
        QString error;
        const auto found =
            discoverAlice(QStringLiteral("https://127.0.0.1:%1").arg(port), true, &error);
        QVERIFY2(found, qPrintable(error));
        QCOMPARE(found->source, DiscoverySource::AutoconfigHttps);
        QVERIFY(!found->needsConfirmation);
        QCOMPARE(found->providerName, QStringLiteral("Herald Test Mail (https)"));
        QCOMPARE(found->detail, QStringLiteral("https://127.0.0.1:%1/mail/config-v1.1.xml"
                                               "?emailaddress=alice%40herald.test")
                                    .arg(port));
        QCOMPARE(urls(found->incoming), QStringLiteral("imaps://alice@mail.herald.test:%1 "
                                                       "imap+starttls://alice@mail.herald.test:%2")
                                            .arg(s.imapsPort)
                                            .arg(s.imapPort));
        QCOMPARE(urls(found->outgoing),
                 QStringLiteral("smtps://alice%40herald.test@mail.herald.test:%1")
                     .arg(s.submissionsPort));
        QVERIFY2(web.requests().contains(
                     QStringLiteral("GET /mail/config-v1.1.xml?emailaddress=alice%40herald.test")),
                 qPrintable(web.requests()));
    }

    // Without the test CA the certificate is not trusted: the file is not used, and discovery
    // moves on (herald.test has SRV records).
    void untrustedHttpsIsNotUsed()
    {
        WebServer web;
        const quint16 port = web.start(writeConfig(QStringLiteral("untrusted")), true);
        QVERIFY(port);
        QString error;
        const auto found =
            discoverAlice(QStringLiteral("https://127.0.0.1:%1").arg(port), false, &error);
        QVERIFY2(found, qPrintable(error));
        QCOMPARE(found->source, DiscoverySource::Srv);
        QVERIFY2(m_progress.join(QLatin1Char('\n'))
                     .contains(QStringLiteral("certificate"), Qt::CaseInsensitive),
                 qPrintable(m_progress.join(QLatin1Char('\n'))));
    }

    // An https answer that redirects to plain http is not followed silently.
    void httpsToHttpRedirectIsRefused()
    {
        WebServer plain, redirecting;
        const quint16 plainPort = plain.start(writeConfig(QStringLiteral("redirected")), false);
        QVERIFY(plainPort);
        const quint16 port = redirecting.start(
            m_dir.path(), true, QStringLiteral("http://127.0.0.1:%1").arg(plainPort));
        QVERIFY(port);
        QString error;
        const auto found =
            discoverAlice(QStringLiteral("https://127.0.0.1:%1").arg(port), true, &error);
        QVERIFY2(found, qPrintable(error));
        QVERIFY(redirecting.requests().contains(QStringLiteral("GET /mail/config-v1.1.xml")));
        QCOMPARE(found->source, DiscoverySource::Srv);
        QCOMPARE(plain.requests(), QString());
    }

    void plainHttpFallbackNeedsConfirmation()
    {
        WebServer web;
        const quint16 port = web.start(writeConfig(QStringLiteral("http")), false);
        QVERIFY(port);
        QString error;
        const auto found =
            discoverAlice(QStringLiteral("http://127.0.0.1:%1").arg(port), false, &error);
        QVERIFY2(found, qPrintable(error));
        QCOMPARE(found->source, DiscoverySource::AutoconfigHttp);
        QVERIFY(found->needsConfirmation);
        QCOMPARE(found->providerName, QStringLiteral("Herald Test Mail (http)"));
        // The https URLs came first (autoconfig.herald.test does not exist in the test DNS).
        const QString log = m_progress.join(QLatin1Char('\n'));
        QVERIFY2(log.indexOf(QStringLiteral("https://autoconfig.herald.test")) <
                     log.indexOf(QStringLiteral("http://127.0.0.1")),
                 qPrintable(log));
        QCOMPARE(found->incoming.front().host, QStringLiteral("mail.herald.test"));
    }

    void srvFromNsd()
    {
        const auto &s = stack();
        QString error;
        const auto found = discover(QStringLiteral("alice@herald.test"), options(), &error);
        QVERIFY2(found, qPrintable(error));
        QCOMPARE(found->source, DiscoverySource::Srv);
        QCOMPARE(urls(found->incoming),
                 QStringLiteral("imaps://alice%40herald.test@mail.herald.test:%1 "
                                "imap+starttls://alice%40herald.test@mail.herald.test:%2 "
                                "pop3s://alice%40herald.test@mail.herald.test:%3 "
                                "pop3+starttls://alice%40herald.test@mail.herald.test:%4")
                     .arg(s.imapsPort)
                     .arg(s.imapPort)
                     .arg(s.pop3sPort)
                     .arg(s.pop3Port));
        QCOMPARE(urls(found->outgoing),
                 QStringLiteral("smtps://alice%40herald.test@mail.herald.test:%1 "
                                "smtp+starttls://alice%40herald.test@mail.herald.test:%2")
                     .arg(s.submissionsPort)
                     .arg(s.submissionPort));
    }

    // hosted.herald.test MX aspmx.l.google.com (test zone) → google.com → the bundled entry.
    void mxProvider()
    {
        QString error;
        const auto found = discover(QStringLiteral("boss@hosted.herald.test"), options(), &error);
        QVERIFY2(found, qPrintable(error));
        QCOMPARE(found->source, DiscoverySource::MxProvider);
        QCOMPARE(found->detail, QStringLiteral("MX aspmx.l.google.com → google.com"));
        QCOMPARE(found->incoming.front().toString(),
                 QStringLiteral("imaps://boss%40hosted.herald.test@imap.gmail.com:993"));
    }

    // guess.herald.test: imap. and smtp. exist (test zone), the stack's ports answer; no
    // STARTTLS IMAP is offered because implicit TLS answered; no pop./mail. host exists.
    void guesses()
    {
        const auto &s = stack();
        accounts::DiscoveryOptions o = options();
        o.standardPorts = {s.imapsPort, s.imapPort,        s.pop3sPort,
                           s.pop3Port,  s.submissionsPort, s.submissionPort};
        QString error;
        const auto found = discover(QStringLiteral("carol@guess.herald.test"), o, &error);
        QVERIFY2(found, qPrintable(error));
        QCOMPARE(found->source, DiscoverySource::Guess);
        QCOMPARE(urls(found->incoming),
                 QStringLiteral("imaps://carol%40guess.herald.test@imap.guess.herald.test:%1")
                     .arg(s.imapsPort));
        QCOMPARE(
            urls(found->outgoing),
            QStringLiteral("smtps://carol%40guess.herald.test@smtp.guess.herald.test:%1 "
                           "smtp+starttls://carol%40guess.herald.test@smtp.guess.herald.test:%2")
                .arg(s.submissionsPort)
                .arg(s.submissionPort));
    }

    // What the set-up wizard does next: log in to the first server found, in this process,
    // through ConnectionSettings → SecureSocket. mail.herald.test exists only in the test DNS
    // (installed for this process by stack(), as the front ends do at start-up).
    void loginToTheDiscoveredServer()
    {
        QString error;
        const auto found = discover(QStringLiteral("alice@herald.test"), options(), &error);
        QVERIFY2(found, qPrintable(error));
        const accounts::ServerUrl imaps = found->incoming.front();
        QCOMPARE(imaps.host, QStringLiteral("mail.herald.test"));
        accounts::AccountSettings settings;
        settings.caFile = stack().caFile;
        net::ConnectOptions o = accounts::connectOptions(imaps, settings);
        o.connectTimeoutMs = 10000;
        const net::Credentials credentials{imaps.user, stack().password(QStringLiteral("alice")),
                                           QString()};
        {
            imap::ImapSession session;
            const net::Error e = session.open(o, credentials);
            QVERIFY2(!e, qPrintable(e.message));
            session.close();
        }
        sync::useNameserverForConnections(QString()); // the system resolver alone
        imap::ImapSession session;
        const net::Error e = session.open(o, credentials);
        sync::useNameserverForConnections(m_nameserver);
        QVERIFY(e);
        QVERIFY2(e.message.contains(QStringLiteral("mail.herald.test")), qPrintable(e.message));
    }

    // The certificate is checked against the NAME the hook resolved, not the address: the
    // stack's certificate covers 127.0.0.1 but not other.example, so a name that resolves
    // to 127.0.0.1 but is not in the certificate is refused.
    void certificateIsCheckedAgainstTheName()
    {
        const auto &s = stack();
        net::setHostResolver([](const QString &) {
            return QList<QHostAddress>{QHostAddress(QStringLiteral("127.0.0.1"))};
        });
        accounts::AccountSettings settings;
        settings.caFile = s.caFile;
        accounts::ServerUrl url;
        url.host = QStringLiteral("other.example");
        url.port = s.imapsPort;
        net::ConnectOptions o = accounts::connectOptions(url, settings);
        o.connectTimeoutMs = 10000;
        imap::ImapSession session;
        const net::Error e = session.open(
            o, {QStringLiteral("alice"), s.password(QStringLiteral("alice")), QString()});
        sync::useNameserverForConnections(m_nameserver);
        QCOMPARE(e.kind, net::Error::Kind::UntrustedCertificate);
        QVERIFY2(e.message.contains(QStringLiteral("other.example")), qPrintable(e.message));
    }

    void nothingFound()
    {
        QString error;
        QVERIFY(!discover(QStringLiteral("nobody@nothing.herald.test"), options(), &error));
        QVERIFY2(error.startsWith(
                     QStringLiteral("Herald found no mail servers for nothing.herald.test:")),
                 qPrintable(error));
    }

    void cliDiscover()
    {
        const auto &s = stack();
        const Run r = cli({QStringLiteral("account"), QStringLiteral("discover"),
                           QStringLiteral("alice@herald.test"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("Asking DNS for _imaps._tcp.herald.test"), r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o[QLatin1String("source")].toString(), QStringLiteral("srv"));
        QCOMPARE(o[QLatin1String("needs_confirmation")].toBool(), false);
        const QJsonObject first = o[QLatin1String("incoming")].toArray().at(0).toObject();
        QCOMPARE(
            first[QLatin1String("url")].toString(),
            QStringLiteral("imaps://alice%40herald.test@mail.herald.test:%1").arg(s.imapsPort));
        QCOMPARE(first[QLatin1String("security")].toString(), QStringLiteral("tls"));
        QCOMPARE(first[QLatin1String("port")].toInt(), int(s.imapsPort));

        // HTTPS autoconfig through HERALD_AUTOCONFIG_URL and --ca-file, human output.
        WebServer web;
        const quint16 port = web.start(writeConfig(QStringLiteral("cli")), true);
        QVERIFY(port);
        const Run https =
            cli({QStringLiteral("account"), QStringLiteral("discover"),
                 QStringLiteral("alice@herald.test"), QStringLiteral("--ca-file"), s.caFile},
                true, QStringLiteral("https://127.0.0.1:%1").arg(port));
        QVERIFY2(https.exitCode == 0, https.err.constData());
        QVERIFY2(https.out.contains("Found through the provider's autoconfig file (https)"),
                 https.out.constData());
        QVERIFY2(https.out.contains(QStringLiteral("Incoming: imaps://alice@mail.herald.test:%1")
                                        .arg(s.imapsPort)
                                        .toUtf8()),
                 https.out.constData());

        const Run none = cli({QStringLiteral("account"), QStringLiteral("discover"),
                              QStringLiteral("nobody@nothing.herald.test")});
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(
            none.err.contains("herald-cli: Herald found no mail servers for nothing.herald.test"),
            none.err.constData());
    }

    // imap.herald.test and smtp.herald.test exist only in the test DNS: with the nameserver a
    // sync and a send work (the certificate verified against those names), without it the
    // same account cannot reach its server.
    void connectionsResolveThroughTheTestDns()
    {
        const auto &s = stack();
        QFile pw(m_dir.filePath(QStringLiteral("pw")));
        QVERIFY(pw.open(QIODevice::WriteOnly));
        pw.write(s.password(QStringLiteral("alice")).toUtf8());
        pw.close();
        const Run add =
            cli({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--name"),
                 QStringLiteral("dns"), QStringLiteral("--email"), s.email(QStringLiteral("alice")),
                 QStringLiteral("--incoming"),
                 QStringLiteral("imaps://alice@imap.herald.test:%1").arg(s.imapsPort),
                 QStringLiteral("--outgoing"),
                 QStringLiteral("smtp+starttls://alice@smtp.herald.test:%1").arg(s.submissionPort),
                 QStringLiteral("--password-file"), pw.fileName(), QStringLiteral("--ca-file"),
                 s.caFile});
        QVERIFY2(add.exitCode == 0, add.err.constData());

        const Run without = cli(
            {QStringLiteral("sync"), QStringLiteral("--account"), QStringLiteral("dns")}, false);
        QVERIFY(without.exitCode != 0);
        QVERIFY2(without.err.contains("imap.herald.test not found"), without.err.constData());

        const Run with =
            cli({QStringLiteral("sync"), QStringLiteral("--account"), QStringLiteral("dns")});
        QVERIFY2(with.exitCode == 0, with.err.constData());
        QVERIFY2(with.err.contains("synced"), with.err.constData());

        QFile body(m_dir.filePath(QStringLiteral("body.txt")));
        QVERIFY(body.open(QIODevice::WriteOnly));
        body.write("Sent through smtp.herald.test, found by the test DNS.\n");
        body.close();
        const QString subject =
            QStringLiteral("discovery-dns-%1").arg(QDateTime::currentMSecsSinceEpoch());
        const Run send = cli({QStringLiteral("send"), QStringLiteral("--account"),
                              QStringLiteral("dns"), QStringLiteral("--to"),
                              s.email(QStringLiteral("bob")), QStringLiteral("--subject"), subject,
                              QStringLiteral("--body-file"), body.fileName()});
        QVERIFY2(send.exitCode == 0, send.err.constData());
        QVERIFY(!s.waitForMessage(QStringLiteral("bob"), QStringLiteral("INBOX"), subject.toUtf8())
                     .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDiscovery)
#include "tst_discovery.moc"
