#pragma once
// Account server addresses as URLs: imaps://USER@HOST:PORT, imap+starttls://…,
// pop3s://…, pop3+starttls://…, smtps://…, smtp+starttls://… (USER percent-encoded).
// There is deliberately no plaintext scheme: Herald never sends credentials in clear.

#include <QString>
#include <optional>

namespace herald::accounts {

enum class Protocol { Imap, Pop3, Smtp };
enum class Transport { ImplicitTls, StartTls };

struct ServerUrl
{
    Protocol protocol = Protocol::Imap;
    Transport transport = Transport::ImplicitTls;
    QString user;
    QString host;
    quint16 port = 0;

    bool isIncoming() const { return protocol != Protocol::Smtp; }
    QString toString() const;

    // Parses; on failure returns nullopt and sets *error to a sentence for the user.
    static std::optional<ServerUrl> parse(const QString &text, QString *error = nullptr);
};

QString protocolName(Protocol protocol);

} // namespace herald::accounts
