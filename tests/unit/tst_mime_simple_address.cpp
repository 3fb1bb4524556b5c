// The fast path for plain address fields (core/mime/internal/SimpleAddress) must give exactly
// what the full VMime parser gives, whenever it accepts a field: on a table of shapes at the
// edge of "simple", and on every From/To/Cc/Reply-To/Sender field of the corpora.
#include "core/mime/HeaderDecoding.h"
#include "core/mime/internal/SimpleAddress.h"
#include "tests/support/TestSupport.h"

#include <QTest>

using namespace herald::mime;

namespace {
QStringList describe(const std::vector<Address> &list)
{
    QStringList out;
    for (const Address &a : list)
        out << a.name + QLatin1Char('|') + a.email + QLatin1Char('|') + a.group;
    return out;
}

} // namespace

class TestMimeSimpleAddress : public QObject
{
    Q_OBJECT
    int m_accepted = 0;

    void compare(const QByteArray &raw, int expectAccepted)
    {
        std::vector<Address> fast;
        const bool accepted = internal::parseSimpleAddressList(unfoldHeader(raw).trimmed(), fast);
        if (expectAccepted >= 0)
            QCOMPARE(accepted, bool(expectAccepted));
        if (accepted) {
            ++m_accepted;
            QCOMPARE(describe(fast), describe(internal::parseAddressListFully(raw)));
        }
        QCOMPARE(describe(parseAddressList(raw)), describe(internal::parseAddressListFully(raw)));
    }

private slots:
    void shapes_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("accepted"); // 1 fast path, 0 full parser
        QTest::newRow("bare") << QByteArray(" alice@example.org") << 1;
        QTest::newRow("named") << QByteArray(" Alice Liddell <alice@example.org>") << 1;
        QTest::newRow("list") << QByteArray(" a@x.example, Bob <b@y.example> ,c@z.example") << 1;
        QTest::newRow("folded") << QByteArray(" Bob\r\n <b@y.example>,\r\n\tc@z.example") << 1;
        QTest::newRow("many spaces") << QByteArray("  Sender   17  <s17@example.org>  ") << 1;
        QTest::newRow("initial with dot") << QByteArray(" John Q. Public <jqp@example.org>") << 0;
        QTest::newRow("atext symbols") << QByteArray(" o'hara+tag@ex-ample.org") << 1;
        QTest::newRow("upper case domain") << QByteArray(" Bob <Bob@Example.ORG>") << 1;
        QTest::newRow("dotted local") << QByteArray(" first.last@example.org") << 1;
        QTest::newRow("double dot") << QByteArray(" first..last@example.org") << 0;
        QTest::newRow("no at") << QByteArray(" Someone") << 0;
        QTest::newRow("empty") << QByteArray(" ") << 0;
        QTest::newRow("empty item") << QByteArray(" a@x.example, , b@y.example") << 0;
        QTest::newRow("quoted name") << QByteArray(" \"Doe, Jane\" <jane@example.org>") << 0;
        QTest::newRow("comment") << QByteArray(" jane@example.org (Jane Doe)") << 0;
        QTest::newRow("group") << QByteArray(" friends: a@x.example, b@y.example;") << 0;
        QTest::newRow("undisclosed") << QByteArray(" undisclosed-recipients:;") << 0;
        QTest::newRow("encoded word")
            << QByteArray(" =?utf-8?q?J=C3=BCrgen?= <j@example.org>") << 0;
        QTest::newRow("8-bit name") << QByteArray(" J\xc3\xbcrgen <j@example.org>") << 0;
        QTest::newRow("two brackets") << QByteArray(" A <a@x.example> <b@y.example>") << 0;
        QTest::newRow("unclosed") << QByteArray(" A <a@x.example") << 0;
        QTest::newRow("angle only") << QByteArray(" <a@x.example>") << 1;
        QTest::newRow("ip literal") << QByteArray(" a@[192.0.2.1]") << 0;
        QTest::newRow("two ats") << QByteArray(" a@b@c.example") << 0;
    }
    void shapes()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, accepted);
        compare(raw, accepted);
    }

    void corpusFields_data()
    {
        QTest::addColumn<QByteArray>("raw");
        int n = 0;
        for (const auto &[name, raw] : herald::test::corpusMessages()) {
            int i = 0;
            for (const QByteArray &field : herald::test::headerFieldBodies(
                     raw, {"from", "to", "cc", "reply-to", "sender", "bcc"}))
                QTest::addRow("%s#%d", qPrintable(name), i++) << field;
            n += i;
        }
        QVERIFY2(n > 50, "too few address fields found in tests/data");
    }
    void corpusFields()
    {
        QFETCH(QByteArray, raw);
        compare(raw, -1);
    }

    void fastPathIsUsedOnTheCorpus()
    {
        QVERIFY2(m_accepted > 40, qPrintable(QString::number(m_accepted)));
    }
};

QTEST_GUILESS_MAIN(TestMimeSimpleAddress)
#include "tst_mime_simple_address.moc"
