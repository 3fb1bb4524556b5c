#include "core/authres/SpfRecord.h"

#include "core/authres/SpfMacro.h"

namespace herald::authres {

namespace {

bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAlnum(char c)
{
    return isAlpha(c) || isDigit(c);
}

// toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum )
bool isTopLabel(const QByteArray &label)
{
    if (label.isEmpty())
        return false;
    bool alpha = false, hyphen = false;
    for (const char c : label) {
        if (c == '-')
            hyphen = true;
        else if (isAlpha(c))
            alpha = true;
        else if (!isDigit(c))
            return false;
    }
    if (hyphen)
        return isAlnum(label.front()) && isAlnum(label.back());
    return alpha;
}

// domain-spec = macro-string domain-end; domain-end = ( "." toplabel [ "." ] ) / macro-expand
bool isValidDomainSpec(const QByteArray &spec)
{
    if (spec.isEmpty() || !isValidSpfMacroString(spec, false))
        return false;
    if (spec.endsWith('}')) {
        // Ends with a macro-expand unless the brace is literal text; the macro syntax
        // check above already refused a stray '}' only if malformed, so look for "%{".
        const qsizetype open = spec.lastIndexOf("%{");
        if (open >= 0 && spec.indexOf('}', open) == spec.size() - 1)
            return true;
    }
    QByteArray s = spec;
    if (s.endsWith('.'))
        s.chop(1);
    const qsizetype dot = s.lastIndexOf('.');
    if (dot < 0)
        return false;
    return isTopLabel(s.mid(dot + 1));
}

std::optional<int> parseCidr(const QByteArray &digits, int max)
{
    if (digits.isEmpty() || digits.size() > 3)
        return std::nullopt;
    for (const char c : digits) {
        if (!isDigit(c))
            return std::nullopt;
    }
    if (digits.size() > 1 && digits.at(0) == '0')
        return std::nullopt;
    const int v = digits.toInt();
    if (v > max)
        return std::nullopt;
    return v;
}

bool isIp4Text(const QByteArray &text)
{
    const QList<QByteArray> parts = text.split('.');
    if (parts.size() != 4)
        return false;
    for (const QByteArray &p : parts) {
        if (p.isEmpty() || p.size() > 3 || (p.size() > 1 && p.at(0) == '0'))
            return false;
        for (const char c : p) {
            if (!isDigit(c))
                return false;
        }
        if (p.toInt() > 255)
            return false;
    }
    return true;
}

// Splits a trailing dual-cidr-length ("/24", "//64", "/24//64") off `arg`.
bool splitDualCidr(QByteArray &arg, SpfMechanism &m, bool allowIp6)
{
    const qsizetype dbl = arg.lastIndexOf("//");
    if (dbl >= 0 && allowIp6) {
        const QByteArray digits = arg.mid(dbl + 2);
        bool allDigits = !digits.isEmpty();
        for (const char c : digits)
            allDigits = allDigits && isDigit(c);
        if (allDigits) {
            const std::optional<int> v = parseCidr(digits, 128);
            if (!v)
                return false;
            m.cidr6 = *v;
            arg.truncate(dbl);
        }
    }
    const qsizetype single = arg.lastIndexOf('/');
    if (single >= 0) {
        const QByteArray digits = arg.mid(single + 1);
        bool allDigits = !digits.isEmpty();
        for (const char c : digits)
            allDigits = allDigits && isDigit(c);
        if (allDigits) {
            const std::optional<int> v = parseCidr(digits, 32);
            if (!v)
                return false;
            m.cidr4 = *v;
            arg.truncate(single);
        }
    }
    return true;
}

} // namespace

bool isSpfRecord(const QByteArray &text)
{
    return text.size() >= 6 && text.left(6).toLower() == "v=spf1" &&
           (text.size() == 6 || text.at(6) == ' ');
}

std::optional<SpfRecord> parseSpfRecord(const QByteArray &text, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (!isSpfRecord(text))
        return fail(QStringLiteral("not an SPF record"));
    SpfRecord record;
    for (const QByteArray &term : text.mid(6).split(' ')) {
        if (term.isEmpty())
            continue;
        for (const char c : term) {
            const auto u = static_cast<unsigned char>(c);
            if (u < 0x21 || u > 0x7e)
                return fail(QStringLiteral("invalid character in SPF record"));
        }
        const QString termText = QString::fromLatin1(term);
        // Modifier: name "=" macro-string, name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." )
        qsizetype n = 0;
        while (n < term.size() &&
               (isAlnum(term.at(n)) || term.at(n) == '-' || term.at(n) == '_' || term.at(n) == '.'))
            ++n;
        if (n > 0 && n < term.size() && term.at(n) == '=' && isAlpha(term.at(0))) {
            const QByteArray name = term.left(n).toLower();
            const QByteArray value = term.mid(n + 1);
            if (name == "redirect" || name == "exp") {
                std::optional<QByteArray> &slot = name == "redirect" ? record.redirect : record.exp;
                if (slot)
                    return fail(QStringLiteral("%1= appears twice").arg(QLatin1String(name)));
                if (!isValidDomainSpec(value))
                    return fail(QStringLiteral("invalid domain in %1").arg(termText));
                slot = value;
            } else if (!isValidSpfMacroString(value, true)) {
                return fail(QStringLiteral("invalid modifier %1").arg(termText));
            }
            continue;
        }
        SpfMechanism m;
        qsizetype p = 0;
        switch (term.at(0)) {
        case '+':
            m.qualifier = SpfQualifier::Pass;
            p = 1;
            break;
        case '-':
            m.qualifier = SpfQualifier::Fail;
            p = 1;
            break;
        case '~':
            m.qualifier = SpfQualifier::SoftFail;
            p = 1;
            break;
        case '?':
            m.qualifier = SpfQualifier::Neutral;
            p = 1;
            break;
        default:
            break;
        }
        qsizetype nameEnd = p;
        while (nameEnd < term.size() && term.at(nameEnd) != ':' && term.at(nameEnd) != '/')
            ++nameEnd;
        const QByteArray name = term.mid(p, nameEnd - p).toLower();
        QByteArray arg = term.mid(nameEnd); // ":…" or "/…" or empty
        const bool colon = arg.startsWith(':');
        QByteArray after = colon ? arg.mid(1) : arg;
        if (name == "all") {
            if (!arg.isEmpty())
                return fail(QStringLiteral("invalid mechanism %1").arg(termText));
            m.kind = SpfMechanismKind::All;
        } else if (name == "include" || name == "exists") {
            if (!colon || !isValidDomainSpec(after))
                return fail(QStringLiteral("invalid mechanism %1").arg(termText));
            m.kind = name == "include" ? SpfMechanismKind::Include : SpfMechanismKind::Exists;
            m.domainSpec = after;
        } else if (name == "a" || name == "mx") {
            m.kind = name == "a" ? SpfMechanismKind::A : SpfMechanismKind::Mx;
            if (!splitDualCidr(after, m, true))
                return fail(QStringLiteral("invalid CIDR length in %1").arg(termText));
            if (colon) {
                if (!isValidDomainSpec(after))
                    return fail(QStringLiteral("invalid domain in %1").arg(termText));
                m.domainSpec = after;
            } else if (!after.isEmpty()) {
                return fail(QStringLiteral("invalid mechanism %1").arg(termText));
            }
        } else if (name == "ptr") {
            m.kind = SpfMechanismKind::Ptr;
            if (colon) {
                if (!isValidDomainSpec(after))
                    return fail(QStringLiteral("invalid domain in %1").arg(termText));
                m.domainSpec = after;
            } else if (!arg.isEmpty()) {
                return fail(QStringLiteral("invalid mechanism %1").arg(termText));
            }
        } else if (name == "ip4" || name == "ip6") {
            if (!colon)
                return fail(QStringLiteral("invalid mechanism %1").arg(termText));
            const bool v4 = name == "ip4";
            m.kind = v4 ? SpfMechanismKind::Ip4 : SpfMechanismKind::Ip6;
            const qsizetype slash = after.indexOf('/');
            const QByteArray addr = slash < 0 ? after : after.left(slash);
            if (slash >= 0) {
                const std::optional<int> v = parseCidr(after.mid(slash + 1), v4 ? 32 : 128);
                if (!v)
                    return fail(QStringLiteral("invalid CIDR length in %1").arg(termText));
                (v4 ? m.cidr4 : m.cidr6) = *v;
            }
            if (v4 ? !isIp4Text(addr) : !addr.contains(':'))
                return fail(QStringLiteral("invalid address in %1").arg(termText));
            m.network = QHostAddress(QString::fromLatin1(addr));
            const auto proto = m.network.protocol();
            if (m.network.isNull() || (v4 && proto != QAbstractSocket::IPv4Protocol) ||
                (!v4 && proto != QAbstractSocket::IPv6Protocol))
                return fail(QStringLiteral("invalid address in %1").arg(termText));
        } else {
            return fail(QStringLiteral("unknown mechanism %1").arg(termText));
        }
        record.mechanisms.append(m);
    }
    return record;
}

} // namespace herald::authres
