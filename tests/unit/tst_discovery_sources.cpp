// Account discovery without the network: the autoconfig parser (ISPDB-shaped files in
// tests/data/autoconfig and inline edge cases), the bundled provider database, and
// discoverServers() over an in-memory zone (authres::MemoryZone through
// sync::ResolverDiscoveryDns): SRV ordering, the MX host's provider, guesses against a
// loopback listener, nothing found, a bad address, the stop flag.

#include "core/accounts/AutoconfigXml.h"
#include "core/accounts/Discovery.h"
#include "core/accounts/ProviderDatabase.h"
#include "core/authres/MemoryZone.h"
#include "core/sync/ResolverDiscoveryDns.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QTest>

using namespace herald;
using accounts::DiscoverySource;

namespace {

QString urls(const std::vector<accounts::ServerUrl> &servers)
{
    QStringList out;
    for (const auto &s : servers)
        out << s.toString();
    return out.join(QLatin1Char(' '));
}

QByteArray readData(const QString &relative)
{
    QFile f(test::dataFile(relative));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(f.fileName()));
    return f.readAll();
}

// Options that keep the HTTP rounds off the network: nothing listens on port 1.
accounts::DiscoveryOptions offlineOptions()
{
    accounts::DiscoveryOptions o;
    o.autoconfigBaseUrl = QStringLiteral("https://127.0.0.1:1");
    o.httpTimeoutMs = 2000;
    o.probeTimeoutMs = 2000;
    return o;
}

} // namespace

class TestDiscoverySources : public QObject
{
    Q_OBJECT
private slots:
    void parseAutoconfig_data();
    void parseAutoconfig();
    void badFiles_data();
    void badFiles();
    void everyBundledFileIsUsable();
    void bundledLookup_data();
    void bundledLookup();
    void srvOrder();
    void mxProvider();
    void guessesKeepWhatAnswers();
    void nothingFoundIsASentence();
    void badAddress_data();
    void badAddress();
    void stopFlag();
    void deadDnsFailsFast();
};

void TestDiscoverySources::parseAutoconfig_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("incoming");
    QTest::addColumn<QString>("outgoing");

    QTest::newRow("ISPDB-shaped ISP: plain dropped, IMAP first, TLS first")
        << readData(QStringLiteral("autoconfig/isp-example.net.xml"))
        << QStringLiteral("jo@example.net") << QStringLiteral("Example Net Mail")
        << QStringLiteral("imaps://jo%40example.net@imap.example.net:993 "
                          "imap+starttls://jo%40example.net@imap.example.net:143 "
                          "pop3s://jo%40example.net@pop.example.net:995")
        << QStringLiteral("smtps://jo%40example.net@smtp.example.net:465 "
                          "smtp+starttls://jo%40example.net@smtp.example.net:587");
    QTest::newRow("ISPDB-shaped hoster: %EMAILDOMAIN% hosts, local part, exchange skipped")
        << readData(QStringLiteral("autoconfig/hoster-example.org.xml"))
        << QStringLiteral("Jo@Customer.Example")
        << QStringLiteral("Example Hosting (customer.example)")
        << QStringLiteral("imaps://Jo@mail.customer.example:993 "
                          "pop3+starttls://Jo@mail.customer.example:110")
        << QStringLiteral("smtps://Jo@mail.customer.example:465"); // no <port>: the default
    QTest::newRow("no username: the address; displayShortName fallback")
        << QByteArray(
               "<clientConfig><emailProvider id='x'><displayShortName>X</displayShortName>"
               "<incomingServer type='imap'><hostname>IMAP.X.example</hostname><port>993</port>"
               "<socketType>SSL</socketType></incomingServer></emailProvider></clientConfig>")
        << QStringLiteral("a@x.example") << QStringLiteral("X")
        << QStringLiteral("imaps://a%40x.example@imap.x.example:993") << QString();
    QTest::newRow("duplicates collapse, TLS alias of SSL")
        << QByteArray("<clientConfig><emailProvider id='d'>"
                      "<outgoingServer "
                      "type='smtp'><hostname>s.d</hostname><port>465</port><socketType>TLS</"
                      "socketType></outgoingServer>"
                      "<outgoingServer "
                      "type='smtp'><hostname>s.d</hostname><port>465</port><socketType>SSL</"
                      "socketType></outgoingServer>"
                      "<incomingServer "
                      "type='pop3'><hostname>p.d</hostname><port>995</port><socketType>SSL</"
                      "socketType></incomingServer>"
                      "</emailProvider></clientConfig>")
        << QStringLiteral("u@d.example") << QStringLiteral("d")
        << QStringLiteral("pop3s://u%40d.example@p.d:995")
        << QStringLiteral("smtps://u%40d.example@s.d:465");
}

void TestDiscoverySources::parseAutoconfig()
{
    QFETCH(QByteArray, xml);
    QFETCH(QString, email);
    QString error;
    const auto p = accounts::parseAutoconfig(xml, email, &error);
    QVERIFY2(p, qPrintable(error));
    QTEST(p->displayName, "provider");
    QTEST(urls(p->incoming), "incoming");
    QTEST(urls(p->outgoing), "outgoing");
}

void TestDiscoverySources::badFiles_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("not valid XML");
    QTest::newRow("HTML page") << QByteArray("<html><body>Not found</body></html>")
                               << QStringLiteral("not a Mozilla autoconfig file");
    QTest::newRow("truncated") << QByteArray("<clientConfig><emailProvider id='x'><incomingServer")
                               << QStringLiteral("not valid XML (line 1");
    QTest::newRow("no provider") << QByteArray("<clientConfig version='1.1'/>")
                                 << QStringLiteral("no <emailProvider>");
    QTest::newRow("only plaintext")
        << QByteArray(
               "<clientConfig><emailProvider id='p'><displayName>Plain</displayName>"
               "<incomingServer type='imap'><hostname>i.p</hostname><port>143</port>"
               "<socketType>plain</socketType></incomingServer></emailProvider></clientConfig>")
        << QStringLiteral("Plain offers no server Herald can use");
    QTest::newRow("bad port")
        << QByteArray(
               "<clientConfig><emailProvider id='p'><incomingServer type='imap'><hostname>i.p"
               "</hostname><port>99999</port><socketType>SSL</socketType></incomingServer>"
               "</emailProvider></clientConfig>")
        << QStringLiteral("offers no server");
}

void TestDiscoverySources::badFiles()
{
    QFETCH(QByteArray, xml);
    QFETCH(QString, error);
    QString message;
    QVERIFY(!accounts::parseAutoconfig(xml, QStringLiteral("a@b.example"), &message));
    QVERIFY2(message.contains(error), qPrintable(message));
    QVERIFY(message.endsWith(QLatin1Char('.')));
}

// Every file in resources/providers parses, offers IMAP and SMTP with TLS, is listed in the
// .qrc (so it is compiled in) and owns its domains alone.
void TestDiscoverySources::everyBundledFileIsUsable()
{
    const QDir dir(test::dataDir() + QStringLiteral("/../../resources/providers"));
    const QStringList files = dir.entryList({QStringLiteral("*.xml")}, QDir::Files);
    QVERIFY(files.size() >= 15);
    QSet<QString> seen;
    for (const QString &name : files) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString error;
        const auto p =
            accounts::parseAutoconfig(f.readAll(), QStringLiteral("u@x.example"), &error);
        QVERIFY2(p, qPrintable(name + QStringLiteral(": ") + error));
        QVERIFY2(!p->incoming.empty() && p->incoming.front().protocol == accounts::Protocol::Imap,
                 qPrintable(name));
        QVERIFY2(!p->outgoing.empty(), qPrintable(name));
        QVERIFY2(p->domains.contains(name.chopped(4)), qPrintable(name)); // file named by a domain
        for (const QString &d : p->domains) {
            QVERIFY2(!seen.contains(d), qPrintable(d + QStringLiteral(" twice")));
            seen.insert(d);
            QVERIFY2(accounts::bundledProvider(d, QStringLiteral("u@") + d), qPrintable(d));
        }
    }
    QCOMPARE(accounts::bundledDomains().size(), seen.size());
}

void TestDiscoverySources::bundledLookup_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("incoming"); // the first candidate
    QTest::addColumn<QString>("outgoing");
    QTest::newRow("gmail") << "a@gmail.com"
                           << "imaps://a%40gmail.com@imap.gmail.com:993"
                           << "smtps://a%40gmail.com@smtp.gmail.com:465";
    QTest::newRow("googlemail alias") << "a@GoogleMail.com"
                                      << "imaps://a%40googlemail.com@imap.gmail.com:993"
                                      << "smtps://a%40googlemail.com@smtp.gmail.com:465";
    QTest::newRow("hotmail") << "b@hotmail.com"
                             << "imaps://b%40hotmail.com@outlook.office365.com:993"
                             << "smtp+starttls://b%40hotmail.com@smtp.office365.com:587";
    QTest::newRow("icloud alias, local part") << "c@me.com"
                                              << "imaps://c@imap.mail.me.com:993"
                                              << "smtp+starttls://c%40me.com@smtp.mail.me.com:587";
    QTest::newRow("gmx.de") << "d@gmx.de"
                            << "imaps://d%40gmx.de@imap.gmx.net:993"
                            << "smtps://d%40gmx.de@mail.gmx.net:465";
    QTest::newRow("posteo") << "e@posteo.net"
                            << "imaps://e%40posteo.net@posteo.de:993"
                            << "smtps://e%40posteo.net@posteo.de:465";
    QTest::newRow("yandex") << "f@ya.ru"
                            << "imaps://f%40ya.ru@imap.yandex.com:993"
                            << "smtps://f%40ya.ru@smtp.yandex.com:465";
}

void TestDiscoverySources::bundledLookup()
{
    QFETCH(QString, email);
    authres::MemoryZone zone; // no records: only the bundled list can answer
    sync::ResolverDiscoveryDns dns(zone);
    QString error;
    const auto found = accounts::discoverServers(email, dns, offlineOptions(), {}, &error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->source, DiscoverySource::Bundled);
    QVERIFY(!found->needsConfirmation);
    QVERIFY(!found->providerName.isEmpty());
    QTEST(found->incoming.front().toString(), "incoming");
    QTEST(found->outgoing.front().toString(), "outgoing");
}

// RFC 6186: implicit TLS services before STARTTLS ones, IMAP before POP3, and within a
// service the lowest priority first, then the heaviest; "." (not offered) dropped.
void TestDiscoverySources::srvOrder()
{
    authres::MemoryZone zone;
    zone.addSrv("_imap._tcp.srv.example", {0, 0, 143, "imap.srv.example"});
    zone.addSrv("_imaps._tcp.srv.example", {20, 0, 993, "backup.srv.example"});
    zone.addSrv("_imaps._tcp.srv.example", {10, 1, 993, "light.srv.example"});
    zone.addSrv("_imaps._tcp.srv.example", {10, 9, 993, "heavy.srv.example"});
    zone.addSrv("_pop3s._tcp.srv.example", {0, 0, 0, "."});
    zone.addSrv("_submission._tcp.srv.example", {0, 0, 587, "smtp.srv.example"});
    sync::ResolverDiscoveryDns dns(zone);
    QStringList progress;
    QString error;
    const auto found = accounts::discoverServers(
        QStringLiteral("u@srv.example"), dns, offlineOptions(),
        [&](const QString &l) { progress << l; }, &error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->source, DiscoverySource::Srv);
    QCOMPARE(urls(found->incoming),
             QStringLiteral("imaps://u%40srv.example@heavy.srv.example:993 "
                            "imaps://u%40srv.example@light.srv.example:993 "
                            "imaps://u%40srv.example@backup.srv.example:993 "
                            "imap+starttls://u%40srv.example@imap.srv.example:143"));
    QCOMPARE(urls(found->outgoing),
             QStringLiteral("smtp+starttls://u%40srv.example@smtp.srv.example:587"));
    QVERIFY(found->detail.contains(QStringLiteral("_imaps._tcp.srv.example")));
    QVERIFY(progress.contains(QStringLiteral("Asking DNS for _imaps._tcp.srv.example …")));
}

// A custom domain whose MX is Google's: the registrable domain of the exchange (Public Suffix
// List) is google.com, a domain of the bundled Gmail entry.
void TestDiscoverySources::mxProvider()
{
    authres::MemoryZone zone;
    zone.addMx("custom.example", 20, "alt1.aspmx.l.google.com");
    zone.addMx("custom.example", 1, "aspmx.l.google.com");
    sync::ResolverDiscoveryDns dns(zone);
    QString error;
    const auto found = accounts::discoverServers(QStringLiteral("boss@custom.example"), dns,
                                                 offlineOptions(), {}, &error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->source, DiscoverySource::MxProvider);
    QCOMPARE(found->providerName, QStringLiteral("Google Mail"));
    QCOMPARE(found->detail, QStringLiteral("MX aspmx.l.google.com → google.com"));
    QCOMPARE(found->incoming.front().toString(),
             QStringLiteral("imaps://boss%40custom.example@imap.gmail.com:993"));
}

// imap.DOMAIN answers on the (remapped) IMAPS port; nothing listens for mail. or POP3, so
// only what answered is offered, and STARTTLS IMAP is not even tried.
void TestDiscoverySources::guessesKeepWhatAnswers()
{
    QTcpServer imaps, submission;
    QVERIFY(imaps.listen(QHostAddress::LocalHost));
    QVERIFY(submission.listen(QHostAddress::LocalHost));
    authres::MemoryZone zone;
    zone.addAddress("imap.guess.example", QHostAddress::LocalHost);
    zone.addAddress("smtp.guess.example", QHostAddress::LocalHost);
    zone.addAddress("mail.guess.example", QHostAddress(QStringLiteral("127.0.0.3")));
    sync::ResolverDiscoveryDns dns(zone);
    accounts::DiscoveryOptions options = offlineOptions();
    QTcpServer closed; // a port that is certainly free: listen, note it, close
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 silent = closed.serverPort();
    closed.close();
    options.standardPorts = {imaps.serverPort(),     silent, silent, silent, silent,
                             submission.serverPort()};
    QString error;
    const auto found =
        accounts::discoverServers(QStringLiteral("g@guess.example"), dns, options, {}, &error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->source, DiscoverySource::Guess);
    QCOMPARE(
        urls(found->incoming),
        QStringLiteral("imaps://g%40guess.example@imap.guess.example:%1").arg(imaps.serverPort()));
    QCOMPARE(urls(found->outgoing),
             QStringLiteral("smtp+starttls://g%40guess.example@smtp.guess.example:%1")
                 .arg(submission.serverPort()));
}

void TestDiscoverySources::nothingFoundIsASentence()
{
    authres::MemoryZone zone;
    sync::ResolverDiscoveryDns dns(zone);
    QString error;
    QVERIFY(!accounts::discoverServers(QStringLiteral("x@nothing.example"), dns, offlineOptions(),
                                       {}, &error));
    QVERIFY2(error.startsWith(QStringLiteral("Herald found no mail servers for nothing.example")),
             qPrintable(error));
    QVERIFY(error.endsWith(QLatin1Char('.')));
}

void TestDiscoverySources::badAddress_data()
{
    QTest::addColumn<QString>("email");
    QTest::newRow("empty") << QString();
    QTest::newRow("no at") << QStringLiteral("alice.example.org");
    QTest::newRow("no domain") << QStringLiteral("alice@");
    QTest::newRow("no local part") << QStringLiteral("@example.org");
    QTest::newRow("no dot") << QStringLiteral("alice@localhost");
    QTest::newRow("space") << QStringLiteral("al ice@example.org");
}

void TestDiscoverySources::badAddress()
{
    QFETCH(QString, email);
    authres::MemoryZone zone;
    sync::ResolverDiscoveryDns dns(zone);
    QString error;
    QVERIFY(!accounts::discoverServers(email, dns, offlineOptions(), {}, &error));
    QVERIFY2(error.contains(QStringLiteral("is not an e-mail address")), qPrintable(error));
    QCOMPARE(zone.queries(), 0);
}

void TestDiscoverySources::stopFlag()
{
    authres::MemoryZone zone;
    zone.addSrv("_imaps._tcp.gmail.com", {0, 0, 993, "elsewhere.example"});
    sync::ResolverDiscoveryDns dns(zone);
    std::atomic<bool> stop{true};
    accounts::DiscoveryOptions options = offlineOptions();
    options.stop = &stop;
    QString error;
    QVERIFY(!accounts::discoverServers(QStringLiteral("a@gmail.com"), dns, options, {}, &error));
    QCOMPARE(error, QStringLiteral("Discovery was stopped."));
    QCOMPARE(zone.queries(), 0);
}

// DNS that never answers: after two timeouts in a row the adapter stops asking (each would
// cost the resolver's timeout), and discovery ends with its sentence.
void TestDiscoverySources::deadDnsFailsFast()
{
    authres::MemoryZone zone;
    zone.addTimeoutSuffix("dead.example");
    sync::ResolverDiscoveryDns dns(zone);
    QString error;
    QVERIFY(!accounts::discoverServers(QStringLiteral("x@dead.example"), dns, offlineOptions(), {},
                                       &error));
    QVERIFY2(error.startsWith(QStringLiteral("Herald found no mail servers")), qPrintable(error));
    QCOMPARE(zone.queries(), 2);
}

QTEST_GUILESS_MAIN(TestDiscoverySources)
#include "tst_discovery_sources.moc"
