#pragma once
// What every command gets: the profile, output streams, and the cache (opened on
// first use, so argument errors never create a profile).

#include "core/store/Store.h"

#include <QTextStream>
#include <memory>

namespace herald::authres {
class DnsResolver;
}

namespace herald::cli {

// A failure to report as one line on stderr with a non-zero exit.
class CommandError : public std::runtime_error
{
public:
    explicit CommandError(const QString &message, int exitCode = 1)
        : std::runtime_error(message.toStdString()), m_exitCode(exitCode)
    {
    }
    int exitCode() const { return m_exitCode; }

private:
    int m_exitCode;
};

class CliContext
{
public:
    CliContext(QString profileDir, QString nameserver);
    ~CliContext();

    store::Store &store();
    QString profileDir() const { return m_profileDir; }
    QString nameserver() const { return m_nameserver; }
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    // The account named `name`; throws CommandError naming the known accounts.
    store::Account account(const QString &name);
    // Accounts a command covers: the named one, or every account when empty.
    std::vector<store::Account> accounts(const QString &nameOrEmpty);

    // The resolver for sender checks (--nameserver / HERALD_NAMESERVER, else the system's),
    // made on first use; a nameserver that cannot be used is a usage error.
    authres::DnsResolver &dns();
    // Herald's own sender checks (core/sync/VerdictPass) for the account's messages whose
    // body is in the cache and whose verdict is not final; progress on stderr.
    void checkSenders(const store::Account &account);

private:
    QString m_profileDir;
    QString m_nameserver;
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<authres::DnsResolver> m_dns;
};

} // namespace herald::cli
