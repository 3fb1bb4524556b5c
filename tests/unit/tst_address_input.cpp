// Addresses as typed into To/Cc/Bcc (and herald-cli's --to): split, named or bare, refused
// with the piece that is wrong (core/mime/AddressInput.h).
#include "core/mime/AddressInput.h"

#include <QTest>

using namespace herald::mime;

class TestAddressInput : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("addresses"); // "name|email"
        QTest::addColumn<QStringList>("invalid");
        QTest::newRow("bare") << "bob@herald.test" << QStringList{"|bob@herald.test"}
                              << QStringList{};
        QTest::newRow("named") << "Bob Builder <bob@herald.test>"
                               << QStringList{"Bob Builder|bob@herald.test"} << QStringList{};
        QTest::newRow("quoted name with comma")
            << "\"Doe, John\" <john@x.org>, carol@x.org"
            << QStringList{"Doe, John|john@x.org", "|carol@x.org"} << QStringList{};
        QTest::newRow("semicolons and spaces")
            << " a@x.org ;b@y.org;  " << QStringList{"|a@x.org", "|b@y.org"} << QStringList{};
        QTest::newRow("empty pieces")
            << ",, a@x.org ,," << QStringList{"|a@x.org"} << QStringList{};
        QTest::newRow("empty") << "   " << QStringList{} << QStringList{};
        QTest::newRow("no at") << "bob, c@x.org" << QStringList{"|c@x.org"} << QStringList{"bob"};
        QTest::newRow("space inside")
            << "bob smith@x.org" << QStringList{} << QStringList{"bob smith@x.org"};
        QTest::newRow("no domain") << "bob@" << QStringList{} << QStringList{"bob@"};
        QTest::newRow("no local part") << "@x.org" << QStringList{} << QStringList{"@x.org"};
        QTest::newRow("two ats") << "a@b@c.org" << QStringList{} << QStringList{"a@b@c.org"};
        QTest::newRow("empty brackets") << "Bob <>" << QStringList{} << QStringList{"Bob <>"};
        QTest::newRow("dot at domain end") << "a@x." << QStringList{} << QStringList{"a@x."};
        QTest::newRow("international") << "Jörg <jörg@bücher.example>"
                                       << QStringList{"Jörg|jörg@bücher.example"} << QStringList{};
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, addresses);
        QFETCH(QStringList, invalid);
        const AddressInput in = parseAddressInput(text);
        QStringList got;
        for (const Address &a : in.addresses)
            got << a.name + QLatin1Char('|') + a.email;
        QCOMPARE(got, addresses);
        QCOMPARE(in.invalid, invalid);
    }

    void one()
    {
        Address a;
        QVERIFY(parseOneAddress(QStringLiteral("  Ann <ann@x.org> "), &a));
        QCOMPARE(a.name, QStringLiteral("Ann"));
        QCOMPARE(a.email, QStringLiteral("ann@x.org"));
        QVERIFY(!parseOneAddress(QStringLiteral("a@x.org, b@x.org"), &a));
    }
};

QTEST_GUILESS_MAIN(TestAddressInput)
#include "tst_address_input.moc"
