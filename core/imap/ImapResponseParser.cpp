#include "core/imap/ImapResponseParser.h"

#include "core/imap/ImapDecode.h"

#include <QCoreApplication>
#include <algorithm>

namespace herald::imap {

namespace {
QString trText(const char *s)
{
    return QCoreApplication::translate("herald::imap", s);
}

// "{123}" or "{123+}" at the end of line; -1 if none, -2 if malformed/too big for qint64.
qint64 literalSizeAtEnd(const QByteArray &line)
{
    if (!line.endsWith('}'))
        return -1;
    const qsizetype open = line.lastIndexOf('{');
    if (open < 0)
        return -1;
    qsizetype end = line.size() - 1;
    if (end > open + 1 && line.at(end - 1) == '+')
        --end;
    if (end == open + 1)
        return -1;
    if (end - open - 1 > 18)
        return -2;
    qint64 n = 0;
    for (qsizetype i = open + 1; i < end; ++i) {
        const char c = line.at(i);
        if (c < '0' || c > '9')
            return -1;
        n = n * 10 + (c - '0');
    }
    return n;
}
} // namespace

void ImapResponseParser::feed(const QByteArray &bytes)
{
    if (hasError())
        return;
    compact();
    m_buffer.append(bytes);
}

void ImapResponseParser::compact()
{
    if (m_pos > 0 && (m_pos >= m_buffer.size() || m_pos > (1 << 16))) {
        m_buffer.remove(0, m_pos);
        m_scanned = std::max<qsizetype>(0, m_scanned - m_pos);
        m_pos = 0;
    }
}

qint64 ImapResponseParser::pendingBytes() const
{
    qint64 n = m_buffer.size() - m_pos;
    for (const auto &s : m_segments)
        n += s.bytes.size();
    return n;
}

void ImapResponseParser::reset()
{
    m_buffer.clear();
    m_pos = 0;
    m_scanned = 0;
    m_segments.clear();
    m_literalRemaining = 0;
    m_responseSize = 0;
    m_error = net::Error();
}

void ImapResponseParser::failWith(const QString &message)
{
    m_error = net::Error::make(net::Error::Kind::Protocol, message);
    m_buffer.clear();
    m_pos = 0;
    m_scanned = 0;
    m_segments.clear();
    m_literalRemaining = 0;
}

std::optional<Response> ImapResponseParser::next()
{
    while (!hasError()) {
        if (m_literalRemaining > 0) {
            const qint64 available = m_buffer.size() - m_pos;
            if (available == 0)
                return std::nullopt;
            const qint64 take = std::min(available, m_literalRemaining);
            m_segments.back().bytes.append(m_buffer.constData() + m_pos, qsizetype(take));
            m_pos += qsizetype(take);
            m_literalRemaining -= take;
            if (m_literalRemaining > 0)
                return std::nullopt;
            continue;
        }
        // Search only the bytes not searched before: a long line arriving in small pieces
        // (a hostile server can send one byte per packet) was rescanned from its start on each
        // piece, quadratic in its length (up to maxLineLength, 16 MB).
        const qsizetype lf = m_buffer.indexOf('\n', std::max(m_pos, m_scanned));
        if (lf < 0) {
            m_scanned = m_buffer.size();
            if (m_buffer.size() - m_pos > m_limits.maxLineLength)
                failWith(trText("The server sent an over-long line."));
            return std::nullopt;
        }
        qsizetype end = lf;
        if (end > m_pos && m_buffer.at(end - 1) == '\r')
            --end;
        if (end - m_pos > m_limits.maxLineLength) {
            failWith(trText("The server sent an over-long line."));
            return std::nullopt;
        }
        QByteArray line = m_buffer.mid(m_pos, end - m_pos);
        m_pos = lf + 1;
        m_responseSize += line.size();
        const bool continuation = m_segments.empty() && line.startsWith('+');
        const qint64 literal = continuation ? -1 : literalSizeAtEnd(line);
        if (literal == -2 || literal > m_limits.maxLiteralSize) {
            failWith(
                trText("The server announced a literal of %1 bytes, more than the limit of %2.")
                    .arg(literal == -2 ? QStringLiteral("too many") : QString::number(literal))
                    .arg(m_limits.maxLiteralSize));
            return std::nullopt;
        }
        m_segments.push_back(detail::Segment{std::move(line), false});
        if (literal >= 0) {
            m_responseSize += literal;
            if (m_responseSize > m_limits.maxResponseSize) {
                failWith(trText("The server sent a response larger than %1 bytes.")
                             .arg(m_limits.maxResponseSize));
                return std::nullopt;
            }
            detail::Segment lit{QByteArray(), true};
            lit.bytes.reserve(qsizetype(std::min<qint64>(literal, 1 << 20)));
            m_segments.push_back(std::move(lit));
            m_literalRemaining = literal;
            continue;
        }
        std::vector<detail::Segment> segments;
        segments.swap(m_segments);
        m_responseSize = 0;
        try {
            return detail::decodeResponse(segments);
        } catch (const detail::ImapParseError &e) {
            QByteArray first = segments.front().bytes.left(80);
            for (char &c : first)
                if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e)
                    c = '?';
            failWith(trText("The server sent a response Herald cannot parse (%1): %2")
                         .arg(QString::fromLatin1(e.what()), QString::fromLatin1(first)));
            return std::nullopt;
        }
    }
    return std::nullopt;
}

} // namespace herald::imap
