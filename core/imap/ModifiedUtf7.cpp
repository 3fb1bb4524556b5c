#include "core/imap/ModifiedUtf7.h"

#include <QVector>

namespace herald::imap::ModifiedUtf7 {

namespace {
const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

int sextet(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == ',')
        return 63;
    return -1;
}

void flushBase64(QByteArray &out, const QVector<char16_t> &units)
{
    if (units.isEmpty())
        return;
    QByteArray raw;
    raw.reserve(units.size() * 2);
    for (char16_t u : units) {
        raw.append(char(u >> 8));
        raw.append(char(u & 0xff));
    }
    out.append('&');
    quint32 bits = 0;
    int nbits = 0;
    for (char c : raw) {
        bits = (bits << 8) | quint8(c);
        nbits += 8;
        while (nbits >= 6) {
            nbits -= 6;
            out.append(kAlphabet[(bits >> nbits) & 0x3f]);
        }
    }
    if (nbits > 0)
        out.append(kAlphabet[(bits << (6 - nbits)) & 0x3f]);
    out.append('-');
}
} // namespace

QByteArray encode(const QString &name)
{
    QByteArray out;
    QVector<char16_t> pending;
    for (QChar qc : name) {
        const char16_t c = qc.unicode();
        if (c >= 0x20 && c <= 0x7e) {
            flushBase64(out, pending);
            pending.clear();
            if (c == '&')
                out.append("&-");
            else
                out.append(char(c));
        } else {
            pending.append(c);
        }
    }
    flushBase64(out, pending);
    return out;
}

std::optional<QString> decode(const QByteArray &encoded)
{
    QString out;
    const qsizetype n = encoded.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = encoded.at(i);
        if (quint8(c) < 0x20 || quint8(c) > 0x7e)
            return std::nullopt;
        if (c != '&') {
            out.append(QLatin1Char(c));
            continue;
        }
        const qsizetype end = encoded.indexOf('-', i + 1);
        if (end < 0)
            return std::nullopt;
        if (end == i + 1) {
            out.append(QLatin1Char('&'));
            i = end;
            continue;
        }
        quint32 bits = 0;
        int nbits = 0;
        QVector<char16_t> units;
        for (qsizetype j = i + 1; j < end; ++j) {
            const int v = sextet(encoded.at(j));
            if (v < 0)
                return std::nullopt;
            bits = (bits << 6) | quint32(v);
            nbits += 6;
            if (nbits >= 16) {
                nbits -= 16;
                units.append(char16_t((bits >> nbits) & 0xffff));
            }
        }
        // Leftover bits must be zero padding (< 6 bits of a partial unit).
        if (nbits >= 6 || (bits & ((1u << nbits) - 1)) != 0)
            return std::nullopt;
        for (char16_t u : units) {
            // RFC 3501: printable ASCII must not be base64-encoded.
            if (u >= 0x20 && u <= 0x7e)
                return std::nullopt;
            out.append(QChar(u));
        }
        i = end;
    }
    // Reject unpaired surrogates.
    for (qsizetype k = 0; k < out.size(); ++k) {
        const QChar ch = out.at(k);
        if (ch.isHighSurrogate()) {
            if (k + 1 >= out.size() || !out.at(k + 1).isLowSurrogate())
                return std::nullopt;
            ++k;
        } else if (ch.isLowSurrogate()) {
            return std::nullopt;
        }
    }
    return out;
}

QString decodeLenient(const QByteArray &encoded)
{
    if (auto d = decode(encoded))
        return *d;
    return QString::fromUtf8(encoded);
}

} // namespace herald::imap::ModifiedUtf7
