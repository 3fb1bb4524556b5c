#pragma once
// The options `send` and `draft save` share: recipients, subject, body, attachments, reply
// headers, the identity (--from) and its signature (--no-signature).

#include "core/mime/MessageBuilder.h"
#include "core/store/Records.h"

#include <QString>

namespace herald::cli {

class ArgParser;
class CliContext;

// --to --cc --bcc --attach (repeatable), --subject --body-file --html-file --in-reply-to
// --from, and the flag --no-signature.
void declareComposeOptions(ArgParser &p);

// The draft the options describe. From is the identity --from names (the account's own
// address without it; an address that is no identity of the account is a CommandError), and
// that identity's signature ends the text (core/mime/Signature.h) unless --no-signature.
mime::Draft draftFromOptions(CliContext &ctx, const ArgParser &p, const store::Account &account,
                             const QString &context);

// "Name <addr>" or "addr"; UsageError naming `context` otherwise.
mime::Address parseAddress(const QString &text, const QString &context);
// A UTF-8 text file ("-" is stdin); CommandError when unreadable.
QString readTextFile(const QString &path);

} // namespace herald::cli
