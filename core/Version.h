#pragma once

#include <QString>

namespace herald {
// The version the build was configured with (CMake project version).
QString versionString();
} // namespace herald
