#include "core/imap/BodyFetcher.h"

#include "core/imap/AccountSync.h"
#include "core/imap/ImapSession.h"
#include "core/imap/UidSet.h"
#include "core/store/Store.h"
#include "core/sync/MessageIngest.h"

#include <map>

namespace herald::imap {

net::Error BodyFetcher::fetch(const std::vector<qint64> &messageIds, int *fetched)
{
    int count = 0;
    if (fetched)
        *fetched = 0;
    // folder -> uid -> message id, for the messages that need a body
    std::map<qint64, std::map<quint32, qint64>> wanted;
    for (const qint64 id : messageIds) {
        const auto row = m_store.messages().byId(id);
        if (!row || row->accountId != m_account.id || !row->uid || m_store.bodies().has(id))
            continue;
        wanted[row->folderId][quint32(*row->uid)] = id;
    }
    if (wanted.empty())
        return net::Error();

    ImapSession session;
    AccountSync account(m_store, m_account);
    if (auto e = account.openSession(session))
        return e;
    sync::MessageIngest ingest(m_store);
    for (const auto &[folderId, uids] : wanted) {
        const auto folder = m_store.folders().byId(folderId);
        if (!folder)
            continue;
        auto examined = session.wait<SelectResult>([&](auto done) {
            SelectOptions options;
            options.readOnly = true;
            session.client().examine(folder->name, options, done);
        });
        if (!examined.ok())
            return examined.error;
        QVector<quint32> list;
        for (const auto &entry : uids)
            list << entry.first;
        store::Transaction tx(m_store.db());
        auto r = session.wait<FetchResult>([&](auto done) {
            session.client().uidFetch(UidSet::fromList(list), "(UID BODY.PEEK[])", {},
                                      [&](const FetchData &f) {
                                          const auto it = f.uid ? uids.find(*f.uid) : uids.end();
                                          if (it == uids.end())
                                              return;
                                          ingest.attachBody(it->second, f.section("BODY[]"));
                                          ++count;
                                      },
                                      done);
        });
        if (!r.ok())
            return r.error;
        tx.commit();
    }
    session.close();
    if (fetched)
        *fetched = count;
    return net::Error();
}

} // namespace herald::imap
