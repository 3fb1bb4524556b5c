#pragma once
// Address lists as real mail writes them, rewritten before VMime reads them. VMime 0.9.2 keeps
// an obsolete route in the address ("<@relay:mary@example.net>"), stops a domain at the first
// white space ("jdoe@test . example", RFC 5322 §4.4 allows CFWS between its atoms) and reads
// "Big Bug bb@bug.com" (no angle brackets) as the name "Big". Each mailbox of the list is
// rewritten into the form VMime reads right; everything else is left as written.

#include <QByteArray>

namespace herald::mime::internal {

// `unfolded`: an address-list field body without line breaks.
QByteArray repairObsoleteAddressList(const QByteArray &unfolded);

// "<1234.AA00975@ ebony >": white space and comments inside the angle brackets of message ids
// removed (RFC 5322 §4.5.4 obs-id-left / obs-id-right allow CFWS there).
QByteArray repairObsoleteMessageIds(const QByteArray &unfolded);

} // namespace herald::mime::internal
