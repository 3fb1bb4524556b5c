#pragma once
// Helpers shared by the IMAP wire tests: waiting for callbacks, a TLS fake server, RSS.
#include "core/imap/ImapClient.h"
#include "tests/wire/FakeServer.h"

#include <QFile>
#include <QtTest>
#include <optional>

namespace herald::test {

template <class T> struct Waiter
{
    std::optional<imap::Result<T>> result;
    imap::ResultCallback<T> cb()
    {
        return [this](const imap::Result<T> &r) { result = r; };
    }
    bool done() const { return result.has_value(); }
};

inline qint64 residentKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

inline bool containsCommand(const QByteArray &wire, const QByteArray &command)
{
    // Any line "<tag> COMMAND" (exactly that command word, e.g. EXPUNGE but not UID EXPUNGE).
    for (QByteArray line : wire.split('\n')) {
        line = line.trimmed();
        const qsizetype sp = line.indexOf(' ');
        if (sp > 0 && line.mid(sp + 1).toUpper().startsWith(command + ' '))
            return true;
        if (sp > 0 && line.mid(sp + 1).toUpper() == command)
            return true;
    }
    return false;
}

} // namespace herald::test
