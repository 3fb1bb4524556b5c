// DMARC (RFC 7489) on the in-memory zone: organizational domains from Debian's Public Suffix
// List, relaxed and strict alignment, p/sp/pct, record discovery, DNS trouble, From parsing.
// (No public DMARC test corpus exists, see tests/data README of the corpora; cases written here.)

#include "core/authres/DmarcEvaluator.h"
#include "core/authres/MemoryZone.h"
#include "core/authres/OrganizationalDomain.h"

#include <QTest>

using namespace herald::authres;

Q_DECLARE_METATYPE(herald::authres::DmarcInput)

namespace {

DkimResult dkim(const QString &domain, const QString &result = QStringLiteral("pass"))
{
    DkimResult d;
    d.domain = domain;
    d.result = result;
    return d;
}

DmarcInput input(const QByteArray &from, const QString &spf, const QByteArray &spfDomain,
                 const QList<DkimResult> &dk = {})
{
    DmarcInput in;
    in.fromDomain = from;
    in.spfResult = spf;
    in.spfDomain = spfDomain;
    in.dkim = dk;
    return in;
}

} // namespace

class TestDmarc : public QObject
{
    Q_OBJECT

private slots:
    void organizationalDomains_data();
    void organizationalDomains();
    void fromDomains_data();
    void fromDomains();
    void evaluation_data();
    void evaluation();
    void pctSampling();
    void dnsTrouble();
};

void TestDmarc::organizationalDomains_data()
{
    QTest::addColumn<QByteArray>("domain");
    QTest::addColumn<QByteArray>("org");
    QTest::newRow("plain") << QByteArray("example.com") << QByteArray("example.com");
    QTest::newRow("sub") << QByteArray("a.b.Example.COM.") << QByteArray("example.com");
    QTest::newRow("co.uk") << QByteArray("mail.example.co.uk") << QByteArray("example.co.uk");
    QTest::newRow("private suffix")
        << QByteArray("foo.bar.github.io") << QByteArray("bar.github.io");
    QTest::newRow("suffix itself") << QByteArray("co.uk") << QByteArray("co.uk");
    QTest::newRow("test tld") << QByteArray("mx.herald.test") << QByteArray("herald.test");
}

void TestDmarc::organizationalDomains()
{
    QFETCH(QByteArray, domain);
    QFETCH(QByteArray, org);
    QCOMPARE(organizationalDomain(domain), org);
}

void TestDmarc::fromDomains_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("domain");
    QTest::newRow("angle") << QByteArray(" Joe <joe@Example.COM>") << QByteArray("example.com");
    QTest::newRow("bare") << QByteArray("joe@example.org") << QByteArray("example.org");
    QTest::newRow("quoted @") << QByteArray("\"a@b.evil\" <joe@example.net>")
                              << QByteArray("example.net");
    QTest::newRow("comment") << QByteArray("joe@example.net (x@y.z)") << QByteArray("example.net");
    QTest::newRow("two") << QByteArray("a@x.example, b@y.example") << QByteArray();
    QTest::newRow("none") << QByteArray("undisclosed") << QByteArray();
    QTest::newRow("empty") << QByteArray() << QByteArray();
}

void TestDmarc::fromDomains()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, domain);
    QCOMPARE(fromDomain(value), domain);
}

void TestDmarc::evaluation_data()
{
    QTest::addColumn<DmarcInput>("in");
    QTest::addColumn<QString>("result");
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("disposition");
    const QString pass = QStringLiteral("pass"), fail = QStringLiteral("fail");
    QTest::newRow("spf aligned") << input("example.com", pass, "example.com") << pass << "reject"
                                 << "none";
    QTest::newRow("spf relaxed sub")
        << input("example.com", pass, "bounce.example.com") << pass << "reject"
        << "none";
    QTest::newRow("spf other domain") << input("example.com", pass, "other.net") << fail << "reject"
                                      << "reject";
    QTest::newRow("spf softfail") << input("example.com", QStringLiteral("softfail"), "example.com")
                                  << fail << "reject"
                                  << "reject";
    QTest::newRow("dkim aligned") << input("example.com", fail, "x.net",
                                           {dkim(QStringLiteral("example.com"))})
                                  << pass << "reject"
                                  << "none";
    QTest::newRow("dkim unaligned")
        << input("example.com", fail, "x.net", {dkim(QStringLiteral("other.net"))}) << fail
        << "reject"
        << "reject";
    QTest::newRow("dkim aligned but failed")
        << input("example.com", fail, "x.net", {dkim(QStringLiteral("example.com"), fail)}) << fail
        << "reject"
        << "reject";
    QTest::newRow("strict spf sub")
        << input("strict.example", pass, "mail.strict.example") << fail << "quarantine"
        << "quarantine";
    QTest::newRow("strict spf exact")
        << input("strict.example", pass, "strict.example") << pass << "quarantine"
        << "none";
    QTest::newRow("strict dkim sub")
        << input("strict.example", fail, "", {dkim(QStringLiteral("mail.strict.example"))}) << fail
        << "quarantine"
        << "quarantine";
    QTest::newRow("subdomain uses sp")
        << input("news.example.com", fail, "x.net") << fail << "quarantine"
        << "quarantine";
    QTest::newRow("subdomain own record")
        << input("own.example.com", fail, "x.net") << fail << "none"
        << "none";
    QTest::newRow("no record") << input("nodmarc.example", fail, "x.net") << "none"
                               << ""
                               << "";
    QTest::newRow("two records") << input("twice.example", fail, "x.net") << "none"
                                 << ""
                                 << "";
    QTest::newRow("bad p without rua") << input("badp.example", fail, "x.net") << "none"
                                       << ""
                                       << "";
    QTest::newRow("no from") << input("", pass, "example.com") << "permerror"
                             << ""
                             << "";
}

void TestDmarc::evaluation()
{
    QFETCH(DmarcInput, in);
    QFETCH(QString, result);
    QFETCH(QString, policy);
    QFETCH(QString, disposition);
    MemoryZone zone;
    zone.addTxt("_dmarc.example.com",
                "v=DMARC1; p=reject; sp=quarantine; rua=mailto:d@example.com");
    zone.addTxt("_dmarc.own.example.com", "v=DMARC1; p=none");
    zone.addTxt("_dmarc.strict.example", "v=DMARC1; p=quarantine; adkim=s; aspf=s");
    zone.addTxt("_dmarc.twice.example", "v=DMARC1; p=reject");
    zone.addTxt("_dmarc.twice.example", "v=DMARC1; p=none");
    zone.addTxt("_dmarc.badp.example", "v=DMARC1; p=maybe");
    zone.addTxt("_dmarc.nodmarc.example", "v=spf1 -all");
    const DmarcResult r = evaluateDmarc(in, zone);
    QCOMPARE(r.result, result);
    QCOMPARE(r.policy, policy);
    QCOMPARE(r.disposition, disposition);
}

void TestDmarc::pctSampling()
{
    MemoryZone zone;
    zone.addTxt("_dmarc.example.com", "v=DMARC1; p=reject; pct=20");
    DmarcInput in = input("example.com", QStringLiteral("fail"), "x.net");
    in.sample = 10;
    QCOMPARE(evaluateDmarc(in, zone).disposition, QStringLiteral("reject"));
    in.sample = 50;
    DmarcResult r = evaluateDmarc(in, zone);
    QCOMPARE(r.disposition, QStringLiteral("quarantine")); // not sampled: one step weaker
    QCOMPARE(r.policy, QStringLiteral("reject"));
    QCOMPARE(r.pct, 20);
}

void TestDmarc::dnsTrouble()
{
    MemoryZone zone;
    zone.addTimeoutSuffix("example.com");
    QCOMPARE(
        evaluateDmarc(input("example.com", QStringLiteral("pass"), "example.com"), zone).result,
        QStringLiteral("temperror"));
    MemoryZone garbage;
    garbage.addTxt("_dmarc.example.com", QByteArray(1024 * 1024, ';'));
    garbage.addTxt("_dmarc.example.org", "v=DMARC1; p=reject; pct=abc; adkim=zz;");
    QCOMPARE(
        evaluateDmarc(input("example.com", QStringLiteral("pass"), "example.com"), garbage).result,
        QStringLiteral("none"));
    QCOMPARE(
        evaluateDmarc(input("example.org", QStringLiteral("fail"), "x.net"), garbage).disposition,
        QStringLiteral("reject"));
}

QTEST_APPLESS_MAIN(TestDmarc)
#include "tst_dmarc.moc"
