#include "core/authres/ArcVerifier.h"

#include "core/authres/DkimKey.h"
#include "core/authres/DkimTagList.h"

#include <QMap>

namespace herald::authres {

namespace {

struct ArcSet
{
    const HeaderField *seal = nullptr;
    const HeaderField *ams = nullptr;
    const HeaderField *aar = nullptr;
};

ArcResult failed(const QString &why, int instances)
{
    ArcResult r;
    r.result = QStringLiteral("fail");
    r.detail = why;
    r.instances = instances;
    return r;
}

// The instance number of an ARC header (i= tag; for AAR the first "i=N;" of the value).
int instanceOf(const HeaderField &f, bool aar)
{
    QByteArray v = f.value();
    if (aar) {
        const qsizetype semi = v.indexOf(';');
        v = semi < 0 ? v : v.left(semi);
        v = stripFws(v);
        if (!v.startsWith("i="))
            return -1;
        bool ok = false;
        const int i = v.mid(2).toInt(&ok);
        return ok ? i : -1;
    }
    const std::optional<DkimTagList> tags = DkimTagList::parse(v);
    if (!tags || !tags->has("i"))
        return -1;
    bool ok = false;
    const QByteArray text = stripFws(tags->value("i"));
    const int i = text.toInt(&ok);
    return ok && !text.startsWith('0') ? i : -1;
}

bool verifyKeyed(DnsResolver &dns, const QByteArray &selector, const QByteArray &domain,
                 DkimKeyType keyType, DkimHash hash, const QByteArray &data,
                 const QByteArray &signature, const DkimPolicy &policy, QString &why)
{
    const DkimKeyLookup key = fetchDkimKey(dns, selector, domain);
    if (key.status != DkimKeyLookup::Ok) {
        why = key.error;
        return false;
    }
    if (key.record.type != keyType) {
        why = QStringLiteral("key type does not match a=");
        return false;
    }
    if (keyType == DkimKeyType::Rsa && key.record.key->bits() < policy.minRsaBits) {
        why = QStringLiteral("RSA key too small");
        return false;
    }
    if (!key.record.key->verify(hash, data, signature)) {
        why = QStringLiteral("signature does not verify");
        return false;
    }
    return true;
}

} // namespace

ArcResult verifyArc(const RawMessage &message, DnsResolver &dns, const DkimPolicy &policy)
{
    QMap<int, ArcSet> sets;
    int headers = 0;
    for (const HeaderField &f : message.headers) {
        const QByteArray name = f.name.toLower();
        ArcSet *set = nullptr;
        const HeaderField **slot = nullptr;
        const bool aar = name == "arc-authentication-results";
        if (name != "arc-seal" && name != "arc-message-signature" && !aar)
            continue;
        ++headers;
        const int i = instanceOf(f, aar);
        if (i < 1 || i > 50)
            return failed(QStringLiteral("ARC header with a bad instance"), sets.size());
        set = &sets[i];
        slot = name == "arc-seal" ? &set->seal : aar ? &set->aar : &set->ams;
        if (*slot)
            return failed(QStringLiteral("two ARC headers of one kind for i=%1").arg(i),
                          sets.size());
        *slot = &f;
    }
    if (headers == 0)
        return {QStringLiteral("none"), 0, QString(), {}};
    const int n = sets.size();
    if (sets.firstKey() != 1 || sets.lastKey() != n)
        return failed(QStringLiteral("ARC instances are not 1..%1").arg(n), n);
    for (auto it = sets.cbegin(); it != sets.cend(); ++it) {
        if (!it->seal || !it->ams || !it->aar)
            return failed(QStringLiteral("ARC set %1 is incomplete").arg(it.key()), n);
    }
    // cv= of each seal: none for i=1, pass after; the newest must not be fail.
    QList<DkimTagList> seals;
    for (int i = 1; i <= n; ++i) {
        const std::optional<DkimTagList> tags = DkimTagList::parse(sets[i].seal->value());
        if (!tags)
            return failed(QStringLiteral("ARC-Seal %1 syntax error").arg(i), n);
        const QByteArray cv = stripFws(tags->value("cv")).toLower();
        if (cv == "fail")
            return failed(QStringLiteral("ARC-Seal %1 records a failed chain").arg(i), n);
        if ((i == 1 && cv != "none") || (i > 1 && cv != "pass"))
            return failed(
                QStringLiteral("ARC-Seal %1 has cv=%2").arg(i).arg(QString::fromLatin1(cv)), n);
        if (tags->has("h"))
            return failed(QStringLiteral("ARC-Seal %1 has an h= tag").arg(i), n);
        seals.append(*tags);
    }
    // The newest ARC-Message-Signature.
    QString error;
    const std::optional<DkimSignature> ams =
        parseDkimSignature(*sets[n].ams, SignatureKind::ArcMessage, &error);
    if (!ams)
        return failed(QStringLiteral("ARC-Message-Signature %1: %2").arg(n).arg(error), n);
    if (ams->hash == DkimHash::Sha1 && !policy.acceptRsaSha1)
        return failed(QStringLiteral("ARC-Message-Signature %1: rsa-sha1 is not accepted").arg(n),
                      n);
    if (ams->instance != n)
        return failed(QStringLiteral("ARC-Message-Signature instance mismatch"), n);
    for (const QByteArray &h : ams->signedHeaders) {
        if (h.compare("arc-seal", Qt::CaseInsensitive) == 0)
            return failed(QStringLiteral("ARC-Message-Signature signs an ARC-Seal"), n);
    }
    if (dkimBodyHash(message.body, ams->bodyCanon, ams->hash, ams->length) != ams->bodyHash)
        return failed(QStringLiteral("ARC-Message-Signature %1: body hash does not match").arg(n),
                      n);
    const QByteArray amsData =
        signedHeaderData(message, ams->signedHeaders, ams->rawField, ams->headerCanon);
    if (!verifyKeyed(dns, ams->selector, ams->domain, ams->keyType, ams->hash, amsData,
                     ams->signature, policy, error))
        return failed(QStringLiteral("ARC-Message-Signature %1: %2").arg(n).arg(error), n);
    // Every seal, newest first: it signs the sets 1..i (AAR, AMS, AS), its own b= blanked.
    for (int i = n; i >= 1; --i) {
        const DkimTagList &seal = seals.at(i - 1);
        for (const char *tag : {"a", "b", "d", "s"}) {
            if (!seal.has(tag))
                return failed(
                    QStringLiteral("ARC-Seal %1 has no %2=").arg(i).arg(QLatin1String(tag)), n);
        }
        const QByteArray alg = stripFws(seal.value("a")).toLower();
        DkimKeyType type = DkimKeyType::Rsa;
        DkimHash hash = DkimHash::Sha256;
        if (alg == "rsa-sha256")
            type = DkimKeyType::Rsa;
        else if (alg == "rsa-sha1" && policy.acceptRsaSha1)
            hash = DkimHash::Sha1;
        else if (alg == "ed25519-sha256")
            type = DkimKeyType::Ed25519;
        else
            return failed(QStringLiteral("ARC-Seal %1: algorithm not supported").arg(i), n);
        QByteArray data;
        for (int j = 1; j <= i; ++j) {
            data += canonHeader(sets[j].aar->raw, Canon::Relaxed);
            data += canonHeader(sets[j].ams->raw, Canon::Relaxed);
            if (j < i)
                data += canonHeader(sets[j].seal->raw, Canon::Relaxed);
        }
        const QByteArray raw = sets[i].seal->raw;
        const qsizetype colon = raw.indexOf(':');
        data += canonHeaderNoCrlf(raw.left(colon + 1) + blankTagValue(raw.mid(colon + 1), "b"),
                                  Canon::Relaxed);
        const QByteArray domain = stripFws(seal.value("d")).toLower();
        if (!verifyKeyed(dns, stripFws(seal.value("s")), domain, type, hash, data,
                         QByteArray::fromBase64(stripFws(seal.value("b"))), policy, error))
            return failed(QStringLiteral("ARC-Seal %1: %2").arg(i).arg(error), n);
    }
    ArcResult r;
    r.result = QStringLiteral("pass");
    r.instances = n;
    if (const auto first = parseDkimSignature(*sets[1].ams, SignatureKind::ArcMessage, nullptr))
        r.oldestAmsDomain = first->domain;
    return r;
}

} // namespace herald::authres
