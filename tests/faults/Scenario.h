#pragma once
// One seeded run of the fault campaign: a protocol scenario (IMAP sync, POP3 download, SMTP
// send) run once through a faulty TcpProxy and once more without faults, then checked against
// the server. Shared by the campaign program (fault_campaign.cpp) and the regression test of
// failing seeds (tests/integration/tst_fault_seeds.cpp).

#include "core/accounts/ServerUrl.h"
#include "tests/support/FaultPlan.h"
#include "tests/support/SyncHarness.h"
#include "tests/support/TcpProxy.h"

#include <QJsonValue>
#include <QStringList>

namespace herald::faults {

// The account layer's protocols (same order, so a seed picks the same one as before).
using accounts::Protocol;
using accounts::protocolName;

struct RunResult
{
    quint32 seed = 0;
    Protocol protocol = Protocol::Imap;
    QString variant; // e.g. "incremental starttls", "leave-on-server no"
    test::FaultKind faultKind = test::FaultKind::Cut;
    QString fault;               // FaultPlan::describe()
    bool fired = false;          // the fault's offset was reached
    int faultedExit = 0;         // herald-cli's exit code in the faulted run
    bool faultedStopped = false; // the faulted run was stopped after kFaultedRunMs
    int lost = 0;                // messages gone from server and cache (or never delivered)
    int duplicated = 0;          // messages twice on the server, in the cache or at the recipient
    int ambiguous = 0;           // SMTP: maybe-sent (cut after the final dot), left to the user
    int ambiguousDelivered = 0;  // of those, how many the server had in fact accepted
    QStringList problems;        // every failed check, in words (lost/duplicated ones included)
    int checked = 0;             // messages whose fate was checked (server, cache or recipient)
    QString cleanBytes; // bytes per connection of the run without faults (to-server/to-client)
    double seconds = 0;
    bool ok() const { return problems.isEmpty(); }
};

// The read timeout of the faulted run (HERALD_NET_TIMEOUT_MS); stalls are drawn around it.
constexpr int kTimeoutMs = 4000;
constexpr int kFaultedRunMs = 45000;

// Runs seed `seed` (protocol, variant and fault all drawn from it). Needs the stack
// (HERALD_STACK_DIR) and HERALD_CLI.
RunResult runSeed(quint32 seed);

// `herald-cli sync` with no fault; a failure is a problem of the run ("when": which one).
bool syncWithoutFaults(const test::HeraldProfile &profile, const QString &when, RunResult &r);

// herald-cli for the faulted run: with HERALD_NET_TIMEOUT_MS=kTimeoutMs, so a stall past it
// costs seconds. The other runs keep Herald's own timeouts (a loaded machine is no fault).
// Sets r.faultedExit; a run still going after kFaultedRunMs is stopped, as a user would quit
// (r.faultedStopped; SMTP may wait 10 minutes for the reply to the final dot); a crash is a
// problem of the run.
void runFaulted(const test::HeraldProfile &profile, const QStringList &args, RunResult &r);

// `herald-cli account add` of a stack user with the given server URLs and extra options;
// returns what went wrong, or an empty string.
QString addAccount(test::HeraldProfile &profile, const QString &user, const QString &incoming,
                   const QString &outgoing, const QStringList &extra = {});

// "c0 812/10500 c1 …" from the proxy's byte counts.
QString describeBytes(const test::TcpProxy &proxy);

// A message as the server has it (imap_device.py digest).
struct ServerMessage
{
    QString folder;
    qint64 uid = 0;
    QString messageId;
    QString sha256;
};
// Every message of every folder of the device's user; problems go to r.problems.
QList<ServerMessage> serverMessages(test::ImapDevice &device, RunResult &r);
// One imap_device.py command; a failure is a problem of the run (the set-up broke).
QJsonValue deviceCall(test::ImapDevice &device, const QStringList &words, RunResult &r);

// Scenarios (one file each); `plan` is the fault for the faulted run.
void runImap(quint32 seed, const test::FaultPlan &plan, RunResult &r);
void runPop3(quint32 seed, const test::FaultPlan &plan, RunResult &r);
void runSmtp(quint32 seed, const test::FaultPlan &plan, RunResult &r);

} // namespace herald::faults
