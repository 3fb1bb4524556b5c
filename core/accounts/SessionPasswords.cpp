#include "core/accounts/SessionPasswords.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

namespace herald::accounts {

namespace {
struct Registry
{
    QMutex mutex;
    QHash<QString, QString> passwords; // account name -> password
};

Registry &registry()
{
    static Registry r;
    return r;
}
} // namespace

QString sessionPasswordSource()
{
    return QStringLiteral("session");
}

void setSessionPassword(const QString &accountName, const QString &password)
{
    QMutexLocker lock(&registry().mutex);
    registry().passwords.insert(accountName, password);
}

std::optional<QString> sessionPassword(const QString &accountName)
{
    QMutexLocker lock(&registry().mutex);
    const auto it = registry().passwords.constFind(accountName);
    if (it == registry().passwords.constEnd())
        return std::nullopt;
    return *it;
}

void forgetSessionPassword(const QString &accountName)
{
    QMutexLocker lock(&registry().mutex);
    registry().passwords.remove(accountName);
}

} // namespace herald::accounts
