// POP3: Herald downloads bob's INBOX through the faulty proxy (the first download, or one
// after new mail arrived), with leave-on-server on or off; then a download without faults.
// Every server message is then in the cache exactly once with the server's bytes; with
// leave-on-server off, no message ever left the server before it was in the cache, and none
// is left on the server at the end.
#include "tests/faults/CacheProbe.h"
#include "tests/faults/Scenario.h"
#include "tests/support/TcpProxy.h"
#include "tests/support/TestSupport.h"

#include <QJsonObject>
#include <QRandomGenerator>

namespace herald::faults {

namespace {
const QString kUser = QStringLiteral("bob");
} // namespace

void runPop3(quint32 seed, const test::FaultPlan &plan, RunResult &r)
{
    const auto &s = test::stack();
    QRandomGenerator rng(seed);
    const bool startTls = rng.bounded(2) == 0;
    const bool incremental = rng.bounded(2) == 0;
    const bool leaveOnServer = rng.bounded(2) == 0;
    r.variant =
        QStringLiteral("%1 %2 leave-on-server %3")
            .arg(incremental ? QStringLiteral("incremental") : QStringLiteral("first-download"),
                 startTls ? QStringLiteral("starttls") : QStringLiteral("tls"),
                 leaveOnServer ? QStringLiteral("yes") : QStringLiteral("no"));
    test::ImapDevice device(kUser);
    deviceCall(device, {QStringLiteral("reset")}, r);
    auto deliver = [&](int count) {
        for (int i = 0; i < count; ++i)
            deviceCall(device, {QStringLiteral("append"), QStringLiteral("INBOX")}, r);
    };
    deliver(3 + int(rng.bounded(6)));
    if (!r.ok())
        return;

    test::TcpProxy proxy(s.host, startTls ? s.pop3Port : s.pop3sPort);
    if (!proxy.start()) {
        r.problems << proxy.errorString();
        return;
    }
    test::HeraldProfile profile;
    const QString added = addAccount(
        profile, kUser,
        QStringLiteral("%1://%2@%3:%4")
            .arg(startTls ? QStringLiteral("pop3+starttls") : QStringLiteral("pop3s"), kUser,
                 s.host)
            .arg(proxy.port()),
        QStringLiteral("smtp+starttls://%1@%2:%3").arg(kUser, s.host).arg(s.submissionPort),
        {QStringLiteral("--leave-on-server"),
         leaveOnServer ? QStringLiteral("yes") : QStringLiteral("no")});
    if (!added.isEmpty()) {
        r.problems << added;
        return;
    }
    auto cleanSync = [&](const QString &when) { return syncWithoutFaults(profile, when, r); };
    QHash<QString, QString> expected; // Message-ID -> SHA-256 of the server's bytes
    auto noteServer = [&] {
        for (const ServerMessage &m : serverMessages(device, r))
            if (m.folder == QLatin1String("INBOX"))
                expected[m.messageId] = m.sha256;
    };
    noteServer();
    if (incremental) {
        if (!cleanSync(QStringLiteral("before new mail")))
            return;
        deliver(1 + int(rng.bounded(4)));
        noteServer();
    }

    proxy.setFaultPlan(plan);
    runFaulted(profile, {QStringLiteral("sync")}, r);
    r.fired = !proxy.firedFaults().isEmpty();
    proxy.setFaultPlan({});

    // Deleted only after stored: right after the fault, each message is still on the server
    // or already in the cache.
    auto cacheCounts = [&] {
        QHash<QString, int> counts;
        for (const CachedMessage &m : CacheProbe(profile.path()).messages())
            if (!m.localFolder || m.folder == QLatin1String("INBOX"))
                ++counts[m.messageId];
        return counts;
    };
    QSet<QString> onServer;
    for (const ServerMessage &m : serverMessages(device, r))
        onServer.insert(m.messageId);
    const QHash<QString, int> afterFault = cacheCounts();
    for (auto it = expected.begin(); it != expected.end(); ++it)
        if (!onServer.contains(it.key()) && afterFault.value(it.key()) == 0) {
            ++r.lost;
            r.problems << QStringLiteral("lost: <%1> left the server before it was in the cache")
                              .arg(it.key());
        }

    if (!cleanSync(QStringLiteral("after the fault")))
        return;
    r.cleanBytes = describeBytes(proxy);
    CacheProbe cache(profile.path());
    r.problems += cache.integrityProblems();
    const QHash<QString, int> counts = cacheCounts();
    r.checked = int(expected.size());
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        const int n = counts.value(it.key());
        if (n == 0 && (onServer.contains(it.key()) || afterFault.value(it.key()) > 0)) {
            ++r.lost;
            r.problems << QStringLiteral("lost: <%1> not downloaded").arg(it.key());
        } else if (n > 1) {
            ++r.duplicated;
            r.problems
                << QStringLiteral("duplicated: <%1> %2 times in the cache").arg(it.key()).arg(n);
        }
    }
    for (const CachedMessage &m : cache.messages())
        if (expected.contains(m.messageId) && !m.bodySha256.isEmpty() &&
            m.bodySha256 != expected.value(m.messageId))
            r.problems << QStringLiteral("body of <%1> differs from the server's").arg(m.messageId);
    QSet<QString> left;
    for (const ServerMessage &m : serverMessages(device, r))
        left.insert(m.messageId);
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        if (leaveOnServer && !left.contains(it.key()))
            r.problems << QStringLiteral("<%1> was deleted from the server with leave-on-server on")
                              .arg(it.key());
        if (!leaveOnServer && left.contains(it.key()))
            r.problems << QStringLiteral("<%1> still on the server with leave-on-server off")
                              .arg(it.key());
    }
}

} // namespace herald::faults
