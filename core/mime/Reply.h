#pragma once
// Compose helpers: reply, reply-all and forward drafts made from a parsed message (Message.h),
// ready for buildMessage() (MessageBuilder.h).
//  - reply: "Re: " once, the text quoted with "> " under an attribution line, In-Reply-To the
//    parent's Message-ID, References the parent's References (or In-Reply-To) plus its id;
//    to the Reply-To, else the From (to the original recipients when the parent is our own).
//  - reply-all: also Cc every To/Cc of the parent, never one of the user's own addresses, never
//    an address twice.
//  - forward inline: "Fwd: " once, the original's main headers and text in the body, its
//    attachments attached again (same bytes).
//  - forward as attachment: the whole original as a message/rfc822 part, which carries the
//    bytes unencoded (RFC 2046 §5.2.1 allows only 7bit/8bit/binary there; VMime would base64).

#include "core/mime/Message.h"
#include "core/mime/MessageBuilder.h"

namespace herald::mime {

QString replySubject(const QString &subject);
QString forwardSubject(const QString &subject);
// Every line prefixed with "> " (">" before a line that is already quoted); CRLF or LF in.
QString quoteText(const QString &text);
// "On Mon, 3 Mar 2025 10:00:00 +0100, Name <addr> wrote:"
QString attributionLine(const Message &parent);
// Sets draft.inReplyTo and draft.references for a reply to `parent` (subject untouched).
void applyReplyHeaders(const Message &parent, Draft &draft);

struct ReplyOptions
{
    bool all = false;         // reply-all
    QStringList ownAddresses; // every address of the user's identities (self.email is added)
};

Draft makeReply(const Message &parent, const Address &self, const ReplyOptions &options = {});
Draft makeForwardInline(const Message &parent, const QByteArray &parentRaw, const Address &self);
Draft makeForwardAsAttachment(const Message &parent, const QByteArray &parentRaw,
                              const Address &self);
// buildMessage() for a forward made by makeForwardAsAttachment() (buildMessage() itself now
// carries every message/rfc822 attachment as it is, 7bit or 8bit, so drafts and the outbox get
// the same bytes). Empty with `error` set on failure.
QByteArray buildForwardAsAttachment(const Draft &draft, const QByteArray &parentRaw,
                                    QString *error = nullptr);

} // namespace herald::mime
