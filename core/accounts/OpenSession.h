#pragma once
// openSession: the account boilerplate of every engine that talks to a server, written once —
// the server URL from the account, its settings, the password from where the settings say
// (keychain, file, session passwords), the connect options (accounts::connectOptions), the stop
// flag, and the "connecting to" progress line. Works with ImapSession, Pop3Session and
// SmtpSession (anything with setStopFlag() and open(ConnectOptions, Credentials)); the session
// headers are a layer above, so this is a template the engines instantiate.

#include "core/accounts/AccountSettings.h"
#include "core/accounts/ServerUrl.h"
#include "core/net/Credentials.h"
#include "core/net/SecureSocket.h"

#include <atomic>
#include <functional>
#include <optional>

namespace herald::accounts {

struct ServerLogin
{
    QString accountName;
    std::optional<ServerUrl> url; // set unless the URL is unusable
    AccountSettings settings;
    net::ConnectOptions options;
    net::Credentials credentials;
    net::Error error; // why this account cannot log in to the server (for the user)
};

// Reads what logging in to `serverUrl` (the account's incoming or outgoing URL) takes. A URL of
// another protocol than `protocol` gives Error::Kind::Unsupported, a password that cannot be
// read Error::Kind::Authentication.
ServerLogin serverLogin(const QString &accountName, const QString &serverUrl,
                        const QString &settingsJson, Protocol protocol);

template <class Session>
net::Error openSession(Session &session, const ServerLogin &login,
                       const std::atomic<bool> *stop = nullptr,
                       const std::function<void(const QString &)> &progress = {})
{
    if (login.error)
        return login.error;
    session.setStopFlag(stop);
    if (progress)
        progress(QStringLiteral("%1: connecting to %2:%3")
                     .arg(login.accountName, login.url->host)
                     .arg(login.url->port));
    return session.open(login.options, login.credentials);
}

} // namespace herald::accounts
