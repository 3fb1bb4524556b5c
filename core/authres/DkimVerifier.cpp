#include "core/authres/DkimVerifier.h"

#include "core/authres/DkimKey.h"
#include "core/authres/DkimTagList.h"

#include <QDateTime>

namespace herald::authres {

QByteArray dkimBodyHash(const QByteArray &body, Canon canon, DkimHash hash, qint64 length)
{
    QByteArray canonical = canonBody(body, canon);
    if (length >= 0) {
        if (length > canonical.size())
            return {};
        canonical.truncate(length);
    }
    return digest(hash, canonical);
}

namespace {

DkimResult verifyOne(const RawMessage &message, const HeaderField &field, DnsResolver &dns,
                     const DkimPolicy &policy)
{
    DkimResult r;
    QString error;
    const std::optional<DkimSignature> sig = parseDkimSignature(field, SignatureKind::Dkim, &error);
    if (!sig) {
        // Report what can be read even from an unusable signature.
        if (const auto tags = DkimTagList::parse(field.value())) {
            r.domain = QString::fromUtf8(stripFws(tags->value("d"))).toLower();
            r.selector = QString::fromUtf8(stripFws(tags->value("s")));
            r.algorithm = QString::fromUtf8(stripFws(tags->value("a")));
        }
        r.result = QStringLiteral("permerror");
        r.detail = error;
        return r;
    }
    r.domain = QString::fromUtf8(sig->domain);
    r.selector = QString::fromUtf8(sig->selector);
    r.algorithm = QString::fromLatin1(sig->algorithm);
    r.identity = QString::fromUtf8(sig->identity);
    r.bodyLengthLimited = sig->length >= 0;
    const qint64 now = policy.now > 0 ? policy.now : QDateTime::currentSecsSinceEpoch();
    if (sig->expiration >= 0 && sig->expiration < now) {
        r.result = QStringLiteral("permerror");
        r.detail = QStringLiteral("signature expired (x=)");
        return r;
    }
    const DkimKeyLookup key = fetchDkimKey(dns, sig->selector, sig->domain);
    if (key.status != DkimKeyLookup::Ok) {
        r.result = key.status == DkimKeyLookup::TempError ? QStringLiteral("temperror")
                                                          : QStringLiteral("permerror");
        r.detail = key.error;
        return r;
    }
    r.testing = key.record.testing;
    r.keyBits = key.record.key->bits();
    if (key.record.type != sig->keyType) {
        r.result = QStringLiteral("permerror");
        r.detail = QStringLiteral("key type does not match a=");
        return r;
    }
    const QByteArray hashName = sig->hash == DkimHash::Sha1 ? "sha1" : "sha256";
    if (!key.record.hashes.isEmpty() && !key.record.hashes.contains(hashName)) {
        r.result = QStringLiteral("permerror");
        r.detail = QStringLiteral("key record does not allow %1").arg(QLatin1String(hashName));
        return r;
    }
    if (key.record.strictIdentity) {
        const QByteArray idDomain = sig->identity.mid(sig->identity.lastIndexOf('@') + 1).toLower();
        if (idDomain != sig->domain) {
            r.result = QStringLiteral("permerror");
            r.detail = QStringLiteral("key requires i= to be in exactly d= (t=s)");
            return r;
        }
    }
    const QByteArray bh = dkimBodyHash(message.body, sig->bodyCanon, sig->hash, sig->length);
    if (bh.isEmpty()) {
        r.result = QStringLiteral("permerror");
        r.detail = QStringLiteral("l= is longer than the body");
        return r;
    }
    if (bh != sig->bodyHash) {
        r.result = QStringLiteral("fail");
        r.detail = QStringLiteral("body hash does not match (body changed)");
        return r;
    }
    const QByteArray data =
        signedHeaderData(message, sig->signedHeaders, field.raw, sig->headerCanon);
    if (!key.record.key->verify(sig->hash, data, sig->signature)) {
        r.result = QStringLiteral("fail");
        r.detail = QStringLiteral("signature does not verify (signed headers changed)");
        return r;
    }
    if (sig->hash == DkimHash::Sha1 && !policy.acceptRsaSha1) {
        r.result = QStringLiteral("policy");
        r.detail = QStringLiteral("rsa-sha1 is not accepted (RFC 8301)");
        return r;
    }
    if (sig->keyType == DkimKeyType::Rsa && r.keyBits < policy.minRsaBits) {
        r.result = QStringLiteral("policy");
        r.detail = QStringLiteral("RSA key of %1 bits is too small (RFC 8301)").arg(r.keyBits);
        return r;
    }
    r.result = QStringLiteral("pass");
    if (r.bodyLengthLimited)
        r.detail = QStringLiteral("l= signs only the first %1 body bytes; more may have been added")
                       .arg(sig->length);
    return r;
}

} // namespace

QList<DkimResult> verifyDkim(const RawMessage &message, DnsResolver &dns, const DkimPolicy &policy)
{
    QList<DkimResult> out;
    for (const HeaderField *f : message.fields("DKIM-Signature"))
        out.append(verifyOne(message, *f, dns, policy));
    return out;
}

} // namespace herald::authres
