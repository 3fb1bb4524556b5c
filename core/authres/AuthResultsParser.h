#pragma once
// Parser for the Authentication-Results field body (RFC 8601 section 2.2).
//
// Strict mode follows the ABNF: comments anywhere CFWS is allowed, quoted values, method
// versions, "none". Lenient mode is for real-world headers (FastMail, Outlook, Yahoo,
// quoted names, trailing ';'): a result that cannot be read is skipped up to the next ';'
// instead of failing the whole header, ptype-less "name=value" properties are kept, and
// quoted method/ptype names are accepted. Neither mode throws; both are linear in the input.

#include "core/authres/AuthResults.h"

#include <QByteArray>
#include <optional>

namespace herald::authres {

enum class ParseMode { Strict, Lenient };

// The parsed header, or nullopt when the value is malformed (strict) or has no
// readable authserv-id (lenient).
std::optional<AuthResHeader> parseAuthenticationResults(const QByteArray &fieldBody,
                                                        ParseMode mode = ParseMode::Strict);

} // namespace herald::authres
