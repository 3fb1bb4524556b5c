#include "core/store/AddressBook.h"

#include "core/store/Sqlite.h"

#include <QHash>
#include <QRegularExpression>
#include <algorithm>

namespace herald::store {

namespace {

struct Tally
{
    QHash<QString, AddressUse> byKey; // lower-case email -> use

    void add(const QString &name, const QString &email)
    {
        const QString trimmed = email.trimmed();
        if (!trimmed.contains(QLatin1Char('@')))
            return;
        AddressUse &use = byKey[trimmed.toLower()];
        if (use.email.isEmpty())
            use.email = trimmed;
        if (use.name.isEmpty())
            use.name = name.trimmed();
        ++use.count;
    }

    // A display list as the cache keeps it ("Name <a@b>, c@d"; see MessageIngest).
    void addList(const QString &list)
    {
        static const QRegularExpression angle(QStringLiteral("^(.*)<([^<>]+)>\\s*$"));
        for (const QString &piece : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const auto m = angle.match(piece);
            if (m.hasMatch()) {
                QString name = m.captured(1).trimmed();
                if (name.size() >= 2 && name.startsWith(QLatin1Char('"')) &&
                    name.endsWith(QLatin1Char('"')))
                    name = name.mid(1, name.size() - 2);
                add(name, m.captured(2));
            } else {
                add(QString(), piece);
            }
        }
    }
};

} // namespace

std::vector<AddressUse> AddressBook::mostUsed(int limit)
{
    Tally tally;
    {
        // Grouped by SQLite (one row per sender, not per message): the bulk of the work stays in
        // C; the names come from any message of that sender.
        Statement st(m_db, "SELECT from_addr, max(from_name), count(*) FROM messages "
                           "WHERE from_addr LIKE '%@%' GROUP BY from_addr");
        while (st.step()) {
            const QString email = st.text(0);
            const int count = int(st.int64(2));
            tally.add(st.text(1), email);
            tally.byKey[email.trimmed().toLower()].count += count - 1;
        }
    }
    {
        Statement st(m_db, "SELECT m.to_addrs, m.cc_addrs FROM messages m "
                           "JOIN folders f ON f.id = m.folder_id "
                           "WHERE f.special_use = '\\Sent' COLLATE NOCASE");
        while (st.step()) {
            tally.addList(st.text(0));
            tally.addList(st.text(1));
        }
    }
    std::vector<AddressUse> out;
    out.reserve(size_t(tally.byKey.size()));
    for (auto it = tally.byKey.cbegin(); it != tally.byKey.cend(); ++it)
        out.push_back(it.value());
    std::sort(out.begin(), out.end(), [](const AddressUse &a, const AddressUse &b) {
        if (a.count != b.count)
            return a.count > b.count;
        return a.email.compare(b.email, Qt::CaseInsensitive) < 0;
    });
    if (limit >= 0 && out.size() > size_t(limit))
        out.resize(size_t(limit));
    return out;
}

} // namespace herald::store
