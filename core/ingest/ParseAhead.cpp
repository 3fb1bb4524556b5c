#include "core/ingest/ParseAhead.h"

namespace herald::sync {

ParseAhead::ParseAhead(Parse parse) : m_parse(std::move(parse)), m_worker([this] { work(); }) {}

ParseAhead::~ParseAhead()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_worker.join();
}

void ParseAhead::submit(const QByteArray &raw)
{
    auto job = std::make_shared<Job>();
    job->raw = raw;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_jobs.push_back(job);
        m_todo.push_back(std::move(job));
        // A wake-up is a futex call; with one per header block it was a twentieth of the
        // header pass. A busy worker looks at m_todo again before it sleeps.
        if (!m_workerWaiting)
            return;
    }
    m_wake.notify_one();
}

size_t ParseAhead::size() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_jobs.size();
}

bool ParseAhead::frontReady() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return !m_jobs.empty() && m_jobs.front()->done;
}

mime::Message ParseAhead::takeFront()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    ++m_takersWaiting;
    m_done.wait(lock, [this] { return m_jobs.front()->done; });
    --m_takersWaiting;
    std::shared_ptr<Job> job = std::move(m_jobs.front());
    m_jobs.pop_front();
    return std::move(job->parsed);
}

void ParseAhead::work()
{
    for (;;) {
        std::shared_ptr<Job> job;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_workerWaiting = true;
            m_wake.wait(lock, [this] { return m_stop || !m_todo.empty(); });
            m_workerWaiting = false;
            if (m_stop)
                return;
            job = std::move(m_todo.front());
            m_todo.pop_front();
        }
        mime::Message parsed = m_parse(job->raw); // the core/mime parsers never throw
        bool takerWaiting = false;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            job->parsed = std::move(parsed);
            job->raw = QByteArray(); // the engine keeps its own reference
            job->done = true;
            takerWaiting = m_takersWaiting > 0;
        }
        if (takerWaiting)
            m_done.notify_all();
    }
}

} // namespace herald::sync
