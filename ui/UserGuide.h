#pragma once
// Help > User Guide (F1): opens the Markdown guide of docs/guide with the desktop's viewer.
// Installed it is share/doc/herald/guide/index.md beside the program's bin/; run from a build
// tree, the source tree's docs/guide/index.md.

#include <QString>

class QAction;
class QMenu;
class QWidget;

namespace herald::ui {

// The guide's first page, or an empty string when neither place has it.
QString userGuidePath();

// Adds "User Guide" (F1) to `help`; `parent` owns the action and parents the message box
// that says where Herald looked when the guide is missing.
QAction *addUserGuideAction(QMenu *help, QWidget *parent);

} // namespace herald::ui
