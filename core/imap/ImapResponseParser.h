#pragma once
// ImapResponseParser: a streaming parser for what an IMAP server sends.
// Feed it arbitrary chunks (a literal may be split at any byte); take complete, typed Responses.
// Limits keep memory bounded: a line longer than maxLineLength, a literal larger than
// maxLiteralSize (refused as soon as it is announced, never allocated) or a response larger than
// maxResponseSize is a protocol error. Any malformed response is a protocol error, never a crash.
// After an error the parser stays failed: the connection must be dropped.

#include "core/imap/ImapCursor.h"
#include "core/imap/ImapTypes.h"
#include "core/net/Error.h"

#include <optional>
#include <vector>

namespace herald::imap {

class ImapResponseParser
{
public:
    struct Limits
    {
        qsizetype maxLineLength = 16 * 1024 * 1024;   // between literals
        qint64 maxLiteralSize = 256LL * 1024 * 1024;  // one literal
        qint64 maxResponseSize = 512LL * 1024 * 1024; // one whole response
    };

    ImapResponseParser() = default;
    explicit ImapResponseParser(const Limits &limits) : m_limits(limits) {}

    void feed(const QByteArray &bytes);
    // The next complete response, or nullopt when more bytes are needed or after an error.
    std::optional<Response> next();

    bool hasError() const { return m_error.isError(); }
    const net::Error &error() const { return m_error; }
    // Bytes buffered but not yet consumed (plus the partial response).
    qint64 pendingBytes() const;
    void reset();
    const Limits &limits() const { return m_limits; }
    void setLimits(const Limits &limits) { m_limits = limits; }

private:
    void failWith(const QString &message);
    void compact();

    Limits m_limits;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qsizetype m_scanned = 0;                 // m_buffer[m_pos, m_scanned) holds no line feed
    std::vector<detail::Segment> m_segments; // the response being assembled
    qint64 m_literalRemaining = 0;
    qint64 m_responseSize = 0;
    net::Error m_error;
};

} // namespace herald::imap
