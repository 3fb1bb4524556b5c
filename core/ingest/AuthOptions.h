#pragma once
// The account's verification options — its trusted authserv-id, trusted hops, receiver name —
// read from its settings. Used at header time (MessageIngest) and by the full verification
// (sync/VerdictPass).

#include "core/authres/AuthVerdict.h"
#include "core/store/Records.h"

namespace herald::sync {

authres::AuthOptions authOptionsFor(const store::Account &account);

} // namespace herald::sync
