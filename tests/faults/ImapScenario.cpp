// IMAP: Herald syncs alice's mailbox through the faulty proxy, either the first sync or one
// after another device and Herald itself changed things (flags, a move, a delete, an expunge,
// new mail, a draft to upload); then a sync without faults. Afterwards the cache equals the
// server (UIDs, flags, folders, bodies), every message is on the server exactly once where it
// belongs, and the draft is there once.
#include "tests/faults/CacheProbe.h"
#include "tests/faults/Scenario.h"
#include "tests/support/TcpProxy.h"
#include "tests/support/TestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace herald::faults {

namespace {
const QString kUser = QStringLiteral("alice");

struct Seeded
{
    qint64 uid;
    QString messageId;
};

// What each message is expected to be at the end: where, and how many times.
struct Expectation
{
    QString folder; // empty: any folder
    int minCount = 1;
    int maxCount = 1;
};

qint64 cacheId(const CacheProbe &cache, const QString &folder, qint64 uid)
{
    for (const CachedMessage &m : cache.messages())
        if (m.folder == folder && m.uid == uid)
            return m.id;
    return 0;
}
} // namespace

void runImap(quint32 seed, const test::FaultPlan &plan, RunResult &r)
{
    const auto &s = test::stack();
    QRandomGenerator rng(seed);
    const bool startTls = rng.bounded(2) == 0;
    const bool incremental = rng.bounded(3) != 0;
    r.variant = QStringLiteral("%1 %2").arg(
        incremental ? QStringLiteral("incremental") : QStringLiteral("first-sync"),
        startTls ? QStringLiteral("starttls") : QStringLiteral("tls"));
    test::ImapDevice device(kUser);
    deviceCall(device, {QStringLiteral("reset")}, r);
    QHash<QString, Expectation> expected; // by Message-ID
    QList<Seeded> inbox;
    static const char *const flagChoices[] = {"\\Seen", "\\Flagged", "\\Answered", "$Label1"};
    const int inboxCount = 6 + int(rng.bounded(5));
    for (int i = 0; i < inboxCount; ++i) {
        QStringList words{QStringLiteral("append"), QStringLiteral("INBOX")};
        if (rng.bounded(2))
            words << QString::fromLatin1(flagChoices[rng.bounded(4)]);
        const QJsonObject o = deviceCall(device, words, r).toObject();
        inbox << Seeded{qint64(o[QStringLiteral("uid")].toDouble()),
                        o[QStringLiteral("message_id")].toString()};
        expected[inbox.last().messageId] = {QStringLiteral("INBOX")};
    }
    for (int i = int(rng.bounded(3)); i > 0; --i) {
        const QJsonObject o =
            deviceCall(device, {QStringLiteral("append"), QStringLiteral("Archive")}, r).toObject();
        expected[o[QStringLiteral("message_id")].toString()] = {QStringLiteral("Archive")};
    }
    if (!r.ok())
        return;

    test::TcpProxy proxy(s.host, startTls ? s.imapPort : s.imapsPort);
    if (!proxy.start()) {
        r.problems << proxy.errorString();
        return;
    }
    test::HeraldProfile profile;
    const QString incoming =
        QStringLiteral("%1://%2@%3:%4")
            .arg(startTls ? QStringLiteral("imap+starttls") : QStringLiteral("imaps"), kUser,
                 s.host)
            .arg(proxy.port());
    const QString added = addAccount(
        profile, kUser, incoming,
        QStringLiteral("smtp+starttls://%1@%2:%3").arg(kUser, s.host).arg(s.submissionPort));
    if (!added.isEmpty()) {
        r.problems << added;
        return;
    }
    auto cleanSync = [&](const QString &when) { return syncWithoutFaults(profile, when, r); };

    QString draftMessageId;
    if (incremental) {
        if (!cleanSync(QStringLiteral("before the changes")))
            return;
        CacheProbe cache(profile.path());
        // Six distinct INBOX messages: three changed by the other device, three by Herald.
        QList<Seeded> pick = inbox;
        for (int i = pick.size() - 1; i > 0; --i)
            pick.swapItemsAt(i, int(rng.bounded(i + 1)));
        deviceCall(device,
                   {QStringLiteral("flag"), QStringLiteral("INBOX"), QString::number(pick[0].uid),
                    QStringLiteral("+\\Seen"), QStringLiteral("-$Label1"),
                    QStringLiteral("+$Device")},
                   r);
        deviceCall(device,
                   {QStringLiteral("move"), QStringLiteral("INBOX"), QString::number(pick[1].uid),
                    QStringLiteral("Archive")},
                   r);
        expected[pick[1].messageId].folder = QStringLiteral("Archive");
        deviceCall(
            device,
            {QStringLiteral("expunge"), QStringLiteral("INBOX"), QString::number(pick[2].uid)}, r);
        expected[pick[2].messageId] = {QString(), 0, 0};
        const QJsonObject fresh =
            deviceCall(device, {QStringLiteral("append"), QStringLiteral("INBOX")}, r).toObject();
        expected[fresh[QStringLiteral("message_id")].toString()] = {QStringLiteral("INBOX")};

        const QString flagId =
            QString::number(cacheId(cache, QStringLiteral("INBOX"), pick[3].uid));
        const QString moveId =
            QString::number(cacheId(cache, QStringLiteral("INBOX"), pick[4].uid));
        const QString deleteId =
            QString::number(cacheId(cache, QStringLiteral("INBOX"), pick[5].uid));
        const QList<QStringList> local = {
            {QStringLiteral("flag"), flagId, QStringLiteral("--add"), QStringLiteral("\\Flagged")},
            {QStringLiteral("move"), moveId, QStringLiteral("Archive")},
            {QStringLiteral("delete"), deleteId}};
        for (const QStringList &args : local) {
            const test::CliResult c = profile.run(args);
            if (c.exitCode != 0)
                r.problems << QStringLiteral("set-up: herald-cli %1: %2")
                                  .arg(args.join(QLatin1Char(' ')), QString::fromUtf8(c.err));
        }
        expected[pick[4].messageId].folder = QStringLiteral("Archive");
        expected[pick[5].messageId] = {QStringLiteral("Trash"), 0, 1}; // expunged or in Trash
        const test::CliResult d = profile.run(
            {QStringLiteral("draft"), QStringLiteral("save"), QStringLiteral("--account"), kUser,
             QStringLiteral("--to"), s.email(QStringLiteral("bob")), QStringLiteral("--subject"),
             QStringLiteral("fault campaign draft %1").arg(r.seed)});
        const qint64 draftRow = d.out.trimmed().toLongLong();
        for (const CachedMessage &m : cache.messages())
            if (m.id == draftRow)
                draftMessageId = m.messageId;
        if (draftMessageId.isEmpty())
            r.problems << QStringLiteral("set-up: draft save gave no draft: ") +
                              QString::fromUtf8(d.out + d.err);
        else
            expected[draftMessageId] = {QStringLiteral("Drafts")};
        if (!r.ok())
            return;
    }

    proxy.setFaultPlan(plan);
    runFaulted(profile, {QStringLiteral("sync")}, r);
    r.fired = !proxy.firedFaults().isEmpty();
    proxy.setFaultPlan({});
    if (!cleanSync(QStringLiteral("after the fault")))
        return;
    r.cleanBytes = describeBytes(proxy);

    // The server: each message exactly where and as often as expected.
    const QList<ServerMessage> server = serverMessages(device, r);
    QHash<QString, QList<ServerMessage>> byId;
    for (const ServerMessage &m : server)
        byId[m.messageId] << m;
    r.checked = int(expected.size());
    for (auto e = expected.begin(); e != expected.end(); ++e) {
        const auto &copies = byId.value(e.key());
        if (copies.size() < e->minCount) {
            ++r.lost;
            r.problems << QStringLiteral("lost: <%1> is not on the server (expected in %2)")
                              .arg(e.key(), e->folder);
        } else if (copies.size() > e->maxCount) {
            ++r.duplicated;
            r.problems << QStringLiteral("duplicated: <%1> is %2 times on the server")
                              .arg(e.key())
                              .arg(copies.size());
        }
        for (const ServerMessage &m : copies)
            if (!e->folder.isEmpty() && m.folder != e->folder)
                r.problems << QStringLiteral("<%1> is in %2, expected in %3")
                                  .arg(e.key(), m.folder, e->folder);
    }
    for (auto it = byId.begin(); it != byId.end(); ++it)
        if (!expected.contains(it.key()))
            r.problems << QStringLiteral("unexpected message <%1> on the server (%2)")
                              .arg(it.key(), it->first().folder);

    // The cache: equal to the server, sound, bodies identical.
    CacheProbe cache(profile.path());
    r.problems += cache.integrityProblems();
    QStringList uidless;
    const QStringList diff = test::diffStates(profile.cache(&uidless), device.state());
    for (const QString &line : diff)
        r.problems << QStringLiteral("cache differs from server: ") + line;
    for (const QString &u : uidless)
        r.problems << QStringLiteral("cache row without UID after a clean sync: ") + u;
    QHash<QPair<QString, qint64>, QString> serverSha;
    for (const ServerMessage &m : server)
        serverSha[{m.folder, m.uid}] = m.sha256;
    QHash<QString, int> cacheCopies;
    for (const CachedMessage &m : cache.messages()) {
        if (m.localFolder)
            continue;
        ++cacheCopies[m.messageId];
        if (!m.bodySha256.isEmpty() && m.uid >= 0 &&
            serverSha.value({m.folder, m.uid}) != m.bodySha256)
            r.problems << QStringLiteral("body of %1 uid %2 differs from the server's")
                              .arg(m.folder)
                              .arg(m.uid);
    }
    for (auto it = cacheCopies.begin(); it != cacheCopies.end(); ++it)
        if (it.value() > 1 && byId.value(it.key()).size() < it.value()) {
            ++r.duplicated;
            r.problems << QStringLiteral("duplicated: <%1> %2 times in the cache")
                              .arg(it.key())
                              .arg(it.value());
        }
}

} // namespace herald::faults
