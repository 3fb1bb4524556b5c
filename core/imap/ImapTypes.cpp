#include "core/imap/ImapTypes.h"

namespace herald::imap {

std::optional<quint64> Value::number() const
{
    if (type != Type::Atom || data.isEmpty() || data.size() > 20)
        return std::nullopt;
    for (char c : data)
        if (c < '0' || c > '9')
            return std::nullopt;
    bool ok = false;
    const qulonglong v = data.toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    return v;
}

QByteArray BodyPart::param(const QByteArray &name) const
{
    const QByteArray lower = name.toLower();
    for (const auto &p : params)
        if (p.first == lower)
            return p.second;
    return {};
}

bool ListEntry::hasFlag(const QByteArray &flag) const
{
    for (const QByteArray &f : flags)
        if (f.compare(flag, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

QByteArray ListEntry::specialUse() const
{
    static const char *uses[] = {"\\All",  "\\Archive", "\\Drafts", "\\Flagged",
                                 "\\Junk", "\\Sent",    "\\Trash"};
    for (const char *u : uses)
        if (hasFlag(u))
            return u;
    return {};
}

} // namespace herald::imap
