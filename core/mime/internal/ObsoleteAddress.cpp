#include "core/mime/internal/ObsoleteAddress.h"

#include <QList>

namespace herald::mime::internal {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

struct Piece
{
    QByteArray text;      // a mailbox (or whatever stands between separators)
    QByteArray separator; // ",", ";", ":" or empty at the end
};

// Splits at the list's top-level separators: commas, a group's ":" and ";". Quoted strings,
// comments, angle brackets and domain literals are kept whole.
QList<Piece> splitList(const QByteArray &in)
{
    QList<Piece> out;
    Piece current;
    int comment = 0;
    bool quoted = false, angle = false, literal = false;
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        const bool plain = !quoted && comment == 0 && !angle && !literal;
        if ((quoted || comment > 0) && c == '\\' && i + 1 < in.size()) {
            current.text += c;
            current.text += in.at(++i);
            continue;
        }
        if (plain && (c == ',' || c == ';' || c == ':')) {
            current.separator = QByteArray(1, c);
            out.append(current);
            current = Piece();
            continue;
        }
        if (!quoted && comment == 0 && !literal && c == '<')
            angle = true;
        else if (angle && !quoted && comment == 0 && c == '>')
            angle = false;
        else if (comment == 0 && !literal && c == '"')
            quoted = !quoted;
        else if (!quoted && !literal && c == '(')
            ++comment;
        else if (!quoted && comment > 0 && c == ')')
            --comment;
        else if (!quoted && comment == 0 && c == '[')
            literal = true;
        else if (literal && c == ']')
            literal = false;
        current.text += c;
    }
    out.append(current);
    return out;
}

// "<@a.example,@b.example:mary@example.net>" → "<mary@example.net>".
QByteArray withoutRoute(const QByteArray &mailbox)
{
    const qsizetype open = mailbox.indexOf('<');
    if (open < 0 || mailbox.contains('"'))
        return mailbox;
    qsizetype at = open + 1;
    while (at < mailbox.size() && isSpace(mailbox.at(at)))
        ++at;
    if (at >= mailbox.size() || mailbox.at(at) != '@')
        return mailbox;
    const qsizetype colon = mailbox.indexOf(':', at);
    const qsizetype close = mailbox.indexOf('>', at);
    if (colon < 0 || (close >= 0 && colon > close))
        return mailbox;
    return mailbox.left(open + 1) + mailbox.mid(colon + 1);
}

bool isDomainChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || isSpace(c);
}

// "jdoe@test . example" → "jdoe@test.example": white space next to a dot of the domain goes.
// Only when the domain (up to ">" or the end) is made of domain characters and white space.
QByteArray withoutDomainSpaces(const QByteArray &mailbox)
{
    if (mailbox.contains('"') || mailbox.contains('('))
        return mailbox;
    const qsizetype at = mailbox.lastIndexOf('@');
    if (at < 0)
        return mailbox;
    qsizetype end = mailbox.indexOf('>', at);
    if (end < 0)
        end = mailbox.size();
    const QByteArray domain = mailbox.mid(at + 1, end - at - 1);
    if (!domain.contains('.'))
        return mailbox;
    for (const char c : domain) {
        if (!isDomainChar(c))
            return mailbox;
    }
    QByteArray joined;
    const QByteArray trimmed = domain.trimmed();
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const char c = trimmed.at(i);
        if (!isSpace(c)) {
            joined += c;
            continue;
        }
        qsizetype next = i;
        while (next < trimmed.size() && isSpace(trimmed.at(next)))
            ++next;
        const bool nextToDot = (!joined.isEmpty() && joined.endsWith('.')) ||
                               (next < trimmed.size() && trimmed.at(next) == '.');
        if (!nextToDot)
            return mailbox; // "a@b c": not one domain
        i = next - 1;
    }
    return mailbox.left(at + 1) + joined + mailbox.mid(end);
}

// "Big Bug bb@bug.com" → "Big Bug <bb@bug.com>": words and then one addr-spec, no brackets.
QByteArray withAngleBrackets(const QByteArray &mailbox)
{
    if (mailbox.contains('<') || mailbox.contains('"') || mailbox.contains('(') ||
        mailbox.contains("=?"))
        return mailbox;
    const QList<QByteArray> words = mailbox.simplified().split(' ');
    if (words.size() < 2 || !words.last().contains('@'))
        return mailbox;
    for (qsizetype i = 0; i + 1 < words.size(); ++i) {
        if (words.at(i).contains('@'))
            return mailbox;
    }
    const QByteArray phrase = words.mid(0, words.size() - 1).join(' ');
    return ' ' + phrase + " <" + words.last() + '>';
}

// The scan below cannot follow a field whose quote or comment never closes, yet VMime may
// still read its colons as nested groups. No real address field has hundreds of colons: past
// kMaxColons, every colon after the first few becomes a space, so VMime's nesting stays shallow.
QByteArray withFewColons(QByteArray field)
{
    constexpr qsizetype kMaxColons = 64;
    constexpr int kColonsKept = 4;
    if (field.count(':') <= kMaxColons)
        return field;
    int seen = 0;
    for (char &c : field)
        if (c == ':' && ++seen > kColonsKept)
            c = ' ';
    return field;
}

} // namespace

QByteArray repairObsoleteAddressList(const QByteArray &unfolded)
{
    if (!unfolded.contains('@') && !unfolded.contains(':'))
        return unfolded;
    const bool repairMailboxes = unfolded.contains('@');
    QByteArray out;
    out.reserve(unfolded.size() + 8);
    // Groups do not nest (RFC 5322 3.4), but VMime reads each ':' inside a group as a nested
    // group and copies its mailboxes once per level: 1,500 colons took seconds, 20,000
    // overflowed the stack. A few levels are left as VMime reads them (a time "10:08:28" in a
    // broken encoded word); past that a ':' becomes a space, which keeps the parse linear.
    constexpr int kNestedColonsKept = 4;
    int depth = 0;
    for (const Piece &piece : splitList(unfolded)) {
        if (piece.separator == ":") {
            const bool kept = depth <= kNestedColonsKept;
            out += piece.text + (kept ? ":" : " ");
            depth += kept ? 1 : 0;
            continue;
        }
        if (piece.separator == ";" && depth > 0)
            --depth; // one ';' closes one level, as VMime reads it
        out += repairMailboxes ? withAngleBrackets(withoutDomainSpaces(withoutRoute(piece.text)))
                               : piece.text;
        out += piece.separator;
    }
    return withFewColons(out);
}

QByteArray repairObsoleteMessageIds(const QByteArray &unfolded)
{
    QByteArray out;
    out.reserve(unfolded.size());
    bool angle = false;
    int comment = 0;
    for (const char c : unfolded) {
        if (c == '<' && comment == 0)
            angle = true;
        else if (c == '>' && comment == 0)
            angle = false;
        if (angle && c == '(') {
            ++comment;
            continue;
        }
        if (angle && comment > 0) {
            if (c == ')')
                --comment;
            continue;
        }
        if (angle && isSpace(c))
            continue;
        out += c;
    }
    return out;
}

} // namespace herald::mime::internal
