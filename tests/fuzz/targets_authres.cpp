// Sender authentication: Authentication-Results, DKIM signatures and keys, SPF records and
// macros, DMARC records. DNS answers come from an in-memory zone (no network).
#include "core/authres/ArcVerifier.h"
#include "core/authres/AuthResultsParser.h"
#include "core/authres/DkimKey.h"
#include "core/authres/DkimSignature.h"
#include "core/authres/DkimVerifier.h"
#include "core/authres/DmarcEvaluator.h"
#include "core/authres/MemoryZone.h"
#include "core/authres/SpfEvaluator.h"
#include "core/authres/SpfMacro.h"
#include "core/authres/SpfRecord.h"
#include "tests/fuzz/FuzzTargets.h"

namespace herald::fuzz {

using namespace herald::authres;

namespace {
// A real 1024-bit RSA key (tests/data/dkim-perl-mail-dkim/FAKE_DNS.dat).
const QByteArray kKeyRecord =
    "v=DKIM1; k=rsa; "
    "p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC848PMQXuR6V4Tbj3Wb2TN/4Qon0v8ch1WoS0v5wC4/"
    "2FXHaH5g7xNwtIwgfE7kxkSqv1LnS4tUrpHjWcXJhtCkT9wkI0FOVFzKHRc7Gy7vYSFMUCnojiVVQjxY6bnyPLIIP2l/"
    "D++0awe+XCWQsjFZ+CHW5Lo/lQ/bdrUcYEU/QIDAQAB";

// The zone every SPF and DMARC check sees besides the record under test.
void addCommonRecords(MemoryZone &zone)
{
    zone.addAddress("example.org", QHostAddress(QStringLiteral("192.0.2.1")));
    zone.addAddress("mail.example.org", QHostAddress(QStringLiteral("192.0.2.1")));
    zone.addAddress("mail.example.org", QHostAddress(QStringLiteral("2001:db8::1")));
    zone.addMx("example.org", 10, "mail.example.org");
    zone.addPtr(reverseName(QHostAddress(QStringLiteral("192.0.2.1"))), "mail.example.org");
    zone.addTxt("inc.example.org", "v=spf1 ip4:192.0.2.0/24 -all");
    zone.addTxt("loop.example.org", "v=spf1 include:example.org -all");
    zone.addTimeout("slow.example.org");
}
} // namespace

void authResults(const QByteArray &input)
{
    (void)parseAuthenticationResults(input, ParseMode::Strict);
    (void)parseAuthenticationResults(input, ParseMode::Lenient);
}

void dkimSignature(const QByteArray &input)
{
    // A whole message: its signatures are parsed, their header data canonicalized, and
    // verified against a real key published for whatever selector and domain they name.
    RawMessage message = RawMessage::parse(input);
    if (message.headers.isEmpty()) {
        // A bare field value: make it the message's only field.
        HeaderField field;
        field.name = "DKIM-Signature";
        field.raw = "DKIM-Signature: " + input;
        message.headers << field;
    }
    MemoryZone zone;
    for (const HeaderField &field : message.headers) {
        const QByteArray name = field.name.toLower();
        const bool dkim = name == "dkim-signature";
        if (!dkim && name != "arc-message-signature")
            continue;
        QString error;
        const std::optional<DkimSignature> sig = parseDkimSignature(
            field, dkim ? SignatureKind::Dkim : SignatureKind::ArcMessage, &error);
        if (!sig)
            continue;
        (void)signedHeaderData(message, sig->signedHeaders, field.raw, sig->headerCanon);
        (void)dkimBodyHash(message.body, sig->bodyCanon, sig->hash, sig->length);
        if (!sig->selector.isEmpty() && !sig->domain.isEmpty())
            zone.addTxt(sig->selector + "._domainkey." + sig->domain, kKeyRecord);
    }
    (void)verifyDkim(message, zone);
    (void)verifyArc(message, zone);
}

void dkimKey(const QByteArray &input)
{
    (void)parseDkimKeyRecord(input);
}

void spfRecord(const QByteArray &input)
{
    QString error;
    (void)isSpfRecord(input);
    (void)parseSpfRecord(input, &error);
    // check_host() over the record: every mechanism, modifier and macro it names, against the
    // in-memory zone (includes, redirects and loops back to itself included).
    MemoryZone zone;
    addCommonRecords(zone);
    zone.addTxt("fuzz.example.org", input);
    SpfRequest request;
    request.ip = QHostAddress(QStringLiteral("192.0.2.1"));
    request.mailFrom = "user@fuzz.example.org";
    request.helo = "mail.example.org";
    request.now = 1700000000;
    (void)evaluateSpf(request, zone);
    request.ip = QHostAddress(QStringLiteral("2001:db8::1"));
    (void)evaluateSpf(request, zone);
}

void spfMacro(const QByteArray &input)
{
    SpfMacroContext ctx;
    ctx.sender = "strong-bad@email.example.com";
    ctx.domain = "email.example.com";
    ctx.helo = "mail.example.org";
    ctx.receiver = "mx.example.net";
    ctx.ip = QHostAddress(QStringLiteral("192.0.2.3"));
    ctx.now = 1700000000;
    ctx.validatedName = [] { return QByteArray("mail.example.org"); };
    for (bool explain : {false, true}) {
        (void)isValidSpfMacroString(input, explain);
        (void)expandSpfMacro(input, ctx, explain);
    }
    ctx.ip = QHostAddress(QStringLiteral("2001:db8::cb01"));
    (void)expandSpfMacro(input, ctx, true);
}

void dmarcRecord(const QByteArray &input)
{
    (void)fromDomain(input);
    MemoryZone zone;
    addCommonRecords(zone);
    zone.addTxt("_dmarc.example.org", input);
    DmarcInput in;
    in.spfResult = QStringLiteral("pass");
    in.spfDomain = "mail.example.org";
    DkimResult dkim;
    dkim.result = QStringLiteral("pass");
    dkim.domain = QStringLiteral("example.org");
    in.dkim << dkim;
    // The From domain itself, and a subdomain that falls back to the organizational domain.
    for (const QByteArray &from : {QByteArray("example.org"), QByteArray("a.b.example.org")}) {
        in.fromDomain = from;
        in.sample = input.size() % 100;
        (void)evaluateDmarc(in, zone);
    }
}

} // namespace herald::fuzz
