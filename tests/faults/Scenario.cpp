#include "tests/faults/Scenario.h"

#include "tests/support/TestSupport.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>

namespace herald::faults {

QString addAccount(test::HeraldProfile &profile, const QString &user, const QString &incoming,
                   const QString &outgoing, const QStringList &extra)
{
    const auto &s = test::stack();
    profile.setPassword(s.password(user));
    const test::CliResult r = profile.run(
        QStringList{QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--name"),
                    user, QStringLiteral("--email"), s.email(user), QStringLiteral("--incoming"),
                    incoming, QStringLiteral("--outgoing"), outgoing,
                    QStringLiteral("--password-env"), QStringLiteral("HERALD_TEST_PASSWORD"),
                    QStringLiteral("--ca-file"), s.caFile} +
        extra);
    return r.exitCode == 0 ? QString()
                           : QStringLiteral("account add failed: ") + QString::fromUtf8(r.err);
}

bool syncWithoutFaults(const test::HeraldProfile &profile, const QString &when, RunResult &r)
{
    const test::CliResult c = profile.run({QStringLiteral("sync")});
    if (c.exitCode != 0)
        r.problems << QStringLiteral("sync without faults (%1) failed: exit %2: %3")
                          .arg(when)
                          .arg(c.exitCode)
                          .arg(QString::fromUtf8(c.err.right(400)));
    return c.exitCode == 0;
}

void runFaulted(const test::HeraldProfile &profile, const QStringList &args, RunResult &r)
{
    qputenv("HERALD_NET_TIMEOUT_MS", QByteArray::number(kTimeoutMs));
    const test::CliResult c = profile.run(args, kFaultedRunMs);
    qunsetenv("HERALD_NET_TIMEOUT_MS");
    r.faultedExit = c.exitCode;
    r.faultedStopped = c.exitCode == -1 && !c.crashed; // (HeraldProfile::run killed it)
    if (c.crashed)
        r.problems << QStringLiteral("herald-cli crashed in the faulted run: ") +
                          QString::fromUtf8(c.err.right(400));
}

QString describeBytes(const test::TcpProxy &proxy)
{
    QStringList parts;
    const auto counts = proxy.byteCounts();
    for (size_t i = 0; i < counts.size(); ++i)
        parts << QStringLiteral("c%1 %2/%3").arg(i).arg(counts[i].first).arg(counts[i].second);
    return parts.join(QLatin1Char(' '));
}

QJsonValue deviceCall(test::ImapDevice &device, const QStringList &words, RunResult &r)
{
    const QJsonValue v = device.call(words);
    if (!device.errorString().isEmpty())
        r.problems << QStringLiteral("set-up: imap_device %1: %2")
                          .arg(words.join(QLatin1Char(' ')), device.errorString());
    return v;
}

QList<ServerMessage> serverMessages(test::ImapDevice &device, RunResult &r)
{
    QList<ServerMessage> out;
    const QJsonObject folders = deviceCall(device, {QStringLiteral("digest")}, r).toObject();
    for (auto f = folders.begin(); f != folders.end(); ++f) {
        const QJsonObject uids = f.value().toObject();
        for (auto u = uids.begin(); u != uids.end(); ++u) {
            const QJsonObject m = u.value().toObject();
            out << ServerMessage{f.key(), u.key().toLongLong(),
                                 m.value(QStringLiteral("message_id")).toString(),
                                 m.value(QStringLiteral("sha256")).toString()};
        }
    }
    return out;
}

RunResult runSeed(quint32 seed)
{
    QElapsedTimer timer;
    timer.start();
    RunResult r;
    r.seed = seed;
    // The protocol from the seed; the fault from a derived seed so both vary independently.
    QRandomGenerator rng(seed);
    r.protocol = Protocol(rng.bounded(3));
    const quint32 faultSeed = rng.generate();
    test::StreamSizes sizes;
    switch (r.protocol) {
    case Protocol::Imap:
        sizes = {2500, 10000, 1};
        break;
    case Protocol::Pop3:
        sizes = {850, 3500, 1};
        break;
    case Protocol::Smtp:
        sizes = {1800, 1900, 1};
        break;
    }
    const test::FaultPlan plan = test::FaultPlan::random(faultSeed, sizes, kTimeoutMs);
    r.faultKind = plan.faults().front().kind;
    r.fault = plan.describe();
    switch (r.protocol) {
    case Protocol::Imap:
        runImap(rng.generate(), plan, r);
        break;
    case Protocol::Pop3:
        runPop3(rng.generate(), plan, r);
        break;
    case Protocol::Smtp:
        runSmtp(rng.generate(), plan, r);
        break;
    }
    r.seconds = double(timer.elapsed()) / 1000.0;
    return r;
}

} // namespace herald::faults
