#pragma once
// What TcpProxy does wrong on purpose: a list of faults, each on one connection (counted from
// 0 since the plan was set) and one direction, at a byte offset of that direction's stream.
// A fault fires once, when the stream reaches its offset; bytes before it pass unchanged.
// FaultPlan::random() draws one fault from a seed, so a run can be repeated exactly.

#include <QByteArray>
#include <QString>
#include <vector>

namespace herald::test {

enum class FaultKind {
    Cut,          // close both sides at the offset
    Stall,        // stop forwarding this direction for `durationMs`, then go on
    Corrupt,      // replace the byte at the offset (XOR `bytes[0]`, never 0)
    InjectLine,   // insert `bytes` (a whole line) before the offset
    TruncateLine, // drop from the offset up to and including the next LF (in the same read)
    Duplicate,    // send the `count` bytes from the offset twice
    SlowDrip,     // from the offset, one byte every `durationMs` for `count` bytes
};

enum class FaultDirection { ToServer, ToClient };

struct Fault
{
    int connection = 0;
    FaultDirection direction = FaultDirection::ToClient;
    qint64 offset = 0;
    FaultKind kind = FaultKind::Cut;
    int durationMs = 0; // Stall, SlowDrip
    int count = 0;      // Duplicate, SlowDrip
    QByteArray bytes;   // InjectLine: the line; Corrupt: the XOR mask
};

QString faultKindName(FaultKind kind);
// "cut on connection 0 to-client at byte 1234" and the kind's parameters.
QString describeFault(const Fault &fault);

// How big the streams of a protocol usually are, to draw offsets that land inside them.
struct StreamSizes
{
    qint64 toServer = 2000;
    qint64 toClient = 20000;
    int connections = 1; // connections a run normally opens (the fault picks one of them)
};

class FaultPlan
{
public:
    FaultPlan() = default;
    explicit FaultPlan(std::vector<Fault> faults) : m_faults(std::move(faults)) {}

    // One fault drawn from `seed`: kind, connection, direction, offset (a third of them in
    // the first 600 bytes, where STARTTLS connections still speak in clear), and parameters.
    // A stall lasts either shorter than `timeoutMs` or longer (then the client gives up).
    static FaultPlan random(quint32 seed, const StreamSizes &sizes, int timeoutMs);

    const std::vector<Fault> &faults() const { return m_faults; }
    bool isEmpty() const { return m_faults.empty(); }
    QString describe() const;

private:
    std::vector<Fault> m_faults;
};

} // namespace herald::test
