#include "core/imap/ImapCursor.h"

namespace herald::imap::detail {

namespace {
constexpr int kMaxDepth = 100;

bool isAtomChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f)
        return false;
    switch (c) {
    case '(':
    case ')':
    case '{':
    case '"':
    case ']':
        return false;
    default:
        return true;
    }
}
} // namespace

bool ImapCursor::atEnd() const
{
    if (m_seg >= m_segs.size())
        return true;
    return m_seg + 1 >= m_segs.size() && m_pos >= line().size();
}

char ImapCursor::peek() const
{
    if (m_seg >= m_segs.size() || m_pos >= line().size())
        return 0;
    return line().at(m_pos);
}

bool ImapCursor::skip(char c)
{
    if (peek() == c && c != 0) {
        ++m_pos;
        return true;
    }
    return false;
}

void ImapCursor::expect(char c)
{
    if (!skip(c))
        throw ImapParseError("unexpected character");
}

void ImapCursor::skipSpaces()
{
    while (peek() == ' ')
        ++m_pos;
}

QByteArray ImapCursor::readAtom(bool withBrackets)
{
    const qsizetype start = m_pos;
    const QByteArray &l = line();
    while (m_pos < l.size()) {
        const char c = l.at(m_pos);
        if (withBrackets && c == '[') {
            const qsizetype close = l.indexOf(']', m_pos);
            if (close < 0)
                throw ImapParseError("unterminated section");
            m_pos = close + 1;
            continue;
        }
        if (!isAtomChar(c) || (!withBrackets && c == '['))
            break;
        ++m_pos;
    }
    if (m_pos == start)
        throw ImapParseError("expected an atom");
    return l.mid(start, m_pos - start);
}

QByteArray ImapCursor::readQuoted()
{
    expect('"');
    QByteArray out;
    const QByteArray &l = line();
    while (true) {
        if (m_pos >= l.size())
            throw ImapParseError("unterminated quoted string");
        const char c = l.at(m_pos++);
        if (c == '"')
            return out;
        if (c == '\\') {
            if (m_pos >= l.size())
                throw ImapParseError("unterminated quoted string");
            out.append(l.at(m_pos++));
        } else {
            out.append(c);
        }
    }
}

QByteArray ImapCursor::readLiteral()
{
    expect('{');
    const QByteArray &l = line();
    const qsizetype close = l.indexOf('}', m_pos);
    if (close < 0 || close != l.size() - 1)
        throw ImapParseError("malformed literal");
    if (m_seg + 1 >= m_segs.size() || !m_segs[m_seg + 1].literal)
        throw ImapParseError("missing literal");
    QByteArray data = m_segs[m_seg + 1].bytes;
    m_seg += 2;
    m_pos = 0;
    if (m_seg >= m_segs.size())
        throw ImapParseError("response ends inside a literal");
    return data;
}

std::optional<quint64> ImapCursor::readNumber()
{
    const qsizetype start = m_pos;
    const QByteArray &l = line();
    while (m_pos < l.size() && l.at(m_pos) >= '0' && l.at(m_pos) <= '9')
        ++m_pos;
    if (m_pos == start || m_pos - start > 20) {
        m_pos = start;
        return std::nullopt;
    }
    bool ok = false;
    const qulonglong v = l.mid(start, m_pos - start).toULongLong(&ok);
    if (!ok) {
        m_pos = start;
        return std::nullopt;
    }
    return v;
}

quint64 ImapCursor::requireNumber()
{
    const auto n = readNumber();
    if (!n)
        throw ImapParseError("expected a number");
    return *n;
}

QByteArray ImapCursor::readString()
{
    const Value v = readValue();
    if (v.isList())
        throw ImapParseError("expected a string");
    return v.data;
}

Value ImapCursor::readValue()
{
    Value v;
    switch (peek()) {
    case '(':
        return readList();
    case '"':
        v.type = Value::Type::String;
        v.data = readQuoted();
        return v;
    case '{':
        v.type = Value::Type::String;
        v.literal = true;
        v.data = readLiteral();
        return v;
    case 0:
        throw ImapParseError("unexpected end of response");
    default:
        v.data = readAtom(true);
        if (v.data.size() == 3 && v.data.compare("NIL", Qt::CaseInsensitive) == 0) {
            v.data.clear();
            v.type = Value::Type::Nil;
        } else {
            v.type = Value::Type::Atom;
        }
        return v;
    }
}

Value ImapCursor::readList()
{
    expect('(');
    if (++m_depth > kMaxDepth)
        throw ImapParseError("lists nested too deeply");
    Value v;
    v.type = Value::Type::List;
    while (true) {
        skipSpaces();
        if (skip(')'))
            break;
        if (peek() == 0)
            throw ImapParseError("unterminated list");
        v.list.push_back(readValue());
    }
    --m_depth;
    return v;
}

QByteArray ImapCursor::restOfLine()
{
    if (m_seg >= m_segs.size())
        return {};
    QByteArray out = line().mid(m_pos);
    m_pos = line().size();
    return out;
}

QByteArray ImapCursor::readUntil(char c)
{
    const QByteArray &l = line();
    const qsizetype at = l.indexOf(c, m_pos);
    if (at < 0)
        throw ImapParseError("missing delimiter");
    QByteArray out = l.mid(m_pos, at - m_pos);
    m_pos = at;
    return out;
}

} // namespace herald::imap::detail
