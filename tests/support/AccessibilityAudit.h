#pragma once
// An in-process accessibility audit: every input control and button under a window must have
// an accessible name — what a screen reader says for it (its setAccessibleName, its text, or
// the text of the QLabel whose buddy it is). Reads the names through QAccessible, the same
// interfaces Qt's AT-SPI bridge serves.

#include <QStringList>

class QWidget;

namespace herald::test {

// One line per control without a name: "QLineEdit 'objectName' in Parent/Chain (role N)".
// Covers line edits, text edits, combo boxes, spin boxes, check boxes, radio buttons, push and
// tool buttons, item views, sliders and tab bars, shown or not (a page of a tab widget counts).
// Parts Qt builds inside other controls (a spin box's line edit, a tab bar's scroll buttons,
// headers, scroll bars) are left out: the screen reader reaches them through their owner.
QStringList unnamedControls(QWidget *root);

// The accessible name of one widget (empty when it has none).
QString accessibleName(QWidget *widget);

} // namespace herald::test
