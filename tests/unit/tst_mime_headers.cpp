// Header-field cases of Stalwart mail-parser's corpus (tests/data/mime-mail-parser-stalwart/
// headers/*.json): address lists, dates, RFC 2047 unstructured text, message ids and
// Content-Type (RFC 2231) through HeaderDecoding.h. The Received and list cases are not used
// (Herald does not parse those fields). Each case's input is cut at the end of its field (a
// line break not followed by white space), as a message's header would be.
// Cases that differ are listed in tests/data/mime-known-differences-headers.tsv
// ("<kind>/<index>" TAB reason TAB what differs); the test fails when a listed case matches or an
// unlisted one differs.

#include "core/mime/HeaderDecoding.h"
#include "tests/support/TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTest>

using namespace herald::mime;

namespace {

QByteArray fieldBody(const QByteArray &in)
{
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in.at(i) != '\n')
            continue;
        if (i + 1 >= in.size() || (in.at(i + 1) != ' ' && in.at(i + 1) != '\t'))
            return in.left(i);
    }
    return in;
}

QString str(const QJsonValue &v)
{
    return v.isNull() ? QString() : v.toString();
}

QString expectedText(const QString &kind, const QJsonValue &e)
{
    QStringList out;
    if (kind == QLatin1String("address")) {
        const QJsonObject o = e.toObject();
        for (const QJsonValue &a : o.value(QLatin1String("List")).toArray())
            out << QStringLiteral("|%1|%2").arg(str(a[QLatin1String("name")]),
                                                str(a[QLatin1String("address")]));
        for (const QJsonValue &g : o.value(QLatin1String("Group")).toArray()) {
            for (const QJsonValue &a : g[QLatin1String("addresses")].toArray())
                out << QStringLiteral("%1|%2|%3")
                           .arg(str(g[QLatin1String("name")]), str(a[QLatin1String("name")]),
                                str(a[QLatin1String("address")]));
        }
    } else if (kind == QLatin1String("date")) {
        if (e.isNull())
            return QStringLiteral("invalid");
        const QJsonObject d = e.toObject();
        const int offset =
            (d[QLatin1String("tz_before_gmt")].toBool() ? -1 : 1) *
            (d[QLatin1String("tz_hour")].toInt() * 60 + d[QLatin1String("tz_minute")].toInt());
        return QStringLiteral("%1-%2-%3 %4:%5:%6 %7")
            .arg(d[QLatin1String("year")].toInt())
            .arg(d[QLatin1String("month")].toInt())
            .arg(d[QLatin1String("day")].toInt())
            .arg(d[QLatin1String("hour")].toInt())
            .arg(d[QLatin1String("minute")].toInt())
            .arg(d[QLatin1String("second")].toInt())
            .arg(offset);
    } else if (kind == QLatin1String("unstructured")) {
        return str(e);
    } else if (kind == QLatin1String("id")) {
        for (const QJsonValue &v : e.toArray())
            out << v.toString();
    } else if (kind == QLatin1String("content_type")) {
        if (e.isNull())
            return {};
        const QJsonObject c = e.toObject();
        out << (str(c[QLatin1String("c_type")]) + QLatin1Char('/') +
                str(c[QLatin1String("c_subtype")]))
                   .toLower();
        // Attributes are [name, value] pairs in these files (objects in the message JSON).
        for (const QJsonValue &a : c[QLatin1String("attributes")].toArray()) {
            const QJsonArray pair = a.toArray();
            out << pair.at(0).toString().toLower() + QLatin1Char('=') + pair.at(1).toString();
        }
    }
    return out.join(QLatin1String("; "));
}

QString actualText(const QString &kind, const QByteArray &raw)
{
    QStringList out;
    if (kind == QLatin1String("address")) {
        for (const Address &a : parseAddressList(raw))
            out << QStringLiteral("%1|%2|%3").arg(a.group, a.name, a.email);
    } else if (kind == QLatin1String("date")) {
        const QDateTime d = parseDate(raw);
        if (!d.isValid())
            return QStringLiteral("invalid");
        return QStringLiteral("%1-%2-%3 %4:%5:%6 %7")
            .arg(d.date().year())
            .arg(d.date().month())
            .arg(d.date().day())
            .arg(d.time().hour())
            .arg(d.time().minute())
            .arg(d.time().second())
            .arg(d.offsetFromUtc() / 60);
    } else if (kind == QLatin1String("unstructured")) {
        return decodeHeaderText(raw);
    } else if (kind == QLatin1String("id")) {
        out = parseMessageIds(raw);
    } else if (kind == QLatin1String("content_type")) {
        const ContentType c = parseContentType(raw);
        if (c.type.isEmpty())
            return {};
        out << c.mimeType();
        for (const auto &[name, value] : c.parameters)
            out << name + QLatin1Char('=') + value;
    }
    return out.join(QLatin1String("; "));
}

QMap<QString, QString> knownDifferences()
{
    QMap<QString, QString> known;
    QFile f(herald::test::dataFile(QStringLiteral("mime-known-differences-headers.tsv")));
    if (!f.open(QIODevice::ReadOnly))
        return known;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.trimmed().isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype tab = line.indexOf('\t');
        known.insert(QString::fromUtf8(line.left(tab)), QString::fromUtf8(line.mid(tab + 1)));
    }
    return known;
}

} // namespace

class TestMimeHeaders : public QObject
{
    Q_OBJECT

private slots:
    void header_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("expected");
        for (const char *kind : {"address", "date", "unstructured", "id", "content_type"}) {
            QFile f(
                herald::test::dataFile(QStringLiteral("mime-mail-parser-stalwart/headers/%1.json")
                                           .arg(QLatin1String(kind))));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QJsonArray cases = QJsonDocument::fromJson(f.readAll()).array();
            QVERIFY(!cases.isEmpty());
            for (int i = 0; i < cases.size(); ++i) {
                const QJsonObject c = cases.at(i).toObject();
                QTest::addRow("%s/%d", kind, i)
                    << QString::fromLatin1(kind)
                    << fieldBody(c[QLatin1String("header")].toString().toUtf8())
                    << expectedText(QLatin1String(kind), c[QLatin1String("expected")]);
            }
        }
    }

    void header()
    {
        QFETCH(QString, kind);
        QFETCH(QByteArray, raw);
        QFETCH(QString, expected);
        const QString actual = actualText(kind, raw);
        const QString row = QString::fromLatin1(QTest::currentDataTag());
        const auto known = knownDifferences();
        if (qEnvironmentVariableIsSet("HERALD_MIME_CORPUS_VERBOSE") && actual != expected)
            qInfo("%s\tgot [%s], mail-parser [%s]", qPrintable(row), qPrintable(actual),
                  qPrintable(expected));
        if (known.contains(row))
            QVERIFY2(actual != expected,
                     qPrintable(row + QStringLiteral(" now matches: remove it from the list")));
        else
            QCOMPARE(actual, expected);
    }
};

QTEST_GUILESS_MAIN(TestMimeHeaders)
#include "tst_mime_headers.moc"
