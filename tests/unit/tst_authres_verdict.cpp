// The `auth` verdict of DESIGN.md from a message's bytes (computeAuth): SPF inputs from the
// trusted Received header and Return-Path, DKIM, DMARC, ARC, the trusted A-R header, and bad
// input (DNS timeouts, 1 MB header, garbage) giving temperror/permerror instead of a crash.
// Based on the RFC 8463 example message (mail-auth-stalwart/dkim/001.txt).

#include "core/authres/AuthVerdict.h"
#include "core/authres/MemoryZone.h"
#include "tests/support/TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace herald::authres;

namespace {

QByteArray loadExample(MemoryZone &zone)
{
    QFile f(herald::test::dataFile(QStringLiteral("mail-auth-stalwart/dkim/001.txt")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray all = f.readAll();
    const qsizetype split = all.indexOf("\n\n");
    for (const QByteArray &line : all.left(split).split('\n')) {
        const qsizetype sp = line.indexOf(' ');
        if (sp > 0)
            zone.addTxt(line.left(sp), line.mid(sp + 1));
    }
    zone.addTxt("football.example.com", "v=spf1 ip4:192.0.2.0/24 -all");
    zone.addTxt("_dmarc.football.example.com", "v=DMARC1; p=reject");
    return toCrlf(all.mid(split + 2));
}

const QByteArray kTrusted =
    "Return-Path: <joe@football.example.com>\r\n"
    "Received: from mail.football.example.com (mail.football.example.com [192.0.2.10])\r\n"
    "\tby mx.herald.test (Postfix) with ESMTP id 4ABC; Mon, 1 Jan 2024 10:00:00 +0000\r\n";

QString res(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject().value(QLatin1String("result")).toString();
}

} // namespace

class TestAuthresVerdict : public QObject
{
    Q_OBJECT

private slots:
    void signedFromAllowedPath();
    void brokenSignatureFromDisallowedPath();
    void trustedAuthenticationResults();
    void lmtpHopSkipped();
    void forgedBelowReceivedIgnored();
    void badInput();
};

void TestAuthresVerdict::signedFromAllowedPath()
{
    MemoryZone zone;
    const QByteArray msg = kTrusted + loadExample(zone);
    const QJsonObject auth = computeAuth(msg, AuthOptions(), zone);
    QCOMPARE(res(auth, "spf"), QStringLiteral("pass"));
    QCOMPARE(auth[QLatin1String("spf")][QLatin1String("ip")].toString(),
             QStringLiteral("192.0.2.10"));
    QCOMPARE(auth[QLatin1String("spf")][QLatin1String("domain")].toString(),
             QStringLiteral("football.example.com"));
    const QJsonArray dkim = auth[QLatin1String("dkim")].toArray();
    QCOMPARE(dkim.size(), 2);
    for (const QJsonValue &d : dkim)
        QCOMPARE(d[QLatin1String("result")].toString(), QStringLiteral("pass"));
    QCOMPARE(dkim.at(0)[QLatin1String("algorithm")].toString(), QStringLiteral("ed25519-sha256"));
    QCOMPARE(res(auth, "dmarc"), QStringLiteral("pass"));
    QCOMPARE(auth[QLatin1String("dmarc")][QLatin1String("policy")].toString(),
             QStringLiteral("reject"));
    QCOMPARE(auth[QLatin1String("dmarc")][QLatin1String("domain")].toString(),
             QStringLiteral("football.example.com"));
    QCOMPARE(res(auth, "arc"), QStringLiteral("none"));
    QCOMPARE(auth[QLatin1String("source")].toString(), QStringLiteral("local"));
    QCOMPARE(summarizeAuth(auth), AuthSummaryValue::Pass);
    QVERIFY(computeAuthJson(msg, AuthOptions(), zone).startsWith(QLatin1String("{\"arc\"")));
}

void TestAuthresVerdict::brokenSignatureFromDisallowedPath()
{
    MemoryZone zone;
    QByteArray msg = kTrusted + loadExample(zone);
    msg.replace("[192.0.2.10]", "[198.51.100.7]");
    msg.replace("Joe.", "Mallory.");
    const QJsonObject auth = computeAuth(msg, AuthOptions(), zone);
    QCOMPARE(res(auth, "spf"), QStringLiteral("fail"));
    for (const QJsonValue &d : auth[QLatin1String("dkim")].toArray())
        QCOMPARE(d[QLatin1String("result")].toString(), QStringLiteral("fail"));
    QCOMPARE(res(auth, "dmarc"), QStringLiteral("fail"));
    QCOMPARE(auth[QLatin1String("dmarc")][QLatin1String("disposition")].toString(),
             QStringLiteral("reject"));
    QCOMPARE(summarizeAuth(auth), AuthSummaryValue::Fail);
}

void TestAuthresVerdict::trustedAuthenticationResults()
{
    MemoryZone zone;
    QByteArray body = loadExample(zone);
    body.replace("Joe.", "Mallory."); // DKIM now fails locally
    // The sender forged an A-R header (below the server's); only the server's counts.
    const QByteArray msg =
        "Authentication-Results: mx.herald.test; spf=pass smtp.mailfrom=football.example.com\r\n" +
        kTrusted +
        "Authentication-Results: mx.herald.test.evil; dkim=pass header.d=football.example.com;\r\n"
        " dmarc=pass header.from=football.example.com\r\n" +
        body;
    QByteArray withOtherIp = msg;
    withOtherIp.replace("[192.0.2.10]",
                        "[198.51.100.7]"); // local SPF would fail; the server said pass
    QJsonObject auth = computeAuth(withOtherIp, AuthOptions(), zone);
    QCOMPARE(res(auth, "spf"), QStringLiteral("pass"));
    QCOMPARE(auth[QLatin1String("source")].toString(), QStringLiteral("both"));
    for (const QJsonValue &d : auth[QLatin1String("dkim")].toArray())
        QCOMPARE(d[QLatin1String("result")].toString(),
                 QStringLiteral("fail"));                 // not the forged pass
    QCOMPARE(res(auth, "dmarc"), QStringLiteral("pass")); // aligned SPF pass from the server
    // Even when its id is configured, an A-R header below the receiving server's Received
    // header came from the sender and is ignored.
    AuthOptions opts;
    opts.trustedAuthservId = QStringLiteral("mx.herald.test.evil");
    opts.verifyLocally = false;
    auth = computeAuth(withOtherIp, opts, zone);
    QCOMPARE(auth[QLatin1String("source")].toString(), QStringLiteral("authentication-results"));
    QCOMPARE(res(auth, "dmarc"), QStringLiteral("none"));
    QCOMPARE(res(auth, "spf"), QStringLiteral("none"));
    // Headers only, the server's id: the forged one is ignored.
    opts.trustedAuthservId.clear();
    auth = computeAuth(withOtherIp, opts, zone);
    QCOMPARE(res(auth, "spf"), QStringLiteral("pass"));
    QVERIFY(auth[QLatin1String("dkim")].toArray().isEmpty());
    QCOMPARE(res(auth, "dmarc"), QStringLiteral("none"));
}

void TestAuthresVerdict::lmtpHopSkipped()
{
    MemoryZone zone;
    const QByteArray msg =
        "Return-Path: <joe@football.example.com>\r\n"
        "Received: from mx.herald.test by mx.herald.test (Dovecot) with LMTP id x\r\n"
        "\tfor <bob@herald.test>; Mon, 1 Jan 2024 10:00:01 +0000\r\n"
        "Received: from mx.herald.test ([127.0.0.1])\r\n\tby mx.herald.test (Dovecot) with LMTP id "
        "y; Mon, 1 Jan 2024 10:00:01 +0000\r\n" +
        kTrusted + loadExample(zone);
    const QJsonObject auth = computeAuth(msg, AuthOptions(), zone);
    QCOMPARE(auth[QLatin1String("spf")][QLatin1String("ip")].toString(),
             QStringLiteral("192.0.2.10"));
    QCOMPARE(res(auth, "spf"), QStringLiteral("pass"));
}

void TestAuthresVerdict::forgedBelowReceivedIgnored()
{
    // No A-R from the receiving server; the sender wrote one claiming the server's id.
    MemoryZone zone;
    QByteArray body = loadExample(zone);
    body.replace("Joe.", "Mallory.");
    const QByteArray msg =
        kTrusted +
        "Authentication-Results: mx.herald.test; dkim=pass header.d=football.example.com;\r\n"
        " spf=pass smtp.mailfrom=football.example.com; dmarc=pass\r\n" +
        body;
    QByteArray other = msg;
    other.replace("[192.0.2.10]", "[198.51.100.7]");
    AuthOptions opts;
    opts.trustedAuthservId = QStringLiteral("mx.herald.test");
    const QJsonObject auth = computeAuth(other, opts, zone);
    QCOMPARE(auth[QLatin1String("source")].toString(), QStringLiteral("local"));
    QCOMPARE(res(auth, "spf"), QStringLiteral("fail"));
    QCOMPARE(res(auth, "dmarc"), QStringLiteral("fail"));
    opts.verifyLocally = false;
    QCOMPARE(res(computeAuth(other, opts, zone), "dmarc"), QStringLiteral("none"));
}

void TestAuthresVerdict::badInput()
{
    MemoryZone timeouts;
    timeouts.addTimeoutSuffix("example.com");
    MemoryZone zone;
    const QByteArray msg = kTrusted + loadExample(zone);
    QJsonObject auth = computeAuth(msg, AuthOptions(), timeouts);
    QCOMPARE(res(auth, "spf"), QStringLiteral("temperror"));
    for (const QJsonValue &d : auth[QLatin1String("dkim")].toArray())
        QCOMPARE(d[QLatin1String("result")].toString(), QStringLiteral("temperror"));
    QCOMPARE(res(auth, "dmarc"), QStringLiteral("temperror"));
    // A header 1 MB long, everywhere it matters.
    const QByteArray mb(1024 * 1024, 'x');
    const QByteArray huge = "Received: from " + mb + " [192.0.2.1]\r\nReturn-Path: <" + mb + "@" +
                            mb + ">\r\nFrom: <a@" + mb + ">\r\nAuthentication-Results: " + mb +
                            "; spf=pass\r\nDKIM-Signature: v=1; a=rsa-sha256; d=" + mb +
                            "; s=x; h=from; bh=AA; b=AA\r\nARC-Seal: i=1; " + mb +
                            "\r\n\r\nbody\r\n";
    auth = computeAuth(huge, AuthOptions(), zone);
    QVERIFY(!res(auth, "spf").isEmpty());
    QCOMPARE(auth[QLatin1String("dkim")].toArray().at(0)[QLatin1String("result")].toString(),
             QStringLiteral("permerror"));
    QCOMPARE(res(auth, "arc"), QStringLiteral("fail"));
    // Garbage and empty input.
    auth = computeAuth(QByteArray("\0\r\n\r\n\xff\xfe", 8), AuthOptions(), zone);
    QCOMPARE(res(auth, "spf"), QStringLiteral("none"));
    QCOMPARE(res(auth, "dmarc"), QStringLiteral("permerror"));
    QCOMPARE(summarizeAuth(computeAuth(QByteArray(), AuthOptions(), zone)),
             AuthSummaryValue::Unknown);
}

QTEST_APPLESS_MAIN(TestAuthresVerdict)
#include "tst_authres_verdict.moc"
