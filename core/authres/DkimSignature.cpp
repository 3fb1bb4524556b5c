#include "core/authres/DkimSignature.h"

#include "core/authres/DkimTagList.h"

#include <QHash>

namespace herald::authres {

namespace {

// dkim-quoted-printable (RFC 6376 section 2.11).
QByteArray decodeQp(const QByteArray &in)
{
    const QByteArray s = stripFws(in);
    QByteArray out;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i) == '=' && i + 2 < s.size()) {
            bool ok = false;
            const int v = s.mid(i + 1, 2).toInt(&ok, 16);
            if (ok) {
                out += char(v);
                i += 2;
                continue;
            }
        }
        out += s.at(i);
    }
    return out;
}

bool parseNumber(const QByteArray &v, qint64 &out)
{
    const QByteArray s = stripFws(v);
    if (s.isEmpty() || s.size() > 18)
        return false;
    for (const char c : s) {
        if (c < '0' || c > '9')
            return false;
    }
    out = s.toLongLong();
    return true;
}

bool isSubdomainOrSame(const QByteArray &sub, const QByteArray &domain)
{
    return sub == domain || sub.endsWith('.' + domain);
}

} // namespace

std::optional<DkimSignature> parseDkimSignature(const HeaderField &field, SignatureKind kind,
                                                QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const std::optional<DkimTagList> tags = DkimTagList::parse(field.value());
    if (!tags)
        return fail(QStringLiteral("signature syntax error"));
    DkimSignature sig;
    sig.rawField = field.raw;
    if (kind == SignatureKind::Dkim) {
        if (!tags->has("v"))
            return fail(QStringLiteral("signature has no v= (pre-standard draft signature)"));
        if (stripFws(tags->value("v")) != "1")
            return fail(QStringLiteral("signature version %1 is not supported")
                            .arg(QString::fromLatin1(tags->value("v"))));
    } else {
        qint64 i = 0;
        if (!parseNumber(tags->value("i"), i) || i < 1 || i > 50)
            return fail(QStringLiteral("ARC instance i= missing or out of range"));
        sig.instance = int(i);
    }
    for (const char *required : {"a", "b", "bh", "d", "h", "s"}) {
        if (!tags->has(required))
            return fail(QStringLiteral("signature has no %1= tag").arg(QLatin1String(required)));
    }
    sig.algorithm = stripFws(tags->value("a")).toLower();
    if (sig.algorithm == "rsa-sha256") {
        sig.keyType = DkimKeyType::Rsa;
        sig.hash = DkimHash::Sha256;
    } else if (sig.algorithm == "rsa-sha1") {
        sig.keyType = DkimKeyType::Rsa;
        sig.hash = DkimHash::Sha1;
    } else if (sig.algorithm == "ed25519-sha256") {
        sig.keyType = DkimKeyType::Ed25519;
        sig.hash = DkimHash::Sha256;
    } else {
        return fail(QStringLiteral("algorithm %1 is not supported")
                        .arg(QString::fromLatin1(sig.algorithm)));
    }
    sig.signature = QByteArray::fromBase64(stripFws(tags->value("b")));
    sig.bodyHash = QByteArray::fromBase64(stripFws(tags->value("bh")));
    if (sig.signature.isEmpty() || sig.bodyHash.isEmpty())
        return fail(QStringLiteral("signature has an empty b= or bh="));
    if (tags->has("c")) {
        const QList<QByteArray> parts = stripFws(tags->value("c")).toLower().split('/');
        auto canon = [](const QByteArray &c, Canon &out) {
            if (c == "simple")
                out = Canon::Simple;
            else if (c == "relaxed")
                out = Canon::Relaxed;
            else
                return false;
            return true;
        };
        if (parts.size() > 2 || !canon(parts.at(0), sig.headerCanon) ||
            (parts.size() == 2 && !canon(parts.at(1), sig.bodyCanon)))
            return fail(QStringLiteral("canonicalization %1 is not supported")
                            .arg(QString::fromLatin1(tags->value("c"))));
    }
    sig.domain = stripFws(tags->value("d")).toLower();
    while (sig.domain.endsWith('.'))
        sig.domain.chop(1);
    sig.selector = stripFws(tags->value("s"));
    if (sig.domain.isEmpty() || sig.selector.isEmpty())
        return fail(QStringLiteral("signature has an empty d= or s="));
    for (const QByteArray &h : tags->value("h").split(':')) {
        const QByteArray name = stripFws(h);
        if (!name.isEmpty())
            sig.signedHeaders.append(name);
    }
    bool signsFrom = false;
    for (const QByteArray &h : sig.signedHeaders)
        signsFrom = signsFrom || h.compare("from", Qt::CaseInsensitive) == 0;
    if (kind == SignatureKind::Dkim && !signsFrom)
        return fail(QStringLiteral("h= does not include From"));
    if (tags->has("q")) {
        bool dnsTxt = false;
        for (const QByteArray &q : tags->value("q").split(':'))
            dnsTxt = dnsTxt || stripFws(q).toLower() == "dns/txt";
        if (!dnsTxt)
            return fail(QStringLiteral("query method q= is not supported"));
    }
    if (kind == SignatureKind::Dkim) {
        sig.identity = tags->has("i") ? decodeQp(tags->value("i")) : "@" + sig.domain;
        const qsizetype at = sig.identity.lastIndexOf('@');
        if (at < 0 || !isSubdomainOrSame(sig.identity.mid(at + 1).toLower(), sig.domain))
            return fail(QStringLiteral("i= is not in the d= domain"));
    }
    if (tags->has("l") && !parseNumber(tags->value("l"), sig.length))
        return fail(QStringLiteral("l= is not a number"));
    if (tags->has("t") && !parseNumber(tags->value("t"), sig.timestamp))
        return fail(QStringLiteral("t= is not a number"));
    if (tags->has("x") && !parseNumber(tags->value("x"), sig.expiration))
        return fail(QStringLiteral("x= is not a number"));
    if (sig.expiration >= 0 && sig.timestamp >= 0 && sig.expiration < sig.timestamp)
        return fail(QStringLiteral("x= is before t="));
    return sig;
}

QByteArray signedHeaderData(const RawMessage &message, const QList<QByteArray> &signedHeaders,
                            const QByteArray &signatureField, Canon canon)
{
    QByteArray data;
    QHash<QByteArray, int> used; // name → instances consumed from the bottom
    for (const QByteArray &name : signedHeaders) {
        const QByteArray key = name.toLower();
        const QList<const HeaderField *> fields = message.fields(key);
        const int n = used.value(key);
        if (n < fields.size())
            data += canonHeader(fields.at(fields.size() - 1 - n)->raw, canon);
        used[key] = n + 1;
    }
    const qsizetype colon = signatureField.indexOf(':');
    const QByteArray blanked =
        signatureField.left(colon + 1) + blankTagValue(signatureField.mid(colon + 1), "b");
    data += canonHeaderNoCrlf(blanked, canon);
    return data;
}

} // namespace herald::authres
