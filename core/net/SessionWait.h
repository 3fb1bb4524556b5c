#pragma once
// SessionWait: how the synchronous sessions (ImapSession, Pop3Session, SmtpSession) wait for a
// client's callback. They run on an account's worker thread (or the CLI's main thread) and wait
// in a local event loop. Two things end a wait early:
//  - the stop flag (set from another thread: the window closing, Ctrl-C): polled every 20 ms,
//    it cancels the client, so the wait ends with Error::Kind::Cancelled within 0.1 s;
//  - QThread::quit(), which ends every nested event loop of the thread: the client is cancelled
//    while the waiting locals still exist, so a late callback never touches dead ones.
// `cancel` must make the client fail what is pending (the clients' cancel() does, at once).

#include "core/net/Error.h"

#include <QEventLoop>
#include <QTimer>
#include <atomic>
#include <functional>
#include <optional>

namespace herald::net {

class SessionWait
{
public:
    explicit SessionWait(std::function<void()> cancel) : m_cancel(std::move(cancel)) {}
    SessionWait(const SessionWait &) = delete;
    SessionWait &operator=(const SessionWait &) = delete;

    void setStopFlag(const std::atomic<bool> *stop) { m_stop = stop; }
    const std::atomic<bool> *stopFlag() const { return m_stop; }
    bool stopRequested() const { return m_stop && m_stop->load(); }

    // Runs issue(callback) and returns what the callback was given; nullopt when the wait was
    // cancelled (stop flag, or the thread's loops told to quit) before the callback came.
    template <class T, class Issue> std::optional<T> wait(Issue issue)
    {
        std::optional<T> out;
        QEventLoop loop;
        issue([&](const T &r) {
            out = r;
            loop.quit();
        });
        run(loop, [&] { return out.has_value(); });
        return out;
    }

    // wait() for a result type with an `error` member: a cancelled wait gives Cancelled.
    template <class R, class Issue> R waitResult(Issue issue)
    {
        if (auto r = wait<R>(std::move(issue)))
            return *r;
        R cancelled;
        cancelled.error = cancelledError();
        return cancelled;
    }

    static Error cancelledError()
    {
        return Error::make(Error::Kind::Cancelled, QStringLiteral("cancelled"));
    }

    // Processes events until done() is true (callbacks of pipelined commands run meanwhile).
    // On stop the client is cancelled, which fails every pending callback, so done() follows.
    template <class Done> void waitUntil(Done done)
    {
        QEventLoop loop;
        QTimer stopWatch;
        watchStop(stopWatch, nullptr);
        while (!done()) {
            if (stopRequested())
                m_cancel();
            if (!done())
                loop.processEvents(QEventLoop::WaitForMoreEvents);
        }
    }

    static constexpr int kStopPollMs = 20;

private:
    void run(QEventLoop &loop, const std::function<bool()> &finished)
    {
        if (!finished() && stopRequested())
            m_cancel();
        if (finished())
            return;
        QTimer stopWatch;
        watchStop(stopWatch, &loop);
        loop.exec();
        if (!finished())
            m_cancel();
    }

    // Cancels (and ends `loop`, when given) soon after the stop flag is set.
    void watchStop(QTimer &timer, QEventLoop *loop)
    {
        if (!m_stop)
            return;
        QObject::connect(&timer, &QTimer::timeout, [this, loop] {
            if (!stopRequested())
                return;
            m_cancel();
            if (loop)
                loop->quit();
        });
        timer.start(kStopPollMs);
    }

    std::function<void()> m_cancel;
    const std::atomic<bool> *m_stop = nullptr;
};

} // namespace herald::net
