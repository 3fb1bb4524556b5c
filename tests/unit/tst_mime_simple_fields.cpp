// The fast paths for Subject, message-id and Date fields (core/mime/internal/SimpleFields)
// must give exactly what the full VMime parsers give whenever they accept a field: on tables
// of shapes at the edge of "simple", and on every such field of the corpora.
#include "core/mime/HeaderDecoding.h"
#include "core/mime/internal/SimpleFields.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace herald::mime;

namespace {
// A date and its zone: QDateTime's == compares instants only, and the zone is shown.
QString describe(const QDateTime &d)
{
    return d.isValid()
               ? d.toString(Qt::ISODate) + QLatin1Char(' ') + QString::number(d.offsetFromUtc())
               : QStringLiteral("invalid");
}

// The .eml corpora and the Mail::DKIM corpus (real mail of many clients, as .txt).
QList<QPair<QString, QByteArray>> messages()
{
    QList<QPair<QString, QByteArray>> all = herald::test::corpusMessages();
    const QDir dkim(herald::test::dataFile(QStringLiteral("dkim-perl-mail-dkim/corpus")));
    for (const QString &name : dkim.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name)) {
        QFile f(dkim.filePath(name));
        if (f.open(QIODevice::ReadOnly))
            all.append({name, f.readAll()});
    }
    return all;
}

// Stalwart's header test cases (tests/data/mime-mail-parser-stalwart/headers/<cases>.json):
// field bodies chosen for their edges, one row each. Returns how many.
int addStalwartRows(const char *cases)
{
    QFile f(herald::test::dataFile(
        QStringLiteral("mime-mail-parser-stalwart/headers/%1.json").arg(QLatin1String(cases))));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    int i = 0;
    for (const QJsonValue &c : QJsonDocument::fromJson(f.readAll()).array())
        QTest::addRow("stalwart-%s#%d", cases, i++)
            << c[QLatin1String("header")].toString().toUtf8();
    return i;
}

void addCorpusRows(const QList<QByteArray> &names, int atLeast)
{
    QTest::addColumn<QByteArray>("raw");
    int n = 0;
    for (const char *cases : {"date", "id", "unstructured"}) {
        const int added = addStalwartRows(cases);
        QVERIFY2(added > 0, cases);
        n += added;
    }
    for (const auto &[file, raw] : messages()) {
        int i = 0;
        for (const QByteArray &field : herald::test::headerFieldBodies(raw, names))
            QTest::addRow("%s#%d", qPrintable(file), i++) << field;
        n += i;
    }
    QVERIFY2(n >= atLeast, qPrintable(QStringLiteral("only %1 fields in tests/data").arg(n)));
}
QString describe(const ContentType &t)
{
    QStringList parts{t.type, t.subtype};
    for (const auto &[name, value] : t.parameters)
        parts << name + QLatin1Char('=') + value;
    return parts.join(QLatin1Char('|'));
}

// Content-Type and Content-Disposition fields anywhere in a message: the top-level header and
// every part's (with continuation lines).
QList<QByteArray> contentFields(const QByteArray &raw)
{
    QList<QByteArray> out;
    bool inField = false;
    for (const QByteArray &line : raw.split('\n')) {
        if (inField && !line.isEmpty() && (line.at(0) == ' ' || line.at(0) == '\t')) {
            out.last() += '\n' + line;
            continue;
        }
        inField = line.startsWith("Content-Type:") || line.startsWith("content-type:") ||
                  line.startsWith("Content-Disposition:");
        if (inField)
            out << line.mid(line.indexOf(':') + 1);
    }
    return out;
}
} // namespace

class TestMimeSimpleFields : public QObject
{
    Q_OBJECT
    int m_textAccepted = 0;
    int m_idsAccepted = 0;
    int m_datesAccepted = 0;
    int m_typesAccepted = 0;

    void compareText(const QByteArray &raw, int expectAccepted)
    {
        const auto fast = internal::simpleHeaderText(unfoldHeader(raw));
        if (expectAccepted >= 0)
            QCOMPARE(fast.has_value(), bool(expectAccepted));
        const QString full = internal::decodeHeaderTextFully(raw);
        if (fast) {
            ++m_textAccepted;
            QCOMPARE(*fast, full);
        }
        QCOMPARE(decodeHeaderText(raw), full);
    }
    void compareIds(const QByteArray &raw, int expectAccepted)
    {
        QStringList fast;
        const bool accepted = internal::parseSimpleMessageIds(unfoldHeader(raw), fast);
        if (expectAccepted >= 0)
            QCOMPARE(accepted, bool(expectAccepted));
        const QStringList full = internal::parseMessageIdsFully(raw);
        if (accepted) {
            ++m_idsAccepted;
            QCOMPARE(fast, full);
        } else {
            QVERIFY(fast.isEmpty());
        }
        QCOMPARE(parseMessageIds(raw), full);
    }
    void compareDate(const QByteArray &raw, int expectAccepted)
    {
        const auto fast = internal::parseSimpleDate(unfoldHeader(raw));
        if (expectAccepted >= 0)
            QCOMPARE(fast.has_value(), bool(expectAccepted));
        const QDateTime full = internal::parseDateFully(raw);
        if (fast) {
            ++m_datesAccepted;
            QCOMPARE(describe(*fast), describe(full));
        }
        QCOMPARE(describe(parseDate(raw)), describe(full));
    }

    void compareContentType(const QByteArray &raw, int expectAccepted)
    {
        const auto fast = internal::parseSimpleContentType(unfoldHeader(raw));
        if (expectAccepted >= 0)
            QCOMPARE(fast.has_value(), bool(expectAccepted));
        const ContentType full = internal::parseContentTypeFully(raw);
        if (fast) {
            ++m_typesAccepted;
            QCOMPARE(describe(*fast), describe(full));
        }
        QCOMPARE(describe(parseContentType(raw)), describe(full));
    }

private slots:
    // Issue 16: a zone beyond RFC 5322's +-99:59 overflowed int (undefined behaviour); it now
    // reads as "no zone information", the time as UTC.
    void dateZoneOutOfRange_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("offsetMinutes");
        QTest::newRow("hostile negative") << QByteArray(" Mon, 1 Jan 2024 10:00:00 -99999999") << 0;
        QTest::newRow("hostile positive") << QByteArray(" Mon, 1 Jan 2024 10:00:00 +99999999") << 0;
        QTest::newRow("largest valid") << QByteArray(" Mon, 1 Jan 2024 10:00:00 +9959") << 5999;
        QTest::newRow("ordinary") << QByteArray(" Mon, 1 Jan 2024 10:00:00 -0330") << -210;
    }
    void dateZoneOutOfRange()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, offsetMinutes);
        const QDateTime d = parseDate(raw);
        QVERIFY(d.isValid());
        QCOMPARE(d.date(), QDate(2024, 1, 1));
        QCOMPARE(d.time(), QTime(10, 0));
        QCOMPARE(d.offsetFromUtc(), offsetMinutes * 60);
    }
    void contentTypeShapes_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("accepted");
        QTest::newRow("plain") << QByteArray(" text/plain; charset=utf-8") << 1;
        QTest::newRow("bare") << QByteArray(" text/plain") << 1;
        QTest::newRow("upper case") << QByteArray(" TEXT/HTML; Charset=\"UTF-8\"") << 1;
        QTest::newRow("boundary quoted")
            << QByteArray(" multipart/mixed;\r\n\tboundary=\"----=_Part_1_2.3\"") << 1;
        QTest::newRow("boundary token")
            << QByteArray(" multipart/alternative; boundary=000000000000abcdef") << 1;
        QTest::newRow("two params")
            << QByteArray(" application/pdf; name=\"r.pdf\"; x-mac-type=PDF") << 1;
        QTest::newRow("disposition")
            << QByteArray(" attachment; filename=\"report 2024.pdf\"") << 1;
        QTest::newRow("disposition bare") << QByteArray(" inline") << 1;
        QTest::newRow("trailing semicolon") << QByteArray(" text/plain; charset=us-ascii;") << 1;
        QTest::newRow("no space") << QByteArray(" text/plain;charset=iso-8859-1") << 1;
        QTest::newRow("rfc 2231") << QByteArray(" attachment; filename*=utf-8''caf%C3%A9.txt") << 0;
        QTest::newRow("rfc 2231 continued")
            << QByteArray(" attachment; filename*0=\"a\"; filename*1=\"b\"") << 0;
        QTest::newRow("encoded word")
            << QByteArray(" attachment; filename=\"=?utf-8?q?caf=C3=A9?=\"") << 0;
        QTest::newRow("comment") << QByteArray(" text/plain (plain text); charset=us-ascii") << 0;
        QTest::newRow("escaped quote") << QByteArray(" text/plain; name=\"a\\\"b\"") << 0;
        QTest::newRow("unclosed quote") << QByteArray(" text/plain; name=\"ab") << 0;
        QTest::newRow("spaced equals") << QByteArray(" text/plain; charset = utf-8") << 0;
        QTest::newRow("space in type") << QByteArray(" image/ jpeg") << 0;
        QTest::newRow("8-bit") << QByteArray(" attachment; filename=\"caf\xc3\xa9.txt\"") << 0;
        QTest::newRow("empty") << QByteArray(" ") << 0;
        QTest::newRow("garbage") << QByteArray(" ;;;") << 0;
    }
    void contentTypeShapes()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, accepted);
        compareContentType(raw, accepted);
    }
    void corpusContentTypes_data()
    {
        QTest::addColumn<QByteArray>("raw");
        int n = 0;
        for (const auto &[file, raw] : messages()) {
            int i = 0;
            for (const QByteArray &field : contentFields(raw))
                QTest::addRow("%s#%d", qPrintable(file), i++) << field;
            n += i;
        }
        QVERIFY(addStalwartRows("content_type") > 50);
        QVERIFY2(n >= 100, qPrintable(QString::number(n)));
    }
    void corpusContentTypes()
    {
        QFETCH(QByteArray, raw);
        compareContentType(raw, -1);
    }

    void textShapes_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("accepted"); // 1 fast path, 0 full parser
        QTest::newRow("plain") << QByteArray(" Bench message 17 coffee") << 1;
        QTest::newRow("folded") << QByteArray(" Quarterly\r\n report") << 1;
        QTest::newRow("tabs and runs") << QByteArray("\tRe:   Re:\t lunch  ") << 1;
        QTest::newRow("question marks") << QByteArray(" what? =? not ?= this") << 0;
        QTest::newRow("looks encoded") << QByteArray(" =?utf-8?q?caf=C3=A9?=") << 0;
        QTest::newRow("two encoded words") << QByteArray(" =?utf-8?q?a?= =?utf-8?q?b?=") << 0;
        QTest::newRow("raw utf-8") << QByteArray(" Z\xc3\xbcrich") << 0;
        QTest::newRow("latin-1 byte") << QByteArray(" caf\xe9") << 0;
        QTest::newRow("control") << QByteArray(" bell\x07") << 0;
        QTest::newRow("empty") << QByteArray("") << 1;
        QTest::newRow("only space") << QByteArray("   ") << 1;
        QTest::newRow("symbols") << QByteArray(" [PATCH 1/3] foo: \"bar\" (baz) <qux> \\ ;") << 1;
    }
    void textShapes()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, accepted);
        compareText(raw, accepted);
    }

    void idShapes_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("accepted");
        QTest::newRow("one") << QByteArray(" <bench-1@herald.test>") << 1;
        QTest::newRow("references")
            << QByteArray(" <a.1@x.example>\r\n <b-2@y.example>\t<c@z>") << 1;
        QTest::newRow("symbols") << QByteArray(" <CAF+k=Q_x$1/2!#%&'*?^`{|}~@mail.example.com>")
                                 << 1;
        QTest::newRow("no at") << QByteArray(" <no-at-sign>") << 0;
        QTest::newRow("empty left") << QByteArray(" <@x.example>") << 0;
        QTest::newRow("empty right") << QByteArray(" <a@>") << 0;
        QTest::newRow("two ats") << QByteArray(" <a@b@c>") << 0;
        QTest::newRow("ip literal") << QByteArray(" <a@[192.0.2.1]>") << 0;
        QTest::newRow("quoted") << QByteArray(" <\"a b\"@x.example>") << 0;
        QTest::newRow("comment") << QByteArray(" <a@x.example> (the first)") << 0;
        QTest::newRow("bare") << QByteArray(" a@x.example") << 0;
        QTest::newRow("unclosed") << QByteArray(" <a@x.example") << 0;
        QTest::newRow("comma list") << QByteArray(" <a@x.example>, <b@y.example>") << 0;
        QTest::newRow("empty") << QByteArray(" ") << 0;
        QTest::newRow("8-bit") << QByteArray(" <\xc3\xa9@x.example>") << 0;
    }
    void idShapes()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, accepted);
        compareIds(raw, accepted);
    }

    void dateShapes_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("accepted");
        QTest::newRow("rfc 5322") << QByteArray(" Fri, 21 Nov 1997 09:55:06 -0600") << 1;
        QTest::newRow("no weekday") << QByteArray(" 21 Nov 1997 09:55:06 +0000") << 1;
        QTest::newRow("one-digit day") << QByteArray(" Thu, 1 Jan 2026 00:00:00 +0100") << 1;
        QTest::newRow("no seconds") << QByteArray(" Mon, 02 Feb 2026 23:59 +0530") << 1;
        QTest::newRow("folded") << QByteArray(" Tue, 3 Mar 2026\r\n 10:00:00 -0000") << 1;
        QTest::newRow("leap day") << QByteArray(" 29 Feb 2024 12:00:00 +0000") << 1;
        QTest::newRow("no such day") << QByteArray(" 30 Feb 2024 12:00:00 +0000") << 0;
        QTest::newRow("zone name") << QByteArray(" Fri, 21 Nov 1997 09:55:06 GMT") << 0;
        QTest::newRow("zone letters") << QByteArray(" Fri, 21 Nov 1997 09:55:06 EST") << 0;
        QTest::newRow("comment") << QByteArray(" Fri, 21 Nov 1997 09:55:06 -0600 (CST)") << 0;
        QTest::newRow("two-digit year") << QByteArray(" Fri, 21 Nov 97 09:55:06 -0600") << 0;
        QTest::newRow("lower-case month") << QByteArray(" 21 nov 1997 09:55:06 -0600") << 0;
        QTest::newRow("unknown weekday") << QByteArray(" Fry, 21 Nov 1997 09:55:06 -0600") << 0;
        QTest::newRow("double space") << QByteArray(" 21  Nov 1997 09:55:06 -0600") << 0;
        QTest::newRow("hour 24") << QByteArray(" 21 Nov 1997 24:00:00 -0600") << 0;
        QTest::newRow("zone minutes 75") << QByteArray(" 21 Nov 1997 10:00:00 +0075") << 0;
        QTest::newRow("trailing text") << QByteArray(" 21 Nov 1997 10:00:00 +0000 x") << 0;
        QTest::newRow("received style")
            << QByteArray(" from x by y; 21 Nov 1997 10:00:00 +0000") << 0;
        QTest::newRow("not a date") << QByteArray(" yesterday") << 0;
        QTest::newRow("empty") << QByteArray("") << 0;
    }
    void dateShapes()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, accepted);
        compareDate(raw, accepted);
    }

    void corpusSubjects_data() { addCorpusRows({"subject", "comments", "x-mailer"}, 40); }
    void corpusSubjects()
    {
        QFETCH(QByteArray, raw);
        compareText(raw, -1);
    }
    void corpusIds_data() { addCorpusRows({"message-id", "in-reply-to", "references"}, 40); }
    void corpusIds()
    {
        QFETCH(QByteArray, raw);
        compareIds(raw, -1);
    }
    void corpusDates_data() { addCorpusRows({"date", "resent-date"}, 40); }
    void corpusDates()
    {
        QFETCH(QByteArray, raw);
        compareDate(raw, -1);
    }

    // The fast paths must serve the common case, or they are dead weight.
    void fastPathsAreUsedOnTheCorpus()
    {
        QVERIFY2(m_textAccepted > 30, qPrintable(QString::number(m_textAccepted)));
        QVERIFY2(m_idsAccepted > 30, qPrintable(QString::number(m_idsAccepted)));
        QVERIFY2(m_datesAccepted > 30, qPrintable(QString::number(m_datesAccepted)));
        QVERIFY2(m_typesAccepted > 80, qPrintable(QString::number(m_typesAccepted)));
    }
};

QTEST_GUILESS_MAIN(TestMimeSimpleFields)
#include "tst_mime_simple_fields.moc"
