#include "core/tasks/TaskKind.h"

namespace herald::tasks {

namespace {
struct KindName
{
    TaskKind kind;
    const char *name;
};
// The persisted strings: never change one (existing caches hold them).
constexpr KindName kNames[] = {
    {TaskKind::Flag, "flag"},       {TaskKind::Move, "move"},   {TaskKind::Copy, "copy"},
    {TaskKind::Expunge, "expunge"}, {TaskKind::Draft, "draft"}, {TaskKind::Send, "send"},
    {TaskKind::Append, "append"},
};
} // namespace

QString kindName(TaskKind kind)
{
    for (const KindName &k : kNames)
        if (k.kind == kind)
            return QString::fromLatin1(k.name);
    return {};
}

std::optional<TaskKind> kindFromName(const QString &name)
{
    for (const KindName &k : kNames)
        if (name == QLatin1String(k.name))
            return k.kind;
    return std::nullopt;
}

bool replayedOverImap(TaskKind kind)
{
    switch (kind) {
    case TaskKind::Flag:
    case TaskKind::Move:
    case TaskKind::Copy:
    case TaskKind::Expunge:
    case TaskKind::Draft:
    case TaskKind::Append:
        return true;
    case TaskKind::Send: // SMTP: engine/smtp/OutboxSender
        return false;
    }
    return false;
}

bool replayedOverImap(const QString &storedKind)
{
    const auto kind = kindFromName(storedKind);
    return kind && replayedOverImap(*kind);
}

} // namespace herald::tasks
