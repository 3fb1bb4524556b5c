#pragma once

// Preview text for message lists and notifications.

#include "core/mime/Message.h"

#include <QString>

namespace herald::mime {

// The text body, else the HTML body stripped of markup (style/script/head dropped, common
// entities decoded); white space collapsed; cut at a word boundary to at most `maxChars`
// characters, with "…" when cut.
QString snippet(const Message &message, int maxChars = 200);

// The HTML-to-text step of snippet(), usable on its own (the full-text index, quoting HTML-only
// mail in a reply): head, style and script dropped; source white space collapsed as a browser
// does; <br> a line break, block elements (p, div, li, tr, h1-h6, blockquote …) separated by an
// empty line; tags removed; character references and the common named entities decoded.
QString htmlToPlainText(const QString &html);

} // namespace herald::mime
