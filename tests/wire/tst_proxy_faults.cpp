// TcpProxy's seeded faults do exactly what FaultPlan.h says, in both directions: a plain
// loopback peer sends a known stream through the proxy and the other end compares what
// arrived with the stream the fault should make of it. The fault campaign (tests/faults)
// relies on this.
#include "tests/support/FaultPlan.h"
#include "tests/support/TcpProxy.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace herald::test;

namespace {
// 120 numbered lines, 1,560 bytes: offsets below fall inside known lines.
QByteArray stream()
{
    QByteArray out;
    for (int i = 0; i < 120; ++i)
        out += QByteArray("line ") + QByteArray::number(i).rightJustified(4, '0') + " ok\r\n";
    return out;
}

Fault fault(FaultKind kind, FaultDirection direction, qint64 offset)
{
    Fault f;
    f.kind = kind;
    f.direction = direction;
    f.offset = offset;
    return f;
}
} // namespace

class TestProxyFaults : public QObject
{
    Q_OBJECT

    // Sends stream() through a proxy with `plan`, from the server (ToClient) or from the client
    // (ToServer); returns what the other end received before the connection ended.
    QByteArray transfer(const FaultPlan &plan, FaultDirection direction, qsizetype expectedSize,
                        qint64 *elapsedMs = nullptr, QStringList *fired = nullptr)
    {
        QTcpServer target;
        if (!target.listen(QHostAddress::LocalHost))
            return "listen failed";
        TcpProxy proxy(QStringLiteral("127.0.0.1"), target.serverPort());
        if (!proxy.start())
            return proxy.errorString().toUtf8();
        proxy.setFaultPlan(plan);
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, proxy.port());
        if (!target.waitForNewConnection(5000) || !client.waitForConnected(5000))
            return "no connection";
        QTcpSocket *server = target.nextPendingConnection();
        QTcpSocket *sender = direction == FaultDirection::ToClient ? server : &client;
        QTcpSocket *receiver = direction == FaultDirection::ToClient ? &client : server;
        QElapsedTimer timer;
        timer.start();
        sender->write(stream());
        sender->flush();
        QByteArray got;
        // Until the proxy closed the connection or nothing came for longer than any stall
        // below; once the expected size is there, only a short wait for bytes too many.
        while (timer.elapsed() < 15000) {
            if (receiver->waitForReadyRead(got.size() >= expectedSize ? 200 : 1500))
                got += receiver->readAll();
            else
                break;
        }
        got += receiver->readAll();
        if (elapsedMs)
            *elapsedMs = timer.elapsed();
        if (fired)
            *fired = proxy.firedFaults();
        return got;
    }

private slots:
    void faultShapesTheStream_data()
    {
        QTest::addColumn<int>("direction");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray s = stream();
        for (int d = 0; d < 2; ++d) {
            const QByteArray dir = d == 0 ? "to-client " : "to-server ";
            QTest::newRow(dir + "cut") << d << int(FaultKind::Cut) << s.left(700);
            QByteArray corrupted = s;
            corrupted[700] = char(corrupted[700] ^ 0x20);
            QTest::newRow(dir + "corrupt") << d << int(FaultKind::Corrupt) << corrupted;
            QTest::newRow(dir + "inject") << d << int(FaultKind::InjectLine)
                                          << s.left(700) + "* BYE injected\r\n" + s.mid(700);
            QTest::newRow(dir + "truncate") << d << int(FaultKind::TruncateLine)
                                            << s.left(700) + s.mid(s.indexOf('\n', 700) + 1);
            QTest::newRow(dir + "duplicate")
                << d << int(FaultKind::Duplicate) << s.left(730) + s.mid(700, 30) + s.mid(730);
            QTest::newRow(dir + "stall") << d << int(FaultKind::Stall) << s;
            QTest::newRow(dir + "slow drip") << d << int(FaultKind::SlowDrip) << s;
        }
    }

    void faultShapesTheStream()
    {
        QFETCH(int, direction);
        QFETCH(int, kind);
        QFETCH(QByteArray, expected);
        const auto dir = direction == 0 ? FaultDirection::ToClient : FaultDirection::ToServer;
        Fault f = fault(FaultKind(kind), dir, 700);
        f.bytes =
            f.kind == FaultKind::InjectLine ? QByteArray("* BYE injected\r\n") : QByteArray("\x20");
        f.count = 30;
        f.durationMs = f.kind == FaultKind::Stall ? 800 : 20;
        qint64 elapsed = 0;
        QStringList fired;
        QCOMPARE(transfer(FaultPlan({f}), dir, expected.size(), &elapsed, &fired), expected);
        QCOMPARE(fired, QStringList{describeFault(f)});
        if (f.kind == FaultKind::Stall)
            QVERIFY2(elapsed >= 800, qPrintable(QString::number(elapsed)));
        if (f.kind == FaultKind::SlowDrip) // 30 bytes, one per 20 ms
            QVERIFY2(elapsed >= 29 * 20, qPrintable(QString::number(elapsed)));
    }

    void faultOnlyOnItsConnectionAndDirection()
    {
        Fault cutSecond = fault(FaultKind::Cut, FaultDirection::ToClient, 10);
        cutSecond.connection = 1;
        QStringList fired;
        QCOMPARE(transfer(FaultPlan({cutSecond}), FaultDirection::ToClient, stream().size(),
                          nullptr, &fired),
                 stream());
        QVERIFY(fired.isEmpty());
        const Fault cutUpstream = fault(FaultKind::Cut, FaultDirection::ToServer, 10);
        QCOMPARE(transfer(FaultPlan({cutUpstream}), FaultDirection::ToClient, stream().size(),
                          nullptr, &fired),
                 stream());
        QVERIFY(fired.isEmpty());
    }

    // Connections accepted while others are open are all served: each gets the server's
    // greeting at once (the proxy once read a fresh client's socket before polling it and hung
    // until that client gave up).
    void everyConnectionOfABurstIsServed()
    {
        QTcpServer target;
        QVERIFY(target.listen(QHostAddress::LocalHost));
        connect(&target, &QTcpServer::newConnection, &target, [&] {
            while (QTcpSocket *s = target.nextPendingConnection())
                s->write("* OK hello\r\n");
        });
        TcpProxy proxy(QStringLiteral("127.0.0.1"), target.serverPort());
        QVERIFY(proxy.start());
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        for (int round = 0; round < 10; ++round) {
            for (int i = 0; i < 5; ++i) {
                clients.push_back(std::make_unique<QTcpSocket>());
                clients.back()->connectToHost(QHostAddress::LocalHost, proxy.port());
            }
            for (auto &c : clients)
                QTRY_COMPARE_WITH_TIMEOUT(c->bytesAvailable() > 0 || !c->peek(1).isEmpty(), true,
                                          3000);
        }
        QCOMPARE(proxy.connectionCount(), 50);
    }

    void randomPlanIsTheSameForTheSameSeed()
    {
        const StreamSizes sizes{2000, 9000, 2};
        for (quint32 seed : {1u, 7u, 4242u}) {
            QCOMPARE(FaultPlan::random(seed, sizes, 4000).describe(),
                     FaultPlan::random(seed, sizes, 4000).describe());
            const Fault f = FaultPlan::random(seed, sizes, 4000).faults().front();
            QVERIFY(f.connection < 2);
            QVERIFY(f.offset < (f.direction == FaultDirection::ToServer ? 2000 : 9000));
        }
        QVERIFY(FaultPlan::random(1, sizes, 4000).describe() !=
                FaultPlan::random(2, sizes, 4000).describe());
    }
};

QTEST_GUILESS_MAIN(TestProxyFaults)
#include "tst_proxy_faults.moc"
