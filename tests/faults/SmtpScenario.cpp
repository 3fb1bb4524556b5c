// SMTP: alice queues one to three messages to carol and Herald sends the outbox through the
// faulty proxy, then once more without faults. Each message then reached carol exactly once
// and left the outbox, with one copy in alice's Sent; or, when the connection ended after the
// final dot before the server's reply (RFC 1047), it stays in the outbox as "maybe-sent" with
// words for the user and is never sent a second time without them (counted as ambiguous).
#include "tests/faults/CacheProbe.h"
#include "tests/faults/Scenario.h"
#include "tests/support/TcpProxy.h"
#include "tests/support/TestSupport.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QThread>

namespace herald::faults {

namespace {
const QString kSender = QStringLiteral("alice");
const QString kRecipient = QStringLiteral("carol");

// How many of carol's INBOX files carry each Message-ID.
QHash<QString, int> deliveredCounts(const QStringList &messageIds)
{
    QHash<QString, int> counts;
    for (const QString &path : test::stack().messageFiles(kRecipient)) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray head = f.read(64 * 1024);
        for (const QString &id : messageIds)
            if (head.contains("<" + id.toUtf8() + ">"))
                ++counts[id];
    }
    return counts;
}

bool postfixQueueEmpty()
{
    QProcess p;
    p.start(QStringLiteral("postqueue"),
            {QStringLiteral("-c"), test::stack().postfixDir, QStringLiteral("-p")});
    p.waitForFinished(10000);
    return p.readAllStandardOutput().contains("Mail queue is empty");
}
} // namespace

void runSmtp(quint32 seed, const test::FaultPlan &plan, RunResult &r)
{
    const auto &s = test::stack();
    QRandomGenerator rng(seed);
    const bool startTls = rng.bounded(2) == 0;
    const int messages = 1 + int(rng.bounded(3));
    r.variant = QStringLiteral("%1 message(s) %2")
                    .arg(messages)
                    .arg(startTls ? QStringLiteral("starttls") : QStringLiteral("tls"));
    test::ImapDevice recipient(kRecipient);
    test::ImapDevice sender(kSender);
    deviceCall(recipient, {QStringLiteral("reset")}, r);
    deviceCall(sender, {QStringLiteral("reset")}, r);
    if (!r.ok())
        return;
    test::TcpProxy proxy(s.host, startTls ? s.submissionPort : s.submissionsPort);
    if (!proxy.start()) {
        r.problems << proxy.errorString();
        return;
    }
    test::HeraldProfile profile;
    const QString added = addAccount(
        profile, kSender, QStringLiteral("imaps://%1@%2:%3").arg(kSender, s.host).arg(s.imapsPort),
        QStringLiteral("%1://%2@%3:%4")
            .arg(startTls ? QStringLiteral("smtp+starttls") : QStringLiteral("smtps"), kSender,
                 s.host)
            .arg(proxy.port()));
    if (!added.isEmpty()) {
        r.problems << added;
        return;
    }
    for (int i = 0; i < messages; ++i) {
        const test::CliResult c =
            profile.run({QStringLiteral("send"), QStringLiteral("--account"), kSender,
                         QStringLiteral("--to"), s.email(kRecipient), QStringLiteral("--subject"),
                         QStringLiteral("fault campaign %1 message %2").arg(r.seed).arg(i),
                         QStringLiteral("--queue-only")});
        if (c.exitCode != 0)
            r.problems << QStringLiteral("set-up: send --queue-only: ") + QString::fromUtf8(c.err);
    }
    QStringList ids;
    for (const SendTask &t : CacheProbe(profile.path()).sendTasks())
        ids << t.messageId;
    if (ids.size() != messages)
        r.problems << QStringLiteral("set-up: %1 messages queued, %2 in the outbox")
                          .arg(messages)
                          .arg(ids.size());
    if (!r.ok())
        return;

    const QStringList sendNow{QStringLiteral("outbox"), QStringLiteral("--account"), kSender,
                              QStringLiteral("--send-now")};
    proxy.setFaultPlan(plan);
    runFaulted(profile, sendNow, r);
    r.fired = !proxy.firedFaults().isEmpty();
    proxy.setFaultPlan({});
    const test::CliResult clean = profile.run(sendNow);
    r.cleanBytes = describeBytes(proxy);

    // Let Postfix deliver what it took (also a maybe-sent message the server did accept).
    const QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired() && !postfixQueueEmpty())
        QThread::msleep(100);
    QThread::msleep(200);
    const QHash<QString, int> delivered = deliveredCounts(ids);
    QHash<QString, SendTask> left; // still in the outbox
    CacheProbe cache(profile.path());
    for (const SendTask &t : cache.sendTasks())
        left[t.messageId] = t;
    QHash<QString, int> sentCopies;
    for (const ServerMessage &m : serverMessages(sender, r))
        if (m.folder == QLatin1String("Sent"))
            ++sentCopies[m.messageId];
    r.problems += cache.integrityProblems();

    r.checked = int(ids.size());
    for (const QString &id : ids) {
        const int n = delivered.value(id);
        if (n > 1) {
            ++r.duplicated;
            r.problems << QStringLiteral("duplicated: <%1> reached %2 %3 times")
                              .arg(id, kRecipient)
                              .arg(n);
        }
        if (sentCopies.value(id) > 1) {
            ++r.duplicated;
            r.problems << QStringLiteral("duplicated: <%1> %2 times in Sent")
                              .arg(id)
                              .arg(sentCopies.value(id));
        }
        if (!left.contains(id)) { // sent and saved: exactly once there, once in Sent
            if (n == 0) {
                ++r.lost;
                r.problems << QStringLiteral("lost: <%1> left the outbox but never reached %2")
                                  .arg(id, kRecipient);
            }
            if (sentCopies.value(id) == 0)
                r.problems << QStringLiteral("<%1> left the outbox without a copy in Sent").arg(id);
            continue;
        }
        const SendTask &t = left[id];
        if (t.state == QLatin1String("maybe-sent")) {
            ++r.ambiguous;
            r.ambiguousDelivered += n > 0 ? 1 : 0; // a blind resend would have duplicated it
            if (t.lastError.isEmpty())
                r.problems
                    << QStringLiteral("<%1> is maybe-sent without words for the user").arg(id);
        } else if (t.state == QLatin1String("sending") && r.faultedStopped) {
            // Stopped while it waited for the reply to the final dot (RFC 5321 allows 10
            // minutes): the message keeps its claim until the lease ends, then is maybe-sent
            // (OutboxSender::recoverExpiredLeases). Not resent meanwhile: ambiguous.
            ++r.ambiguous;
            r.ambiguousDelivered += n > 0 ? 1 : 0;
        } else if (t.state != QLatin1String("held")) {
            r.problems << QStringLiteral(
                              "<%1> still %2 in the outbox after a send without faults (%3; %4)")
                              .arg(id, t.state, t.lastError,
                                   QString::fromUtf8(clean.err.right(300)));
        }
    }
}

} // namespace herald::faults
