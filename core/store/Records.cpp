#include "core/store/Records.h"

namespace herald::store {

namespace {
struct FlagName
{
    int bit;
    const char *name;
};
constexpr FlagName kFlagNames[] = {
    {FlagSeen, "\\Seen"},       {FlagAnswered, "\\Answered"}, {FlagFlagged, "\\Flagged"},
    {FlagDeleted, "\\Deleted"}, {FlagDraft, "\\Draft"},
};
} // namespace

QStringList flagNames(int flags, const QStringList &keywords)
{
    QStringList names;
    for (const FlagName &f : kFlagNames)
        if (flags & f.bit)
            names << QString::fromLatin1(f.name);
    names += keywords;
    return names;
}

int systemFlagFromName(const QString &name)
{
    for (const FlagName &f : kFlagNames)
        if (name.compare(QLatin1String(f.name), Qt::CaseInsensitive) == 0)
            return f.bit;
    return 0;
}

} // namespace herald::store
