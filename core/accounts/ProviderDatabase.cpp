#include "core/accounts/ProviderDatabase.h"

#include <QDir>
#include <QFile>
#include <QHash>

// The resources live in a static library: reference their initializer so the linker keeps it.
static void initProviderResources()
{
    Q_INIT_RESOURCE(providers);
}

namespace herald::accounts {

namespace {

// domain → the provider file's bytes (parsed again per lookup, with the user's address).
const QHash<QString, QByteArray> &database()
{
    static const QHash<QString, QByteArray> db = [] {
        initProviderResources();
        QHash<QString, QByteArray> map;
        const QDir dir(QStringLiteral(":/providers"));
        for (const QString &name : dir.entryList({QStringLiteral("*.xml")}, QDir::Files)) {
            QFile file(dir.filePath(name));
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = file.readAll();
            const auto provider = parseAutoconfig(bytes, QString());
            if (!provider) // a broken bundled file is caught by tst_discovery_sources
                continue;
            for (const QString &domain : provider->domains)
                map.insert(domain, bytes);
        }
        return map;
    }();
    return db;
}

} // namespace

std::optional<AutoconfigProvider> bundledProvider(const QString &domain, const QString &email)
{
    const auto it = database().constFind(domain.trimmed().toLower());
    if (it == database().constEnd())
        return std::nullopt;
    return parseAutoconfig(*it, email);
}

QStringList bundledDomains()
{
    QStringList domains = database().keys();
    domains.sort();
    return domains;
}

} // namespace herald::accounts
