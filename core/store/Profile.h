#pragma once

#include <QString>

namespace herald::store {

// The profile directory: the explicit one if given, else $HERALD_PROFILE, else
// the platform's app-data location (~/.local/share/herald on Linux).
QString resolveProfileDir(const QString &explicitDir = QString());

} // namespace herald::store
