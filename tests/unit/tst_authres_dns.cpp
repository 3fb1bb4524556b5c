// UnboundResolver (libunbound) against a tiny DNS server on a loopback high port, run by this
// test on its own thread: forwarding to HOST@PORT, TXT joining, A/AAAA/MX/PTR decoding,
// NXDOMAIN vs no data, SERVFAIL and a silent server giving TempError within the timeout.
// Also the MemoryZone used by the suites.

#include "core/authres/MemoryZone.h"
#include "core/authres/UnboundResolver.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <arpa/inet.h>
#include <atomic>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace herald::authres;

namespace {

// Answers A, AAAA, TXT, MX, PTR from a fixed table; "servfail.test" gets SERVFAIL.
class FakeDnsServer
{
public:
    explicit FakeDnsServer(bool silent) : m_silent(silent)
    {
        m_fd = socket(AF_INET, SOCK_DGRAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
        socklen_t len = sizeof addr;
        getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &len);
        m_port = ntohs(addr.sin_port);
        timeval tv{0, 100000};
        setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        m_thread = std::thread([this] { loop(); });
    }
    ~FakeDnsServer()
    {
        m_stop = true;
        m_thread.join();
        close(m_fd);
    }
    quint16 port() const { return m_port; }
    int queries() const { return m_queries; }

private:
    void loop()
    {
        while (!m_stop) {
            unsigned char buf[1500];
            sockaddr_in from{};
            socklen_t fromLen = sizeof from;
            const ssize_t n =
                recvfrom(m_fd, buf, sizeof buf, 0, reinterpret_cast<sockaddr *>(&from), &fromLen);
            if (n < 12)
                continue;
            ++m_queries;
            if (m_silent)
                continue;
            const QByteArray reply = answer(QByteArray(reinterpret_cast<char *>(buf), int(n)));
            sendto(m_fd, reply.constData(), size_t(reply.size()), 0,
                   reinterpret_cast<sockaddr *>(&from), fromLen);
        }
    }

    static QByteArray u16(int v) { return QByteArray(1, char(v >> 8)) + char(v & 0xff); }

    static QByteArray wireName(const QByteArray &name)
    {
        QByteArray out;
        for (const QByteArray &l : name.split('.'))
            out += char(l.size()) + l;
        return out + '\0';
    }

    QByteArray answer(const QByteArray &q) const
    {
        qsizetype p = 12;
        QByteArray name;
        while (p < q.size() && q.at(p) != 0) {
            const int len = quint8(q.at(p));
            if (!name.isEmpty())
                name += '.';
            name += q.mid(p + 1, len);
            p += len + 1;
        }
        const int type = quint8(q.at(p + 1)) << 8 | quint8(q.at(p + 2));
        const QByteArray question = q.mid(12, p + 5 - 12);
        name = name.toLower();
        QList<QByteArray> rdata;
        int rcode = 0;
        if (name == "txt.test" && type == 16) {
            rdata << (QByteArray(1, char(12)) + "v=spf1 -all ");
            rdata << (QByteArray(1, char(200)) + QByteArray(200, 'a') + char(100) +
                      QByteArray(100, 'b'));
        } else if (name == "a.test" && type == 1) {
            rdata << QByteArray("\xc0\x00\x02\x01", 4);
        } else if (name == "a.test" && type == 28) {
            rdata << QByteArray("\x20\x01\x0d\xb8\0\0\0\0\0\0\0\0\0\0\0\x01", 16);
        } else if (name == "mx.test" && type == 15) {
            rdata << (u16(10) + wireName("mail.test"));
        } else if (name == "_imaps._tcp.srv.test" && type == 33) {
            rdata << (u16(10) + u16(5) + u16(993) + wireName("imap.srv.test"));
            rdata << (u16(0) + u16(1) + u16(10993) + wireName("mail.srv.test"));
        } else if (name == "_pop3._tcp.srv.test" && type == 33) {
            rdata << (u16(0) + u16(0) + u16(0) + QByteArray(1, '\0')); // "." : not offered
        } else if (name == "1.2.0.192.in-addr.arpa" && type == 12) {
            rdata << wireName("host.a.test");
        } else if (name == "servfail.test") {
            rcode = 2;
        } else if (name != "a.test" && name != "txt.test" && name != "mx.test" &&
                   !name.endsWith("srv.test")) {
            rcode = 3;
        }
        QByteArray out =
            q.left(2) + u16(0x8180 | rcode) + u16(1) + u16(rdata.size()) + u16(0) + u16(0);
        out += question;
        for (const QByteArray &rd : rdata)
            out += u16(0xc00c) + u16(type) + u16(1) + u16(0) + u16(60) + u16(int(rd.size())) + rd;
        return out;
    }

    int m_fd = -1;
    quint16 m_port = 0;
    bool m_silent;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_queries{0};
    std::thread m_thread;
};

} // namespace

class TestAuthresDns : public QObject
{
    Q_OBJECT

private slots:
    void forwarderSpec();
    void unboundAnswers();
    void unboundSrv();
    void unboundTimeoutIsTempError();
    void unboundResolvesWithoutForking();
    void memoryZone();
};

void TestAuthresDns::forwarderSpec()
{
    QCOMPARE(UnboundResolver::forwarderSpec(QStringLiteral("127.0.0.1:10053")),
             QByteArray("127.0.0.1@10053"));
    QCOMPARE(UnboundResolver::forwarderSpec(QStringLiteral("127.0.0.1@53")),
             QByteArray("127.0.0.1@53"));
    QCOMPARE(UnboundResolver::forwarderSpec(QStringLiteral("[::1]:5353")), QByteArray("::1@5353"));
    QCOMPARE(UnboundResolver::forwarderSpec(QStringLiteral("::1")), QByteArray("::1"));
    QCOMPARE(UnboundResolver::forwarderSpec(QStringLiteral("192.0.2.1")), QByteArray("192.0.2.1"));
    QVERIFY(UnboundResolver::forwarderSpec(QStringLiteral("dns.example:53")).isEmpty());
    QVERIFY(UnboundResolver::forwarderSpec(QStringLiteral("127.0.0.1:99999")).isEmpty());
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, UnboundResolver(QStringLiteral("nonsense:x")));
}

void TestAuthresDns::unboundAnswers()
{
    FakeDnsServer server(false);
    UnboundResolver dns(QStringLiteral("127.0.0.1:%1").arg(server.port()), 3000);
    const DnsReply<QByteArray> txt = dns.txt("txt.test");
    QCOMPARE(txt.status, DnsStatus::Ok);
    QCOMPARE(txt.records.size(), 2);
    QVERIFY(txt.records.contains("v=spf1 -all "));
    QVERIFY(txt.records.contains(QByteArray(200, 'a') + QByteArray(100, 'b')));
    const DnsReply<QHostAddress> a = dns.addresses("a.test", false);
    QCOMPARE(a.status, DnsStatus::Ok);
    QCOMPARE(a.records.value(0), QHostAddress(QStringLiteral("192.0.2.1")));
    QCOMPARE(dns.addresses("A.Test", true).records.value(0),
             QHostAddress(QStringLiteral("2001:db8::1")));
    const DnsReply<MxRecord> mx = dns.mx("mx.test");
    QCOMPARE(mx.records.size(), 1);
    QCOMPARE(mx.records.at(0).preference, quint16(10));
    QCOMPARE(mx.records.at(0).exchange, QByteArray("mail.test"));
    QCOMPARE(dns.ptr(QHostAddress(QStringLiteral("192.0.2.1"))).records.value(0),
             QByteArray("host.a.test"));
    QCOMPARE(dns.txt("missing.test").status, DnsStatus::NxDomain);
    QCOMPARE(dns.mx("a.test").status, DnsStatus::NoData);
    QCOMPARE(dns.txt("servfail.test").status, DnsStatus::TempError);
    // Cached: asking again does not reach the server.
    const int before = server.queries();
    QCOMPARE(dns.txt("txt.test").status, DnsStatus::Ok);
    QCOMPARE(server.queries(), before);
}

// SRV rdata: priority, weight, port, target (RFC 2782); the root target stays ".".
void TestAuthresDns::unboundSrv()
{
    FakeDnsServer server(false);
    UnboundResolver dns(QStringLiteral("127.0.0.1:%1").arg(server.port()), 3000);
    const DnsReply<SrvRecord> srv = dns.srv("_IMAPS._tcp.srv.test");
    QCOMPARE(srv.status, DnsStatus::Ok);
    QCOMPARE(srv.records.size(), 2);
    const SrvRecord first = srv.records.at(0).port == 993 ? srv.records.at(0) : srv.records.at(1);
    const SrvRecord second = srv.records.at(0).port == 993 ? srv.records.at(1) : srv.records.at(0);
    QCOMPARE(first.priority, quint16(10));
    QCOMPARE(first.weight, quint16(5));
    QCOMPARE(first.target, QByteArray("imap.srv.test"));
    QCOMPARE(second.priority, quint16(0));
    QCOMPARE(second.port, quint16(10993));
    QCOMPARE(second.target, QByteArray("mail.srv.test"));
    const DnsReply<SrvRecord> none = dns.srv("_pop3._tcp.srv.test");
    QCOMPARE(none.records.size(), 1);
    QCOMPARE(none.records.at(0).target, QByteArray("."));
    QCOMPARE(dns.srv("_imap._tcp.srv.test").status, DnsStatus::NoData);
    QCOMPARE(dns.srv("_imap._tcp.nowhere.test").status, DnsStatus::NxDomain);
}

void TestAuthresDns::unboundTimeoutIsTempError()
{
    FakeDnsServer silent(true);
    UnboundResolver dns(QStringLiteral("127.0.0.1:%1").arg(silent.port()), 1500);
    QElapsedTimer t;
    t.start();
    QCOMPARE(dns.txt("txt.test").status, DnsStatus::TempError);
    QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
    QVERIFY(silent.queries() >= 1);
    QCOMPARE(dns.addresses("a.test", false).status, DnsStatus::TempError);
}

// Processes whose parent is this one (from /proc).
static int childProcesses()
{
    int n = 0;
    const QByteArray self = QByteArray::number(QCoreApplication::applicationPid());
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        QFile status(QStringLiteral("/proc/%1/status").arg(entry));
        if (!status.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &line : status.readAll().split('\n'))
            if (line.startsWith("PPid:") && line.mid(5).trimmed() == self)
                ++n;
    }
    return n;
}

// libunbound forks a resolver process by default. That child ran the parent's exit handlers
// when it ended, and in the window (Qt's D-Bus thread running) one of them waited forever, so
// destroying the resolver — the end of every sync pass — hung. Resolution must use a thread.
void TestAuthresDns::unboundResolvesWithoutForking()
{
    FakeDnsServer silent(true);
    const int before = childProcesses();
    QElapsedTimer t;
    {
        UnboundResolver dns(QStringLiteral("127.0.0.1:%1").arg(silent.port()), 500);
        QCOMPARE(dns.txt("txt.test").status, DnsStatus::TempError); // a query still pending
        QCOMPARE(childProcesses(), before);
        t.start();
    }
    QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed()))); // no wait at the end
}

void TestAuthresDns::memoryZone()
{
    MemoryZone zone;
    zone.addTxt("Example.COM.", "hello");
    zone.addCname("alias.example.com", "example.com");
    zone.addTimeout("slow.example.com");
    zone.addAddress("example.com", QHostAddress(QStringLiteral("192.0.2.7")));
    QCOMPARE(zone.txt("example.com").records, QList<QByteArray>{"hello"});
    QCOMPARE(zone.txt("alias.example.com").records, QList<QByteArray>{"hello"});
    QCOMPARE(zone.txt("slow.example.com").status, DnsStatus::TempError);
    QCOMPARE(zone.txt("nowhere.example.com").status, DnsStatus::NxDomain);
    QCOMPARE(zone.mx("example.com").status, DnsStatus::NoData);
    zone.addSrv("_imaps._tcp.Example.com", {0, 1, 993, "IMAP.example.com."});
    QCOMPARE(zone.srv("_imaps._tcp.example.com").records.value(0).target,
             QByteArray("imap.example.com"));
    QCOMPARE(zone.srv("_imaps._tcp.example.com").records.value(0).port, quint16(993));
    QCOMPARE(zone.srv("_imap._tcp.example.com").status, DnsStatus::NxDomain);
    QCOMPARE(reverseName(QHostAddress(QStringLiteral("192.0.2.7"))),
             QByteArray("7.2.0.192.in-addr.arpa"));
    QVERIFY(reverseName(QHostAddress(QStringLiteral("2001:db8::1"))).startsWith("1.0.0.0."));
    QVERIFY(reverseName(QHostAddress(QStringLiteral("2001:db8::1")))
                .endsWith(".8.b.d.0.1.0.0.2.ip6.arpa"));
}

QTEST_APPLESS_MAIN(TestAuthresDns)
#include "tst_authres_dns.moc"
