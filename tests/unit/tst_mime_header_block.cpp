// parseHeaderBlock() is the headers-first sync's fast path: for the header block of every
// corpus message (and of some made-up single-part attachments) it must describe the message
// exactly as parseMessage() of the same bytes does, in everything the list projection uses.

#include "core/mime/MessageParser.h"
#include "tests/support/TestSupport.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace herald::mime;

namespace {

QByteArray headerBlockOf(const QByteArray &raw)
{
    qsizetype end = raw.indexOf("\r\n\r\n");
    if (end >= 0)
        return raw.left(end + 4);
    end = raw.indexOf("\n\n");
    return end >= 0 ? raw.left(end + 2) : raw;
}

QStringList describe(const std::vector<Address> &list)
{
    QStringList out;
    for (const Address &a : list)
        out << a.display();
    return out;
}

} // namespace

class TestMimeHeaderBlock : public QObject
{
    Q_OBJECT
private slots:
    void sameAsFullParser_data()
    {
        QTest::addColumn<QByteArray>("headers");
        const auto corpus = herald::test::corpusMessages();
        QVERIFY2(corpus.size() > 20, "the corpora under tests/data were not found");
        for (const auto &[name, raw] : corpus)
            QTest::newRow(qPrintable(name)) << headerBlockOf(raw);
        QTest::newRow("lone pdf") << QByteArray(
            "From: a@b.example\r\nSubject: scan\r\nContent-Type: "
            "application/pdf; name=x.pdf\r\n\r\n");
        QTest::newRow("text attachment")
            << QByteArray("From: a@b.example\r\nContent-Type: text/plain\r\nContent-Disposition: "
                          "attachment; filename=notes.txt\r\n\r\n");
        QTest::newRow("forwarded")
            << QByteArray("Subject: fw\r\nContent-Type: message/rfc822\r\n\r\n");
        QTest::newRow("no blank line") << QByteArray("Subject: only\r\nFrom: x@y.example");
    }
    void sameAsFullParser()
    {
        QFETCH(QByteArray, headers);
        const Message full = parseMessage(headers);
        const Message fast = parseHeaderBlock(headers);
        QCOMPARE(fast.subject, full.subject);
        QCOMPARE(fast.messageId, full.messageId);
        QCOMPARE(fast.inReplyTo, full.inReplyTo);
        QCOMPARE(fast.date, full.date);
        QCOMPARE(describe(fast.from), describe(full.from));
        QCOMPARE(describe(fast.to), describe(full.to));
        QCOMPARE(describe(fast.cc), describe(full.cc));
        QCOMPARE(fast.hasAttachments(), full.hasAttachments());
        for (const QString &name :
             {QStringLiteral("Content-Type"), QStringLiteral("Content-Disposition")})
            QCOMPARE(fast.header(name), full.header(name));
        if (!full.hasAttachments()) { // (a lone attachment part goes to the full parser)
            for (const auto &[name, value] : fast.headers) // nothing else decoded
                QVERIFY2(name.compare(QLatin1String("Content-Type"), Qt::CaseInsensitive) == 0 ||
                             name.compare(QLatin1String("Content-Disposition"),
                                          Qt::CaseInsensitive) == 0,
                         qPrintable(name));
        }
    }

    // The IMAP body pass parses without the top-level headers (the header pass stored them):
    // the body, its text and its attachments must come out exactly as from the full parse.
    void bodyWithoutHeadersSameAsFullParser_data()
    {
        QTest::addColumn<QByteArray>("raw");
        for (const auto &[name, raw] : herald::test::corpusMessages())
            QTest::newRow(qPrintable(name)) << raw;
    }
    void bodyWithoutHeadersSameAsFullParser()
    {
        QFETCH(QByteArray, raw);
        ParseOptions bodyOnly;
        bodyOnly.headers = false;
        const Message full = parseMessage(raw);
        const Message body = parseMessage(raw, bodyOnly);
        QVERIFY(body.headers.empty());
        QCOMPARE(body.text, full.text);
        QCOMPARE(body.html, full.html);
        QCOMPARE(snippet(body), snippet(full));
        QCOMPARE(body.hasAttachments(), full.hasAttachments());
        QCOMPARE(body.attachments.size(), full.attachments.size());
        for (size_t i = 0; i < full.attachments.size(); ++i) {
            QCOMPARE(body.attachments[i].filename, full.attachments[i].filename);
            QCOMPARE(body.attachments[i].mimeType, full.attachments[i].mimeType);
            QCOMPARE(body.attachments[i].size, full.attachments[i].size);
        }
    }
};

QTEST_GUILESS_MAIN(TestMimeHeaderBlock)
#include "tst_mime_header_block.moc"
