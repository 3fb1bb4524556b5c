// accounts::connectOptions: TLS mode from the URL, and HERALD_NET_TIMEOUT_MS replacing the
// connect and idle read timeouts (the fault campaign stalls servers past a short timeout).
#include "core/accounts/ConnectionSettings.h"

#include <QtTest>

using namespace herald;

class TestConnectionSettings : public QObject
{
    Q_OBJECT

    static net::ConnectOptions optionsFor(const QString &url)
    {
        const auto parsed = accounts::ServerUrl::parse(url);
        return parsed ? accounts::connectOptions(*parsed, accounts::AccountSettings{})
                      : net::ConnectOptions{};
    }

private slots:
    void cleanup() { qunsetenv("HERALD_NET_TIMEOUT_MS"); }

    void securityAndDefaultTimeouts()
    {
        const net::ConnectOptions tls = optionsFor(QStringLiteral("imaps://a@mail.example:993"));
        QCOMPARE(tls.host, QStringLiteral("mail.example"));
        QCOMPARE(tls.port, quint16(993));
        QCOMPARE(tls.security, net::Security::ImplicitTls);
        QCOMPARE(tls.connectTimeoutMs, 30000);
        QCOMPARE(tls.readTimeoutMs, 120000);
        QCOMPARE(optionsFor(QStringLiteral("smtp+starttls://a@mail.example:587")).security,
                 net::Security::StartTls);
    }

    void timeoutFromTheEnvironment_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("expected");
        QTest::newRow("4 s") << QByteArray("4000") << 4000;
        QTest::newRow("not a number: defaults") << QByteArray("soon") << -1;
        QTest::newRow("zero: defaults") << QByteArray("0") << -1;
        QTest::newRow("negative: defaults") << QByteArray("-5") << -1;
    }

    void timeoutFromTheEnvironment()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, expected);
        qputenv("HERALD_NET_TIMEOUT_MS", value);
        const net::ConnectOptions o = optionsFor(QStringLiteral("pop3s://a@mail.example:995"));
        QCOMPARE(o.connectTimeoutMs, expected < 0 ? 30000 : expected);
        QCOMPARE(o.readTimeoutMs, expected < 0 ? 120000 : expected);
    }
};

QTEST_GUILESS_MAIN(TestConnectionSettings)
#include "tst_connection_settings.moc"
