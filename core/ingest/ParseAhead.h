#pragma once
// ParseAhead: parses message bytes (core/mime) on one worker thread while the engine's thread
// keeps reading the network and writing the cache; results come back in submission order.
//
// Why: in a body sync or a POP3 download the MIME parse (part tree, charset decoding, text for
// the snippet) is a third of the CPU, in a headers-first pass half of it, and it needs no
// database. The cache writes stay on the engine's thread, in the same transactions as before,
// so what a crash can lose does not change. The core/mime parsers are thread-safe (no shared
// state).

#include "core/mime/Message.h"

#include <QByteArray>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace herald::sync {

class ParseAhead
{
public:
    using Parse = std::function<mime::Message(const QByteArray &)>;
    // `parse` runs on the worker: mime::parseMessage with some options, or parseHeaderBlock.
    explicit ParseAhead(Parse parse);
    ~ParseAhead(); // stops the worker; unparsed work is dropped
    ParseAhead(const ParseAhead &) = delete;
    ParseAhead &operator=(const ParseAhead &) = delete;

    void submit(const QByteArray &raw);
    size_t size() const; // submitted and not yet taken
    bool frontReady() const;
    // The parse of the oldest submitted message; waits for it when not ready yet.
    mime::Message takeFront();

private:
    struct Job
    {
        QByteArray raw;
        mime::Message parsed;
        bool done = false;
    };
    void work();

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;          // worker: work arrived or stop
    std::condition_variable m_done;          // taker: a job finished
    std::deque<std::shared_ptr<Job>> m_jobs; // submission order, until taken
    std::deque<std::shared_ptr<Job>> m_todo; // not started
    bool m_stop = false;
    bool m_workerWaiting = false; // the worker sleeps on m_wake
    int m_takersWaiting = 0;      // threads sleeping on m_done
    const Parse m_parse;
    std::thread m_worker;
};

} // namespace herald::sync
