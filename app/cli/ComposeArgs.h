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
// --from, the flag --no-signature, and the answers --reply --reply-all --forward
// --forward-attached (each a message id).
void declareComposeOptions(ArgParser &p);
// Whether one of the answer options is given (recipients and subject may come from it).
bool answers(const ArgParser &p);

// The draft the options describe. From is the identity --from names (without it: the identity
// an answered message was addressed to, else the account's own address; an address that is no
// identity of the account is a CommandError), and that identity's signature ends the text
// (core/mime/Signature.h) unless --no-signature. An answer starts as the compose window's does
// (core/smtp/StartDraft.h): --to/--cc/--bcc and --attach add to it, --subject replaces its
// subject, --body-file goes above its quote.
mime::Draft draftFromOptions(CliContext &ctx, const ArgParser &p, const store::Account &account,
                             const QString &context);

// "Name <addr>" or "addr"; UsageError naming `context` otherwise.
mime::Address parseAddress(const QString &text, const QString &context);
// A UTF-8 text file ("-" is stdin); CommandError when unreadable.
QString readTextFile(const QString &path);

} // namespace herald::cli
