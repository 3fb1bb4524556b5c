#pragma once
// Icons of the folder tree: the desktop theme's freedesktop icon for the folder's role
// (mail-folder-inbox, mail-folder-sent, user-trash, …, else folder), falling back to the Qt
// style's folder, trash and server pictures when the theme lacks one (as ActionIcons.h does).

#include "core/store/Records.h"

#include <QIcon>

namespace herald::ui::icons {

// The theme name for `folder` ("folder" when it has no special role).
QString folderThemeName(const store::Folder &folder);
QIcon folder(const store::Folder &folder);
QIcon account();

} // namespace herald::ui::icons
