#include "core/mime/internal/TransferDecoding.h"

namespace herald::mime::internal {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

bool isBase64Char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
           c == '/';
}

} // namespace

QByteArray decodeQuotedPrintable(const QByteArray &in)
{
    QByteArray out;
    out.reserve(in.size());
    const qsizetype n = in.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = in.at(i);
        if (c != '=') {
            out.append(c);
            continue;
        }
        // Soft line break, possibly with (illegal) white space before the line end.
        qsizetype j = i + 1;
        while (j < n && (in.at(j) == ' ' || in.at(j) == '\t'))
            ++j;
        if (j < n && in.at(j) == '\r' && j + 1 < n && in.at(j + 1) == '\n') {
            i = j + 1;
            continue;
        }
        if (j < n && in.at(j) == '\n') {
            i = j;
            continue;
        }
        if (j == n) {
            i = j;
            continue;
        }
        if (i + 2 < n) {
            const int hi = hexValue(in.at(i + 1));
            const int lo = hexValue(in.at(i + 2));
            if (hi >= 0 && lo >= 0) {
                out.append(static_cast<char>(hi * 16 + lo));
                i += 2;
                continue;
            }
        }
        out.append(c);
    }
    return out;
}

QByteArray decodeBase64(const QByteArray &in, bool *ok)
{
    QByteArray clean;
    clean.reserve(in.size());
    // Base64 lines never hold white space between characters: "This is not base64" (text
    // mislabelled) would decode into garbage, so it is not base64.
    bool gapInLine = false;
    bool charsInLine = false;
    for (char c : in) {
        if (c == '=')
            break;
        if (c == '\r' || c == '\n') {
            gapInLine = charsInLine = false;
            continue;
        }
        if (c == ' ' || c == '\t') {
            gapInLine = charsInLine;
            continue;
        }
        if (!isBase64Char(c) || gapInLine) {
            *ok = false;
            return {};
        }
        charsInLine = true;
        clean.append(c);
    }
    *ok = true;
    return QByteArray::fromBase64(clean);
}

} // namespace herald::mime::internal
