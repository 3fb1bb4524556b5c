#include "core/accounts/Identity.h"

#include "core/accounts/AccountSettings.h"

#include <algorithm>

namespace herald::accounts {

namespace {
bool sameAddress(const QString &a, const QString &b)
{
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}
} // namespace

QJsonObject Identity::toJson() const
{
    QJsonObject o{{QStringLiteral("email"), email}};
    if (!displayName.isEmpty())
        o[QStringLiteral("display_name")] = displayName;
    if (!signature.isEmpty())
        o[QStringLiteral("signature")] = signature;
    return o;
}

Identity Identity::fromJson(const QJsonObject &o)
{
    Identity i;
    i.email = o.value(QStringLiteral("email")).toString();
    i.displayName = o.value(QStringLiteral("display_name")).toString();
    i.signature = o.value(QStringLiteral("signature")).toString();
    return i;
}

std::vector<Identity> identities(const AccountSettings &settings, const QString &accountEmail,
                                 const QString &accountDisplayName)
{
    Identity primary{accountEmail, accountDisplayName, QString()};
    std::vector<Identity> out{primary};
    for (const Identity &i : settings.identities) {
        if (sameAddress(i.email, accountEmail)) {
            out.front().signature = i.signature;
            if (!i.displayName.isEmpty())
                out.front().displayName = i.displayName;
            continue;
        }
        out.push_back(i);
    }
    return out;
}

std::optional<Identity> findIdentity(const AccountSettings &settings, const QString &accountEmail,
                                     const QString &accountDisplayName, const QString &email)
{
    for (const Identity &i : identities(settings, accountEmail, accountDisplayName))
        if (sameAddress(i.email, email))
            return i;
    return std::nullopt;
}

void setIdentity(AccountSettings &settings, const Identity &identity)
{
    for (Identity &i : settings.identities)
        if (sameAddress(i.email, identity.email)) {
            i = identity;
            return;
        }
    settings.identities.push_back(identity);
}

bool removeIdentity(AccountSettings &settings, const QString &email)
{
    auto &list = settings.identities;
    const auto before = list.size();
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&](const Identity &i) { return sameAddress(i.email, email); }),
               list.end());
    return list.size() != before;
}

} // namespace herald::accounts
