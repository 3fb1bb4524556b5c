#pragma once
// Runs a piece of work that may throw (the cache's store::SqliteError, a parser's
// std::runtime_error) and hands back what it threw as an Error value of the given kind.
// Engines wrap every cache access that runs inside an event loop (a FETCH or RETR callback)
// with it: Qt does not support an exception passing through QEventLoop::exec, so the
// callback records the error, the wait ends, and the pass returns it.

#include "core/net/Error.h"

#include <exception>
#include <utility>

namespace herald::net {

template <typename Work> Error caught(Error::Kind kind, Work &&work)
{
    try {
        std::forward<Work>(work)();
    } catch (const std::exception &e) {
        return Error::make(kind, QString::fromUtf8(e.what()));
    } catch (...) {
        return Error::make(kind, QStringLiteral("unknown failure"));
    }
    return Error();
}

// The common case: the cache failed.
template <typename Work> Error storageErrorOf(Work &&work)
{
    return caught(Error::Kind::Storage, std::forward<Work>(work));
}

} // namespace herald::net
