#include "core/engine/imap/FolderSync.h"

#include "core/ingest/MessageIngest.h"
#include "core/ingest/ParseAhead.h"
#include "core/mime/MessageParser.h"
#include "core/net/Caught.h"
#include "core/store/ShortTransactions.h"
#include "core/store/Store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <deque>
#include <unordered_map>
#include <unordered_set>

namespace herald::imap {

Q_LOGGING_CATEGORY(lcSync, "herald.imap.sync")

namespace {
const QByteArray kRecent = "\\Recent";
// Parsed bodies waiting for the cache at most; beyond, the reader waits for the parser.
constexpr size_t kMaxParsing = 64;
// Parsed bodies written per transaction in the body pass (besides at the end of each FETCH).
constexpr qint64 kBodyWriteBytes = 1024 * 1024;

net::Error fromResult(const CommandResult &r)
{
    return r.error;
}
} // namespace

void splitFlags(const QList<QByteArray> &imapFlags, int *bits, QStringList *keywords)
{
    *bits = 0;
    keywords->clear();
    for (const QByteArray &f : imapFlags) {
        if (f.compare(kRecent, Qt::CaseInsensitive) == 0)
            continue; // session-only, not a property of the message
        const QString name = QString::fromUtf8(f);
        if (const int bit = store::systemFlagFromName(name))
            *bits |= bit;
        else if (!name.startsWith(QLatin1Char('\\')))
            *keywords << name;
    }
    keywords->sort();
}

QList<QByteArray> joinFlags(int bits, const QStringList &keywords)
{
    QList<QByteArray> out;
    for (const QString &n : store::flagNames(bits, keywords))
        out << n.toUtf8();
    return out;
}

std::unordered_set<quint32> FolderSync::leavingUids(const store::Folder &folder)
{
    std::unordered_set<quint32> out;
    for (const store::Task &t : m_store.tasks().list(folder.accountId)) {
        if ((t.kind != QLatin1String("move") && t.kind != QLatin1String("expunge")) ||
            (t.state != QLatin1String("pending") && t.state != QLatin1String("running")))
            continue;
        const QJsonObject p = QJsonDocument::fromJson(t.payloadJson.toUtf8()).object();
        const QJsonValue uid = p[QStringLiteral("uid")],
                         validity = p[QStringLiteral("uidvalidity")];
        if (p[QStringLiteral("folder")].toString() != folder.name || uid.isNull() ||
            (folder.uidValidity && !validity.isNull() &&
             qint64(validity.toDouble()) != *folder.uidValidity))
            continue;
        if (!m_store.messages().idByUid(folder.id, qint64(uid.toDouble())))
            out.insert(quint32(uid.toDouble())); // (a row still here is counted already)
    }
    return out;
}

qint64 FolderSync::cachedCount(const store::Folder &folder)
{
    // Messages moved or deleted here whose task has not reached the server yet (held for the
    // undo window, or waiting for a connection) are still there: not an expunge to find.
    return m_store.messages().countWithUid(folder.id) + qint64(leavingUids(folder).size());
}

void FolderSync::applyFlags(const store::Folder &folder, const FetchData &fetch,
                            FolderSyncStats &stats, bool serverWins)
{
    if (!fetch.uid || !fetch.flags)
        return;
    const auto row = m_store.messages().byUid(folder.id, *fetch.uid);
    if (!row)
        return; // a message we have not fetched yet; its headers come with the new mail
    int bits = 0;
    QStringList keywords;
    splitFlags(*fetch.flags, &bits, &keywords);
    QStringList cached = row->keywords;
    cached.sort();
    const std::optional<qint64> modseq =
        fetch.modseq ? std::optional<qint64>(qint64(*fetch.modseq)) : std::nullopt;
    // Another engine on this profile (the window's watcher, a CLI sync) already stored a newer
    // state of this message: an older answer must not overwrite it.
    // (Not after the server's MODSEQs went backwards: every cached one is then higher, and the
    // full resync would keep the stale flags - found by tst_folder_sync_scripted.)
    if (!serverWins && modseq && row->modSeq && *modseq < *row->modSeq)
        return;
    const bool same = bits == row->flags && keywords == cached;
    // Keep the MODSEQ current even when the flags end up the same (another device
    // set and cleared one): a later local change is sent with UNCHANGEDSINCE this
    // value, and a stale one would make the server refuse it as a conflict.
    if (same && (!modseq || modseq == row->modSeq))
        return;
    m_store.messages().setFlags(row->id, bits, keywords, modseq);
    if (!same)
        ++stats.flagsChanged;
}

net::Error FolderSync::sync(const store::Folder &cached, FolderSyncStats &stats)
{
    store::Folder folder = cached;
    const bool complete = folder.uidValidity && folder.uidNext;
    SelectOptions options;
    options.condstore = m_session.hasCondstore();
    if (complete && folder.highestModSeq && m_session.hasQresync())
        options.qresync =
            QresyncParams{quint32(*folder.uidValidity), quint64(*folder.highestModSeq), {}};
    auto sel = m_session.wait<SelectResult>(
        [&](auto done) { m_session.client().select(folder.name, options, done); });
    if (!sel.ok())
        return fromResult(sel);
    const SelectResult &s = sel.value;

    if (folder.uidValidity && quint32(*folder.uidValidity) != s.uidValidity) {
        qCWarning(lcSync) << "UIDVALIDITY of" << folder.name << "changed from"
                          << *folder.uidValidity << "to" << s.uidValidity
                          << "- discarding its cached messages";
        store::Transaction tx(m_store.db());
        m_store.messages().removeFolderContents(folder.id);
        m_store.folders().setSyncState(folder.id, std::nullopt, std::nullopt, std::nullopt);
        tx.commit();
        stats.uidValidityChanged = true;
        folder.uidValidity.reset();
        folder.uidNext.reset();
        folder.highestModSeq.reset();
        return fullResync(folder, s, stats);
    }
    if (!complete)
        return fullResync(folder, s, stats);

    const bool modseqUsable = s.highestModSeq && folder.highestModSeq && !s.noModSeq;
    if (modseqUsable && *s.highestModSeq < quint64(*folder.highestModSeq)) {
        qCWarning(lcSync) << "HIGHESTMODSEQ of" << folder.name << "went backwards; full resync";
        return fullResync(folder, s, stats, /*serverWins=*/true);
    }

    // 1. What changed among the messages we already have.
    if (options.qresync && modseqUsable) {
        store::Transaction tx(m_store.db());
        std::vector<qint64> vanished;
        for (quint32 uid : s.vanished.toList())
            vanished.push_back(uid);
        const auto removed = m_store.messages().removeUids(folder.id, vanished);
        stats.removed += int(removed.size());
        for (const FetchData &f : s.changed)
            applyFlags(folder, f, stats);
        tx.commit();
    } else if (modseqUsable) {
        if (*s.highestModSeq != quint64(*folder.highestModSeq))
            if (auto e = flagsChangedSince(folder, quint64(*folder.highestModSeq), stats))
                return e;
    } else {
        return fullResync(folder, s, stats);
    }

    // 2. New mail: everything at or above the cached UIDNEXT.
    if (s.uidNext > quint32(*folder.uidNext) || s.uidNext == 0) {
        auto uids = m_session.wait<SearchResult>([&](auto done) {
            m_session.client().uidSearch("UID " + QByteArray::number(*folder.uidNext) + ":*", done);
        });
        if (!uids.ok())
            return fromResult(uids);
        QVector<quint32> fresh;
        for (quint32 uid : uids.value.uids.toList())
            if (uid >= quint32(*folder.uidNext))
                fresh << uid;
        std::reverse(fresh.begin(), fresh.end());
        if (auto e = fetchHeaders(folder, fresh, stats))
            return e;
    }

    // 3. Expunges without QRESYNC: the count tells whether any happened.
    if (!options.qresync && qint64(s.exists) != cachedCount(folder))
        if (auto e = removeVanished(folder, stats))
            return e;

    if (qint64(s.exists) != cachedCount(folder)) {
        qCWarning(lcSync) << folder.name << ": server has" << s.exists << "messages, cache"
                          << cachedCount(folder) << "after incremental sync; full resync";
        return fullResync(folder, s, stats);
    }
    m_store.folders().setSyncState(
        folder.id, qint64(s.uidValidity), std::max<qint64>(s.uidNext, *folder.uidNext),
        s.highestModSeq ? std::optional<qint64>(qint64(*s.highestModSeq)) : std::nullopt);
    return net::Error();
}

net::Error FolderSync::flagsChangedSince(const store::Folder &folder, quint64 modseq,
                                         FolderSyncStats &stats)
{
    FetchOptions options;
    options.changedSince = modseq;
    // Collected first, written after the answer: no transaction across the network wait.
    std::vector<FetchData> changed;
    auto r = m_session.wait<FetchResult>([&](auto done) {
        m_session.client().uidFetch(
            UidSet::range(1, UidSet::Star), "(UID FLAGS)", options,
            [&](const FetchData &f) { changed.push_back(f); }, done);
    });
    if (!r.ok())
        return fromResult(r);
    store::Transaction tx(m_store.db());
    for (const FetchData &f : changed)
        applyFlags(folder, f, stats);
    tx.commit();
    return net::Error();
}

net::Error FolderSync::removeVanished(const store::Folder &folder, FolderSyncStats &stats)
{
    auto r =
        m_session.wait<SearchResult>([&](auto done) { m_session.client().uidSearch("ALL", done); });
    if (!r.ok())
        return fromResult(r);
    std::vector<qint64> gone;
    for (const auto &state : m_store.messages().uidStates(folder.id))
        if (!r.value.uids.contains(quint32(state.uid)))
            gone.push_back(state.uid);
    store::Transaction tx(m_store.db());
    stats.removed += int(m_store.messages().removeUids(folder.id, gone).size());
    tx.commit();
    return net::Error();
}

net::Error FolderSync::fullResync(const store::Folder &folder, const SelectResult &s,
                                  FolderSyncStats &stats, bool serverWins)
{
    stats.fullResync = true;
    // UID and flags of every message: ~20 bytes a message on the wire; the map
    // stays a few MB even at 100,000 messages.
    struct ServerFlags
    {
        QList<QByteArray> flags;
        std::optional<quint64> modseq;
    };
    std::unordered_map<quint32, ServerFlags> server;
    server.reserve(s.exists);
    const QByteArray items = m_session.hasCondstore() ? "(UID FLAGS MODSEQ)" : "(UID FLAGS)";
    if (s.exists > 0) {
        auto r = m_session.wait<FetchResult>([&](auto done) {
            m_session.client().uidFetch(
                UidSet::range(1, UidSet::Star), items, {},
                [&](const FetchData &f) {
                    if (!f.uid)
                        return;
                    server[*f.uid] = {f.flags.value_or(QList<QByteArray>()), f.modseq};
                },
                done);
        });
        if (!r.ok())
            return fromResult(r);
    }
    std::unordered_set<quint32> local;
    {
        store::Transaction tx(m_store.db());
        std::vector<qint64> gone;
        for (const auto &state : m_store.messages().uidStates(folder.id)) {
            const auto it = server.find(quint32(state.uid));
            if (it == server.end()) {
                gone.push_back(state.uid);
                continue;
            }
            local.insert(quint32(state.uid));
            FetchData f;
            f.uid = quint32(state.uid);
            f.flags = it->second.flags;
            f.modseq = it->second.modseq;
            applyFlags(folder, f, stats, serverWins);
        }
        stats.removed += int(m_store.messages().removeUids(folder.id, gone).size());
        tx.commit();
    }
    // Messages on their way out of this folder (a task not sent yet) are not new mail: their
    // rows already moved or went in the cache, and fetching them would show them twice.
    const std::unordered_set<quint32> leaving = leavingUids(folder);
    QVector<quint32> missing;
    for (const auto &entry : server)
        if (!local.count(entry.first) && !leaving.count(entry.first))
            missing << entry.first;
    std::sort(missing.begin(), missing.end(), std::greater<quint32>());
    if (auto e = fetchHeaders(folder, missing, stats))
        return e;
    quint32 maxUid = 0;
    for (const auto &entry : server)
        maxUid = std::max(maxUid, entry.first);
    m_store.folders().setSyncState(
        folder.id, qint64(s.uidValidity), std::max<qint64>(s.uidNext, qint64(maxUid) + 1),
        s.highestModSeq ? std::optional<qint64>(qint64(*s.highestModSeq)) : std::nullopt);
    return net::Error();
}

net::Error FolderSync::fetchHeaders(const store::Folder &folder, QVector<quint32> uids,
                                    FolderSyncStats &stats)
{
    const QByteArray items = m_session.hasCondstore()
                                 ? "(UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK[HEADER])"
                                 : "(UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[HEADER])";
    sync::MessageIngest ingest(m_store);
    // Header blocks are parsed on a worker while this thread reads the next ones (half of the
    // pass's CPU). Parsed rows wait here, in order, and each batch is written in one short
    // transaction between two reads: a transaction never spans a network wait, so the window
    // and other engines get the write lock within one batch's write, not one batch's transfer.
    sync::ParseAhead parser(mime::parseHeaderBlock);
    std::deque<std::pair<sync::IncomingMessage, QByteArray>> parsing; // submission order
    struct Parsed
    {
        sync::IncomingMessage meta;
        QByteArray headerBytes;
        mime::Message message;
    };
    std::vector<Parsed> ready;
    const auto take = [&](bool all) {
        while (!parsing.empty() && (all || parser.frontReady() || parsing.size() > kMaxParsing)) {
            ready.push_back({std::move(parsing.front().first), std::move(parsing.front().second),
                             parser.takeFront()});
            parsing.pop_front();
        }
    };
    int written = 0;
    // A batch of rows is written in short transactions (store::ShortTransactions: a commit as
    // soon as another writer waits, else every 50 ms; a whole batch of 500 held the lock
    // 100-170 ms, the window's mark-read waiting as long): a crash loses at most the rows since the
    // last commit, and the folder's state (UIDNEXT...) is written by the caller only after every
    // batch committed. The batch is written inside the FETCH callback, but every BEGIN and its
    // COMMIT happen in that one call: the write lock is never held while this thread waits for
    // bytes.
    const auto write = [&] {
        take(true);
        if (ready.empty())
            return;
        store::ShortTransactions tx(m_store.db());
        for (const Parsed &p : ready) {
            // A message already cached (a crash before the folder state was written, or our
            // own MOVE's COPYUID) is refreshed, not new.
            bool isNew = false;
            ingest.addHeaders(p.meta, p.headerBytes, p.message, &isNew);
            if (isNew)
                ++stats.added;
            tx.rowDone();
        }
        tx.finish();
        written += int(ready.size());
        ready.clear();
        count(folder, false, written, int(uids.size()));
    };
    if (uids.isEmpty())
        return net::Error();
    count(folder, false, 0, int(uids.size()));
    int inBatch = 0;
    // The cache failed inside a FETCH callback: the exception must not cross the event loop
    // (Qt does not support it), so it becomes this value, the rest of the answer is read and
    // dropped, and the pass ends with it.
    net::Error storeFailure;
    const auto onMessage = [&](const FetchData &f) {
        // (A FETCH without the header block is another client's flag change, not our answer.)
        if (storeFailure || !f.uid || !f.sections.contains("BODY[HEADER]"))
            return;
        sync::IncomingMessage meta;
        meta.accountId = folder.accountId;
        meta.folderId = folder.id;
        meta.uid = *f.uid;
        splitFlags(f.flags.value_or(QList<QByteArray>()), &meta.flags, &meta.keywords);
        if (f.modseq)
            meta.modSeq = qint64(*f.modseq);
        if (f.internalDate)
            meta.internalDate = f.internalDate->toSecsSinceEpoch();
        meta.size = qint64(f.size.value_or(0));
        const QByteArray headerBytes = f.section("BODY[HEADER]");
        parsing.emplace_back(std::move(meta), headerBytes);
        parser.submit(headerBytes);
        take(false);
        if (++inBatch >= m_policy.headerBatch) {
            storeFailure = net::storageErrorOf(write);
            inBatch = 0;
        }
    };
    // Two batches' FETCHes are in flight at any time, newest batch first: the server answers
    // the next one without waiting a round trip (and this thread's commit), and what it has
    // sent ahead stays bounded.
    std::optional<Result<FetchResult>> failed;
    int nextStart = 0;
    std::function<void(ResultCallback<FetchResult>)> issueNext;
    issueNext = [&](ResultCallback<FetchResult> done) {
        const int start = nextStart;
        nextStart += m_policy.headerBatch;
        ResultCallback<FetchResult> finished = done;
        if (nextStart < uids.size())
            finished = [&, done](const Result<FetchResult> &result) {
                if (!result.ok() && !failed)
                    failed = result;
                if (nextStart < uids.size())
                    issueNext(done);
            };
        m_session.client().uidFetch(UidSet::fromList(uids.mid(start, m_policy.headerBatch)), items,
                                    {}, onMessage, finished);
    };
    auto r = m_session.wait<FetchResult>([&](auto done) {
        issueNext(done);
        if (nextStart < uids.size())
            issueNext(done);
    });
    if (storeFailure)
        return storeFailure;
    if (failed)
        return fromResult(*failed);
    if (!r.ok())
        return fromResult(r);
    return net::storageErrorOf(write);
}

net::Error FolderSync::fetchBodies(const store::Folder &folder, FolderSyncStats &stats)
{
    if (!m_policy.bodies)
        return net::Error();
    // Newest first, so the mail the user most likely opens is offline first.
    const qint64 since = m_policy.bodyMaxAgeDays > 0 ? QDateTime::currentSecsSinceEpoch() -
                                                           qint64(m_policy.bodyMaxAgeDays) * 86400
                                                     : 0;
    std::vector<WantedBody> wanted;
    for (const auto &m : m_store.messages().withoutBody(folder.id, m_policy.bodyMaxSize, since))
        wanted.push_back({quint32(m.uid), m.id, m.size});
    return downloadBodies(folder, wanted, stats);
}

net::Error FolderSync::downloadBodies(const store::Folder &folder,
                                      const std::vector<WantedBody> &wanted, FolderSyncStats &stats)
{
    if (wanted.empty())
        return net::Error();
    if (m_session.client().selectedMailbox() != folder.name) {
        auto sel = m_session.wait<SelectResult>([&](auto done) {
            SelectOptions o;
            o.readOnly = true;
            m_session.client().examine(folder.name, o, done);
        });
        if (!sel.ok())
            return fromResult(sel);
    }
    sync::MessageIngest ingest(m_store);
    // Bodies are parsed on a worker while this thread reads the next ones. Parsed bodies wait
    // here, in order, and are written in short transactions between two reads (every
    // kBodyWriteBytes and at the end of each FETCH), never across a network wait.
    sync::ParseAhead parser(sync::MessageIngest::parseBody);
    std::deque<std::pair<qint64, QByteArray>> parsing; // (message id, raw) in submission order
    struct Parsed
    {
        qint64 id;
        QByteArray raw;
        mime::Message message;
    };
    std::vector<Parsed> ready;
    qint64 readyBytes = 0;
    const auto take = [&](bool all) {
        while (!parsing.empty() && (all || parser.frontReady() || parsing.size() > kMaxParsing)) {
            readyBytes += parsing.front().second.size();
            ready.push_back(
                {parsing.front().first, std::move(parsing.front().second), parser.takeFront()});
            parsing.pop_front();
        }
    };
    int written = 0;
    const auto write = [&] {
        if (ready.empty())
            return;
        store::ShortTransactions tx(m_store.db()); // (as in the header pass)
        for (const Parsed &p : ready) {
            ingest.attachBody(p.id, p.raw, p.message);
            ++stats.bodies;
            tx.rowDone();
        }
        tx.finish();
        written += int(ready.size());
        ready.clear();
        readyBytes = 0;
        count(folder, true, written, int(wanted.size()));
    };
    count(folder, true, 0, int(wanted.size()));
    size_t i = 0;
    while (i < wanted.size()) {
        QVector<quint32> batch;
        std::unordered_map<quint32, qint64> ids;
        qint64 bytes = 0;
        for (; i < wanted.size() && (batch.isEmpty() || bytes < m_policy.bodyBatchBytes); ++i) {
            batch << wanted[i].uid;
            ids[wanted[i].uid] = wanted[i].id;
            bytes += wanted[i].size;
        }
        // As in the header pass: a cache failure in the callback is kept as a value, the
        // rest of this FETCH is dropped, and the pass ends with it after the wait.
        net::Error storeFailure;
        auto r = m_session.wait<FetchResult>([&](auto done) {
            m_session.client().uidFetch(
                UidSet::fromList(batch), "(UID BODY.PEEK[])", {},
                [&](const FetchData &f) {
                    if (storeFailure || !f.uid || !ids.count(*f.uid))
                        return;
                    const QByteArray raw = f.section("BODY[]");
                    parsing.emplace_back(ids[*f.uid], raw);
                    parser.submit(raw);
                    take(false);
                    if (readyBytes >= kBodyWriteBytes)
                        storeFailure = net::storageErrorOf(write);
                },
                done);
        });
        if (storeFailure)
            return storeFailure;
        take(true);
        // What arrived is kept, also when the FETCH then failed.
        if (auto e = net::storageErrorOf(write))
            return e;
        if (!r.ok())
            return fromResult(r);
    }
    return net::Error();
}

} // namespace herald::imap
