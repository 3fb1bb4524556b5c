#pragma once
// LineReader: splits a byte stream into CRLF-terminated lines and counted literals.
// Shared by the line-based protocols (SMTP, POP3); IMAP has its own streaming parser but uses
// the same limits. Lines longer than maxLineLength, bare NUL bytes, or a line ending in a lone
// LF when strict are protocol errors; after an error the reader stays failed.

#include "core/net/Error.h"

#include <QByteArray>
#include <algorithm>
#include <optional>
#include <utility>

namespace herald::net {

class LineReader
{
public:
    explicit LineReader(qsizetype maxLineLength = 64 * 1024) : m_maxLine(maxLineLength) {}

    void feed(const QByteArray &bytes);
    // The next complete line without its CRLF, or nullopt if none is complete (or on error).
    std::optional<QByteArray> takeLine();
    // Takes exactly n bytes once they are available (for counted data); nullopt until then.
    std::optional<QByteArray> takeBytes(qsizetype n);

    // For data that is not lines (POP3's dot-terminated answers, byte for byte): read(buffer,
    // pos) consumes the buffered bytes in place, advancing pos past what it took; returns what
    // read returns.
    template <class Read> bool readRaw(Read read)
    {
        if (hasError())
            return false;
        const bool done = read(std::as_const(m_buffer), m_pos);
        m_scanned = std::max(m_scanned, m_pos);
        return done;
    }

    bool hasError() const { return m_error.isError(); }
    const Error &error() const { return m_error; }
    qsizetype buffered() const { return m_buffer.size() - m_pos; }
    void setStrictCrlf(bool strict) { m_strict = strict; }
    void clear();

private:
    void compact();

    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qsizetype m_scanned = 0; // m_buffer[m_pos, m_scanned) holds no line feed
    qsizetype m_maxLine;
    bool m_strict = false;
    Error m_error;
};

} // namespace herald::net
