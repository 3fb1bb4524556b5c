// Modified UTF-7 (RFC 3501 §5.1.3) and UidSet.
#include "core/imap/ModifiedUtf7.h"
#include "core/imap/UidSet.h"

#include <QtTest>

using namespace herald::imap;

class TestImapUtf7 : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("decoded");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("ascii") << QStringLiteral("INBOX") << QByteArray("INBOX");
        QTest::newRow("ampersand") << QStringLiteral("Tom & Jerry") << QByteArray("Tom &- Jerry");
        // RFC 3501 example: "~peter/mail/日本語/台北"
        QTest::newRow("rfc3501")
            << QString::fromUtf8(
                   "~peter/mail/\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E/\xE5\x8F\xB0\xE5\x8C\x97")
            << QByteArray("~peter/mail/&ZeVnLIqe-/&U,BTFw-");
        QTest::newRow("german") << QString::fromUtf8("Entw\xC3\xBC rfe")
                                << QByteArray("Entw&APw- rfe");
        QTest::newRow("umlauts") << QString::fromUtf8("Gel\xC3\xB6scht")
                                 << QByteArray("Gel&APY-scht");
        QTest::newRow("euro") << QString::fromUtf8("\xE2\x82\xAC") << QByteArray("&IKw-");
        QTest::newRow("emoji") << QString::fromUtf8("\xF0\x9F\x98\x80") << QByteArray("&2D3eAA-");
        QTest::newRow("empty") << QString() << QByteArray();
    }
    void roundTrip()
    {
        QFETCH(QString, decoded);
        QFETCH(QByteArray, encoded);
        QCOMPARE(ModifiedUtf7::encode(decoded), encoded);
        const auto d = ModifiedUtf7::decode(encoded);
        QVERIFY(d.has_value());
        QCOMPARE(*d, decoded);
    }
    void invalid_data()
    {
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("unterminated") << QByteArray("&ZeVnLIqe");
        QTest::newRow("bad char") << QByteArray("&Ze!-");
        QTest::newRow("8bit") << QByteArray("caf\xc3\xa9");
        QTest::newRow("encoded ascii") << QByteArray("&AGE-"); // 'a' must not be encoded
        QTest::newRow("lone surrogate") << QByteArray("&2D0-");
    }
    void invalid()
    {
        QFETCH(QByteArray, encoded);
        QVERIFY(!ModifiedUtf7::decode(encoded).has_value());
    }
    void lenientFallsBackToUtf8()
    {
        QCOMPARE(ModifiedUtf7::decodeLenient("caf\xc3\xa9"), QString::fromUtf8("caf\xc3\xa9"));
    }
    void uidSet()
    {
        auto s = UidSet::parse("1:3,5,7:*");
        QVERIFY(s);
        QVERIFY(s->contains(2));
        QVERIFY(!s->contains(4));
        QVERIFY(s->contains(1000));
        QCOMPARE(s->toByteArray(), QByteArray("1:3,5,7:*"));
        UidSet t;
        t.add(5);
        t.add(3);
        t.add(4);
        t.add(10);
        t.add(1, 2);
        QCOMPARE(t.toByteArray(), QByteArray("1:5,10"));
        QCOMPARE(t.count(), quint64(6));
        QCOMPARE(UidSet::fromList({9, 8, 7, 1}).toByteArray(), QByteArray("1,7:9"));
        QVERIFY(!UidSet::parse("0"));
        QVERIFY(!UidSet::parse("a:b"));
        QVERIFY(!UidSet::parse(""));
        QCOMPARE(UidSet::parse("3:1")->toByteArray(), QByteArray("1:3"));
    }
};

QTEST_GUILESS_MAIN(TestImapUtf7)
#include "tst_imap_utf7.moc"
