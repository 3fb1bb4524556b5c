#include "core/imap/AuthCommands.h"

namespace herald::imap {

LoginCommand::LoginCommand(const QString &user, const QString &password, ResultCallback<Empty> done)
    : TypedCommand(std::move(done)), m_user(user.toUtf8()), m_password(password.toUtf8())
{
}

QList<CommandPart> LoginCommand::parts() const
{
    return CommandBuilder().raw("LOGIN ").astring(m_user).sp().astring(m_password).parts();
}

AuthenticateCommand::AuthenticateCommand(QByteArray mechanism, QByteArray initialResponse,
                                         bool saslIr, ResultCallback<Empty> done)
    : TypedCommand(std::move(done)), m_mechanism(std::move(mechanism)),
      m_initial(std::move(initialResponse)), m_saslIr(saslIr)
{
    m_sentInitial = m_saslIr;
}

QByteArray AuthenticateCommand::plainResponse(const QString &user, const QString &password)
{
    QByteArray r;
    r.append('\0');
    r.append(user.toUtf8());
    r.append('\0');
    r.append(password.toUtf8());
    return r;
}

QByteArray AuthenticateCommand::xoauth2Response(const QString &user, const QString &accessToken)
{
    return "user=" + user.toUtf8() + "\x01" + "auth=Bearer " + accessToken.toUtf8() + "\x01\x01";
}

QList<CommandPart> AuthenticateCommand::parts() const
{
    QByteArray line = "AUTHENTICATE " + m_mechanism;
    if (m_saslIr)
        line += ' ' + (m_initial.isEmpty() ? QByteArray("=") : m_initial.toBase64());
    return {CommandPart{line, false}};
}

std::optional<QByteArray> AuthenticateCommand::handleContinuation(const Response &)
{
    if (!m_sentInitial) {
        m_sentInitial = true;
        return m_initial.toBase64();
    }
    // A second challenge (e.g. XOAUTH2's error JSON): answer empty to get the tagged NO.
    return QByteArray();
}

} // namespace herald::imap
