// ImapResponseParser: framing (chunks, literals), tokens, response codes and typed data.
#include "core/imap/ImapResponseParser.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace herald::imap;

namespace {
std::vector<Response> parseAll(const QByteArray &bytes, ImapResponseParser *parser = nullptr)
{
    ImapResponseParser local;
    ImapResponseParser &p = parser ? *parser : local;
    p.feed(bytes);
    std::vector<Response> out;
    while (auto r = p.next())
        out.push_back(*r);
    return out;
}

Response one(const QByteArray &bytes)
{
    ImapResponseParser p;
    auto all = parseAll(bytes, &p);
    if (p.hasError())
        qWarning() << p.error().message;
    if (all.size() != 1) {
        qWarning("expected one response, got %d", int(all.size()));
        return Response();
    }
    return all.front();
}
} // namespace

class TestImapParser : public QObject
{
    Q_OBJECT
private slots:
    void greetingWithCapability()
    {
        const Response r = one(
            "* OK [CAPABILITY IMAP4rev1 LITERAL+ SASL-IR STARTTLS AUTH=PLAIN] Dovecot ready.\r\n");
        QVERIFY(r.isUntagged());
        QCOMPARE(r.status, Response::Status::Ok);
        QCOMPARE(r.code.name, QByteArray("CAPABILITY"));
        QCOMPARE(r.code.capabilities,
                 (QList<QByteArray>{"IMAP4REV1", "LITERAL+", "SASL-IR", "STARTTLS", "AUTH=PLAIN"}));
        QCOMPARE(r.text, QStringLiteral("Dovecot ready."));
    }
    void tagged()
    {
        const Response r = one("A001 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n");
        QVERIFY(r.isTagged());
        QCOMPARE(r.tag, QByteArray("A001"));
        QCOMPARE(r.status, Response::Status::No);
        QCOMPARE(r.code.name, QByteArray("AUTHENTICATIONFAILED"));
        QCOMPARE(r.text, QStringLiteral("Authentication failed."));
        const Response ok = one("a2 OK done\r\n");
        QCOMPARE(ok.status, Response::Status::Ok);
        QVERIFY(ok.code.name.isEmpty());
    }
    void responseCodes()
    {
        QCOMPARE(*one("* OK [UIDVALIDITY 3857529045] UIDs valid\r\n").code.uidValidity,
                 3857529045u);
        QCOMPARE(*one("* OK [UIDNEXT 4392] Predicted next UID\r\n").code.uidNext, 4392u);
        QCOMPARE(*one("* OK [HIGHESTMODSEQ 715194045007] Highest\r\n").code.highestModSeq,
                 quint64(715194045007));
        QCOMPARE(one("* OK [NOMODSEQ] Sorry\r\n").code.name, QByteArray("NOMODSEQ"));
        QCOMPARE(one("* OK [CLOSED] Previous mailbox closed\r\n").code.name, QByteArray("CLOSED"));
        QCOMPARE(one("* OK [ALERT] System shutdown in 10 minutes\r\n").code.name,
                 QByteArray("ALERT"));
        const Response pf = one("* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n");
        QCOMPARE(pf.code.permanentFlags, (QList<QByteArray>{"\\Deleted", "\\Seen", "\\*"}));
        const Response au = one("A003 OK [APPENDUID 38505 3955] APPEND completed\r\n");
        QCOMPARE(au.code.validity, 38505u);
        QCOMPARE(au.code.destinationUids.toByteArray(), QByteArray("3955"));
        const Response cu = one("A004 OK [COPYUID 38505 304,319:320 3956:3958] Done\r\n");
        QCOMPARE(cu.code.sourceUids.toByteArray(), QByteArray("304,319:320"));
        QCOMPARE(cu.code.destinationUids.toByteArray(), QByteArray("3956:3958"));
        const Response mod = one("d105 OK [MODIFIED 7,9] Conditional STORE failed\r\n");
        QCOMPARE(mod.code.modified.toByteArray(), QByteArray("7,9"));
        const Response odd = one("* OK [X-WEIRD \"unbalanced] text\r\n");
        QCOMPARE(odd.code.name, QByteArray("X-WEIRD"));
    }
    void numbered()
    {
        Response r = one("* 23 EXISTS\r\n");
        QCOMPARE(r.keyword, QByteArray("EXISTS"));
        QCOMPARE(r.number, 23u);
        r = one("* 5 EXPUNGE\r\n");
        QCOMPARE(r.keyword, QByteArray("EXPUNGE"));
        QCOMPARE(r.number, 5u);
        QCOMPARE(one("* 0 RECENT\r\n").keyword, QByteArray("RECENT"));
    }
    void fetchBasic()
    {
        const Response r = one("* 12 FETCH (UID 4827 FLAGS (\\Seen $Forwarded) MODSEQ (65402) "
                               "INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" RFC822.SIZE 4286)\r\n");
        QCOMPARE(r.keyword, QByteArray("FETCH"));
        QCOMPARE(r.fetch.seq, 12u);
        QCOMPARE(*r.fetch.uid, 4827u);
        QCOMPARE(*r.fetch.flags, (QList<QByteArray>{"\\Seen", "$Forwarded"}));
        QCOMPARE(*r.fetch.modseq, quint64(65402));
        QCOMPARE(*r.fetch.size, quint64(4286));
        QCOMPARE(*r.fetch.internalDate, QDateTime(QDate(1996, 7, 17), QTime(9, 44, 25), Qt::UTC));
        const Response pad = one("* 1 FETCH (INTERNALDATE \" 7-Jan-2024 10:00:00 +0000\")\r\n");
        QCOMPARE(pad.fetch.internalDate->date(), QDate(2024, 1, 7));
    }
    void internalDates_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<QDateTime>("expected"); // invalid: the item is refused
        const auto utc = [](int y, int mo, int d, int h, int mi, int s) {
            return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
        };
        QTest::newRow("west of UTC")
            << QByteArray("17-Jul-1996 02:44:25 -0700") << utc(1996, 7, 17, 9, 44, 25);
        QTest::newRow("east, half hour")
            << QByteArray("01-Jan-2024 05:00:00 +0530") << utc(2023, 12, 31, 23, 30, 0);
        QTest::newRow("padded day")
            << QByteArray(" 7-Jan-2024 10:00:00 +0000") << utc(2024, 1, 7, 10, 0, 0);
        QTest::newRow("month in capitals")
            << QByteArray("29-FEB-2024 23:59:59 +0000") << utc(2024, 2, 29, 23, 59, 59);
        QTest::newRow("before 1970")
            << QByteArray("31-Dec-1969 23:00:00 -0100") << utc(1970, 1, 1, 0, 0, 0);
        QTest::newRow("no such day") << QByteArray("30-Feb-2024 10:00:00 +0000") << QDateTime();
        QTest::newRow("no such month") << QByteArray("01-Foo-2024 10:00:00 +0000") << QDateTime();
        QTest::newRow("hour 24") << QByteArray("01-Jan-2024 24:00:00 +0000") << QDateTime();
        QTest::newRow("zone minutes 60") << QByteArray("01-Jan-2024 10:00:00 +0060") << QDateTime();
        QTest::newRow("no zone sign") << QByteArray("01-Jan-2024 10:00:00 00000") << QDateTime();
        QTest::newRow("letters for digits")
            << QByteArray("0a-Jan-2024 10:00:00 +0000") << QDateTime();
        QTest::newRow("short") << QByteArray("1-Jan-2024 10:00 +0000") << QDateTime();
        QTest::newRow("empty") << QByteArray() << QDateTime();
    }
    void internalDates()
    {
        QFETCH(QByteArray, wire);
        QFETCH(QDateTime, expected);
        const Response r = one("* 1 FETCH (UID 1 INTERNALDATE \"" + wire + "\")\r\n");
        QCOMPARE(r.fetch.internalDate.has_value(), expected.isValid());
        if (expected.isValid())
            QCOMPARE(*r.fetch.internalDate, expected);
    }
    void fetchLiteralsAndSections()
    {
        const QByteArray wire =
            "* 3 FETCH (UID 7 BODY[HEADER.FIELDS (FROM SUBJECT)] {25}\r\n"
            "From: a@b\r\nSubject: x\r\n\r\n BODY[]<0> {5+}\r\nhello BODY[1.2] \"q\\\"t\")\r\n";
        const Response r = one(wire);
        QCOMPARE(*r.fetch.uid, 7u);
        QCOMPARE(r.fetch.section("BODY[HEADER.FIELDS (FROM SUBJECT)]"),
                 QByteArray("From: a@b\r\nSubject: x\r\n\r\n"));
        QCOMPARE(r.fetch.section("BODY[]"), QByteArray("hello"));
        QCOMPARE(r.fetch.section("BODY[1.2]"), QByteArray("q\"t"));
    }
    void literalContainingCrlfAndBraces()
    {
        const QByteArray body = "a {3}\r\n)(\"\r\n* 1 EXISTS\r\n";
        const QByteArray wire = "* 1 FETCH (BODY[] {" + QByteArray::number(body.size()) + "}\r\n" +
                                body + " UID 9)\r\n";
        const Response r = one(wire);
        QCOMPARE(r.fetch.section("BODY[]"), body);
        QCOMPARE(*r.fetch.uid, 9u);
    }
    void envelopeWithGroupsAndNil()
    {
        const QByteArray wire =
            "* 1 FETCH (ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg\" "
            "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) NIL NIL "
            "((NIL NIL \"imap\" \"cac.washington.edu\")) "
            "((NIL NIL \"undisclosed\" NIL)(NIL NIL NIL NIL)) "
            "((NIL NIL \"friends\" NIL)(\"A\" NIL \"a\" \"x.org\")(NIL NIL \"b\" \"y.org\")(NIL "
            "NIL NIL NIL)) "
            "NIL \"<B27397-0100000@cac.washington.edu>\"))\r\n";
        const Response r = one(wire);
        QVERIFY(r.fetch.envelope);
        const Envelope &e = *r.fetch.envelope;
        QCOMPARE(e.subject, QByteArray("IMAP4rev1 WG mtg"));
        QCOMPARE(e.from.size(), 1);
        QCOMPARE(e.from[0].name, QByteArray("Terry Gray"));
        QCOMPARE(e.from[0].email(), QByteArray("gray@cac.washington.edu"));
        QVERIFY(e.sender.isEmpty());
        QCOMPARE(e.to[0].email(), QByteArray("imap@cac.washington.edu"));
        QCOMPARE(e.cc.size(), 1); // the empty group "undisclosed"
        QCOMPARE(e.cc[0].group, QByteArray("undisclosed"));
        QVERIFY(e.cc[0].mailbox.isEmpty());
        QCOMPARE(e.bcc.size(), 2);
        QCOMPARE(e.bcc[0].group, QByteArray("friends"));
        QCOMPARE(e.bcc[1].email(), QByteArray("b@y.org"));
        QVERIFY(e.inReplyTo.isEmpty());
        QCOMPARE(e.messageId, QByteArray("<B27397-0100000@cac.washington.edu>"));
    }
    void bodyStructure()
    {
        const QByteArray wire =
            "* 1 FETCH (BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"UTF-8\") NIL NIL "
            "\"7BIT\" 1152 23 NIL NIL NIL NIL)"
            "(\"APPLICATION\" \"PDF\" (\"NAME\" \"a.pdf\") \"<id>\" NIL \"BASE64\" 4554 NIL "
            "(\"attachment\" (\"filename\" \"a.pdf\")) NIL NIL)"
            "(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 342 (NIL \"inner\" NIL NIL NIL NIL NIL "
            "NIL NIL NIL) "
            "((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 10 1)(\"TEXT\" \"HTML\" NIL NIL NIL "
            "\"7BIT\" 20 2) \"ALTERNATIVE\") 12)"
            " \"MIXED\" (\"BOUNDARY\" \"xyz\") NIL NIL))\r\n";
        const Response r = one(wire);
        QVERIFY(r.fetch.bodyStructure);
        const BodyPart &b = *r.fetch.bodyStructure;
        QVERIFY(b.isMultipart());
        QCOMPARE(b.subtype, QByteArray("mixed"));
        QCOMPARE(b.param("boundary"), QByteArray("xyz"));
        QCOMPARE(b.children.size(), size_t(3));
        QCOMPARE(b.children[0].partId, QByteArray("1"));
        QCOMPARE(b.children[0].param("charset"), QByteArray("UTF-8"));
        QCOMPARE(b.children[0].lines, quint64(23));
        QCOMPARE(b.children[1].disposition, QByteArray("attachment"));
        QCOMPARE(b.children[1].size, quint64(4554));
        const BodyPart &m = b.children[2];
        QCOMPARE(m.partId, QByteArray("3"));
        QVERIFY(m.envelope);
        QCOMPARE(m.envelope->subject, QByteArray("inner"));
        QCOMPARE(m.children.size(), size_t(1));
        QCOMPARE(m.children[0].children[1].partId, QByteArray("3.2"));
        QCOMPARE(m.children[0].children[1].subtype, QByteArray("html"));
        const Response single =
            one("* 2 FETCH (BODY (\"TEXT\" \"PLAIN\" NIL NIL NIL \"8BIT\" 3 1))\r\n");
        QCOMPARE(single.fetch.bodyStructure->partId, QByteArray("1"));
    }
    void list()
    {
        Response r = one("* LIST (\\HasNoChildren \\Sent) \"/\" \"Sent Items\"\r\n");
        QCOMPARE(r.keyword, QByteArray("LIST"));
        QCOMPARE(r.list.name, QStringLiteral("Sent Items"));
        QCOMPARE(r.list.delimiter, QChar('/'));
        QCOMPARE(r.list.specialUse(), QByteArray("\\Sent"));
        r = one("* LIST () \".\" ~peter/mail/&ZeVnLIqe-/&U,BTFw-\r\n");
        QCOMPARE(r.list.name,
                 QString::fromUtf8(
                     "~peter/mail/\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E/\xE5\x8F\xB0\xE5\x8C\x97"));
        r = one("* LIST (\\Noselect) NIL \"\"\r\n");
        QVERIFY(r.list.delimiter.isNull());
        r = one("* LSUB () \"/\" {5}\r\nInbox\r\n");
        QCOMPARE(r.keyword, QByteArray("LSUB"));
        QCOMPARE(r.list.name, QStringLiteral("Inbox"));
    }
    void statusSearchEsearch()
    {
        Response r = one(
            "* STATUS \"blurdybloop\" (MESSAGES 231 UIDNEXT 44292 HIGHESTMODSEQ 7011231777)\r\n");
        QCOMPARE(r.statusData.mailbox, QStringLiteral("blurdybloop"));
        QCOMPARE(r.statusData.items.value("MESSAGES"), quint64(231));
        QCOMPARE(r.statusData.items.value("HIGHESTMODSEQ"), quint64(7011231777));
        r = one("* SEARCH 2 84 882\r\n");
        QCOMPARE(r.search.ids, (QVector<quint32>{2, 84, 882}));
        r = one("* SEARCH\r\n");
        QVERIFY(r.search.ids.isEmpty());
        r = one("* SEARCH 2 5 6 7 11 12 18 19 20 23 (MODSEQ 917162500)\r\n");
        QCOMPARE(r.search.ids.size(), 10);
        QCOMPARE(*r.search.modseq, quint64(917162500));
        r = one("* ESEARCH (TAG \"A283\") UID ALL 4:18,21,28 COUNT 17 MIN 4 MAX 28\r\n");
        QCOMPARE(r.esearch.tag, QByteArray("A283"));
        QVERIFY(r.esearch.uid);
        QCOMPARE(r.esearch.all.toByteArray(), QByteArray("4:18,21,28"));
        QCOMPARE(*r.esearch.count, quint64(17));
        QCOMPARE(*r.esearch.min, 4u);
        QCOMPARE(*r.esearch.max, 28u);
        r = one("* ESEARCH (TAG \"A284\")\r\n");
        QVERIFY(r.esearch.all.isEmpty());
    }
    void vanishedEnabledNamespaceIdCapability()
    {
        Response r = one("* VANISHED (EARLIER) 300:310,405,411\r\n");
        QVERIFY(r.vanished.earlier);
        QCOMPARE(r.vanished.uids.toByteArray(), QByteArray("300:310,405,411"));
        r = one("* VANISHED 505,507\r\n");
        QVERIFY(!r.vanished.earlier);
        QCOMPARE(r.vanished.uids.count(), quint64(2));
        r = one("* ENABLED CONDSTORE QRESYNC\r\n");
        QCOMPARE(r.atoms, (QList<QByteArray>{"CONDSTORE", "QRESYNC"}));
        r = one("* NAMESPACE ((\"\" \"/\")) ((\"~\" \"/\")) ((\"#shared/\" \"/\")(\"#public/\" "
                "\"/\"))\r\n");
        QCOMPARE(r.ns.personal.size(), 1);
        QCOMPARE(r.ns.personal[0].delimiter, QChar('/'));
        QCOMPARE(r.ns.shared.size(), 2);
        QCOMPARE(r.ns.shared[1].prefix, QStringLiteral("#public/"));
        r = one("* NAMESPACE ((\"INBOX.\" \".\")) NIL NIL\r\n");
        QCOMPARE(r.ns.personal[0].prefix, QStringLiteral("INBOX."));
        QVERIFY(r.ns.otherUsers.isEmpty());
        r = one("* ID (\"name\" \"Dovecot\" \"version\" NIL)\r\n");
        QCOMPARE(r.id.size(), 2);
        QCOMPARE(r.id[0].second, QByteArray("Dovecot"));
        r = one("* ID NIL\r\n");
        QVERIFY(r.id.isEmpty());
        r = one("* CAPABILITY IMAP4rev1 IDLE uidplus\r\n");
        QCOMPARE(r.atoms, (QList<QByteArray>{"IMAP4REV1", "IDLE", "UIDPLUS"}));
        r = one("* FLAGS (\\Answered \\Flagged $Junk)\r\n");
        QCOMPARE(r.atoms.size(), 3);
        r = one("* BYE Autologout; idle for too long\r\n");
        QCOMPARE(r.status, Response::Status::Bye);
        QCOMPARE(r.text, QStringLiteral("Autologout; idle for too long"));
        r = one("* PREAUTH [CAPABILITY IMAP4rev1] hi\r\n");
        QCOMPARE(r.status, Response::Status::PreAuth);
    }
    void continuation()
    {
        Response r = one("+ idling\r\n");
        QVERIFY(r.isContinuation());
        QCOMPARE(r.text, QStringLiteral("idling"));
        r = one("+\r\n");
        QVERIFY(r.isContinuation());
        r = one("+ {5}\r\n"); // continuation text is never a literal
        QCOMPARE(r.text, QStringLiteral("{5}"));
    }
    void quotedEscapes()
    {
        const Response r = one("* LIST () \"/\" \"a \\\"b\\\" \\\\c\"\r\n");
        QCOMPARE(r.list.name, QStringLiteral("a \"b\" \\c"));
    }
    void splitAtEveryByte()
    {
        const QByteArray wire = "* 1 FETCH (UID 5 BODY[] {12}\r\nhello\r\nworld FLAGS (\\Seen))\r\n"
                                "* 2 EXISTS\r\nA1 OK [READ-WRITE] done\r\n";
        for (int cut = 1; cut < wire.size(); ++cut) {
            ImapResponseParser p;
            std::vector<Response> out;
            p.feed(wire.left(cut));
            while (auto r = p.next())
                out.push_back(*r);
            p.feed(wire.mid(cut));
            while (auto r = p.next())
                out.push_back(*r);
            QVERIFY2(!p.hasError(), qPrintable(p.error().message));
            QCOMPARE(out.size(), size_t(3));
            QCOMPARE(out[0].fetch.section("BODY[]"), QByteArray("hello\r\nworld"));
            QCOMPARE(out[2].code.name, QByteArray("READ-WRITE"));
        }
        // One byte at a time.
        ImapResponseParser p;
        std::vector<Response> out;
        for (char c : wire) {
            p.feed(QByteArray(1, c));
            while (auto r = p.next())
                out.push_back(*r);
        }
        QCOMPARE(out.size(), size_t(3));
    }
    void garbage_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::newRow("words") << QByteArray("this is not imap\r\n");
        QTest::newRow("empty") << QByteArray("\r\n");
        QTest::newRow("binary") << QByteArray("\x01\x02\xff\xfe\r\n", 6);
        QTest::newRow("star only") << QByteArray("*\r\n");
        QTest::newRow("bad number") << QByteArray("* 99999999999 EXISTS\r\n");
        QTest::newRow("unknown numbered") << QByteArray("* 3 FROB\r\n");
        QTest::newRow("unterminated list") << QByteArray("* 1 FETCH (UID 4\r\n");
        QTest::newRow("unterminated quote") << QByteArray("* LIST () \"/\" \"abc\r\n");
        QTest::newRow("odd fetch") << QByteArray("* 1 FETCH (UID)\r\n");
        QTest::newRow("bad uid") << QByteArray("* 1 FETCH (UID abc)\r\n");
        QTest::newRow("bad envelope") << QByteArray("* 1 FETCH (ENVELOPE (NIL))\r\n");
        QTest::newRow("deep") << QByteArray("* 1 FETCH (X " + QByteArray(500, '(') +
                                            QByteArray(500, ')') + ")\r\n");
        QTest::newRow("bad vanished") << QByteArray("* VANISHED (EARLIER) x:y\r\n");
        QTest::newRow("bad uidvalidity") << QByteArray("* OK [UIDVALIDITY abc] x\r\n");
        QTest::newRow("tag without status") << QByteArray("A1 MAYBE\r\n");
    }
    void garbage()
    {
        QFETCH(QByteArray, wire);
        ImapResponseParser p;
        p.feed(wire);
        QVERIFY(!p.next());
        QVERIFY(p.hasError());
        QCOMPARE(p.error().kind, herald::net::Error::Kind::Protocol);
        QVERIFY(!p.error().message.isEmpty());
        p.feed("* 1 EXISTS\r\n"); // stays failed
        QVERIFY(!p.next());
    }
    void hugeLiteralRefused()
    {
        ImapResponseParser p;
        p.feed("* 1 FETCH (BODY[] {2147483648}\r\nabc");
        QVERIFY(!p.next());
        QVERIFY(p.hasError());
        QVERIFY(p.error().message.contains(QStringLiteral("2147483648")));
        QVERIFY(p.pendingBytes() < 1024);
        ImapResponseParser q;
        q.feed("* 1 FETCH (BODY[] {99999999999999999999999}\r\n");
        QVERIFY(!q.next());
        QVERIFY(q.hasError());
    }
    // A hostile server trickles a long line in small pieces (it may send one byte per packet):
    // each piece must cost its own bytes only. The line was searched for its end from its start
    // on every piece - quadratic: this 8 MB line in 1 KB pieces took about 3 s.
    void longLineInSmallPiecesIsLinear()
    {
        ImapResponseParser parser;
        const QByteArray piece(1024, 'a');
        QElapsedTimer timer;
        timer.start();
        parser.feed("* OK ");
        for (int i = 0; i < 8 * 1024; ++i) {
            parser.feed(piece);
            QVERIFY(!parser.next());
        }
        parser.feed("\r\n");
        const std::optional<Response> r = parser.next();
        QVERIFY(r);
        QCOMPARE(r->text.size(), 8 * 1024 * 1024);
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed()) + " ms"));
    }

    void configurableLimits()
    {
        ImapResponseParser::Limits limits;
        limits.maxLiteralSize = 10;
        limits.maxLineLength = 64;
        ImapResponseParser p(limits);
        p.feed("* 1 FETCH (BODY[] {10}\r\n0123456789)\r\n");
        QVERIFY(p.next());
        p.feed("* 1 FETCH (BODY[] {11}\r\n");
        QVERIFY(!p.next());
        QVERIFY(p.hasError());
        ImapResponseParser q(limits);
        q.feed(QByteArray(100, 'x')); // no CRLF yet, already too long
        QVERIFY(!q.next());
        QVERIFY(q.hasError());
    }
    void unknownUntaggedKeptGenerically()
    {
        const Response r = one("* XSTUFF 1 (a b) \"c\"\r\n");
        QCOMPARE(r.keyword, QByteArray("XSTUFF"));
        QCOMPARE(r.args.size(), size_t(3));
        QVERIFY(r.args[1].isList());
    }
};

QTEST_GUILESS_MAIN(TestImapParser)
#include "tst_imap_parser.moc"
