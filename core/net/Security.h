#pragma once
// How a connection is secured. There is deliberately no plaintext mode: credentials never travel
// in clear. StartTls means "upgrade is mandatory": a server that does not offer or refuses it is
// an error before any credential is sent.

#include <QString>

namespace herald::net {

enum class Security { ImplicitTls, StartTls };

inline QString securityName(Security s)
{
    return s == Security::ImplicitTls ? QStringLiteral("TLS") : QStringLiteral("STARTTLS");
}

} // namespace herald::net
