#pragma once
// Signatures (one per identity, see core/accounts/Identity.h) in composed messages.
//
// The signature goes at the very end of the text, after the RFC 3676 §4.3 delimiter
// "-- " (dash dash space) on a line of its own, one empty line below what comes before it.
// In a reply or an inline forward that is below the quoted or forwarded text too, never above
// it: by the delimiter's definition everything after it is signature, so readers dim it and
// strip it when quoting (Thunderbird's mail.strip_sig_on_reply, mutt, Gnus) — a signature
// above the quote would hide the quote and drop it from the next reply. See docs/sending.md.
//
// Appending is idempotent: a text that already ends with the same signature block is left
// alone, so saving a draft again does not add a second signature.

#include "core/mime/MessageBuilder.h"

#include <QString>

namespace herald::mime {

// "-- \n<signature>\n" with LF line ends; empty for an empty signature. A delimiter line the
// signature itself starts with is not doubled; trailing empty lines are dropped.
QString signatureBlock(const QString &signature);
// `text` (trailing line ends dropped), an empty line, then the signature block. An empty text
// becomes just the block.
QString appendSignature(const QString &text, const QString &signature);
// The same for an HTML body: "-- " and the escaped signature in a <div class="herald-signature">
// before </body> (or at the end when there is none).
QString appendHtmlSignature(const QString &html, const QString &signature);
// The compose window's identity switch: `text` with the block of `oldSignature` at its end
// replaced by the block of `newSignature`; what the user wrote above is kept as it is. When the
// old block is not at the end (the user edited it) the text is kept and the new block appended
// (unless already there).
QString replaceSignature(const QString &text, const QString &oldSignature,
                         const QString &newSignature);
// Both of the above on a draft (the HTML part only when the draft has one).
void applySignature(Draft &draft, const QString &signature);

} // namespace herald::mime
