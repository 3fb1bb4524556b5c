#include "core/accounts/OpenSession.h"

#include "core/accounts/ConnectionSettings.h"
#include "core/accounts/Credentials.h"

namespace herald::accounts {

ServerLogin serverLogin(const QString &accountName, const QString &serverUrl,
                        const QString &settingsJson, Protocol protocol)
{
    ServerLogin login;
    login.accountName = accountName;
    login.settings = AccountSettings::fromJson(settingsJson);
    QString parseError;
    login.url = ServerUrl::parse(serverUrl, &parseError);
    if (!login.url || login.url->protocol != protocol) {
        login.url.reset();
        login.error = net::Error::make(
            net::Error::Kind::Unsupported,
            QStringLiteral("the account has no usable %1 server (%2)")
                .arg(protocolName(protocol), parseError.isEmpty() ? serverUrl : parseError));
        return login;
    }
    const CredentialResult password = readPassword(login.settings.passwordSource, accountName);
    if (!password.ok) {
        login.error = net::Error::make(net::Error::Kind::Authentication, password.error);
        return login;
    }
    login.options = connectOptions(*login.url, login.settings);
    login.credentials = {login.url->user, password.password, QString()};
    return login;
}

} // namespace herald::accounts
