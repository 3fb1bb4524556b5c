#include "core/authres/AuthVerdict.h"

#include "core/authres/ArcVerifier.h"
#include "core/authres/DmarcEvaluator.h"
#include "core/authres/ReceivedHop.h"
#include "core/authres/SpfEvaluator.h"
#include "core/authres/TrustedAuthResults.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace herald::authres {

namespace {

QString str(const QByteArray &b)
{
    return QString::fromUtf8(b);
}

QByteArray domainOf(const QString &addressOrDomain)
{
    const qsizetype at = addressOrDomain.lastIndexOf(QLatin1Char('@'));
    return addressOrDomain.mid(at + 1).trimmed().toLower().toUtf8();
}

const AuthResult *firstOf(const TrustedAuthResults &ar, const QString &method)
{
    for (const AuthResult &r : ar.results) {
        if (r.method == method)
            return &r;
    }
    return nullptr;
}

QByteArray returnPath(const RawMessage &msg)
{
    const HeaderField *f = msg.first("Return-Path");
    if (!f)
        return {};
    QByteArray v = f->unfoldedValue();
    const qsizetype lt = v.indexOf('<');
    const qsizetype gt = v.lastIndexOf('>');
    if (lt >= 0 && gt > lt)
        v = v.mid(lt + 1, gt - lt - 1);
    return v.trimmed();
}

bool decided(const QString &result)
{
    return !result.isEmpty() && result != QLatin1String("temperror");
}

QJsonObject dkimJson(const DkimResult &d)
{
    return QJsonObject{{QLatin1String("result"), d.result},
                       {QLatin1String("domain"), d.domain},
                       {QLatin1String("selector"), d.selector},
                       {QLatin1String("algorithm"), d.algorithm},
                       {QLatin1String("body_length_limited"), d.bodyLengthLimited},
                       {QLatin1String("testing"), d.testing}};
}

} // namespace

AuthOutcome evaluateAuth(const QByteArray &raw, const AuthOptions &options, DnsResolver &resolver)
{
    bool incomplete = false; // a local check met a DNS temperror
    const RawMessage msg = RawMessage::parse(raw);
    const std::optional<ReceivedHop> hop = trustedSmtpHop(msg, options.trustedHops);
    // Only A-R headers above the receiving server's Received header can be its own: anything
    // below came with the message from the sender.
    QList<QByteArray> arBodies;
    for (int i = 0; i < msg.headers.size() && (!hop || i < hop->headerIndex); ++i) {
        if (msg.headers.at(i).name.compare("Authentication-Results", Qt::CaseInsensitive) == 0)
            arBodies.append(msg.headers.at(i).value());
    }
    const TrustedAuthResults ar = selectTrustedAuthResults(arBodies, options.trustedAuthservId);
    const bool haveAr = ar.trustedHeaders > 0;
    bool usedAr = false, usedLocal = false;

    // SPF
    QJsonObject spf{{QLatin1String("result"), QStringLiteral("none")},
                    {QLatin1String("domain"), QString()},
                    {QLatin1String("ip"), QString()}};
    if (hop)
        spf[QLatin1String("ip")] = hop->ip.toString();
    QByteArray mailFrom = returnPath(msg);
    if (mailFrom.isEmpty() && hop)
        mailFrom = hop->envelopeFrom;
    QString spfResult;
    QByteArray spfDomain;
    if (const AuthResult *r = firstOf(ar, QStringLiteral("spf")); r && decided(r->result)) {
        spfResult = r->result;
        QString d = r->prop(QStringLiteral("smtp.mailfrom"));
        if (d.isEmpty())
            d = r->prop(QStringLiteral("smtp.helo"));
        spfDomain = d.isEmpty() ? domainOf(str(mailFrom)) : domainOf(d);
        usedAr = true;
    } else if (options.verifyLocally && hop) {
        SpfRequest req;
        req.ip = hop->ip;
        req.helo = hop->helo;
        req.mailFrom = mailFrom;
        req.receiver = options.receiver;
        req.defaultExplanation = QString();
        const SpfResult local = evaluateSpf(req, resolver);
        spfResult = local.result;
        spfDomain = local.domain;
        usedLocal = true;
        incomplete = incomplete || !decided(local.result);
    }
    if (!spfResult.isEmpty()) {
        spf[QLatin1String("result")] = spfResult;
        spf[QLatin1String("domain")] = str(spfDomain);
    }

    // DKIM
    QList<DkimResult> dkim;
    bool dkimDecided = false;
    if (options.verifyLocally) {
        dkim = verifyDkim(msg, resolver, options.dkim);
        dkimDecided = true;
        for (const DkimResult &d : dkim)
            dkimDecided = dkimDecided && decided(d.result);
        usedLocal = true;
        incomplete = incomplete || !dkimDecided;
    }
    if (!dkimDecided && haveAr) {
        QList<DkimResult> fromAr;
        for (const AuthResult &r : ar.results) {
            if (r.method != QLatin1String("dkim") || r.result == QLatin1String("none"))
                continue;
            DkimResult d;
            d.result = r.result;
            d.domain = r.prop(QStringLiteral("header.d"));
            if (d.domain.isEmpty())
                d.domain = QString::fromUtf8(domainOf(r.prop(QStringLiteral("header.i"))));
            d.selector = r.prop(QStringLiteral("header.s"));
            d.algorithm = r.prop(QStringLiteral("header.a"));
            fromAr.append(d);
        }
        if (!fromAr.isEmpty() || dkim.isEmpty()) {
            dkim = fromAr;
            usedAr = usedAr || !fromAr.isEmpty();
        }
    }
    QJsonArray dkimArray;
    for (const DkimResult &d : dkim)
        dkimArray.append(dkimJson(d));

    // DMARC
    QJsonObject dmarc{{QLatin1String("result"), QStringLiteral("none")},
                      {QLatin1String("policy"), QString()},
                      {QLatin1String("domain"), QString()}};
    const HeaderField *from = msg.first("From");
    const QByteArray fromDom =
        msg.fields("From").size() == 1 ? fromDomain(from->unfoldedValue()) : QByteArray();
    dmarc[QLatin1String("domain")] = str(fromDom);
    bool dmarcDone = false;
    if (options.verifyLocally) {
        DmarcInput in;
        in.fromDomain = fromDom;
        in.spfResult = spfResult;
        in.spfDomain = spfDomain;
        in.dkim = dkim;
        const HeaderField *mid = msg.first("Message-ID");
        in.sample = int(qHash(mid ? mid->unfoldedValue() : QByteArray()) % 100);
        const DmarcResult r = evaluateDmarc(in, resolver);
        if (decided(r.result)) {
            dmarc[QLatin1String("result")] = r.result;
            dmarc[QLatin1String("policy")] = r.policy;
            dmarc[QLatin1String("disposition")] = r.disposition;
            dmarcDone = true;
        } else {
            dmarc[QLatin1String("result")] = r.result;
            incomplete = true;
        }
    }
    if (!dmarcDone && haveAr) {
        if (const AuthResult *r = firstOf(ar, QStringLiteral("dmarc"))) {
            dmarc[QLatin1String("result")] = r->result;
            QString policy = r->prop(QStringLiteral("policy.published-domain-policy"));
            dmarc[QLatin1String("policy")] = policy.toLower();
            const QString d = r->prop(QStringLiteral("header.from"));
            if (!d.isEmpty())
                dmarc[QLatin1String("domain")] = d.toLower();
            usedAr = true;
        }
    }

    // ARC
    QJsonObject arc{{QLatin1String("result"), QStringLiteral("none")}};
    bool arcDone = false;
    if (options.verifyLocally) {
        const ArcResult r = verifyArc(msg, resolver, options.dkim);
        arc[QLatin1String("result")] = r.result;
        arcDone = decided(r.result) && !r.detail.contains(QLatin1String("temporarily"));
        incomplete = incomplete || !arcDone;
    }
    if (!arcDone && haveAr) {
        if (const AuthResult *r = firstOf(ar, QStringLiteral("arc"))) {
            arc[QLatin1String("result")] = r->result;
            usedAr = true;
        }
    }

    QString source = QStringLiteral("local");
    if (!options.verifyLocally || (usedAr && !usedLocal))
        source = QStringLiteral("authentication-results");
    else if (haveAr)
        source = QStringLiteral("both");
    AuthOutcome outcome;
    outcome.verdict = QJsonObject{{QLatin1String("spf"), spf},
                                  {QLatin1String("dkim"), dkimArray},
                                  {QLatin1String("dmarc"), dmarc},
                                  {QLatin1String("arc"), arc},
                                  {QLatin1String("source"), source}};
    outcome.incomplete = incomplete;
    return outcome;
}

QJsonObject computeAuth(const QByteArray &raw, const AuthOptions &options, DnsResolver &resolver)
{
    return evaluateAuth(raw, options, resolver).verdict;
}

QString computeAuthJson(const QByteArray &raw, const AuthOptions &options, DnsResolver &resolver)
{
    return QString::fromUtf8(
        QJsonDocument(computeAuth(raw, options, resolver)).toJson(QJsonDocument::Compact));
}

AuthSummaryValue summarizeAuth(const QJsonObject &auth)
{
    const QString dmarc =
        auth.value(QLatin1String("dmarc")).toObject().value(QLatin1String("result")).toString();
    if (dmarc == QLatin1String("pass"))
        return AuthSummaryValue::Pass;
    if (dmarc == QLatin1String("fail"))
        return AuthSummaryValue::Fail;
    const QString spf =
        auth.value(QLatin1String("spf")).toObject().value(QLatin1String("result")).toString();
    bool anyPass = spf == QLatin1String("pass"), anyFail = spf == QLatin1String("fail");
    bool any = !spf.isEmpty() && spf != QLatin1String("none");
    for (const QJsonValue &d : auth.value(QLatin1String("dkim")).toArray()) {
        const QString r = d.toObject().value(QLatin1String("result")).toString();
        anyPass = anyPass || r == QLatin1String("pass");
        anyFail = anyFail || r == QLatin1String("fail");
        any = true;
    }
    if (anyFail && !anyPass)
        return AuthSummaryValue::Fail;
    return any ? AuthSummaryValue::Neutral : AuthSummaryValue::Unknown;
}

} // namespace herald::authres
