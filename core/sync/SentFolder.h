#pragma once
// The Sent folder an OutboxSender saves its copies into: the account's IMAP Sent folder
// (engine/imap/SentFolderAppender). The outbox (engine/smtp) speaks no IMAP, so whoever runs
// it — the account pass, the window's send, herald-cli send — passes it this.

#include "core/engine/smtp/OutboxSender.h"

namespace herald::sync {

smtp::OpenSentFolder imapSentFolder(store::Store &store, const store::Account &account);

} // namespace herald::sync
