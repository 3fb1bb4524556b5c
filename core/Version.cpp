#include "core/Version.h"

namespace herald {
QString versionString()
{
    return QStringLiteral(HERALD_VERSION);
}
} // namespace herald
