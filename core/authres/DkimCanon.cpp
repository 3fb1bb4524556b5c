#include "core/authres/DkimCanon.h"

namespace herald::authres {

namespace {

bool isWsp(char c)
{
    return c == ' ' || c == '\t';
}

} // namespace

QByteArray canonHeaderNoCrlf(const QByteArray &rawField, Canon canon)
{
    if (canon == Canon::Simple)
        return rawField;
    const qsizetype colon = rawField.indexOf(':');
    if (colon < 0)
        return rawField.toLower();
    QByteArray out = rawField.left(colon).toLower();
    while (!out.isEmpty() && isWsp(out.back()))
        out.chop(1);
    out += ':';
    bool pendingSpace = false;
    bool started = false;
    for (qsizetype i = colon + 1; i < rawField.size(); ++i) {
        const char c = rawField.at(i);
        if (c == '\r' || c == '\n')
            continue; // unfold
        if (isWsp(c)) {
            pendingSpace = started;
            continue;
        }
        if (pendingSpace)
            out += ' ';
        pendingSpace = false;
        started = true;
        out += c;
    }
    return out;
}

QByteArray canonHeader(const QByteArray &rawField, Canon canon)
{
    return canonHeaderNoCrlf(rawField, canon) + "\r\n";
}

QByteArray canonBody(const QByteArray &body, Canon canon)
{
    QByteArray out;
    out.reserve(body.size() + 2);
    if (canon == Canon::Simple) {
        out = body;
    } else {
        qsizetype pos = 0;
        while (pos < body.size()) {
            qsizetype eol = body.indexOf("\r\n", pos);
            const bool hasEol = eol >= 0;
            if (!hasEol)
                eol = body.size();
            qsizetype end = eol;
            while (end > pos && isWsp(body.at(end - 1)))
                --end;
            bool inWsp = false;
            for (qsizetype i = pos; i < end; ++i) {
                const char c = body.at(i);
                if (isWsp(c)) {
                    inWsp = true;
                    continue;
                }
                if (inWsp)
                    out += ' ';
                inWsp = false;
                out += c;
            }
            if (hasEol)
                out += "\r\n";
            pos = eol + 2;
        }
    }
    // Strip trailing empty lines, then make the body end with one CRLF.
    if (!out.isEmpty() && !out.endsWith("\r\n"))
        out += "\r\n";
    while (out.endsWith("\r\n\r\n"))
        out.chop(2);
    if (out == "\r\n" && canon == Canon::Relaxed)
        out.clear();
    if (out.isEmpty() && canon == Canon::Simple)
        out = "\r\n";
    return out;
}

} // namespace herald::authres
