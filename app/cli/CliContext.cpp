#include "app/cli/CliContext.h"

#include "app/cli/ArgParser.h"
#include "core/authres/UnboundResolver.h"
#include "core/sync/VerdictPass.h"

#include <cstdio>

namespace herald::cli {

CliContext::CliContext(QString profileDir, QString nameserver)
    : m_profileDir(std::move(profileDir)), m_nameserver(std::move(nameserver)), m_out(stdout),
      m_err(stderr)
{
}

CliContext::~CliContext() = default;

authres::DnsResolver &CliContext::dns()
{
    if (!m_dns) {
        try {
            m_dns = std::make_unique<authres::UnboundResolver>(m_nameserver, 3000);
        } catch (const std::runtime_error &e) {
            throw UsageError(e.what());
        }
    }
    return *m_dns;
}

void CliContext::checkSenders(const store::Account &account)
{
    sync::VerdictPass pass(store(), account, dns());
    pass.setProgress([this](const QString &line) { m_err << line << "\n" << Qt::flush; });
    pass.run();
}

store::Store &CliContext::store()
{
    if (!m_store)
        m_store = std::make_unique<store::Store>(m_profileDir);
    return *m_store;
}

store::Account CliContext::account(const QString &name)
{
    if (auto a = store().accounts().byName(name))
        return *a;
    QStringList known;
    for (const auto &a : store().accounts().list())
        known << a.name;
    throw CommandError(known.isEmpty()
                           ? QStringLiteral("no account named '%1' (this profile has no accounts; "
                                            "add one with 'account add')")
                                 .arg(name)
                           : QStringLiteral("no account named '%1' (known: %2)")
                                 .arg(name, known.join(QStringLiteral(", "))));
}

std::vector<store::Account> CliContext::accounts(const QString &nameOrEmpty)
{
    if (!nameOrEmpty.isEmpty())
        return {account(nameOrEmpty)};
    return store().accounts().list();
}

} // namespace herald::cli
