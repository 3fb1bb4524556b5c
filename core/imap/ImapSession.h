#pragma once
// ImapSession: a synchronous face of ImapClient for the sync engines, which run
// on an account's worker thread and read best as a straight sequence of steps
// (the resync decision tree). Each call issues a command and runs a local event
// loop until its result arrives; several commands may still be pipelined by
// issuing them on client() before waiting. Never used on the GUI thread.

#include "core/imap/ImapClient.h"

#include <QEventLoop>
#include <QTimer>

#include <atomic>

#include <optional>

namespace herald::imap {

struct Credentials
{
    QString user;
    QString password;
};

class ImapSession
{
public:
    ImapSession() = default;

    // Connects (TLS as the options say), authenticates (AUTHENTICATE PLAIN when
    // offered, else LOGIN), and enables CONDSTORE/QRESYNC when offered.
    net::Error open(const net::ConnectOptions &options, const Credentials &credentials);
    void close();

    ImapClient &client() { return m_client; }
    // When *stop becomes true (another thread: the window closing, Ctrl-C), what the session
    // waits for is cancelled within 0.1 s and fails with Error::Kind::Cancelled.
    void setStopFlag(const std::atomic<bool> *stop) { m_stop = stop; }
    bool hasQresync() const;
    bool hasCondstore() const;

    // Runs `issue(callback)` and waits for the callback's result.
    template <class T, class Issue> Result<T> wait(Issue issue)
    {
        std::optional<Result<T>> out;
        QEventLoop loop;
        QTimer stopWatch;
        if (m_stop) {
            QObject::connect(&stopWatch, &QTimer::timeout, &loop, [this] {
                if (*m_stop)
                    m_client.cancel();
            });
            stopWatch.start(100);
        }
        issue([&](const Result<T> &r) {
            out = r;
            loop.quit();
        });
        if (!out && m_stop && *m_stop)
            m_client.cancel();
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

private:
    ImapClient m_client;
    const std::atomic<bool> *m_stop = nullptr;
};

} // namespace herald::imap
