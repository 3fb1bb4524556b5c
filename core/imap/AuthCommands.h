#pragma once
// Commands that carry credentials: LOGIN and AUTHENTICATE (PLAIN, XOAUTH2; SASL-IR when offered).
// Both are exclusive and sensitive (never logged). ImapClient refuses to send them unless the
// connection is encrypted.

#include "core/imap/ImapCommand.h"

namespace herald::imap {

class LoginCommand : public TypedCommand<Empty>
{
public:
    LoginCommand(const QString &user, const QString &password, ResultCallback<Empty> done);
    QList<CommandPart> parts() const override;
    QByteArray name() const override { return "LOGIN"; }
    bool exclusive() const override { return true; }
    bool sensitive() const override { return true; }

protected:
    net::Error::Kind failureKind() const override { return net::Error::Kind::Authentication; }

private:
    QByteArray m_user, m_password;
};

class AuthenticateCommand : public TypedCommand<Empty>
{
public:
    // initialResponse is the raw (not base64) SASL initial response.
    AuthenticateCommand(QByteArray mechanism, QByteArray initialResponse, bool saslIr,
                        ResultCallback<Empty> done);
    static QByteArray plainResponse(const QString &user, const QString &password);
    static QByteArray xoauth2Response(const QString &user, const QString &accessToken);

    QList<CommandPart> parts() const override;
    QByteArray name() const override { return "AUTHENTICATE " + m_mechanism; }
    bool exclusive() const override { return true; }
    bool sensitive() const override { return true; }
    std::optional<QByteArray> handleContinuation(const Response &) override;
    void prepare(const QList<QByteArray> &capabilities) override
    {
        m_saslIr = capabilities.contains("SASL-IR");
        m_sentInitial = m_saslIr;
    }

protected:
    net::Error::Kind failureKind() const override { return net::Error::Kind::Authentication; }

private:
    QByteArray m_mechanism, m_initial;
    bool m_saslIr;
    bool m_sentInitial = false;
};

} // namespace herald::imap
