// Authentication-Results parsing (RFC 8601) against tests/data/authres-cases/authres-cases.json:
// every strict case must parse exactly (and the same in lenient mode), every must-reject case
// must be rejected by the strict parser and give no results in lenient mode, and every
// lenient case must give at least the listed method/result pairs and properties.
// Also: the trusted authserv-id selection.

#include "core/authres/AuthResultsParser.h"
#include "core/authres/TrustedAuthResults.h"
#include "tests/support/TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace herald::authres;

namespace {

QJsonArray loadCases()
{
    QFile f(herald::test::dataFile(QStringLiteral("authres-cases/authres-cases.json")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("cases")).toArray();
}

QJsonObject toJson(const AuthResult &r)
{
    QJsonObject o;
    o[QLatin1String("method")] = r.method;
    o[QLatin1String("result")] = r.result;
    if (!r.methodVersion.isEmpty())
        o[QLatin1String("method_version")] = r.methodVersion;
    if (!r.reason.isEmpty())
        o[QLatin1String("reason")] = r.reason;
    QJsonArray props;
    for (const AuthResProperty &p : r.props) {
        props.append(QJsonObject{{QLatin1String("ptype"), p.ptype},
                                 {QLatin1String("property"), p.property},
                                 {QLatin1String("value"), p.value}});
    }
    o[QLatin1String("props")] = props;
    return o;
}

QJsonObject toJson(const AuthResHeader &h)
{
    QJsonArray results;
    for (const AuthResult &r : h.results)
        results.append(toJson(r));
    return QJsonObject{
        {QLatin1String("valid"), true},
        {QLatin1String("authserv_id"), h.authservId},
        {QLatin1String("version"), h.version.isEmpty() ? QJsonValue() : QJsonValue(h.version)},
        {QLatin1String("results"), results}};
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

class TestAuthresParser : public QObject
{
    Q_OBJECT

private slots:
    void corpus_data();
    void corpus();
    void trustedAuthservId();
    void hugeAndHostileInput();
};

void TestAuthresParser::corpus_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QJsonObject>("expect");
    const QJsonArray cases = loadCases();
    QCOMPARE(cases.size(), 60);
    for (const QJsonValue &c : cases) {
        const QJsonObject o = c.toObject();
        QTest::newRow(qPrintable(o[QLatin1String("id")].toString()))
            << o[QLatin1String("value")].toString().toUtf8()
            << o[QLatin1String("expect")].toObject();
    }
}

void TestAuthresParser::corpus()
{
    QFETCH(QByteArray, value);
    QFETCH(QJsonObject, expect);
    const QJsonValue valid = expect[QLatin1String("valid")];
    const std::optional<AuthResHeader> strict =
        parseAuthenticationResults(value, ParseMode::Strict);
    const std::optional<AuthResHeader> lenient =
        parseAuthenticationResults(value, ParseMode::Lenient);
    if (valid.isBool() && valid.toBool()) {
        QVERIFY2(strict, "strict parse failed");
        QCOMPARE(compact(toJson(*strict)), compact(expect));
        QVERIFY(lenient);
        QCOMPARE(compact(toJson(*lenient)), compact(expect));
    } else if (valid.isBool()) {
        QVERIFY2(!strict, qPrintable(strict ? compact(toJson(*strict)) : QString()));
        QVERIFY(!lenient || lenient->results.isEmpty());
    } else if (valid.toString() == QLatin1String("lenient")) {
        if (expect.contains(QLatin1String("authserv_id"))) {
            QVERIFY(lenient);
            QCOMPARE(lenient->authservId, expect[QLatin1String("authserv_id")].toString());
            QList<QPair<QString, QString>> got;
            for (const AuthResult &r : lenient->results)
                got.append({r.method, r.result});
            for (const QJsonValue &pair : expect[QLatin1String("method_results")].toArray()) {
                const QPair<QString, QString> want{pair[0].toString(), pair[1].toString()};
                QVERIFY2(got.removeOne(want),
                         qPrintable(want.first + QLatin1Char('=') + want.second));
            }
            for (const QJsonValue &p : expect[QLatin1String("props_contain")].toArray()) {
                bool found = false;
                for (const AuthResult &r : lenient->results)
                    found = found || (r.method == p[0].toString() &&
                                      r.prop(p[1].toString()) == p[2].toString());
                QVERIFY2(found, qPrintable(p[0].toString() + QLatin1Char(' ') + p[1].toString()));
            }
        }
    } else {
        QVERIFY(!strict || strict->results.isEmpty()); // empty input: nothing to show
    }
}

void TestAuthresParser::trustedAuthservId()
{
    const QList<QByteArray> headers = {
        "mx.herald.test; spf=pass smtp.mailfrom=a.example; dkim=pass header.d=a.example",
        "forged.example; dmarc=pass header.from=bank.example", // written by the sender
        "mx.herald.test; dmarc=fail header.from=a.example",
    };
    TrustedAuthResults t = selectTrustedAuthResults(headers, QString());
    QCOMPARE(t.authservId, QStringLiteral("mx.herald.test"));
    QCOMPARE(t.trustedHeaders, 2);
    QCOMPARE(t.ignoredHeaders, 1);
    QCOMPARE(t.results.size(), 3);
    QCOMPARE(t.results.at(2).result, QStringLiteral("fail"));

    t = selectTrustedAuthResults(headers, QStringLiteral("MX.HERALD.TEST"));
    QCOMPARE(t.trustedHeaders, 2);

    t = selectTrustedAuthResults(headers, QStringLiteral("other.example"));
    QCOMPARE(t.trustedHeaders, 0);
    QVERIFY(t.results.isEmpty());

    const RawMessage msg = RawMessage::parse(
        "Authentication-Results: mx.herald.test;\n spf=pass smtp.mailfrom=x.example\n"
        "Authentication-Results: evil.example; spf=pass\nFrom: a@x.example\n\nbody\n");
    t = selectTrustedAuthResults(msg, QString());
    QCOMPARE(t.authservId, QStringLiteral("mx.herald.test"));
    QCOMPARE(t.results.size(), 1);
    QCOMPARE(t.results.at(0).prop(QStringLiteral("smtp.mailfrom")), QStringLiteral("x.example"));
}

void TestAuthresParser::hugeAndHostileInput()
{
    QByteArray big = "example.com; spf=pass smtp.mailfrom=";
    big += QByteArray(1024 * 1024, 'a');
    QVERIFY(parseAuthenticationResults(big, ParseMode::Strict));
    QVERIFY(parseAuthenticationResults(QByteArray(1024 * 1024, '('), ParseMode::Lenient) ==
            std::nullopt);
    QVERIFY(!parseAuthenticationResults(QByteArray(1024 * 1024, '('), ParseMode::Strict));
    QByteArray semis = "example.com" + QByteArray(1024 * 1024, ';');
    QVERIFY(!parseAuthenticationResults(semis, ParseMode::Strict));
    QVERIFY(parseAuthenticationResults(semis, ParseMode::Lenient));
    QVERIFY(!parseAuthenticationResults("example.com; spf=\"pass", ParseMode::Strict));
}

QTEST_APPLESS_MAIN(TestAuthresParser)
#include "tst_authres_parser.moc"
