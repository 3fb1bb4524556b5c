#pragma once
// Pop3Session: a synchronous face of Pop3Client for the download engine, which runs on an
// account's worker thread (or the CLI's main thread) and reads best as a straight sequence of
// steps. Each call issues a command and runs a local event loop until its result arrives;
// pipelined work issues several commands on client() and then waits with waitUntil().
// Never used on the GUI thread.

#include "core/net/Credentials.h"
#include "core/net/SessionWait.h"
#include "core/pop3/Pop3Client.h"

namespace herald::pop3 {

class Pop3Session
{
public:
    Pop3Session() = default;

    // Log in with APOP when the greeting offers it (the account's "prefer APOP" setting).
    void setPreferApop(bool prefer) { m_preferApop = prefer; }
    // Connects (TLS as the options say) and logs in: APOP when offered and preferred, else
    // AUTH PLAIN when the server lists SASL PLAIN, else USER/PASS.
    net::Error open(const net::ConnectOptions &options, const net::Credentials &credentials);
    // QUIT: the server applies pending DELEs now. An error means they may not have been applied.
    net::Error close();

    Pop3Client &client() { return m_client; }
    // When *stop becomes true (another thread: the window closing, Ctrl-C), what the session
    // waits for is cancelled within 0.1 s and fails with Error::Kind::Cancelled (SessionWait).
    void setStopFlag(const std::atomic<bool> *stop) { m_wait.setStopFlag(stop); }
    bool stopRequested() const { return m_wait.stopRequested(); }

    // Runs `issue(callback)` and waits for the callback's result.
    template <class T, class Issue> Result<T> wait(Issue issue)
    {
        return m_wait.waitResult<Result<T>>(std::move(issue));
    }

    // Processes events until done() is true (callbacks of pipelined commands run meanwhile);
    // on stop the client is cancelled, so every pending callback runs with Cancelled.
    template <class Done> void waitUntil(Done done) { m_wait.waitUntil(std::move(done)); }

private:
    Pop3Client m_client;
    net::SessionWait m_wait{[this] { m_client.cancel(); }};
    bool m_preferApop = false;
};

} // namespace herald::pop3
