#include "core/authres/DkimKey.h"

#include "core/authres/DkimTagList.h"

namespace herald::authres {

namespace {

QList<QByteArray> colonList(const QByteArray &value)
{
    QList<QByteArray> out;
    for (const QByteArray &part : value.split(':')) {
        const QByteArray p = stripFws(part).toLower();
        if (!p.isEmpty())
            out.append(p);
    }
    return out;
}

DkimKeyLookup permerror(const QString &why)
{
    DkimKeyLookup r;
    r.status = DkimKeyLookup::PermError;
    r.error = why;
    return r;
}

bool isBase64(const QByteArray &v)
{
    for (const char c : v) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

DkimKeyLookup parseDkimKeyRecord(const QByteArray &txt)
{
    const std::optional<DkimTagList> tags = DkimTagList::parse(txt);
    if (!tags)
        return permerror(QStringLiteral("key record syntax error"));
    if (tags->has("v")) {
        if (tags->tags().first().name != "v" || tags->value("v") != "DKIM1")
            return permerror(QStringLiteral("key record has an unsupported version"));
    }
    DkimKeyLookup out;
    const QByteArray k = tags->has("k") ? tags->value("k").toLower() : QByteArray("rsa");
    if (k == "rsa")
        out.record.type = DkimKeyType::Rsa;
    else if (k == "ed25519")
        out.record.type = DkimKeyType::Ed25519;
    else
        return permerror(
            QStringLiteral("key type %1 is not supported").arg(QString::fromLatin1(k)));
    if (tags->has("h")) {
        out.record.hashes = colonList(tags->value("h"));
        if (!out.record.hashes.contains("sha256") && !out.record.hashes.contains("sha1"))
            return permerror(QStringLiteral("key record allows no supported hash"));
    }
    if (tags->has("s")) {
        const QList<QByteArray> services = colonList(tags->value("s"));
        if (!services.contains("email") && !services.contains("*"))
            return permerror(QStringLiteral("key is not for email (s=)"));
    }
    for (const QByteArray &flag : colonList(tags->value("t"))) {
        if (flag == "y")
            out.record.testing = true;
        else if (flag == "s")
            out.record.strictIdentity = true;
    }
    if (!tags->has("p"))
        return permerror(QStringLiteral("key record has no p="));
    const QByteArray p = stripFws(tags->value("p"));
    if (p.isEmpty())
        return permerror(QStringLiteral("key revoked (empty p=)"));
    if (!isBase64(p))
        return permerror(QStringLiteral("key p= is not base64"));
    out.record.key = DkimPublicKey::fromRecord(out.record.type, QByteArray::fromBase64(p));
    if (!out.record.key)
        return permerror(QStringLiteral("key p= is not a usable public key"));
    out.status = DkimKeyLookup::Ok;
    return out;
}

DkimKeyLookup fetchDkimKey(DnsResolver &dns, const QByteArray &selector, const QByteArray &domain)
{
    const DnsReply<QByteArray> reply = dns.txt(selector + "._domainkey." + domain);
    if (reply.status == DnsStatus::TempError) {
        DkimKeyLookup r;
        r.status = DkimKeyLookup::TempError;
        r.error = QStringLiteral("key lookup failed temporarily");
        return r;
    }
    if (!reply.ok())
        return permerror(QStringLiteral("no key record"));
    DkimKeyLookup first;
    for (int i = 0; i < reply.records.size(); ++i) {
        DkimKeyLookup r = parseDkimKeyRecord(reply.records.at(i));
        if (r.status == DkimKeyLookup::Ok)
            return r;
        if (i == 0)
            first = r;
    }
    return first;
}

} // namespace herald::authres
