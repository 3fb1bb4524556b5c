#pragma once
// Where a message being written starts: an answer to a cached message (reply, reply-all,
// forward inline or as attachment, by the rules of core/mime/Reply.h, with the signature of the
// chosen identity by core/mime/Signature.h), or saved bytes opened again (a draft, or a message
// the outbox holds) with every field the compose window edits. Shared by the compose window and
// herald-cli, so both read the parent message and pick the identity the same way.

#include "core/accounts/Identity.h"
#include "core/mime/Message.h"
#include "core/mime/MessageBuilder.h"
#include "core/store/Records.h"

#include <QByteArray>
#include <QStringList>
#include <optional>
#include <vector>

namespace herald::store {
class Store;
}

namespace herald::smtp {

enum class Answer { Reply, ReplyAll, ForwardInline, ForwardAsAttachment };

struct CachedMessage
{
    store::MessageRow row;
    QByteArray raw;       // empty when the body is not in the cache (body policy)
    mime::Message parsed; // from `raw`, with attachment data; else what the row knows
};

// Message `messageId` of the cache, or nullopt when there is none.
std::optional<CachedMessage> loadCached(store::Store &store, qint64 messageId);

// Every identity of the account (the account's own address first).
std::vector<accounts::Identity> accountIdentities(const store::Account &account);
// The identity a message was addressed to (To, Cc, then Delivered-To/X-Original-To), so a
// reply goes out from the alias the mail came to; else the account's default.
accounts::Identity identityForAnswer(const store::Account &account, const mime::Message &parent);

// The answer's draft: From the identity, its signature applied. Throws std::runtime_error with
// a readable message when a forward needs the body and the cache has none.
mime::Draft answerDraft(const store::Account &account, const CachedMessage &parent, Answer kind,
                        const accounts::Identity &identity);

// The fields of saved message bytes: From, To, Cc, Bcc, Subject, text, HTML, attachments (with
// their bytes), In-Reply-To and References. `envelope` (an outbox message's recipients): those
// in neither To nor Cc are its Bcc, which sent bytes do not carry.
mime::Draft draftFromBytes(const QByteArray &raw, const QStringList &envelope = {});

} // namespace herald::smtp
