#pragma once

// Preview text for message lists and notifications.

#include "core/mime/Message.h"

#include <QString>

namespace herald::mime {

// The text body, else the HTML body stripped of markup (style/script/head dropped, common
// entities decoded); white space collapsed; cut at a word boundary to at most `maxChars`
// characters, with "…" when cut.
QString snippet(const Message &message, int maxChars = 200);

// The HTML-to-text step of snippet(), usable on its own (e.g. for the full-text index).
QString htmlToPlainText(const QString &html);

} // namespace herald::mime
