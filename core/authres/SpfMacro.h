#pragma once
// SPF macro strings (RFC 7208 section 7): syntax check and expansion.

#include <QByteArray>
#include <QHostAddress>
#include <functional>
#include <optional>

namespace herald::authres {

struct SpfMacroContext
{
    QByteArray sender;                         // <sender>: local-part@domain
    QByteArray domain;                         // <domain> being checked (%{d})
    QByteArray helo;                           // %{h}
    QByteArray receiver;                       // %{r}
    QHostAddress ip;                           // %{i}, %{c}, %{v}
    qint64 now = 0;                            // %{t}
    std::function<QByteArray()> validatedName; // %{p}; "unknown" when it cannot be found
};

// True when `text` is a valid macro-string; `explain` allows the c, r, t letters (exp= text).
bool isValidSpfMacroString(const QByteArray &text, bool explain);

// The expansion, or nullopt on a syntax error.
std::optional<QByteArray> expandSpfMacro(const QByteArray &text, const SpfMacroContext &ctx,
                                         bool explain);

// The dotted IP form of %{i} (IPv6: 32 nibbles separated by dots).
QByteArray spfDottedIp(const QHostAddress &ip);

} // namespace herald::authres
