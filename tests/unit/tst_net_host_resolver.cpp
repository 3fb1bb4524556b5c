// net::setHostResolver, the hook through which connections resolve names with Herald's
// resolver (core/net/HostResolver.h): what it is asked and what it is not (IP literals,
// localhost), removal, and sync::useNameserverForConnections refusing an unusable server.
// That a real connection uses it (certificate checked against the name) is proved against
// the stack in integration/tst_discovery.

#include "core/net/HostResolver.h"
#include "core/sync/ConnectionDns.h"

#include <QTest>
#include <stdexcept>

using namespace herald;

class TestNetHostResolver : public QObject
{
    Q_OBJECT
private slots:
    void cleanup() { net::setHostResolver({}); }

    void nothingInstalled()
    {
        QVERIFY(net::resolveWithHook(QStringLiteral("imap.example")).isEmpty());
    }

    void asksTheHook_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("asked");
        QTest::newRow("name") << QStringLiteral("imap.herald.test") << true;
        QTest::newRow("IPv4 literal") << QStringLiteral("127.0.0.1") << false;
        QTest::newRow("IPv6 literal") << QStringLiteral("::1") << false;
        QTest::newRow("localhost") << QStringLiteral("localhost") << false;
        QTest::newRow("LOCALHOST") << QStringLiteral("LocalHost") << false;
        QTest::newRow("below localhost") << QStringLiteral("mail.localhost") << false;
        QTest::newRow("empty") << QString() << false;
    }

    void asksTheHook()
    {
        QFETCH(QString, host);
        QFETCH(bool, asked);
        QStringList questions;
        net::setHostResolver([&questions](const QString &name) {
            questions << name;
            return QList<QHostAddress>{QHostAddress(QStringLiteral("192.0.2.7"))};
        });
        const QList<QHostAddress> found = net::resolveWithHook(host);
        QCOMPARE(questions.size(), asked ? 1 : 0);
        QCOMPARE(found.isEmpty(), !asked);
        if (asked)
            QCOMPARE(found.first(), QHostAddress(QStringLiteral("192.0.2.7")));
        net::setHostResolver({});
        QVERIFY(net::resolveWithHook(host).isEmpty());
        QCOMPARE(questions.size(), asked ? 1 : 0);
    }

    void unusableNameserverIsRefused()
    {
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 sync::useNameserverForConnections(QStringLiteral("not a server")));
        QVERIFY(net::resolveWithHook(QStringLiteral("imap.example")).isEmpty());
        sync::useNameserverForConnections(QString()); // removing is always fine
    }
};

QTEST_GUILESS_MAIN(TestNetHostResolver)
#include "tst_net_host_resolver.moc"
