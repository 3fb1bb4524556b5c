// Signatures (core/mime/Signature.h) in new messages, replies and forwards, checked on the bytes
// buildMessage() makes: the RFC 3676 "-- " delimiter on its own line, the signature last (below
// the quoted or forwarded text), never twice; and a saved draft made ready for sending
// (core/mime/DraftForSending.h): Bcc gone, fresh Date and Message-ID, the rest byte for byte.
#include "core/mime/DraftForSending.h"
#include "core/mime/MessageBuilder.h"
#include "core/mime/MessageParser.h"
#include "core/mime/Reply.h"
#include "core/mime/Signature.h"

#include <QRegularExpression>
#include <QtTest>

using namespace herald::mime;

namespace {
const QByteArray kParent = "From: Bob Example <bob@herald.test>\r\n"
                           "To: Alice <alice@herald.test>\r\n"
                           "Subject: Plans\r\n"
                           "Date: Tue, 4 Mar 2025 10:15:00 +0100\r\n"
                           "Message-ID: <parent@herald.test>\r\n"
                           "MIME-Version: 1.0\r\n"
                           "Content-Type: text/plain; charset=utf-8\r\n"
                           "\r\n"
                           "Shall we meet?\r\n"
                           "-- \r\n"
                           "Bob\r\n";

const Address kSelf{QStringLiteral("Alice"), QStringLiteral("alice@herald.test"), {}};
const QString kSig = QStringLiteral("Alice Example\nHerald Test Ltd. \u2014 Köln");

QByteArray build(const Draft &d)
{
    QString error;
    const QByteArray raw = buildMessage(d, &error);
    if (raw.isEmpty())
        qWarning() << error;
    return raw;
}

// The decoded text part with CRLF turned into LF.
QString textOf(const QByteArray &raw)
{
    return parseMessage(raw).text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
}
} // namespace

class TestMimeSignature : public QObject
{
    Q_OBJECT

private slots:
    void block_data()
    {
        QTest::addColumn<QString>("signature");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "Alice"
                               << "-- \nAlice\n";
        QTest::newRow("two lines") << "Alice\nExample Ltd."
                                   << "-- \nAlice\nExample Ltd.\n";
        QTest::newRow("trailing empty lines") << "Alice\n\n\n"
                                              << "-- \nAlice\n";
        QTest::newRow("CRLF") << "Alice\r\nExample\r\n"
                              << "-- \nAlice\nExample\n";
        QTest::newRow("own delimiter not doubled") << "-- \nAlice\n"
                                                   << "-- \nAlice\n";
        QTest::newRow("delimiter without space") << "--\nAlice"
                                                 << "-- \nAlice\n";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("only blank lines") << "\n  \n"
                                          << "";
        QTest::newRow("only a delimiter") << "-- \n"
                                          << "";
    }
    void block()
    {
        QFETCH(QString, signature);
        QFETCH(QString, expected);
        QCOMPARE(signatureBlock(signature), expected);
    }

    void append_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("signature");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text") << "Hello"
                              << "Alice"
                              << "Hello\n\n-- \nAlice\n";
        QTest::newRow("text with newline") << "Hello\n"
                                           << "Alice"
                                           << "Hello\n\n-- \nAlice\n";
        QTest::newRow("trailing blank lines dropped") << "Hello\n\n\n"
                                                      << "Alice"
                                                      << "Hello\n\n-- \nAlice\n";
        QTest::newRow("CRLF text") << "Hello\r\nWorld\r\n"
                                   << "Alice"
                                   << "Hello\r\nWorld\n\n-- \nAlice\n";
        QTest::newRow("empty text") << ""
                                    << "Alice"
                                    << "-- \nAlice\n";
        QTest::newRow("no signature") << "Hello\n"
                                      << ""
                                      << "Hello\n";
        QTest::newRow("already signed") << "Hello\n\n-- \nAlice\n"
                                        << "Alice"
                                        << "Hello\n\n-- \nAlice\n";
        QTest::newRow("signed with another") << "Hello\n\n-- \nBob\n"
                                             << "Alice"
                                             << "Hello\n\n-- \nBob\n\n-- \nAlice\n";
    }
    void append()
    {
        QFETCH(QString, text);
        QFETCH(QString, signature);
        QFETCH(QString, expected);
        QCOMPARE(appendSignature(text, signature), expected);
        // Idempotent: a draft saved again keeps one signature.
        QCOMPARE(appendSignature(appendSignature(text, signature), signature), expected);
    }

    // The compose window switches identity: the old block goes, the user's text stays.
    void replace_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("oldSignature");
        QTest::addColumn<QString>("newSignature");
        QTest::addColumn<QString>("expected");
        QTest::newRow("new message, nothing typed") << "\n\n-- \nAlice\n"
                                                    << "Alice"
                                                    << "Work Alice\nACME"
                                                    << "\n\n-- \nWork Alice\nACME\n";
        QTest::newRow("typed above") << "Hi Bob,\nsee below.\n\n-- \nAlice\n"
                                     << "Alice"
                                     << "A."
                                     << "Hi Bob,\nsee below.\n\n-- \nA.\n";
        QTest::newRow("reply: below the quote")
            << "Thanks!\n\nOn Mon, Bob wrote:\n> hi\n\n-- \nAlice\n"
            << "Alice"
            << "Al"
            << "Thanks!\n\nOn Mon, Bob wrote:\n> hi\n\n-- \nAl\n";
        QTest::newRow("to none") << "Hi\n\n-- \nAlice\n"
                                 << "Alice"
                                 << ""
                                 << "Hi\n\n";
        QTest::newRow("from none") << "Hi\n"
                                   << ""
                                   << "Alice"
                                   << "Hi\n\n-- \nAlice\n";
        QTest::newRow("old edited by the user: kept, new appended")
            << "Hi\n\n-- \nAlice (edited)\n"
            << "Alice"
            << "Bob"
            << "Hi\n\n-- \nAlice (edited)\n\n-- \nBob\n";
        QTest::newRow("old edited, new none: untouched") << "Hi\n\n-- \nAlice (edited)\n"
                                                         << "Alice"
                                                         << ""
                                                         << "Hi\n\n-- \nAlice (edited)\n";
        QTest::newRow("trailing empty lines after the block") << "Hi\n\n-- \nAlice\n\n\n"
                                                              << "Alice"
                                                              << "Bob"
                                                              << "Hi\n\n-- \nBob\n";
    }
    void replace()
    {
        QFETCH(QString, text);
        QFETCH(QString, oldSignature);
        QFETCH(QString, newSignature);
        QFETCH(QString, expected);
        QCOMPARE(replaceSignature(text, oldSignature, newSignature), expected);
        // Switching back gives the original signature again.
        if (!oldSignature.isEmpty() && !newSignature.isEmpty() && !text.contains("edited"))
            QCOMPARE(replaceSignature(expected, newSignature, oldSignature),
                     replaceSignature(text, oldSignature, oldSignature));
    }

    // New message, reply and both forwards: bytes built, the signature last in the text part,
    // below the quote and the forwarded text.
    void placement_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("prepared"); // what the compose helper puts below the user
        const Message parent = parseMessage(kParent);
        QTest::newRow("new") << "new" << QString();
        QTest::newRow("reply") << "reply"
                               << "\n\n" + attributionLine(parent) +
                                      "\n> Shall we meet?\n> -- \n> Bob";
        QTest::newRow("forward inline")
            << "forward"
            << makeForwardInline(parent, kParent, kSelf).text.trimmed().prepend("\n\n");
        QTest::newRow("forward as attachment") << "attach" << QString();
    }
    void placement()
    {
        QFETCH(QString, kind);
        QFETCH(QString, prepared);
        const Message parent = parseMessage(kParent);
        Draft d;
        if (kind == QLatin1String("reply"))
            d = makeReply(parent, kSelf);
        else if (kind == QLatin1String("forward"))
            d = makeForwardInline(parent, kParent, kSelf);
        else if (kind == QLatin1String("attach"))
            d = makeForwardAsAttachment(parent, kParent, kSelf);
        else {
            d.from = kSelf;
            d.to = {{QStringLiteral("Bob"), QStringLiteral("bob@herald.test"), {}}};
            d.subject = QStringLiteral("Plans");
        }
        // What the user wrote goes above whatever the compose helper prepared.
        d.text = QStringLiteral("See you at 10.") + d.text;
        applySignature(d, kSig);
        applySignature(d, kSig); // a second save adds nothing
        const QByteArray raw =
            kind == QLatin1String("attach") ? buildForwardAsAttachment(d, kParent) : build(d);
        QVERIFY(!raw.isEmpty());
        const QString expected = QStringLiteral("See you at 10.") + prepared +
                                 QStringLiteral("\n\n-- \n") + kSig + QStringLiteral("\n");
        QCOMPARE(textOf(raw), expected);
        if (kind == QLatin1String("forward"))
            QVERIFY(
                expected.contains(QStringLiteral("Subject: Plans\nTo: Alice <alice@herald.test>"
                                                 "\n\nShall we meet?\n-- \nBob\n\n-- \nAlice")));
        // On the wire: the delimiter's trailing space survives quoted-printable as "=20".
        static const QRegularExpression wire(QStringLiteral("\r?\n--=20\r?\nAlice Example\r?\n"));
        QVERIFY2(wire.match(QString::fromLatin1(raw)).hasMatch(), raw.constData());
    }

    void htmlSignatureBeforeBodyEnd()
    {
        Draft d;
        d.from = kSelf;
        d.to = {{QString(), QStringLiteral("bob@herald.test"), {}}};
        d.text = QStringLiteral("Hi");
        d.html = QStringLiteral("<html><body><p>Hi</p></body></html>");
        applySignature(d, QStringLiteral("Alice <&> Co"));
        QCOMPARE(d.text, QStringLiteral("Hi\n\n-- \nAlice <&> Co\n"));
        QCOMPARE(d.html, QStringLiteral("<html><body><p>Hi</p><div class=\"herald-signature\">"
                                        "-- <br>\nAlice &lt;&amp;&gt; Co</div>\n</body></html>"));
        applySignature(d, QStringLiteral("Alice <&> Co"));
        QCOMPARE(d.html.count(QStringLiteral("herald-signature")), 1);
        QCOMPARE(appendHtmlSignature(QStringLiteral("<p>x</p>"), QStringLiteral("A")),
                 QStringLiteral("<p>x</p><div class=\"herald-signature\">-- <br>\nA</div>\n"));
    }

    void bccOnlyInDraftCopies()
    {
        Draft d;
        d.from = kSelf;
        d.to = {{QString(), QStringLiteral("bob@herald.test"), {}}};
        d.bcc = {{QStringLiteral("Carol"), QStringLiteral("carol@herald.test"), {}}};
        d.subject = QStringLiteral("s");
        QVERIFY(!build(d).contains("carol"));
        d.writeBcc = true;
        const QByteArray draft = build(d);
        QVERIFY2(draft.contains("\nBcc: \"Carol\" <carol@herald.test>\r\n"), draft.constData());
        QCOMPARE(parseMessage(draft).bcc.size(), size_t(1));
        QCOMPARE(parseMessage(draft).bcc.front().email, QStringLiteral("carol@herald.test"));
    }

    void draftForSending_data()
    {
        QTest::addColumn<QByteArray>("draft");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray body = "\r\nBcc: not a header in the body\r\nDate: neither\r\n";
        QTest::newRow("bcc, date, id replaced")
            << QByteArray("From: a@herald.test\r\nBcc: Carol <carol@herald.test>,\r\n"
                          " dave@herald.test\r\nDate: Mon, 1 Jan 2024 00:00:00 +0000\r\n"
                          "Message-ID: <old@herald.test>\r\nSubject: s\r\n\tfolded\r\n") +
                   body
            << QByteArray("Date: Tue, 4 Mar 2025 10:15:00 +0100\r\nMessage-ID: <new@herald.test>"
                          "\r\nFrom: a@herald.test\r\nSubject: s\r\n\tfolded\r\n") +
                   body;
        QTest::newRow("lower case names, LF")
            << QByteArray("bcc: x@herald.test\nmessage-id: <o@h>\nTo: b@herald.test\n\nbody\n")
            << QByteArray("Date: Tue, 4 Mar 2025 10:15:00 +0100\nMessage-ID: <new@herald.test>\n"
                          "To: b@herald.test\n\nbody\n");
    }
    void draftForSending()
    {
        QFETCH(QByteArray, draft);
        QFETCH(QByteArray, expected);
        const QDateTime when(QDate(2025, 3, 4), QTime(10, 15), Qt::OffsetFromUTC, 3600);
        QCOMPARE(herald::mime::draftForSending(draft, QStringLiteral("new@herald.test"), when),
                 expected);
    }

    void rfc5322DateOffsets()
    {
        QCOMPARE(rfc5322Date(QDateTime(QDate(2025, 1, 5), QTime(7, 3, 9), Qt::OffsetFromUTC,
                                       -(4 * 3600 + 30 * 60))),
                 QByteArray("Sun, 5 Jan 2025 07:03:09 -0430"));
        QCOMPARE(rfc5322Date(QDateTime(QDate(2025, 1, 5), QTime(7, 3, 9), Qt::UTC)),
                 QByteArray("Sun, 5 Jan 2025 07:03:09 +0000"));
    }
};

QTEST_GUILESS_MAIN(TestMimeSignature)
#include "tst_mime_signature.moc"
