#include "core/engine/pop3/Pop3Download.h"

#include "core/accounts/OpenSession.h"
#include "core/ingest/MessageIngest.h"
#include "core/ingest/ParseAhead.h"
#include "core/mime/MessageParser.h"
#include "core/net/Caught.h"
#include "core/pop3/Pop3Session.h"
#include "core/store/Pop3State.h"
#include "core/store/Store.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <deque>
#include <exception>
#include <memory>

namespace herald::pop3 {

using net::Error;

namespace {
struct Item
{
    int number = 0;
    qint64 size = 0;
    QString key;
};

constexpr qint64 kDay = 24 * 60 * 60;
// Downloaded messages waiting for the cache at most; beyond, the reader waits for the parser.
constexpr size_t kMaxParsing = 64;
// Downloaded messages written per transaction at most (besides the batch count).
constexpr qint64 kWriteBytes = 8 * 1024 * 1024;
} // namespace

Pop3Download::Pop3Download(store::Store &store, store::Account account)
    : m_store(store), m_account(std::move(account))
{
    const auto settings = accounts::AccountSettings::fromJson(m_account.settingsJson);
    m_options.leaveOnServer = settings.leaveOnServer;
    m_options.deleteAfterDays = settings.deleteAfterDays;
    m_options.deleteWhenDeletedInHerald = settings.deleteWhenDeletedInHerald;
    m_options.preferApop = settings.preferApop;
    m_clock = [] { return QDateTime::currentSecsSinceEpoch(); };
}

qint64 Pop3Download::ensureLocalFolders(store::Store &store, qint64 accountId)
{
    const auto make = [&](const QString &name, const QString &specialUse) {
        if (auto existing = store.folders().byName(accountId, name))
            return existing->id;
        store::Folder f;
        f.accountId = accountId;
        f.name = name;
        f.delimiter = QStringLiteral("/");
        f.specialUse = specialUse;
        f.isLocal = true;
        return store.folders().upsert(f);
    };
    const qint64 inbox = make(QStringLiteral("INBOX"), QString());
    make(QStringLiteral("Archive"), QStringLiteral("\\Archive"));
    return inbox;
}

QString Pop3Download::contentKey(const QByteArray &topHeaders, qint64 size)
{
    // The header block up to and including the empty line, line ends normalised to LF.
    QByteArray headers = topHeaders;
    headers.replace("\r\n", "\n");
    const qsizetype end = headers.indexOf("\n\n");
    if (end >= 0)
        headers.truncate(end + 2);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(headers);
    hash.addData(QByteArray::number(size));
    return QStringLiteral("sha256:") + QString::fromLatin1(hash.result().toHex());
}

net::Error Pop3Download::run(DownloadReport &report)
{
    const auto login = accounts::serverLogin(m_account.name, m_account.incomingUrl,
                                             m_account.settingsJson, accounts::Protocol::Pop3);
    const auto &url = login.url;
    Pop3Session session;
    session.setPreferApop(m_options.preferApop);
    Pop3Client &client = session.client();
    client.setMaxMessageBytes(m_options.maxMessageBytes + m_options.maxMessageBytes / 8 + 65536);
    if (auto e = accounts::openSession(session, login, m_stop, m_progress))
        return e;

    // ---- what is on the server
    std::optional<Result<QList<UidlEntry>>> uidl;
    std::optional<Result<QList<ListEntry>>> list;
    client.uidl([&](const Result<QList<UidlEntry>> &r) { uidl = r; });
    client.list([&](const Result<QList<ListEntry>> &r) { list = r; });
    session.waitUntil([&] { return uidl && list; });
    if (!list->ok())
        return list->error;
    if (!uidl->ok() && uidl->error.kind != Error::Kind::CommandFailed)
        return uidl->error;

    std::vector<Item> items;
    QHash<int, qsizetype> byNumber;
    for (const ListEntry &e : list->value) {
        byNumber.insert(e.number, qsizetype(items.size()));
        items.push_back({e.number, e.size, QString()});
    }
    const auto disagree = [&] {
        return Error::make(Error::Kind::Protocol,
                           QStringLiteral("%1 sent inconsistent message lists (UIDL and LIST "
                                          "disagree); nothing was downloaded.")
                               .arg(url->host));
    };
    if (uidl->ok()) {
        QSet<QString> seen;
        for (const UidlEntry &e : uidl->value) {
            const auto it = byNumber.constFind(e.number);
            const QString key = QString::fromLatin1(e.uid);
            if (it == byNumber.cend() || seen.contains(key))
                return disagree();
            seen.insert(key);
            items[*it].key = key;
        }
        for (const Item &i : items)
            if (i.key.isEmpty())
                return disagree();
    } else {
        // No UIDL: the content hash of the headers (TOP n 0) and the size; see README.md.
        report.usedContentHash = true;
        say(QStringLiteral("%1: the server has no UIDL; identifying messages by their headers")
                .arg(m_account.name));
        int pending = 0;
        Error failure;
        for (Item &item : items) {
            ++pending;
            client.top(item.number, 0, [&, p = &item](const Result<QByteArray> &r) {
                --pending;
                if (!r.ok()) {
                    if (!failure)
                        failure = r.error.kind == Error::Kind::CommandFailed
                                      ? Error::make(Error::Kind::Unsupported,
                                                    QStringLiteral("%1 supports neither UIDL nor "
                                                                   "TOP, so Herald cannot tell "
                                                                   "which messages are new.")
                                                        .arg(url->host))
                                      : r.error;
                    return;
                }
                p->key = contentKey(r.value, p->size);
            });
        }
        session.waitUntil([&] { return pending == 0; });
        if (failure)
            return failure;
        // Identical messages (same headers and size) are told apart by their order.
        QHash<QString, int> occurrences;
        for (Item &item : items) {
            const int n = ++occurrences[item.key];
            if (n > 1)
                item.key += QStringLiteral("#%1").arg(n);
        }
    }
    report.onServer = int(items.size());

    // ---- what is new
    const qint64 now = m_clock();
    store::Pop3State state(m_store.db());
    qint64 inboxId = 0;
    QSet<QString> serverKeys;
    for (const Item &i : items)
        serverKeys.insert(i.key);
    {
        store::Transaction tx(m_store.db());
        inboxId = ensureLocalFolders(m_store, m_account.id);
        state.forgetAllBut(m_account.id, serverKeys);
        // Messages cached without a state row (an interrupted older build): adopt them.
        const auto known = state.known(m_account.id);
        for (const QString &key : state.cachedKeys(m_account.id))
            if (serverKeys.contains(key) && !known.contains(key))
                state.add(m_account.id, key, now, 0);
        tx.commit();
    }
    const auto known = state.known(m_account.id);
    std::deque<const Item *> todo;
    for (const Item &i : items) {
        if (known.contains(i.key))
            continue;
        if (i.size > m_options.maxMessageBytes) {
            ++report.tooLarge;
            report.notes << QStringLiteral("message %1 (%2 MB) is larger than the limit of %3 MB; "
                                           "it stays on the server")
                                .arg(i.number)
                                .arg(i.size / (1024 * 1024))
                                .arg(m_options.maxMessageBytes / (1024 * 1024));
            continue;
        }
        todo.push_back(&i);
    }
    say(QStringLiteral("%1: %2 messages on the server, %3 new")
            .arg(m_account.name)
            .arg(items.size())
            .arg(todo.size()));

    // ---- download: pipelined RETR in a bounded window, committed in batches
    const int total = int(todo.size());
    int inFlight = 0;
    qint64 inFlightBytes = 0;
    Error failure;
    std::exception_ptr storeFailure;
    sync::MessageIngest ingest(m_store);
    std::function<void()> issueMore;
    // Messages that arrived whole wait here and are written in one short transaction per batch
    // (count or bytes), between two reads: the write lock is never held across a network wait.
    struct Arrived
    {
        const Item *item;
        QByteArray raw;
        mime::Message parsed;
    };
    std::vector<Arrived> arrived;
    qint64 arrivedBytes = 0;
    const auto write = [&] {
        if (arrived.empty())
            return;
        store::Transaction tx(m_store.db());
        for (const Arrived &a : arrived) {
            sync::IncomingMessage meta;
            meta.accountId = m_account.id;
            meta.folderId = inboxId;
            meta.remoteKey = a.item->key;
            meta.size = a.raw.size();
            ingest.addMessage(meta, a.raw, a.parsed);
            state.add(m_account.id, a.item->key, now, a.item->size);
        }
        tx.commit();
        arrived.clear();
        arrivedBytes = 0;
    };
    const auto keep = [&](const Item *item, const QByteArray &raw, const mime::Message &parsed) {
        arrived.push_back({item, raw, parsed});
        arrivedBytes += raw.size();
        ++report.downloaded;
        if (int(arrived.size()) >= m_options.batchMessages || arrivedBytes >= kWriteBytes)
            write();
        if (report.downloaded % 200 == 0)
            say(QStringLiteral("%1: downloaded %2 of %3")
                    .arg(m_account.name)
                    .arg(report.downloaded)
                    .arg(total));
    };
    // Messages are parsed on a worker while this thread reads the next ones, and kept here in
    // arrival order; what arrived whole is kept before any commit that follows it.
    sync::ParseAhead parser([](const QByteArray &raw) { return mime::parseMessage(raw); });
    std::deque<std::pair<const Item *, QByteArray>> parsing;
    const auto keepParsed = [&](bool all) {
        while (!parsing.empty() && (all || parser.frontReady() || parsing.size() > kMaxParsing)) {
            const mime::Message parsed = parser.takeFront();
            const auto [item, raw] = parsing.front();
            parsing.pop_front();
            keep(item, raw, parsed);
        }
    };
    issueMore = [&] {
        while (!todo.empty() && !failure && !storeFailure && inFlight < m_options.windowMessages &&
               (inFlight == 0 || inFlightBytes + todo.front()->size <= m_options.windowBytes)) {
            const Item *item = todo.front();
            todo.pop_front();
            ++inFlight;
            inFlightBytes += item->size;
            client.retr(item->number, [&, item](const Result<QByteArray> &r) {
                --inFlight;
                inFlightBytes -= item->size;
                if (failure || storeFailure)
                    return;
                if (r.error.kind == Error::Kind::CommandFailed) {
                    report.notes << QStringLiteral("message %1 could not be downloaded: %2")
                                        .arg(item->number)
                                        .arg(r.error.message);
                } else if (!r.ok()) {
                    failure = r.error;
                    return;
                } else {
                    try {
                        parsing.emplace_back(item, r.value);
                        parser.submit(r.value);
                        keepParsed(false);
                    } catch (...) {
                        storeFailure = std::current_exception();
                        client.cancel();
                        return;
                    }
                }
                issueMore();
            });
        }
    };
    issueMore();
    session.waitUntil([&] { return inFlight == 0 && (todo.empty() || failure || storeFailure); });
    if (!storeFailure) {
        try {
            keepParsed(true);
        } catch (...) {
            storeFailure = std::current_exception();
        }
    }
    if (storeFailure) // the batch the failure happened in was rolled back
        return net::storageErrorOf([&] { std::rethrow_exception(storeFailure); });
    write(); // every message in it arrived whole: kept even when the pass failed later
    if (failure)
        return failure;

    // ---- delete from the server: only what has a committed state row
    const auto committed = state.known(m_account.id);
    const QSet<QString> cached = state.cachedKeys(m_account.id);
    std::vector<int> toDelete;
    for (const Item &i : items) {
        const auto it = committed.constFind(i.key);
        if (it == committed.cend())
            continue;
        const bool old =
            m_options.deleteAfterDays > 0 && *it + qint64(m_options.deleteAfterDays) * kDay <= now;
        const bool deletedHere = m_options.deleteWhenDeletedInHerald && !cached.contains(i.key);
        if (!m_options.leaveOnServer || old || deletedHere)
            toDelete.push_back(i.number);
    }
    int accepted = 0;
    int pendingDele = int(toDelete.size());
    for (int number : toDelete)
        client.dele(number, [&, number](const Result<Empty> &r) {
            --pendingDele;
            if (r.ok())
                ++accepted;
            else if (r.error.kind == Error::Kind::CommandFailed)
                report.notes << QStringLiteral("message %1 could not be deleted on the server: %2")
                                    .arg(number)
                                    .arg(r.error.message);
            else if (!failure)
                failure = r.error;
        });
    session.waitUntil([&] { return pendingDele == 0; });
    if (failure)
        return failure;
    if (auto e = session.close())
        return e;
    report.deleted = accepted;
    return Error();
}

} // namespace herald::pop3
