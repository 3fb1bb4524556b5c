#pragma once
// ImapSession: a synchronous face of ImapClient for the sync engines, which run
// on an account's worker thread and read best as a straight sequence of steps
// (the resync decision tree). Each call issues a command and runs a local event
// loop until its result arrives; several commands may still be pipelined by
// issuing them on client() before waiting. Never used on the GUI thread.

#include "core/imap/ImapClient.h"
#include "core/net/Credentials.h"
#include "core/net/SessionWait.h"

namespace herald::imap {

class ImapSession
{
public:
    ImapSession() = default;

    // Connects (TLS as the options say), authenticates (AUTHENTICATE PLAIN when
    // offered, else LOGIN), and enables CONDSTORE/QRESYNC when offered.
    net::Error open(const net::ConnectOptions &options, const net::Credentials &credentials);
    void close();

    ImapClient &client() { return m_client; }
    // When *stop becomes true (another thread: the window closing, Ctrl-C), what the session
    // waits for is cancelled within 0.1 s and fails with Error::Kind::Cancelled (SessionWait).
    void setStopFlag(const std::atomic<bool> *stop) { m_wait.setStopFlag(stop); }
    bool hasQresync() const;
    bool hasCondstore() const;

    // Runs `issue(callback)` and waits for the callback's result.
    template <class T, class Issue> Result<T> wait(Issue issue)
    {
        return m_wait.waitResult<Result<T>>(std::move(issue));
    }

private:
    ImapClient m_client;
    net::SessionWait m_wait{[this] { m_client.cancel(); }};
};

} // namespace herald::imap
