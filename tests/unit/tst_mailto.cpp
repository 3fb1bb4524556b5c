// mailto: URLs (RFC 6068) → compose fields: the RFC's own examples (§6), several addresses,
// line breaks in the body, and headers a link must never set.
#include "core/mime/MailtoUrl.h"

#include <QTest>

using herald::mime::MailtoFields;
using herald::mime::parseMailto;

class TstMailto : public QObject
{
    Q_OBJECT
private slots:
    void rfcExamples_data();
    void rfcExamples();
    void notMailto();
    void draftKeepsWhatIsNotAnAddress();
};

void TstMailto::rfcExamples_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QStringList>("to");
    QTest::addColumn<QStringList>("cc");
    QTest::addColumn<QStringList>("bcc");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("inReplyTo");
    QTest::addColumn<QStringList>("ignored");
    const QStringList none;
    auto row = [&](const char *name, const char *url, QStringList to, QStringList cc,
                   QStringList bcc, QString subject, QString body, QString irt, QStringList ign) {
        QTest::newRow(name) << QString::fromUtf8(url) << to << cc << bcc << subject << body << irt
                            << ign;
    };
    // RFC 6068 §6.1
    row("simple", "mailto:chris@example.com", {"chris@example.com"}, none, none, {}, {}, {}, none);
    row("subject", "mailto:infobot@example.com?subject=current-issue", {"infobot@example.com"},
        none, none, "current-issue", {}, {}, none);
    row("body", "mailto:infobot@example.com?body=send%20current-issue", {"infobot@example.com"},
        none, none, {}, "send current-issue", {}, none);
    row("body two lines", "mailto:infobot@example.com?body=send%20current-issue%0D%0Asend%20index",
        {"infobot@example.com"}, none, none, {}, "send current-issue\nsend index", {}, none);
    row("in-reply-to", "mailto:list@example.org?In-Reply-To=%3C3469A91.D10AF4C@example.com%3E",
        {"list@example.org"}, none, none, {}, {}, "<3469A91.D10AF4C@example.com>", none);
    row("subscribe", "mailto:majordomo@example.com?body=subscribe%20bamboo-l",
        {"majordomo@example.com"}, none, none, {}, "subscribe bamboo-l", {}, none);
    row("cc", "mailto:joe@example.com?cc=bob@example.com&body=hello", {"joe@example.com"},
        {"bob@example.com"}, none, {}, "hello", {}, none);
    row("to only in hfields", "mailto:?to=joe@example.com&cc=bob@example.com&body=hello",
        {"joe@example.com"}, {"bob@example.com"}, none, {}, "hello", {}, none);
    row("percent in local part", "mailto:gorby%25kremvax@example.com",
        {"gorby%kremvax@example.com"}, none, none, {}, {}, {}, none);
    row("question mark in address", "mailto:unlikely%3Faddress@example.com?blat=foop",
        {"unlikely?address@example.com"}, none, none, {}, {}, {}, {"blat"});
    row("ampersand", "mailto:Mike%26family@example.org", {"Mike&family@example.org"}, none, none,
        {}, {}, {}, none);
    // §6.2
    row("quoted at", "mailto:%22not%40me%22@example.org", {"\"not@me\"@example.org"}, none, none,
        {}, {}, {}, none);
    row("quoted backslash", "mailto:%22oh%5C%5Cno%22@example.org", {"\"oh\\\\no\"@example.org"},
        none, none, {}, {}, {}, none);
    row("ugly", "mailto:%22%5C%5C%5C%22it's%5C%20ugly%5C%5C%5C%22%22@example.org",
        {"\"\\\\\\\"it's\\ ugly\\\\\\\"\"@example.org"}, none, none, {}, {}, {}, none);
    // §6.3 internationalisation
    row("utf-8 subject", "mailto:user@example.org?subject=caf%C3%A9", {"user@example.org"}, none,
        none, QString::fromUtf8("café"), {}, {}, none);
    row("encoded word utf-8",
        "mailto:user@example.org?subject=%3D%3Futf-8%3FQ%3Fcaf%3DC3%3DA9%3F%3D",
        {"user@example.org"}, none, none, QString::fromUtf8("café"), {}, {}, none);
    row("encoded word latin-1",
        "mailto:user@example.org?subject=%3D%3Fiso-8859-1%3FQ%3Fcaf%3DE9%3F%3D",
        {"user@example.org"}, none, none, QString::fromUtf8("café"), {}, {}, none);
    row("utf-8 subject and body", "mailto:user@example.org?subject=caf%C3%A9&body=caf%C3%A9",
        {"user@example.org"}, none, none, QString::fromUtf8("café"), QString::fromUtf8("café"), {},
        none);
    row("idn domain", "mailto:user@%E7%B4%8D%E8%B1%86.example.org?subject=Test&body=NATTO",
        {QString::fromUtf8("user@納豆.example.org")}, none, none, "Test", "NATTO", {}, none);
    // Several addresses: in the path, in to=, cc=, bcc=, comma separated (§2).
    row("several",
        "mailto:a@x.example,b@x.example?to=c@x.example%2C%20d@x.example&cc=e@x.example,f@x.example&"
        "bcc=g@x.example",
        {"a@x.example", "b@x.example", "c@x.example", "d@x.example"},
        {"e@x.example", "f@x.example"}, {"g@x.example"}, {}, {}, {}, none);
    row("named", "mailto:?to=%22Doe%2C%20John%22%20%3Cjohn@x.example%3E",
        {"\"Doe, John\" <john@x.example>"}, none, none, {}, {}, {}, none);
    row("scheme case", "MAILTO:a@x.example", {"a@x.example"}, none, none, {}, {}, {}, none);
    row("plus stays plus", "mailto:a+tag@x.example?subject=1+1", {"a+tag@x.example"}, none, none,
        "1+1", {}, {}, none);
    row("bare LF and CR in body", "mailto:a@x.example?body=one%0Atwo%0Dthree", {"a@x.example"},
        none, none, {}, "one\ntwo\nthree", {}, none);
    // Never set dangerous headers (§4: a link may not speak for the user or attach files).
    row("dangerous headers",
        "mailto:a@x.example?from=evil@x.example&Reply-To=evil@x.example&attach=/etc/"
        "passwd&X-Mailer=x&sender=e@x.example",
        {"a@x.example"}, none, none, {}, {}, {},
        {"from", "reply-to", "attach", "x-mailer", "sender"});
    row("header injection in subject", "mailto:a@x.example?subject=hi%0D%0ABcc:%20evil@x.example",
        {"a@x.example"}, none, none, "hi Bcc: evil@x.example", {}, {}, none);
    row("first subject wins", "mailto:a@x.example?subject=one&subject=two", {"a@x.example"}, none,
        none, "one", {}, {}, {"subject"});
    row("bad escape kept", "mailto:a@x.example?subject=100%25%20and%zz", {"a@x.example"}, none,
        none, "100% and%zz", {}, {}, none);
}

void TstMailto::rfcExamples()
{
    QFETCH(QString, url);
    const std::optional<MailtoFields> f = parseMailto(url);
    QVERIFY(f);
    QTEST(f->to, "to");
    QTEST(f->cc, "cc");
    QTEST(f->bcc, "bcc");
    QTEST(f->subject, "subject");
    QTEST(f->body, "body");
    QTEST(f->inReplyTo, "inReplyTo");
    QTEST(f->ignored, "ignored");
}

void TstMailto::notMailto()
{
    QVERIFY(!parseMailto(QStringLiteral("http://example.com/")));
    QVERIFY(!parseMailto(QStringLiteral("/home/u/mail.eml")));
    QVERIFY(!parseMailto(QStringLiteral("mailt:a@b")));
}

void TstMailto::draftKeepsWhatIsNotAnAddress()
{
    const auto f = parseMailto(
        QStringLiteral("mailto:good@x.example,not%20an%20address?In-Reply-To=%3Cp@x%3E"));
    QVERIFY(f);
    const herald::mime::Draft d = herald::mime::draftFromMailto(*f);
    QCOMPARE(d.to.size(), size_t(2));
    QCOMPARE(d.to[0].email, QStringLiteral("good@x.example"));
    QCOMPARE(d.to[1].email, QStringLiteral("not an address"));
    QCOMPARE(d.inReplyTo, QStringLiteral("<p@x>"));
    QCOMPARE(d.references, QStringList{QStringLiteral("<p@x>")});
}

QTEST_GUILESS_MAIN(TstMailto)
#include "tst_mailto.moc"
