#pragma once
// Icons of the window's actions: the desktop theme's icon by its freedesktop name when the
// theme has one, else a small one drawn with QPainter (no image plugins, as in Icons.h).

#include <QIcon>

namespace herald::ui::icons {

enum class Action { Delete, Move, MarkRead, Flag, Sync, Settings };

// The freedesktop icon name of `a` ("edit-delete", "mail-mark-read", …).
QString themeName(Action a);
QIcon action(Action a);

} // namespace herald::ui::icons
