#include "core/sync/AccountCreation.h"

#include "core/accounts/Credentials.h"
#include "core/accounts/SessionPasswords.h"
#include "core/store/Store.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace herald::accounts {

namespace {

// The password's source string, after keeping the password where it goes.
CredentialResult keepPassword(const QString &name, const PasswordChoice &choice)
{
    CredentialResult r;
    switch (choice.kind) {
    case PasswordChoice::Kind::File: {
        const QFileInfo file(choice.value);
        if (!file.isReadable()) {
            r.error = QStringLiteral("cannot read the password file %1").arg(file.filePath());
            return r;
        }
        r.password = QStringLiteral("file:") + file.absoluteFilePath();
        break;
    }
    case PasswordChoice::Kind::Env:
        if (!qEnvironmentVariableIsSet(choice.value.toLocal8Bit().constData())) {
            r.error = QStringLiteral("the environment variable %1 is not set").arg(choice.value);
            return r;
        }
        r.password = QStringLiteral("env:") + choice.value;
        break;
    case PasswordChoice::Kind::Keychain: {
        const auto stored = storeInKeychain(name, choice.value);
        if (!stored.ok) {
            r.error = QStringLiteral("cannot keep the password: %1").arg(stored.error);
            return r;
        }
        r.password = QStringLiteral("keychain");
        break;
    }
    case PasswordChoice::Kind::InKeychain:
        r.password = QStringLiteral("keychain");
        break;
    case PasswordChoice::Kind::Session:
        setSessionPassword(name, choice.value);
        r.password = sessionPasswordSource();
        break;
    }
    r.ok = true;
    return r;
}

void forgetPassword(const QString &name, PasswordChoice::Kind kind)
{
    if (kind == PasswordChoice::Kind::Keychain || kind == PasswordChoice::Kind::InKeychain)
        removeFromKeychain(name);
    else if (kind == PasswordChoice::Kind::Session)
        forgetSessionPassword(name);
}

} // namespace

bool isValidAccountName(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9._-]+$"));
    return valid.match(name).hasMatch();
}

QString accountNameForAddress(store::Store &store, const QString &email)
{
    QString base;
    for (const QChar c : email.trimmed()) {
        if (c == QLatin1Char('@'))
            base += QLatin1Char('-');
        else if (c.isLetterOrNumber() && c.unicode() < 128)
            base += c;
        else if (c == QLatin1Char('.') || c == QLatin1Char('_') || c == QLatin1Char('-'))
            base += c;
        else
            base += QLatin1Char('_');
    }
    if (base.isEmpty())
        base = QStringLiteral("account");
    QString name = base;
    for (int n = 2; store.accounts().byName(name); ++n)
        name = QStringLiteral("%1-%2").arg(base).arg(n);
    return name;
}

QString newAccountError(store::Store &store, const NewAccount &account)
{
    if (!isValidAccountName(account.name))
        return QStringLiteral("the account name may use letters, digits, '.', '_' and '-' only");
    const QString email = account.email.trimmed();
    const int at = email.indexOf(QLatin1Char('@'));
    if (at <= 0 || at == email.size() - 1 || email.contains(QLatin1Char(' ')))
        return QStringLiteral("'%1' is not an email address").arg(account.email);
    if (!account.incoming.isIncoming())
        return QStringLiteral("the incoming server must be IMAP or POP3");
    if (account.outgoing.protocol != Protocol::Smtp)
        return QStringLiteral("the outgoing server must be SMTP");
    for (const ServerUrl *url : {&account.incoming, &account.outgoing}) {
        // Round-trip through the URL parser: it knows what a valid host, port and user are.
        QString error;
        if (!ServerUrl::parse(url->toString(), &error))
            return error;
    }
    if (store.accounts().byName(account.name))
        return QStringLiteral("an account named '%1' already exists").arg(account.name);
    return {};
}

CreatedAccount createAccount(store::Store &store, NewAccount account,
                             const PasswordChoice &password)
{
    CreatedAccount created;
    created.error = newAccountError(store, account);
    if (!created.ok())
        return created;
    const auto source = keepPassword(account.name, password);
    if (!source.ok) {
        created.error = source.error;
        return created;
    }
    account.settings.passwordSource = source.password;
    store::Account row;
    row.name = account.name;
    row.email = account.email.trimmed();
    row.displayName = account.displayName.trimmed();
    row.incomingUrl = account.incoming.toString();
    row.outgoingUrl = account.outgoing.toString();
    row.settingsJson = account.settings.toJson();
    try {
        created.id = store.accounts().add(row);
    } catch (const std::exception &e) {
        forgetPassword(account.name, password.kind);
        created.error =
            QStringLiteral("cannot save the account: %1").arg(QString::fromLocal8Bit(e.what()));
    }
    return created;
}

} // namespace herald::accounts
