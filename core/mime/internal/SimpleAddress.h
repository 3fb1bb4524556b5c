#pragma once
// The common shape of address fields — plain ASCII "Name <local@domain>, local@domain" with
// atoms only — parsed without VMime. VMime's address parser was a quarter of the CPU of a
// headers-first sync; most From/To/Cc fields need none of what it handles (encoded words,
// quoted strings, comments, groups, obsolete routes). Anything else is declined and goes to
// the full parser; tests compare the two on every address of the corpora.

#include "core/mime/Message.h"

#include <QByteArray>
#include <vector>

namespace herald::mime::internal {

// Appends the addresses of `unfolded` (a field body without line breaks) to `out` and returns
// true, or returns false without touching `out` when the field is not of the simple shape.
bool parseSimpleAddressList(const QByteArray &unfolded, std::vector<Address> &out);

// The full parser (VMime) that parseAddressList() falls back to.
std::vector<Address> parseAddressListFully(const QByteArray &raw);

} // namespace herald::mime::internal
