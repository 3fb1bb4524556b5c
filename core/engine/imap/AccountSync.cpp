#include "core/engine/imap/AccountSync.h"

#include "core/accounts/OpenSession.h"
#include "core/engine/imap/TaskReplayer.h"
#include "core/net/Caught.h"
#include "core/store/Store.h"

#include <QSet>

namespace herald::imap {

namespace {
void add(FolderSyncStats &total, const FolderSyncStats &s)
{
    total.added += s.added;
    total.flagsChanged += s.flagsChanged;
    total.removed += s.removed;
    total.bodies += s.bodies;
}
} // namespace

store::Folder folderFromList(const ListEntry &e, qint64 accountId)
{
    store::Folder f;
    f.accountId = accountId;
    f.name = e.name;
    f.delimiter = e.delimiter.isNull() ? QString() : QString(e.delimiter);
    f.specialUse = QString::fromUtf8(e.specialUse());
    QStringList attributes;
    for (const QByteArray &flag : e.flags)
        attributes << QString::fromUtf8(flag);
    f.attributes = attributes.join(QLatin1Char(' '));
    return f;
}

AccountSync::AccountSync(store::Store &store, store::Account account, SyncPolicy policy)
    : m_store(store), m_account(std::move(account)), m_policy(policy)
{
    const auto settings = accounts::AccountSettings::fromJson(m_account.settingsJson);
    m_policy.bodies = m_policy.bodies && settings.downloadBodies;
    if (settings.bodyMaxAgeDays > 0 &&
        (m_policy.bodyMaxAgeDays == 0 || settings.bodyMaxAgeDays < m_policy.bodyMaxAgeDays))
        m_policy.bodyMaxAgeDays = settings.bodyMaxAgeDays;
    if (settings.bodyMaxSize > 0 &&
        (m_policy.bodyMaxSize == 0 || settings.bodyMaxSize < m_policy.bodyMaxSize))
        m_policy.bodyMaxSize = settings.bodyMaxSize;
}

net::Error AccountSync::openSession(ImapSession &session)
{
    const auto login = accounts::serverLogin(m_account.name, m_account.incomingUrl,
                                             m_account.settingsJson, accounts::Protocol::Imap);
    return accounts::openSession(session, login, m_stop, m_progress);
}

net::Error AccountSync::syncFolderList(ImapSession &session, AccountSyncReport &report)
{
    auto listed = session.wait<QList<ListEntry>>(
        [&](auto done) { session.client().list(QString(), QStringLiteral("*"), done); });
    if (!listed.ok())
        return listed.error;
    QSet<QString> onServer;
    store::Transaction tx(m_store.db());
    for (const ListEntry &e : listed.value) {
        m_store.folders().upsert(folderFromList(e, m_account.id));
        onServer.insert(e.name);
    }
    // Folders deleted on the server go, unless a pending task still needs them.
    for (const store::Folder &f : m_store.folders().list(m_account.id)) {
        if (f.isLocal || onServer.contains(f.name))
            continue;
        bool needed = false;
        for (const store::Task &t : m_store.tasks().list(m_account.id))
            needed = needed || t.payloadJson.contains(QLatin1Char('"') + f.name + QLatin1Char('"'));
        if (!needed)
            m_store.folders().remove(f.id);
    }
    tx.commit();
    report.folders = int(onServer.size());
    return net::Error();
}

net::Error AccountSync::run(AccountSyncReport &report)
{
    // The engine's boundary: a cache failure outside an event loop (between two waits) ends
    // the pass as a Storage error value, like one inside a FETCH callback (FolderSync).
    net::Error out;
    if (net::Error failed = net::storageErrorOf([&] { out = syncAll(report); }))
        return failed;
    return out;
}

net::Error AccountSync::syncAll(AccountSyncReport &report)
{
    ImapSession session;
    if (auto e = openSession(session))
        return e;
    TaskReplayer replayer(session, m_store, m_account.id);
    if (auto e = replayer.replayAll(&report.tasksReplayed))
        return e;
    if (auto e = syncFolderList(session, report))
        return e;

    // INBOX first (folders().list orders it so), then the rest.
    std::vector<store::Folder> folders;
    for (const store::Folder &f : m_store.folders().list(m_account.id))
        if (!f.isLocal &&
            !f.attributes.contains(QLatin1String("\\Noselect"), Qt::CaseInsensitive) &&
            !f.attributes.contains(QLatin1String("\\NonExistent"), Qt::CaseInsensitive))
            folders.push_back(f);

    FolderSync folderSync(session, m_store, m_policy);
    folderSync.setCountReport(m_count);
    // Headers of every folder first, so every list is usable before bodies arrive.
    for (const store::Folder &f : folders) {
        FolderSyncStats stats;
        const net::Error e = folderSync.sync(f, stats);
        add(report.totals, stats);
        if (e.kind == net::Error::Kind::CommandFailed) {
            report.folderErrors << QStringLiteral("%1: %2").arg(f.name, e.message);
            continue;
        }
        if (e)
            return e;
        if (stats.added || stats.removed || stats.flagsChanged)
            say(QStringLiteral("%1/%2: %3 new, %4 changed, %5 removed")
                    .arg(m_account.name, f.name)
                    .arg(stats.added)
                    .arg(stats.flagsChanged)
                    .arg(stats.removed));
    }
    for (const store::Folder &f : folders) {
        FolderSyncStats stats;
        const auto fresh = m_store.folders().byId(f.id);
        if (!fresh)
            continue;
        const net::Error e = folderSync.fetchBodies(*fresh, stats);
        add(report.totals, stats);
        if (e.kind == net::Error::Kind::CommandFailed) {
            report.folderErrors << QStringLiteral("%1: %2").arg(f.name, e.message);
            continue;
        }
        if (e)
            return e;
        if (stats.bodies)
            say(QStringLiteral("%1/%2: %3 bodies").arg(m_account.name, f.name).arg(stats.bodies));
    }
    session.close();
    return net::Error();
}

} // namespace herald::imap
