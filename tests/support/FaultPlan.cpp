#include "tests/support/FaultPlan.h"

#include <QRandomGenerator>
#include <QStringList>

namespace herald::test {

QString faultKindName(FaultKind kind)
{
    switch (kind) {
    case FaultKind::Cut:
        return QStringLiteral("cut");
    case FaultKind::Stall:
        return QStringLiteral("stall");
    case FaultKind::Corrupt:
        return QStringLiteral("corrupt");
    case FaultKind::InjectLine:
        return QStringLiteral("inject-line");
    case FaultKind::TruncateLine:
        return QStringLiteral("truncate-line");
    case FaultKind::Duplicate:
        return QStringLiteral("duplicate");
    case FaultKind::SlowDrip:
        return QStringLiteral("slow-drip");
    }
    return QStringLiteral("?");
}

namespace {
// The bytes as a C string literal would show them (no '%': the text goes through arg()).
QString escaped(const QByteArray &bytes)
{
    QString out;
    for (const char c : bytes) {
        if (c == '\r')
            out += QStringLiteral("\\r");
        else if (c == '\n')
            out += QStringLiteral("\\n");
        else if (c >= 0x20 && c < 0x7f && c != '%')
            out += QLatin1Char(c);
        else
            out += QStringLiteral("\\x%1").arg(quint8(c), 2, 16, QLatin1Char('0'));
    }
    return out;
}
} // namespace

QString describeFault(const Fault &f)
{
    QString s = QStringLiteral("%1 on connection %2 %3 at byte %4")
                    .arg(faultKindName(f.kind))
                    .arg(f.connection)
                    .arg(f.direction == FaultDirection::ToServer ? QStringLiteral("to-server")
                                                                 : QStringLiteral("to-client"))
                    .arg(f.offset);
    switch (f.kind) {
    case FaultKind::Stall:
        s += QStringLiteral(" for %1 ms").arg(f.durationMs);
        break;
    case FaultKind::SlowDrip:
        s += QStringLiteral(", %1 bytes one per %2 ms").arg(f.count).arg(f.durationMs);
        break;
    case FaultKind::Duplicate:
        s += QStringLiteral(", %1 bytes twice").arg(f.count);
        break;
    case FaultKind::Corrupt:
        s += QStringLiteral(", XOR 0x%1").arg(quint8(f.bytes.at(0)), 2, 16, QLatin1Char('0'));
        break;
    case FaultKind::InjectLine:
        s += QStringLiteral(", line ") + escaped(f.bytes);
        break;
    default:
        break;
    }
    return s;
}

QString FaultPlan::describe() const
{
    QStringList parts;
    for (const Fault &f : m_faults)
        parts << describeFault(f);
    return parts.isEmpty() ? QStringLiteral("no fault") : parts.join(QStringLiteral("; "));
}

FaultPlan FaultPlan::random(quint32 seed, const StreamSizes &sizes, int timeoutMs)
{
    QRandomGenerator rng(seed);
    Fault f;
    f.kind = FaultKind(rng.bounded(7));
    f.connection = sizes.connections > 1 ? int(rng.bounded(sizes.connections)) : 0;
    f.direction = rng.bounded(3) == 0 ? FaultDirection::ToServer : FaultDirection::ToClient;
    const qint64 size = f.direction == FaultDirection::ToServer ? sizes.toServer : sizes.toClient;
    f.offset = rng.bounded(3) == 0 ? qint64(rng.bounded(600)) : qint64(rng.bounded(quint32(size)));
    switch (f.kind) {
    case FaultKind::Stall:
        // Half shorter than the client's read timeout, half past it.
        f.durationMs = rng.bounded(2) == 0 ? 200 + int(rng.bounded(quint32(timeoutMs / 2)))
                                           : timeoutMs + 1000 + int(rng.bounded(1000));
        break;
    case FaultKind::Corrupt:
        f.bytes = QByteArray(1, char(1 + rng.bounded(255)));
        break;
    case FaultKind::InjectLine: {
        // Lines a confused or hostile peer might send: protocol-shaped and plain garbage.
        static const QByteArray lines[] = {
            QByteArrayLiteral("* 99999 EXISTS\r\n"),
            QByteArrayLiteral("* BYE injected\r\n"),
            QByteArrayLiteral("A1 OK injected\r\n"),
            QByteArrayLiteral("+OK injected\r\n"),
            QByteArrayLiteral("-ERR injected\r\n"),
            QByteArrayLiteral("250 injected\r\n"),
            QByteArrayLiteral("421 injected\r\n"),
            QByteArrayLiteral(".\r\n"),
            QByteArrayLiteral("\x15\x03\x03\x00\x02\x02\x28\r\n"), // a TLS alert record
            QByteArrayLiteral("* 1 FETCH (UID 1 FLAGS (\\Deleted))\r\n")};
        f.bytes = lines[rng.bounded(quint32(std::size(lines)))];
        break;
    }
    case FaultKind::Duplicate:
        f.count = 1 + int(rng.bounded(200));
        break;
    case FaultKind::SlowDrip:
        f.count = 20 + int(rng.bounded(200));
        f.durationMs = 2 + int(rng.bounded(20));
        break;
    default:
        break;
    }
    return FaultPlan({f});
}

} // namespace herald::test
