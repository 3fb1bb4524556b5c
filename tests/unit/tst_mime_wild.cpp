// Real-world mail that Herald once showed wrong (issue 16, "Real-world mail shown wrong"): each
// row is a small message and what the RFCs (and Python's email package) say it means.
// Fields are described as text so that a row reads like the header it tests:
// addresses "group|name|email" joined by "; ", dates ISO 8601 with their offset.

#include "core/ingest/MessageIngest.h"
#include "core/mime/MessageParser.h"

#include <QTest>

using namespace herald::mime;

namespace {

QString describe(const std::vector<Address> &list)
{
    QStringList out;
    for (const Address &a : list)
        out << QStringLiteral("%1|%2|%3").arg(a.group, a.name, a.email);
    return out.join(QLatin1String("; "));
}

QString field(const Message &m, const QString &name)
{
    if (name == QLatin1String("from"))
        return describe(m.from);
    if (name == QLatin1String("to"))
        return describe(m.to);
    if (name == QLatin1String("date"))
        return m.date.isValid() ? m.date.toString(Qt::ISODate) : QStringLiteral("invalid");
    if (name == QLatin1String("subject"))
        return m.subject;
    if (name == QLatin1String("message-id"))
        return m.messageId;
    if (name == QLatin1String("text"))
        return m.text.trimmed();
    if (name == QLatin1String("type"))
        return m.root.mimeType;
    if (name == QLatin1String("attachments"))
        return QString::number(m.attachments.size());
    if (name == QLatin1String("errors"))
        return m.errors.join(QLatin1String("; "));
    return QStringLiteral("unknown field %1").arg(name);
}

} // namespace

class TestMimeWild : public QObject
{
    Q_OBJECT

private slots:
    void wildMail_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected");
        const QByteArray body = "\r\n\r\nHello\r\n";
        auto row = [&](const char *name, const QByteArray &header, const char *field,
                       const QString &expected) {
            QTest::newRow(name) << (header + body) << QString::fromLatin1(field) << expected;
        };
        // Every bounce: the empty reverse path is no address, but the name is still shown.
        row("bounce-from", "From: MAILER DAEMON <>", "from", QStringLiteral("|MAILER DAEMON|"));
        row("bounce-from-lower", "From: Mail Delivery System <>", "from",
            QStringLiteral("|Mail Delivery System|"));
        // Groups followed by a comment: no member is made up.
        row("empty-group-comment", "To: unlisted-recipients:; (no To-header on input)", "to",
            QString());
        row("group-comment", "To: A Group:joe@example.org; (the end)", "to",
            QStringLiteral("A Group||joe@example.org"));
        // Dates before 1970 are dates; an unknown month is no date (the arrival time is used,
        // and Message::errors says so).
        row("date-1969", "Date: Thu, 13 Feb 1969 23:32:54 -0330", "date",
            QStringLiteral("1969-02-13T23:32:54-03:30"));
        row("date-unknown-month", "Date: Pn, 29 paX 2007 12:00:00 +0100", "date",
            QStringLiteral("invalid"));
        row("date-unknown-month-error", "Date: Pn, 29 paX 2007 12:00:00 +0100", "errors",
            QStringLiteral("Date \"Pn, 29 paX 2007 12:00:00 +0100\" not understood: "
                           "the arrival time is used"));
        // RFC 2045 §5.2: a Content-Type without subtype is invalid: text/plain applies.
        row("content-type-text", "Content-Type: text", "text", QStringLiteral("Hello"));
        row("content-type-text-type", "Content-Type: text", "type", QStringLiteral("text/plain"));
        row("content-type-text-charset", "Content-Type: text; charset=us-ascii", "text",
            QStringLiteral("Hello"));
        // Obsolete syntax of RFC 5322 §4.4: routes and CFWS in domains.
        row("obs-route", "From: Mary <@relay.example:mary@example.net>", "from",
            QStringLiteral("|Mary|mary@example.net"));
        row("obs-route-list", "From: Mary <@relay.example,@other.example:mary@example.net>", "from",
            QStringLiteral("|Mary|mary@example.net"));
        row("obs-domain-cfws", "From: jdoe@test . example", "from",
            QStringLiteral("||jdoe@test.example"));
        row("obs-id-cfws", "Message-ID: <1234.AA00975@ ebony >", "message-id",
            QStringLiteral("1234.AA00975@ebony"));
        // RFC 2047 base64 with one "=" too few is still "TEST" (Python, Thunderbird agree).
        row("encoded-word-short-padding", "Subject: =?utf-8?B?VEVTVA=?=", "subject",
            QStringLiteral("TEST"));
        row("encoded-word-no-padding", "Subject: =?utf-8?B?VEVTVA?=", "subject",
            QStringLiteral("TEST"));
        // A mailbox written without angle brackets after a name keeps its address.
        row("bare-address-after-name", "From: Big Bug bb@bug.com", "from",
            QStringLiteral("|Big Bug|bb@bug.com"));
        QTest::newRow("base64-that-is-not")
            << QByteArray("Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                          "This is not base64 at all\r\nsee you\r\n")
            << QStringLiteral("text") << QStringLiteral("This is not base64 at all\r\nsee you");
        QTest::newRow("base64-real")
            << QByteArray("Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                          "SGVsbG8gd29y\r\nbGQ=\r\n")
            << QStringLiteral("text") << QStringLiteral("Hello world");
    }

    void wildMail()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, field);
        QFETCH(QString, expected);
        const Message m = parseMessage(raw);
        QCOMPARE(::field(m, field), expected);
    }

    // The list sorts by the Date header; only a missing or unreadable one gives way to the
    // arrival time (a date before 1970 is a date).
    void listDate_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("expected");
        QTest::newRow("1969") << QByteArray("Date: Thu, 13 Feb 1969 23:32:54 -0330\r\n\r\nx")
                              << QStringLiteral("1969-02-13T23:32:54-03:30");
        QTest::newRow("unknown-month")
            << QByteArray("Date: Pn, 29 paX 2007 12:00:00 +0100\r\n\r\nx")
            << QStringLiteral("2024-01-02T03:04:05Z");
        QTest::newRow("missing") << QByteArray("Subject: x\r\n\r\nx")
                                 << QStringLiteral("2024-01-02T03:04:05Z");
    }

    void listDate()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, expected);
        const qint64 arrival =
            QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), Qt::UTC).toSecsSinceEpoch();
        const QDateTime date = herald::sync::listDate(parseMessage(raw).date, arrival);
        QCOMPARE(date.toString(Qt::ISODate), expected);
    }
};

QTEST_GUILESS_MAIN(TestMimeWild)
#include "tst_mime_wild.moc"
