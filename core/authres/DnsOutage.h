#pragma once
// Which DNS servers did not answer lately, for the whole process. A server that let one question
// time out is taken as down for `memoryMs` (a minute): every question to it in that time gets
// TempError at once. So a sync, a verdict pass or `herald-cli verify` with DNS down pays one
// timeout, not one per message or per lookup, and the passes after it in that minute none;
// verdicts left incomplete are retried by a later pass (core/sync/VerdictPass).
// Thread-safe. A server is named by its forwarder spec ("" for the system's resolvers).

#include <QByteArray>

namespace herald::authres {

class DnsOutage
{
public:
    static constexpr int kDefaultMemoryMs = 60 * 1000;

    // True while `server` is remembered as not answering.
    static bool isDown(const QByteArray &server);
    // A question to `server` timed out: remember it as down from now.
    static void noteUnanswered(const QByteArray &server);
    // `server` answered: it is up again.
    static void noteAnswered(const QByteArray &server);
    // How long a timeout is remembered (tests make it short); 0 turns the memory off.
    static void setMemoryMs(int ms);
};

} // namespace herald::authres
