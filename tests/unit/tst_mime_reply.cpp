// Reply, reply-all and forward (core/mime/Reply.h), checked on the bytes buildMessage() makes:
// subject prefixes once, quoting, In-Reply-To/References, recipients without the user's own
// addresses, forwarded attachments byte for byte, message/rfc822 never base64.
#include "core/mime/MessageBuilder.h"
#include "core/mime/MessageParser.h"
#include "core/mime/Reply.h"

#include <QtTest>

using namespace herald::mime;

namespace {
const QByteArray kParent =
    "From: Bob Example <bob@herald.test>\r\n"
    "To: Alice <alice@herald.test>, carol@herald.test\r\n"
    "Cc: Dave <dave@herald.test>, ALICE@herald.test, alice.alias@herald.test\r\n"
    "Subject: Re: RE: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\n"
    "Date: Tue, 4 Mar 2025 10:15:00 +0100\r\n"
    "Message-ID: <parent@herald.test>\r\n"
    "In-Reply-To: <root@herald.test>\r\n"
    "References: <root@herald.test>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/mixed; boundary=\"b1\"\r\n"
    "\r\n"
    "--b1\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: 8bit\r\n"
    "\r\n"
    "First line\r\n"
    "> earlier quote\r\n"
    "\r\n"
    "Last line \xc3\xa4\r\n"
    "--b1\r\n"
    "Content-Type: application/octet-stream; name=\"data.bin\"\r\n"
    "Content-Disposition: attachment; filename=\"data.bin\"\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "\r\n"
    "AAECAwQFBgcICf8=\r\n"
    "--b1--\r\n";

const Address kSelf{QStringLiteral("Alice"), QStringLiteral("alice@herald.test"), {}};

QStringList emails(const std::vector<Address> &list)
{
    QStringList out;
    for (const Address &a : list)
        out << a.email;
    return out;
}

Message roundTrip(const Draft &d, QByteArray *bytes = nullptr)
{
    QString error;
    const QByteArray raw = buildMessage(d, &error);
    if (bytes)
        *bytes = raw;
    if (raw.isEmpty())
        qWarning() << error;
    ParseOptions opts;
    opts.includeAttachmentData = true;
    return parseMessage(raw, opts);
}
} // namespace

class TestMimeReply : public QObject
{
    Q_OBJECT

private slots:
    void subjectsGetOnePrefix_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("reply");
        QTest::addColumn<QString>("forward");
        QTest::newRow("plain") << "Hello"
                               << "Re: Hello"
                               << "Fwd: Hello";
        QTest::newRow("re") << "Re: Hello"
                            << "Re: Hello"
                            << "Fwd: Re: Hello";
        QTest::newRow("nested") << "RE: re : Hello"
                                << "Re: Hello"
                                << "Fwd: RE: re : Hello";
        QTest::newRow("counted") << "Re[2]: Hello"
                                 << "Re: Hello"
                                 << "Fwd: Re[2]: Hello";
        QTest::newRow("german") << "AW: Hallo"
                                << "Re: Hallo"
                                << "Fwd: AW: Hallo";
        QTest::newRow("forwarded") << "Fwd: Hello"
                                   << "Re: Fwd: Hello"
                                   << "Fwd: Hello";
        QTest::newRow("fw") << "FW: Hello"
                            << "Re: FW: Hello"
                            << "Fwd: Hello";
        QTest::newRow("empty") << ""
                               << "Re: "
                               << "Fwd: ";
    }
    void subjectsGetOnePrefix()
    {
        QFETCH(QString, in);
        QFETCH(QString, reply);
        QFETCH(QString, forward);
        QCOMPARE(replySubject(in), reply);
        QCOMPARE(forwardSubject(in), forward);
    }

    void quoting()
    {
        QCOMPARE(quoteText(QStringLiteral("a\r\n> b\r\n\r\nc\r\n")),
                 QStringLiteral("> a\n>> b\n>\n> c\n"));
    }

    void replyHeadersAndQuoteInTheBytes()
    {
        const Message parent = parseMessage(kParent);
        QByteArray bytes;
        const Message reply = roundTrip(makeReply(parent, kSelf), &bytes);
        QCOMPARE(reply.subject, QStringLiteral("Re: Grüße"));
        QVERIFY2(bytes.contains("\r\nIn-Reply-To: <parent@herald.test>\r\n"), bytes.constData());
        QVERIFY2(bytes.contains("\r\nReferences: <root@herald.test> <parent@herald.test>\r\n"),
                 bytes.constData());
        QCOMPARE(emails(reply.to), QStringList{"bob@herald.test"});
        QVERIFY(reply.cc.empty());
        QCOMPARE(emails(reply.from), QStringList{"alice@herald.test"});
        QVERIFY2(reply.text.contains(QStringLiteral("On Tue, 4 Mar 2025 10:15, Bob Example "
                                                    "<bob@herald.test> wrote:\n> First line\n"
                                                    ">> earlier quote\n>\n> Last line ä")),
                 qPrintable(reply.text));
        QVERIFY(reply.attachments.empty()); // a reply never carries the attachments
    }

    void replyGoesToReplyTo()
    {
        QByteArray raw = kParent;
        raw.replace("Subject:", "Reply-To: list@herald.test\r\nSubject:");
        const Message reply = roundTrip(makeReply(parseMessage(raw), kSelf));
        QCOMPARE(emails(reply.to), QStringList{"list@herald.test"});
    }

    void replyToOwnMessageGoesToItsRecipients()
    {
        QByteArray raw = kParent;
        raw.replace("From: Bob Example <bob@herald.test>", "From: Alice <alice@herald.test>");
        raw.replace("To: Alice <alice@herald.test>, carol@herald.test", "To: carol@herald.test");
        const Message reply = roundTrip(makeReply(parseMessage(raw), kSelf));
        QCOMPARE(emails(reply.to), QStringList{"carol@herald.test"});
    }

    void replyAllLeavesOutTheUser()
    {
        ReplyOptions all;
        all.all = true;
        all.ownAddresses = {QStringLiteral("alice.alias@herald.test")};
        QByteArray bytes;
        const Message reply = roundTrip(makeReply(parseMessage(kParent), kSelf, all), &bytes);
        QCOMPARE(emails(reply.to), QStringList{"bob@herald.test"});
        QCOMPARE(emails(reply.cc), (QStringList{"carol@herald.test", "dave@herald.test"}));
        // Only From names the user.
        const qsizetype body = bytes.indexOf("\r\n\r\n");
        QCOMPARE(bytes.left(body).toLower().count("alice@herald.test"), 1);
        QVERIFY(!bytes.left(body).contains("alice.alias"));
    }

    void forwardInlineKeepsTextAndAttachments()
    {
        const Message parent = parseMessage(kParent);
        const Message fwd = roundTrip(makeForwardInline(parent, kParent, kSelf));
        QCOMPARE(fwd.subject, QStringLiteral("Fwd: Re: RE: Grüße"));
        QVERIFY(fwd.to.empty());
        QVERIFY(fwd.inReplyTo.isEmpty());
        QVERIFY(fwd.text.contains(QStringLiteral("---------- Forwarded message ----------\n"
                                                 "From: Bob Example <bob@herald.test>\n")));
        QVERIFY(fwd.text.contains(QStringLiteral("Subject: Re: RE: Grüße\n")));
        QVERIFY(fwd.text.contains(QStringLiteral("First line\n> earlier quote\n\nLast line ä")));
        QCOMPARE(fwd.attachments.size(), size_t(1));
        QCOMPARE(fwd.attachments[0].filename, QStringLiteral("data.bin"));
        QCOMPARE(fwd.attachments[0].data, QByteArray::fromHex("00010203040506070809ff"));
    }

    void forwardAsAttachmentCarriesTheOriginalUnencoded()
    {
        const Message parent = parseMessage(kParent);
        Draft d = makeForwardAsAttachment(parent, kParent, kSelf);
        d.to.push_back({QString(), QStringLiteral("erin@herald.test"), {}});
        d.text = QStringLiteral("See below.");
        QString error;
        const QByteArray bytes = buildForwardAsAttachment(d, kParent, &error);
        QVERIFY2(!bytes.isEmpty(), qPrintable(error));
        QVERIFY2(bytes.contains("Content-Type: message/rfc822"), bytes.constData());
        // The whole original, verbatim (its final CRLF belongs to the boundary after it).
        QVERIFY(bytes.contains(kParent.chopped(2) + "\r\n--"));
        const qsizetype part = bytes.indexOf("message/rfc822");
        const QByteArray partHeader = bytes.mid(part, bytes.indexOf("\r\n\r\n", part) - part);
        QVERIFY2(partHeader.contains("Content-Transfer-Encoding: 8bit"), partHeader.constData());
        QVERIFY(!partHeader.contains("base64"));

        ParseOptions opts;
        opts.includeAttachmentData = true;
        const Message fwd = parseMessage(bytes, opts);
        QCOMPARE(fwd.subject, QStringLiteral("Fwd: Re: RE: Grüße"));
        QCOMPARE(fwd.text.trimmed(), QStringLiteral("See below."));
        bool found = false;
        for (const Attachment &a : fwd.attachments)
            if (a.mimeType == QLatin1String("message/rfc822")) {
                found = true;
                QVERIFY(a.filename.endsWith(QLatin1String(".eml")));
                const Message inner = parseMessage(a.data);
                QCOMPARE(inner.messageId, QStringLiteral("parent@herald.test"));
            }
        QVERIFY(found);
    }
};

QTEST_GUILESS_MAIN(TestMimeReply)
#include "tst_mime_reply.moc"
