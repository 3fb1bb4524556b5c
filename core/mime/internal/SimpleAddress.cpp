#include "core/mime/internal/SimpleAddress.h"

namespace herald::mime::internal {

namespace {
// RFC 5322 atext.
bool isAtext(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           QByteArrayView("!#$%&'*+-/=?^_`{|}~").contains(c);
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

// dot-atom "@" dot-atom, nothing else.
bool isSimpleAddrSpec(QByteArrayView s)
{
    const qsizetype at = s.indexOf('@');
    if (at <= 0 || at + 1 >= s.size() || s.lastIndexOf('@') != at)
        return false;
    const auto dotAtom = [](QByteArrayView part) {
        if (part.isEmpty() || part.front() == '.' || part.back() == '.')
            return false;
        char previous = 0;
        for (const char c : part) {
            if (!(isAtext(c) || (c == '.' && previous != '.')))
                return false;
            previous = c;
        }
        return true;
    };
    return dotAtom(s.first(at)) && dotAtom(s.sliced(at + 1));
}

// Atoms separated by white space: the name with single spaces, or empty when not that shape.
QString simplePhrase(QByteArrayView s)
{
    QByteArray name;
    bool inWord = false;
    for (const char c : s) {
        if (isSpace(c)) {
            inWord = false;
        } else if (isAtext(c)) {
            if (!inWord && !name.isEmpty())
                name += ' ';
            name += c;
            inWord = true;
        } else {
            return {};
        }
    }
    return QString::fromLatin1(name);
}

QByteArrayView trimmed(QByteArrayView s)
{
    while (!s.isEmpty() && isSpace(s.front()))
        s = s.sliced(1);
    while (!s.isEmpty() && isSpace(s.back()))
        s.chop(1);
    return s;
}
} // namespace

bool parseSimpleAddressList(const QByteArray &unfolded, std::vector<Address> &out)
{
    for (const char c : unfolded)
        if (static_cast<unsigned char>(c) >= 0x80 || QByteArrayView("\"()\\:;[]\r\n").contains(c))
            return false;
    if (unfolded.contains("=?"))
        return false;
    std::vector<Address> found;
    for (qsizetype from = 0; from <= unfolded.size();) {
        qsizetype comma = unfolded.indexOf(',', from);
        if (comma < 0)
            comma = unfolded.size();
        const QByteArrayView item = trimmed(QByteArrayView(unfolded).sliced(from, comma - from));
        from = comma + 1;
        if (item.isEmpty())
            return false;
        Address a;
        const qsizetype open = item.indexOf('<');
        if (open < 0) {
            if (!isSimpleAddrSpec(item))
                return false;
            a.email = QString::fromLatin1(item);
        } else {
            if (item.back() != '>' || item.lastIndexOf('<') != open ||
                item.indexOf('>') != item.size() - 1)
                return false;
            const QByteArrayView spec = item.sliced(open + 1, item.size() - open - 2);
            const QByteArrayView phrase = trimmed(item.first(open));
            if (!isSimpleAddrSpec(spec))
                return false;
            a.name = simplePhrase(phrase);
            if (a.name.isEmpty() != phrase.isEmpty())
                return false;
            a.email = QString::fromLatin1(spec);
        }
        found.push_back(std::move(a));
    }
    for (Address &a : found)
        out.push_back(std::move(a));
    return true;
}

} // namespace herald::mime::internal
