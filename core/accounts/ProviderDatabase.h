#pragma once
// The bundled provider database: resources/providers/*.xml (Mozilla autoconfig format, one
// file per provider, listing all its domains), compiled into herald_core as Qt resources
// under :/providers. Loaded once per process; thread-safe.

#include "core/accounts/AutoconfigXml.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace herald::accounts {

// The provider serving `domain` (one of its <domain> entries, case-insensitive), with user
// names filled in from `email`; nullopt when Herald has no entry.
std::optional<AutoconfigProvider> bundledProvider(const QString &domain, const QString &email);

// Every domain the database knows, for tests and diagnostics.
QStringList bundledDomains();

} // namespace herald::accounts
