#pragma once
// Internal to the IMAP parser: a cursor over one framed response (line segments and the literals
// between them) that reads IMAP tokens. Throws ImapParseError on malformed input.

#include "core/imap/ImapTypes.h"

#include <QByteArray>
#include <stdexcept>
#include <vector>

namespace herald::imap::detail {

struct Segment
{
    QByteArray bytes;
    bool literal = false;
};

struct ImapParseError : std::runtime_error
{
    explicit ImapParseError(const char *what) : std::runtime_error(what) {}
};

class ImapCursor
{
public:
    explicit ImapCursor(const std::vector<Segment> &segments) : m_segs(segments) {}

    bool atEnd() const;
    // Current character in the line, 0 at the end of a line segment.
    char peek() const;
    bool skip(char c);
    void expect(char c);
    void skipSpaces();
    // An atom; with brackets, "BODY[HEADER.FIELDS (A B)]<0>" is one atom.
    QByteArray readAtom(bool withBrackets = true);
    Value readValue();
    // astring / nstring: atom, quoted or literal string; NIL gives an empty array.
    QByteArray readString();
    std::optional<quint64> readNumber();
    quint64 requireNumber();
    // The rest of the current line segment (no more tokens are read after it).
    QByteArray restOfLine();
    // Bytes up to (not including) c in the current line segment.
    QByteArray readUntil(char c);

private:
    const QByteArray &line() const { return m_segs[m_seg].bytes; }
    Value readList();
    QByteArray readQuoted();
    QByteArray readLiteral();

    const std::vector<Segment> &m_segs;
    size_t m_seg = 0;
    qsizetype m_pos = 0;
    int m_depth = 0;
};

} // namespace herald::imap::detail
