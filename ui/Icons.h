#pragma once
// Small icons drawn with QPainter, so the UI needs no image plugins (Debian's Qt has no SVG
// icon engine by default) and stays crisp at any device pixel ratio.

#include "core/store/Records.h"

#include <QIcon>
#include <QPixmap>
#include <QSize>

namespace herald::ui::icons {

// The status strip of the message list: unread dot, flag star, paper clip, verification mark.
QSize messageStatusSize();
QPixmap messageStatus(int flags, bool hasAttachments, store::AuthSummary auth);
// The same state in words, for the tooltip and accessibility.
QString messageStatusText(int flags, bool hasAttachments, store::AuthSummary auth);

// The application icon: the envelope of resources/icons (PNGs compiled in through icons.qrc).
QIcon appIcon();

} // namespace herald::ui::icons
