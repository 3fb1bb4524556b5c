// CertificateTrust (pins, persistence) and LineReader (bounded CRLF lines).
#include "core/net/CertificateTrust.h"
#include "core/net/LineReader.h"

#include <QtTest>

using namespace herald::net;

class TestNetTrust : public QObject
{
    Q_OBJECT
private slots:
    void fingerprintParsing()
    {
        const QString colon = QStringLiteral("AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:"
                                             "CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89");
        QCOMPARE(CertificateTrust::parseFingerprint(colon).size(), 32);
        QString compact = colon;
        compact.remove(QLatin1Char(':'));
        QCOMPARE(CertificateTrust::parseFingerprint(compact.toLower()),
                 CertificateTrust::parseFingerprint(colon));
        QVERIFY(CertificateTrust::parseFingerprint(QStringLiteral("abc")).isEmpty());
        QVERIFY(CertificateTrust::parseFingerprint(QString(64, QLatin1Char('g'))).isEmpty());
    }
    void pinsPersistAsHex()
    {
        CertificateTrust t;
        const QString fp = QString(64, QLatin1Char('a'));
        QVERIFY(t.addPin(fp));
        QVERIFY(!t.addPin(QStringLiteral("nonsense")));
        const QStringList pins = t.pins();
        QCOMPARE(pins.size(), 1);
        QVERIFY(pins[0].startsWith(QStringLiteral("AA:AA:")));
        CertificateTrust u;
        u.setPins(pins);
        QCOMPARE(u.pins(), pins);
        u.removePin(fp);
        QVERIFY(u.pins().isEmpty());
    }
    void lineReader()
    {
        LineReader r(16);
        r.feed("250-hello\r\n25");
        QCOMPARE(*r.takeLine(), QByteArray("250-hello"));
        QVERIFY(!r.takeLine());
        r.feed("0 ok\r\nDATA");
        QCOMPARE(*r.takeLine(), QByteArray("250 ok"));
        QCOMPARE(*r.takeBytes(4), QByteArray("DATA"));
        r.feed(QByteArray(20, 'x'));
        QVERIFY(!r.takeLine());
        QVERIFY(r.hasError());
        QCOMPARE(r.error().kind, Error::Kind::Protocol);
        LineReader strict;
        strict.setStrictCrlf(true);
        strict.feed("bare\n");
        QVERIFY(!strict.takeLine());
        QVERIFY(strict.hasError());
        LineReader nul;
        nul.feed(QByteArray("a\0b\r\n", 5));
        QVERIFY(!nul.takeLine());
        QVERIFY(nul.hasError());
    }
};

QTEST_GUILESS_MAIN(TestNetTrust)
#include "tst_net_trust.moc"
