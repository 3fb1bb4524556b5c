#pragma once

// Private to core/mime (includes VMime): VMime words and texts → QString.

#include <QString>
#include <vmime/text.hpp>
#include <vmime/word.hpp>

namespace herald::mime::internal {

// Decodes one word from its charset (see toUnicode() for the fallbacks).
QString wordToUnicode(const vmime::word &w);
// Concatenates the decoded words of a text.
QString textToUnicode(const vmime::text &t);
// Collapses runs of white space (incl. CR/LF) into one space and trims.
QString collapseWhiteSpace(const QString &s);

} // namespace herald::mime::internal
