#pragma once
// The common shapes of Subject, Message-ID/In-Reply-To/References and Date fields read
// without VMime, as SimpleAddress does for address fields. In a headers-first sync VMime's
// text decoder was a tenth of all CPU, its message-id and date parsers another tenth; most
// fields are plain ASCII in the one form RFC 5322 recommends. Anything else is declined and
// goes to the full parser; tests compare the two on edge shapes and on the corpora.

#include "core/mime/HeaderDecoding.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>

namespace herald::mime::internal {

// Unstructured text of printable ASCII without encoded words: the text with runs of white
// space made one space. nullopt: decode with decodeHeaderTextFully.
std::optional<QString> simpleHeaderText(const QByteArray &unfolded);

// "<left@right>" ids separated by white space, no comments or quoting: appends the ids
// without brackets and returns true; false leaves `out` alone.
bool parseSimpleMessageIds(const QByteArray &unfolded, QStringList &out);

// "[Ddd, ]D Mon YYYY HH:MM[:SS] +HHMM" with a valid date, time and numeric zone.
// nullopt: not of that shape (the full parser decides).
std::optional<QDateTime> parseSimpleDate(const QByteArray &unfolded);

// "type/subtype; name=value; name=\"quoted value\"" (or a disposition without "/") of
// printable ASCII tokens, without comments, RFC 2231 continuations, escapes or encoded words.
// nullopt: not of that shape.
std::optional<ContentType> parseSimpleContentType(const QByteArray &unfolded);

// The full parsers (VMime) that the public functions of HeaderDecoding.h fall back to.
QString decodeHeaderTextFully(const QByteArray &raw);
QStringList parseMessageIdsFully(const QByteArray &raw);
QDateTime parseDateFully(const QByteArray &raw);
ContentType parseContentTypeFully(const QByteArray &raw);

} // namespace herald::mime::internal
