#include "core/imap/UidSet.h"

#include <algorithm>

namespace herald::imap {

UidSet UidSet::range(quint32 first, quint32 last)
{
    UidSet s;
    s.add(first, last);
    return s;
}

UidSet UidSet::fromList(const QVector<quint32> &uids)
{
    UidSet s;
    for (quint32 u : uids)
        s.add(u);
    return s;
}

void UidSet::add(quint32 first, quint32 last)
{
    if (first > last)
        std::swap(first, last);
    if (first == 0)
        return;
    // Fast paths on a sorted set: appending in ascending order, or extending the last range.
    if (!m_unsorted && (m_ranges.empty() || quint64(first) > quint64(m_ranges.back().second) + 1)) {
        m_ranges.emplace_back(first, last);
        return;
    }
    if (!m_unsorted && first >= m_ranges.back().first) {
        m_ranges.back().second = std::max(m_ranges.back().second, last);
        return;
    }
    m_ranges.emplace_back(first, last);
    m_unsorted = true;
}

void UidSet::normalize() const
{
    if (!m_unsorted)
        return;
    m_unsorted = false;
    std::sort(m_ranges.begin(), m_ranges.end());
    std::vector<std::pair<quint32, quint32>> merged;
    merged.reserve(m_ranges.size());
    for (const auto &r : m_ranges) {
        if (!merged.empty() && quint64(r.first) <= quint64(merged.back().second) + 1)
            merged.back().second = std::max(merged.back().second, r.second);
        else
            merged.push_back(r);
    }
    m_ranges.swap(merged);
}

void UidSet::add(const UidSet &other)
{
    for (const auto &r : other.ranges())
        add(r.first, r.second);
}

bool UidSet::contains(quint32 uid) const
{
    normalize();
    auto it = std::upper_bound(m_ranges.begin(), m_ranges.end(), uid,
                               [](quint32 v, const auto &r) { return v < r.first; });
    if (it == m_ranges.begin())
        return false;
    --it;
    return uid >= it->first && uid <= it->second;
}

quint64 UidSet::count() const
{
    normalize();
    quint64 n = 0;
    for (const auto &r : m_ranges)
        n += quint64(r.second) - r.first + 1;
    return n;
}

QVector<quint32> UidSet::toList(quint64 limit) const
{
    normalize();
    QVector<quint32> out;
    if (count() > limit)
        return out;
    out.reserve(qsizetype(count()));
    for (const auto &r : m_ranges)
        for (quint64 u = r.first; u <= r.second; ++u)
            out.append(quint32(u));
    return out;
}

QByteArray UidSet::toByteArray() const
{
    normalize();
    QByteArray out;
    auto num = [](quint32 v) { return v == Star ? QByteArray("*") : QByteArray::number(v); };
    for (const auto &r : m_ranges) {
        if (!out.isEmpty())
            out.append(',');
        out.append(num(r.first));
        if (r.second != r.first) {
            out.append(':');
            out.append(num(r.second));
        }
    }
    return out;
}

std::optional<UidSet> UidSet::parse(const QByteArray &text)
{
    if (text.isEmpty())
        return std::nullopt;
    UidSet s;
    auto number = [](const QByteArray &t) -> std::optional<quint32> {
        if (t == "*")
            return Star;
        bool ok = false;
        const qulonglong v = t.toULongLong(&ok);
        if (!ok || v == 0 || v > 0xFFFFFFFFull)
            return std::nullopt;
        return quint32(v);
    };
    for (const QByteArray &part : text.split(',')) {
        const qsizetype colon = part.indexOf(':');
        const auto a = number(colon < 0 ? part : part.left(colon));
        const auto b = colon < 0 ? a : number(part.mid(colon + 1));
        if (!a || !b)
            return std::nullopt;
        s.add(*a, *b);
    }
    return s;
}

} // namespace herald::imap
