#include "core/authres/SpfMacro.h"

#include <QDateTime>

namespace herald::authres {

namespace {

bool isDelimiter(char c)
{
    return c == '.' || c == '-' || c == '+' || c == ',' || c == '/' || c == '_' || c == '=';
}

bool isMacroLetter(char c, bool explain)
{
    switch (c | 0x20) {
    case 's':
    case 'l':
    case 'o':
    case 'd':
    case 'i':
    case 'p':
    case 'h':
    case 'v':
        return true;
    case 'c':
    case 'r':
    case 't':
        return explain;
    default:
        return false;
    }
}

QByteArray urlEscape(const QByteArray &in)
{
    // RFC 3986 unreserved characters stay.
    return in.toPercentEncoding("", "");
}

QByteArray macroValue(char letter, const SpfMacroContext &ctx)
{
    const qsizetype at = ctx.sender.lastIndexOf('@');
    switch (letter | 0x20) {
    case 's':
        return ctx.sender;
    case 'l':
        return at < 0 ? QByteArray("postmaster") : ctx.sender.left(at);
    case 'o':
        return at < 0 ? ctx.sender : ctx.sender.mid(at + 1);
    case 'd':
        return ctx.domain;
    case 'i':
        return spfDottedIp(ctx.ip);
    case 'p':
        return ctx.validatedName ? ctx.validatedName() : QByteArray("unknown");
    case 'h':
        return ctx.helo;
    case 'v':
        return ctx.ip.protocol() == QAbstractSocket::IPv4Protocol ? "in-addr" : "ip6";
    case 'c':
        return ctx.ip.toString().toLatin1();
    case 'r':
        return ctx.receiver.isEmpty() ? QByteArray("unknown") : ctx.receiver;
    case 't':
        return QByteArray::number(ctx.now > 0 ? ctx.now : QDateTime::currentSecsSinceEpoch());
    }
    return {};
}

// Expands or (ctx == nullptr) only checks.
std::optional<QByteArray> run(const QByteArray &text, const SpfMacroContext *ctx, bool explain)
{
    QByteArray out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        const auto u = static_cast<unsigned char>(c);
        if (c != '%') {
            if (u < 0x21 || u > 0x7e) {
                if (!(explain && c == ' '))
                    return std::nullopt;
            }
            out += c;
            continue;
        }
        if (++i >= text.size())
            return std::nullopt;
        const char n = text.at(i);
        if (n == '%') {
            out += '%';
        } else if (n == '_') {
            out += ' ';
        } else if (n == '-') {
            out += "%20";
        } else if (n == '{') {
            const qsizetype close = text.indexOf('}', i);
            if (close < 0 || close == i + 1)
                return std::nullopt;
            const QByteArray spec = text.mid(i + 1, close - i - 1);
            i = close;
            const char letter = spec.at(0);
            if (!isMacroLetter(letter, explain))
                return std::nullopt;
            qsizetype p = 1;
            int keep = 0;
            bool hasDigits = false;
            while (p < spec.size() && spec.at(p) >= '0' && spec.at(p) <= '9') {
                keep = qMin(keep * 10 + (spec.at(p) - '0'), 1000);
                hasDigits = true;
                ++p;
            }
            if (hasDigits && keep == 0)
                return std::nullopt;
            bool reverse = false;
            if (p < spec.size() && (spec.at(p) | 0x20) == 'r') {
                reverse = true;
                ++p;
            }
            QByteArray delimiters;
            for (; p < spec.size(); ++p) {
                if (!isDelimiter(spec.at(p)))
                    return std::nullopt;
                delimiters += spec.at(p);
            }
            if (!ctx)
                continue;
            QByteArray value = macroValue(letter, *ctx);
            if (delimiters.isEmpty())
                delimiters = ".";
            QList<QByteArray> parts;
            QByteArray cur;
            for (const char v : value) {
                if (delimiters.contains(v)) {
                    parts.append(cur);
                    cur.clear();
                } else {
                    cur += v;
                }
            }
            parts.append(cur);
            if (reverse)
                std::reverse(parts.begin(), parts.end());
            if (hasDigits && keep < parts.size())
                parts = parts.mid(parts.size() - keep);
            value = parts.join('.');
            if (letter >= 'A' && letter <= 'Z')
                value = urlEscape(value);
            out += value;
        } else {
            return std::nullopt;
        }
    }
    return out;
}

} // namespace

QByteArray spfDottedIp(const QHostAddress &ip)
{
    if (ip.protocol() == QAbstractSocket::IPv4Protocol)
        return ip.toString().toLatin1();
    const Q_IPV6ADDR v6 = ip.toIPv6Address();
    static const char hex[] = "0123456789abcdef";
    QByteArray out;
    for (int i = 0; i < 16; ++i) {
        if (i)
            out += '.';
        out += hex[v6[i] >> 4];
        out += '.';
        out += hex[v6[i] & 0xf];
    }
    return out;
}

bool isValidSpfMacroString(const QByteArray &text, bool explain)
{
    return run(text, nullptr, explain).has_value();
}

std::optional<QByteArray> expandSpfMacro(const QByteArray &text, const SpfMacroContext &ctx,
                                         bool explain)
{
    return run(text, &ctx, explain);
}

} // namespace herald::authres
