#include "core/authres/ReceivedHop.h"

#include <cstring>

namespace herald::authres {

namespace {

QByteArray wordAfter(const QByteArray &v, const QByteArray &keyword)
{
    // keyword as a whole word, outside comments
    int depth = 0;
    const QByteArray lower = v.toLower();
    for (qsizetype i = 0; i + keyword.size() <= v.size(); ++i) {
        const char c = v.at(i);
        if (c == '(')
            ++depth;
        else if (c == ')' && depth > 0)
            --depth;
        if (depth > 0)
            continue;
        const bool startOk = i == 0 || v.at(i - 1) == ' ' || v.at(i - 1) == '\t' ||
                             v.at(i - 1) == '\n' || v.at(i - 1) == '\r' || v.at(i - 1) == ';';
        if (!startOk ||
            std::memcmp(lower.constData() + i, keyword.constData(), size_t(keyword.size())) != 0)
            continue;
        qsizetype p = i + keyword.size();
        if (p >= v.size() ||
            (v.at(p) != ' ' && v.at(p) != '\t' && v.at(p) != '\r' && v.at(p) != '\n'))
            continue;
        while (p < v.size() &&
               (v.at(p) == ' ' || v.at(p) == '\t' || v.at(p) == '\r' || v.at(p) == '\n'))
            ++p;
        qsizetype e = p;
        while (e < v.size() && v.at(e) != ' ' && v.at(e) != '\t' && v.at(e) != '\r' &&
               v.at(e) != '\n' && v.at(e) != ';' && v.at(e) != '(')
            ++e;
        return v.mid(p, e - p);
    }
    return {};
}

} // namespace

std::optional<ReceivedHop> parseReceived(const QByteArray &value)
{
    ReceivedHop hop;
    hop.helo = wordAfter(value, "from");
    hop.protocol = wordAfter(value, "with").toUpper();
    // The first bracketed literal that is an address: "[192.0.2.1]" or "[IPv6:2001:db8::1]".
    qsizetype pos = 0;
    while ((pos = value.indexOf('[', pos)) >= 0) {
        const qsizetype close = value.indexOf(']', pos);
        if (close < 0)
            break;
        QByteArray lit = value.mid(pos + 1, close - pos - 1);
        if (lit.toLower().startsWith("ipv6:"))
            lit = lit.mid(5);
        const QHostAddress ip(QString::fromLatin1(lit));
        if (!ip.isNull()) {
            hop.ip = ip;
            break;
        }
        pos = close + 1;
    }
    const qsizetype env = value.toLower().indexOf("envelope-from");
    if (env >= 0) {
        const qsizetype lt = value.indexOf('<', env);
        const qsizetype gt = lt < 0 ? -1 : value.indexOf('>', lt);
        if (gt > lt && lt - env < 20)
            hop.envelopeFrom = value.mid(lt + 1, gt - lt - 1);
    }
    if (hop.ip.isNull()) {
        // "from [192.0.2.1]" without a comment
        const QHostAddress ip(
            QString::fromLatin1(hop.helo).remove(QLatin1Char('[')).remove(QLatin1Char(']')));
        if (ip.isNull())
            return std::nullopt;
        hop.ip = ip;
    }
    if (hop.helo.startsWith('[') && hop.helo.endsWith(']'))
        hop.helo = hop.helo.mid(1, hop.helo.size() - 2);
    return hop;
}

std::optional<ReceivedHop> trustedSmtpHop(const RawMessage &message, int skipHops)
{
    int seen = 0;
    for (int i = 0; i < message.headers.size(); ++i) {
        const HeaderField *f = &message.headers.at(i);
        if (f->name.compare("Received", Qt::CaseInsensitive) != 0)
            continue;
        std::optional<ReceivedHop> hop = parseReceived(f->unfoldedValue());
        if (!hop)
            continue;
        hop->headerIndex = i;
        const QByteArray p = hop->protocol;
        const bool smtp = p.isEmpty() || p.startsWith("SMTP") || p.startsWith("ESMTP") ||
                          p.startsWith("UTF8SMTP") || p.startsWith("UTF8ESMTP");
        if (!smtp)
            continue; // LMTP, LOCAL, HTTP, IMAP: internal hops
        if (seen++ == skipHops)
            return hop;
    }
    return std::nullopt;
}

} // namespace herald::authres
