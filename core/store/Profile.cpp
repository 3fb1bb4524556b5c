#include "core/store/Profile.h"

#include <QDir>
#include <QStandardPaths>

namespace herald::store {

QString resolveProfileDir(const QString &explicitDir)
{
    if (!explicitDir.isEmpty())
        return QDir(explicitDir).absolutePath();
    const QString env = qEnvironmentVariable("HERALD_PROFILE");
    if (!env.isEmpty())
        return QDir(env).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

} // namespace herald::store
