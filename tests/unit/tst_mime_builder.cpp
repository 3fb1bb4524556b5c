// Round trips: Draft → buildMessage() → parseMessage() gives the same fields back.

#include "core/mime/MessageBuilder.h"
#include "core/mime/MessageParser.h"

#include <QRandomGenerator>
#include <QTemporaryFile>
#include <QTest>

using namespace herald::mime;

namespace {

Draft basicDraft()
{
    Draft d;
    d.from = {QStringLiteral("Jörg Müller"), QStringLiteral("joerg@example.org"), {}};
    d.to = {{QStringLiteral("Ann"), QStringLiteral("ann@example.net"), {}},
            {QString(), QStringLiteral("bob@example.net"), {}}};
    d.cc = {{QStringLiteral("Çelik"), QStringLiteral("celik@example.com"), {}}};
    d.bcc = {{QStringLiteral("Secret"), QStringLiteral("hidden@example.com"), {}}};
    d.subject =
        QStringLiteral("Grüße aus Köln – 日本語のテスト, a long subject line that needs folding "
                       "because it goes on and on");
    d.text = QStringLiteral(
        "Hallo,\n\nÄpfel kosten 3 €.\nA line with = and trailing space \n-- \nJörg\n");
    d.date = QDateTime(QDate(2024, 3, 5), QTime(14, 30, 15), Qt::OffsetFromUTC, 3600);
    return d;
}

QByteArray randomBytes(int size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator gen(42);
    gen.fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

} // namespace

class TestMimeBuilder : public QObject
{
    Q_OBJECT

private slots:
    void plainTextRoundTrip()
    {
        const Draft d = basicDraft();
        QString error;
        const QByteArray bytes = buildMessage(d, &error);
        QVERIFY2(!bytes.isEmpty(), qPrintable(error));
        for (char c : bytes)
            QVERIFY(static_cast<unsigned char>(c) < 0x80); // 7-bit: non-internationalised
        QVERIFY(!bytes.contains("hidden@example.com"));
        QVERIFY(!bytes.toLower().contains("\nbcc:"));
        QVERIFY(bytes.contains("quoted-printable"));

        const Message m = parseMessage(bytes);
        QVERIFY2(m.errors.isEmpty(), qPrintable(m.errors.join(QLatin1String("; "))));
        QCOMPARE(m.subject, d.subject);
        QCOMPARE(m.from.size(), size_t(1));
        QCOMPARE(m.from[0].name, d.from.name);
        QCOMPARE(m.from[0].email, d.from.email);
        QCOMPARE(m.to.size(), size_t(2));
        QCOMPARE(m.to[0].email, QStringLiteral("ann@example.net"));
        QCOMPARE(m.to[1].email, QStringLiteral("bob@example.net"));
        QCOMPARE(m.cc.size(), size_t(1));
        QCOMPARE(m.cc[0].name, QStringLiteral("Çelik"));
        QVERIFY(m.bcc.empty());
        QCOMPARE(m.date, d.date);
        QCOMPARE(m.date.offsetFromUtc(), 3600);
        QVERIFY(m.messageId.endsWith(QLatin1String("@example.org")));
        QCOMPARE(m.text.trimmed(), d.text.trimmed());
        QVERIFY(m.html.isEmpty());
        QVERIFY(!m.hasAttachments());
    }

    void headersAndIds()
    {
        Draft d = basicDraft();
        d.messageId = QStringLiteral("<fixed.1@example.org>");
        d.inReplyTo = QStringLiteral("parent@example.net");
        d.references = {QStringLiteral("<root@example.net>"), QStringLiteral("parent@example.net")};
        d.extraHeaders = {{QStringLiteral("X-Herald-Test"), QStringLiteral("ünïcode value")},
                          {QStringLiteral("Bcc"), QStringLiteral("leak@example.com")}};
        d.date = QDateTime();
        const QByteArray bytes = buildMessage(d);
        QVERIFY(!bytes.contains("leak@example.com"));
        const Message m = parseMessage(bytes);
        QCOMPARE(m.messageId, QStringLiteral("fixed.1@example.org"));
        QCOMPARE(m.inReplyTo, QStringList{QStringLiteral("parent@example.net")});
        QCOMPARE(m.references, (QStringList{QStringLiteral("root@example.net"),
                                            QStringLiteral("parent@example.net")}));
        QCOMPARE(m.header(QStringLiteral("x-herald-test")), QStringLiteral("ünïcode value"));
        QVERIFY(m.date.isValid());
        QVERIFY(qAbs(m.date.secsTo(QDateTime::currentDateTime())) < 120);
    }

    void generatedMessageIdsDiffer()
    {
        const QString a = generateMessageId(QStringLiteral("x@example.org"));
        QVERIFY(a.startsWith(QLatin1Char('<')) && a.endsWith(QLatin1String("@example.org>")));
        QVERIFY(a != generateMessageId(QStringLiteral("x@example.org")));
        QVERIFY(generateMessageId(QString()).endsWith(QLatin1String("@localhost>")));
    }

    void onlyBccRecipients()
    {
        Draft d = basicDraft();
        d.to.clear();
        d.cc.clear();
        QString error;
        const QByteArray bytes = buildMessage(d, &error);
        QVERIFY2(!bytes.isEmpty(), qPrintable(error));
        QVERIFY(!bytes.contains("hidden@example.com"));
    }

    void htmlAttachmentsAndInlineImage()
    {
        Draft d = basicDraft();
        d.html = QStringLiteral("<p>Äpfel <img src=\"cid:logo@herald\"></p>");
        const QByteArray big = randomBytes(5 * 1024 * 1024);
        const QByteArray png =
            QByteArray::fromHex("89504e470d0a1a0a0000000d49484452") + randomBytes(200);
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write("from a file\n");
        file.close();
        d.attachments = {
            {QString(), big, QStringLiteral("Prüfbericht – März.bin"),
             QStringLiteral("application/octet-stream"), QString()},
            {QString(), png, QStringLiteral("logo.png"), QString(), QStringLiteral("logo@herald")},
            {file.fileName(), QByteArray(), QStringLiteral("notes.txt"), QString(), QString()},
        };
        QString error;
        const QByteArray bytes = buildMessage(d, &error);
        QVERIFY2(!bytes.isEmpty(), qPrintable(error));
        QVERIFY(bytes.contains("filename*")); // RFC 2231

        const Message m = parseMessage(bytes, ParseOptions{true});
        QCOMPARE(m.text.trimmed(), d.text.trimmed());
        QCOMPARE(m.html.trimmed(), d.html);
        QCOMPARE(m.attachments.size(), size_t(3));
        const Attachment *bin = nullptr, *logo = nullptr, *notes = nullptr;
        for (const Attachment &a : m.attachments) {
            if (a.filename == QStringLiteral("Prüfbericht – März.bin"))
                bin = &a;
            else if (a.contentId == QStringLiteral("logo@herald"))
                logo = &a;
            else if (a.filename == QStringLiteral("notes.txt"))
                notes = &a;
        }
        QVERIFY(bin && logo && notes);
        QCOMPARE(bin->size, qint64(big.size()));
        QVERIFY(bin->data == big);
        QVERIFY(!bin->isInline);
        QCOMPARE(logo->mimeType, QStringLiteral("image/png"));
        QVERIFY(logo->isInline);
        QVERIFY(logo->data == png);
        QCOMPARE(notes->mimeType, QStringLiteral("text/plain"));
        QCOMPARE(notes->data, QByteArray("from a file\n"));
        QVERIFY(m.hasAttachments());
        QCOMPARE(partData(bytes, QStringLiteral("cid:logo@herald")), png);
        QCOMPARE(partData(bytes, logo->partIndex), png);
    }

    void unreadableFileIsAnError()
    {
        Draft d = basicDraft();
        d.attachments = {{QStringLiteral("/nonexistent/file.bin"), {}, {}, {}, {}}};
        QString error;
        QVERIFY(buildMessage(d, &error).isEmpty());
        QVERIFY(error.contains(QLatin1String("/nonexistent/file.bin")));
    }

    void snippetStripsHtml()
    {
        Message m;
        m.html = QStringLiteral("<html><head><style>p{}</style></head><body><p>Hello&nbsp;&amp; "
                                "welcome</p><p>to Herald</p></body></html>");
        QCOMPARE(snippet(m), QStringLiteral("Hello & welcome to Herald"));
        m.text = QStringLiteral("one two three four five six");
        QCOMPARE(snippet(m, 12), QStringLiteral("one two…"));
    }
};

QTEST_GUILESS_MAIN(TestMimeBuilder)
#include "tst_mime_builder.moc"
