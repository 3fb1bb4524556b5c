#include "core/engine/imap/AppendOnce.h"

#include "core/store/Store.h"

namespace herald::imap {

net::Error appendOnce(ImapSession &session, const AppendRequest &request, const CopyFinder &find,
                      quint32 *uid, const std::function<bool()> &afterAppend)
{
    *uid = 0;
    if (request.searchFirst) {
        if (auto e = find(uid))
            return e;
        if (*uid)
            return net::Error(); // stored by an earlier attempt: not again
    }
    auto appended = session.wait<AppendResult>([&](auto done) {
        session.client().append(request.folder, request.bytes, request.flags, request.internalDate,
                                done);
    });
    if (!appended.ok())
        return appended.error;
    if (afterAppend && !afterAppend())
        return net::Error::make(net::Error::Kind::Cancelled,
                                QStringLiteral("stopped after APPEND"));
    *uid = appended.value.uid;
    if (*uid == 0) // no UIDPLUS
        return find(uid);
    return net::Error();
}

void recordAppendedUid(store::Store &store, qint64 folderId, qint64 messageId, quint32 uid)
{
    if (const auto other = store.messages().idByUid(folderId, uid); other && *other != messageId)
        store.messages().remove(*other);
    store.messages().setUid(messageId, uid);
}

} // namespace herald::imap
