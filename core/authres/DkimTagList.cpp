#include "core/authres/DkimTagList.h"

namespace herald::authres {

namespace {

bool isFws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isTagNameChar(char c, bool first)
{
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return first ? alpha : alpha || (c >= '0' && c <= '9') || c == '_';
}

} // namespace

std::optional<DkimTagList> DkimTagList::parse(const QByteArray &text)
{
    DkimTagList list;
    qsizetype pos = 0;
    const qsizetype n = text.size();
    while (pos < n) {
        qsizetype semi = text.indexOf(';', pos);
        if (semi < 0)
            semi = n;
        qsizetype a = pos, b = semi;
        while (a < b && isFws(text.at(a)))
            ++a;
        while (b > a && isFws(text.at(b - 1)))
            --b;
        if (a == b) { // an empty spec is only allowed as a trailing ';'
            if (semi < n)
                return std::nullopt;
            pos = semi + 1;
            continue;
        }
        const qsizetype eq = text.indexOf('=', a);
        if (eq < 0 || eq >= b)
            return std::nullopt;
        qsizetype nameEnd = eq;
        while (nameEnd > a && isFws(text.at(nameEnd - 1)))
            --nameEnd;
        if (nameEnd == a)
            return std::nullopt;
        for (qsizetype i = a; i < nameEnd; ++i) {
            if (!isTagNameChar(text.at(i), i == a))
                return std::nullopt;
        }
        DkimTag tag;
        tag.name = text.mid(a, nameEnd - a);
        qsizetype v = eq + 1;
        while (v < b && isFws(text.at(v)))
            ++v;
        tag.valueStart = v;
        tag.valueEnd = b;
        tag.value = text.mid(v, b - v);
        if (list.m_index.contains(tag.name))
            return std::nullopt;
        list.m_index.insert(tag.name, list.m_tags.size());
        list.m_tags.append(tag);
        pos = semi + 1;
    }
    return list;
}

bool DkimTagList::has(const QByteArray &name) const
{
    return tag(name) != nullptr;
}

QByteArray DkimTagList::value(const QByteArray &name) const
{
    const DkimTag *t = tag(name);
    return t ? t->value : QByteArray();
}

const DkimTag *DkimTagList::tag(const QByteArray &name) const
{
    const auto it = m_index.constFind(name);
    return it == m_index.constEnd() ? nullptr : &m_tags.at(*it);
}

QByteArray stripFws(const QByteArray &value)
{
    QByteArray out;
    out.reserve(value.size());
    for (const char c : value) {
        if (!isFws(c))
            out += c;
    }
    return out;
}

QByteArray blankTagValue(const QByteArray &text, const QByteArray &name)
{
    const std::optional<DkimTagList> list = DkimTagList::parse(text);
    if (!list)
        return text;
    const DkimTag *t = list->tag(name);
    if (!t)
        return text;
    return text.left(t->valueStart) + text.mid(t->valueEnd);
}

} // namespace herald::authres
