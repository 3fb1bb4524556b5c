#pragma once
// Pop3Session: a synchronous face of Pop3Client for the download engine, which runs on an
// account's worker thread (or the CLI's main thread) and reads best as a straight sequence of
// steps. Each call issues a command and runs a local event loop until its result arrives;
// pipelined work issues several commands on client() and then waits with waitUntil().
// Never used on the GUI thread.

#include "core/pop3/Pop3Client.h"

#include <QEventLoop>
#include <optional>

namespace herald::pop3 {

struct Credentials
{
    QString user;
    QString password;
    bool preferApop = false; // use APOP when the greeting offers it
};

class Pop3Session
{
public:
    Pop3Session() = default;

    // Connects (TLS as the options say) and logs in: APOP when offered and preferred, else
    // AUTH PLAIN when the server lists SASL PLAIN, else USER/PASS.
    net::Error open(const net::ConnectOptions &options, const Credentials &credentials);
    // QUIT: the server applies pending DELEs now. An error means they may not have been applied.
    net::Error close();

    Pop3Client &client() { return m_client; }

    // Runs `issue(callback)` and waits for the callback's result.
    template <class T, class Issue> Result<T> wait(Issue issue)
    {
        std::optional<Result<T>> out;
        QEventLoop loop;
        issue([&](const Result<T> &r) {
            out = r;
            loop.quit();
        });
        if (!out)
            loop.exec();
        // QThread::quit() (a window closing) ends every nested event loop of the thread, so
        // the loop can return before the callback ran: cancel now, while `loop` and `out`
        // still exist, so the callback fills `out` instead of running later on dead locals.
        if (!out)
            m_client.cancel();
        if (!out) {
            Result<T> cancelled;
            cancelled.error = net::Error::make(net::Error::Kind::Cancelled, QStringLiteral("cancelled"));
            return cancelled;
        }
        return *out;
    }

    // Processes events until done() is true (callbacks of pipelined commands run meanwhile).
    template <class Done> void waitUntil(Done done)
    {
        QEventLoop loop;
        while (!done())
            loop.processEvents(QEventLoop::WaitForMoreEvents);
    }

private:
    Pop3Client m_client;
};

} // namespace herald::pop3
