#pragma once
// CPU time of the calling thread, for tests that a parser is not quadratic. Wall time is the
// wrong measure there: on a loaded machine (CI, parallel builds) a linear parse can wait
// seconds for a core, while a quadratic one burns seconds of CPU wherever it runs.

#include <QtGlobal>
#include <ctime>

namespace herald::test {

class CpuTimer
{
public:
    CpuTimer() { m_start = now(); }
    qint64 elapsedMs() const { return (now() - m_start) / 1000000; }

private:
    static qint64 now()
    {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
    }
    qint64 m_start = 0;
};

} // namespace herald::test
