#include "core/engine/imap/MailboxWatcher.h"

#include "core/engine/imap/TaskReplayer.h"
#include "core/store/Store.h"
#include "core/tasks/TaskKind.h"

#include <QElapsedTimer>
#include <QThread>
#include <QTimer>

namespace herald::imap {

namespace {
bool hasDueTasks(store::Store &store, qint64 accountId)
{
    for (const store::Task &t : store.tasks().due(accountId, QDateTime::currentSecsSinceEpoch()))
        if (tasks::replayedOverImap(t.kind)) // the list TaskReplayer replays
            return true;
    return false;
}

void sleepUnless(const std::atomic<bool> &stop, const std::atomic<bool> &wake, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!stop && !wake && t.elapsed() < ms)
        QThread::msleep(100);
}
} // namespace

void MailboxWatcher::run()
{
    int backoffMs = 1000;
    bool retrying = false;
    while (!m_stop) {
        m_fullPassRequested = false;
        AccountSync sync(m_store, m_account, m_options.policy);
        sync.setStopFlag(&m_stop); // a long pass ends soon after stop(), not when it is done
        sync.setProgress([this](const QString &line) { say(line); }); // a first pass is long
        sync.setCountReport(m_count);
        // While retrying after a failure the watcher stays Disconnected until a pass works:
        // a front end would otherwise flicker between "Syncing…" and "Offline" at each try.
        if (!retrying)
            setState(State::Syncing);
        AccountSyncReport report;
        net::Error e = sync.run(report);
        sync.setProgress({}); // the watch session's "connecting" would hide "watching INBOX"
        m_store.bodies().removeDeletedFiles(); // of messages the pass removed
        notifyChange(); // even a failed pass may have stored part of its work
        if (!e) {
            backoffMs = 1000;
            retrying = false;
            say(QStringLiteral("%1: up to date (%2 folders); watching %3")
                    .arg(m_account.name)
                    .arg(report.folders)
                    .arg(m_options.folder));
            if (m_afterNewMail)
                m_afterNewMail();
            e = watchSession(sync);
        }
        if (m_stop)
            break;
        if (e) {
            retrying = true;
            setState(State::Disconnected, e);
            say(QStringLiteral("%1: %2; retrying in %3 s")
                    .arg(m_account.name, e.message)
                    .arg(backoffMs / 1000));
            sleepUnless(m_stop, m_fullPassRequested, backoffMs);
            backoffMs = std::min(backoffMs * 2, 5 * 60 * 1000);
        }
    }
}

net::Error MailboxWatcher::refreshFolder(ImapSession &session, const QString &name)
{
    const auto folder = m_store.folders().byName(m_account.id, name);
    if (!folder)
        return net::Error();
    FolderSync folderSync(session, m_store, m_options.policy);
    folderSync.setCountReport(m_count);
    FolderSyncStats stats;
    if (auto e = folderSync.sync(*folder, stats))
        return e;
    if (const auto fresh = m_store.folders().byId(folder->id))
        if (auto e = folderSync.fetchBodies(*fresh, stats))
            return e;
    if (stats.removed)
        m_store.bodies().removeDeletedFiles();
    if (stats.added || stats.flagsChanged || stats.removed || stats.bodies)
        notifyChange();
    if (stats.added || stats.flagsChanged || stats.removed)
        say(QStringLiteral("%1/%2: %3 new, %4 changed, %5 removed")
                .arg(m_account.name, name)
                .arg(stats.added)
                .arg(stats.flagsChanged)
                .arg(stats.removed));
    if ((stats.added || stats.bodies) && m_afterNewMail)
        m_afterNewMail();
    return net::Error();
}

net::Error MailboxWatcher::watchSession(AccountSync &sync)
{
    ImapSession session;
    if (auto e = sync.openSession(session))
        return e;
    ImapClient &client = session.client();
    const bool canIdle = client.hasCapability("IDLE");
    bool changed = false;
    QObject::connect(&client, &ImapClient::mailboxEvent, &client, [&](const MailboxEvent &) {
        changed = true;
        if (client.isIdling())
            client.idleDone();
    });
    QElapsedTimer sinceFullPass;
    sinceFullPass.start();
    TaskReplayer replayer(session, m_store, m_account.id);

    while (!m_stop) {
        if (auto e = refreshFolder(session, m_options.folder))
            return e;
        setState(State::Watching);
        changed = false;
        if (hasDueTasks(m_store, m_account.id)) {
            int n = 0;
            if (auto e = replayer.replayAll(&n))
                return e;
            say(QStringLiteral("%1: %2 local changes sent").arg(m_account.name).arg(n));
            notifyChange();
            continue; // refresh again: the replay may have changed the watched folder
        }
        if (m_fullPassRequested || sinceFullPass.elapsed() > m_options.fullPassIntervalMs)
            return net::Error(); // the outer loop runs a full pass and comes back

        // Wait for the server (IDLE) or poll (NOOP), waking up for local tasks.
        QTimer wake;
        wake.setInterval(canIdle ? m_options.taskCheckMs : m_options.pollMs);
        QElapsedTimer idling;
        idling.start();
        QObject::connect(&wake, &QTimer::timeout, &client, [&] {
            const bool restart = idling.elapsed() > m_options.idleRestartMs;
            if (m_stop || m_fullPassRequested || restart || hasDueTasks(m_store, m_account.id)) {
                if (client.isIdling())
                    client.idleDone();
            }
        });
        wake.start();
        if (canIdle) {
            auto r = session.wait<Empty>([&](auto done) { client.idle({}, done); });
            if (!r.ok())
                return r.error;
        } else {
            QEventLoop pause;
            QTimer::singleShot(m_options.pollMs, &pause, &QEventLoop::quit);
            pause.exec();
            auto r = session.wait<Empty>([&](auto done) { client.noop(done); });
            if (!r.ok())
                return r.error;
        }
    }
    session.close();
    return net::Error();
}

} // namespace herald::imap
