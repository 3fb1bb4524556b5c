#include "core/authres/DmarcEvaluator.h"

#include "core/authres/DkimTagList.h"
#include "core/authres/OrganizationalDomain.h"

namespace herald::authres {

namespace {

struct DmarcRecord
{
    QString p, sp;
    bool strictDkim = false, strictSpf = false;
    int pct = 100;
};

enum class Lookup { Found, Missing, TempError };

Lookup fetchRecord(DnsResolver &dns, const QByteArray &domain, DmarcRecord &out)
{
    const DnsReply<QByteArray> reply = dns.txt("_dmarc." + domain);
    if (reply.status == DnsStatus::TempError)
        return Lookup::TempError;
    QList<DkimTagList> records;
    for (const QByteArray &txt : reply.records) {
        const std::optional<DkimTagList> tags = DkimTagList::parse(txt);
        if (tags && !tags->tags().isEmpty() && tags->tags().first().name == "v" &&
            tags->value("v") == "DMARC1")
            records.append(*tags);
    }
    if (records.size() != 1)
        return Lookup::Missing; // none, or several: no policy (RFC 7489 section 6.6.3)
    const DkimTagList &tags = records.first();
    auto policy = [](const QByteArray &v) {
        const QByteArray p = v.trimmed().toLower();
        return p == "none" || p == "quarantine" || p == "reject" ? QString::fromLatin1(p)
                                                                 : QString();
    };
    out.p = policy(tags.value("p"));
    if (out.p.isEmpty()) {
        // Invalid or missing p=: with rua= the record is treated as p=none, else ignored.
        if (!tags.has("rua"))
            return Lookup::Missing;
        out.p = QStringLiteral("none");
    }
    out.sp = tags.has("sp") ? policy(tags.value("sp")) : QString();
    if (out.sp.isEmpty())
        out.sp = out.p;
    out.strictDkim = tags.value("adkim").trimmed().toLower() == "s";
    out.strictSpf = tags.value("aspf").trimmed().toLower() == "s";
    if (tags.has("pct")) {
        bool ok = false;
        const int pct = tags.value("pct").trimmed().toInt(&ok);
        out.pct = ok ? qBound(0, pct, 100) : 100;
    }
    return Lookup::Found;
}

bool aligned(const QByteArray &a, const QByteArray &b, bool strict)
{
    const QByteArray x = a.toLower(), y = b.toLower();
    if (x.isEmpty() || y.isEmpty())
        return false;
    return strict ? x == y : organizationalDomain(x) == organizationalDomain(y);
}

QString weaker(const QString &policy)
{
    if (policy == QLatin1String("reject"))
        return QStringLiteral("quarantine");
    return QStringLiteral("none");
}

} // namespace

QByteArray fromDomain(const QByteArray &fromFieldValue)
{
    // Drop comments and quoted display names, then expect exactly one addr-spec.
    QByteArray s;
    int depth = 0;
    bool quoted = false;
    for (qsizetype i = 0; i < fromFieldValue.size(); ++i) {
        const char c = fromFieldValue.at(i);
        if (c == '\\' && i + 1 < fromFieldValue.size()) {
            ++i;
            continue;
        }
        if (!quoted && c == '(')
            ++depth;
        else if (!quoted && c == ')' && depth > 0)
            --depth;
        else if (depth == 0 && c == '"')
            quoted = !quoted;
        else if (depth == 0 && !quoted)
            s += c;
    }
    if (s.count('@') != 1)
        return {};
    QByteArray addr = s;
    const qsizetype lt = s.indexOf('<');
    if (lt >= 0) {
        const qsizetype gt = s.indexOf('>', lt);
        addr = s.mid(lt + 1, gt < 0 ? -1 : gt - lt - 1);
    }
    addr = addr.trimmed();
    if (addr.contains(',') || addr.contains(' '))
        return {};
    QByteArray domain = addr.mid(addr.indexOf('@') + 1).toLower();
    while (domain.endsWith('.'))
        domain.chop(1);
    if (domain.isEmpty() || !domain.contains('.') || domain.contains('@'))
        return {};
    return domain;
}

DmarcResult evaluateDmarc(const DmarcInput &input, DnsResolver &dns)
{
    DmarcResult out;
    out.domain = input.fromDomain;
    if (input.fromDomain.isEmpty()) {
        out.result = QStringLiteral("permerror");
        out.detail = QStringLiteral("the message has no single From domain");
        return out;
    }
    DmarcRecord record;
    out.recordDomain = input.fromDomain;
    Lookup l = fetchRecord(dns, input.fromDomain, record);
    const QByteArray org = organizationalDomain(input.fromDomain);
    bool fromOrg = false;
    if (l == Lookup::Missing && org != input.fromDomain) {
        out.recordDomain = org;
        fromOrg = true;
        l = fetchRecord(dns, org, record);
    }
    if (l == Lookup::TempError) {
        out.result = QStringLiteral("temperror");
        out.detail = QStringLiteral("DMARC record lookup failed");
        return out;
    }
    if (l == Lookup::Missing) {
        out.result = QStringLiteral("none");
        out.recordDomain.clear();
        out.detail = QStringLiteral("no DMARC record");
        return out;
    }
    out.policy = fromOrg ? record.sp : record.p;
    out.pct = record.pct;
    out.spfAligned = input.spfResult == QLatin1String("pass") &&
                     aligned(input.spfDomain, input.fromDomain, record.strictSpf);
    for (const DkimResult &d : input.dkim) {
        if (d.result == QLatin1String("pass") &&
            aligned(d.domain.toUtf8(), input.fromDomain, record.strictDkim))
            out.dkimAligned = true;
    }
    if (out.spfAligned || out.dkimAligned) {
        out.result = QStringLiteral("pass");
        out.disposition = QStringLiteral("none");
        return out;
    }
    out.result = QStringLiteral("fail");
    out.disposition = input.sample < out.pct ? out.policy : weaker(out.policy);
    out.detail = QStringLiteral("neither SPF nor DKIM passed for a domain aligned with %1")
                     .arg(QString::fromUtf8(input.fromDomain));
    return out;
}

} // namespace herald::authres
