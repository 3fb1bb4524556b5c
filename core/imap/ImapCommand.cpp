#include "core/imap/ImapCommand.h"

#include "core/imap/ModifiedUtf7.h"

#include <QCoreApplication>

namespace herald::imap {

namespace {
bool isAtomSafe(const QByteArray &v)
{
    if (v.isEmpty() || v.compare("NIL", Qt::CaseInsensitive) == 0)
        return false;
    for (char c : v) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f)
            return false;
        switch (c) {
        case '(':
        case ')':
        case '{':
        case '"':
        case '\\':
        case ']':
        case '%':
        case '*':
            return false;
        default:
            break;
        }
    }
    return true;
}

bool isQuotable(const QByteArray &v)
{
    for (char c : v) {
        const auto u = static_cast<unsigned char>(c);
        if (u == 0 || u == '\r' || u == '\n' || u >= 0x80)
            return false;
    }
    return v.size() < 1024;
}
} // namespace

CommandBuilder &CommandBuilder::raw(const QByteArray &text)
{
    if (!m_parts.isEmpty() && !m_parts.last().literal)
        m_parts.last().bytes.append(text);
    else
        m_parts.append(CommandPart{text, false});
    return *this;
}

CommandBuilder &CommandBuilder::quoted(const QByteArray &value)
{
    QByteArray q;
    q.reserve(value.size() + 2);
    q.append('"');
    for (char c : value) {
        if (c == '"' || c == '\\')
            q.append('\\');
        q.append(c);
    }
    q.append('"');
    return raw(q);
}

CommandBuilder &CommandBuilder::literal(const QByteArray &bytes)
{
    m_parts.append(CommandPart{bytes, true});
    return *this;
}

CommandBuilder &CommandBuilder::astring(const QByteArray &value)
{
    if (isAtomSafe(value))
        return raw(value);
    if (isQuotable(value))
        return quoted(value);
    return literal(value);
}

CommandBuilder &CommandBuilder::mailbox(const QString &name)
{
    if (name.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0)
        return raw("INBOX");
    return astring(ModifiedUtf7::encode(name));
}

CommandResult ImapCommand::resultOf(const Response &tagged, net::Error::Kind failureKind) const
{
    CommandResult r;
    r.code = tagged.code;
    r.text = tagged.text;
    if (tagged.status != Response::Status::Ok) {
        const QString server =
            tagged.text.isEmpty() ? QStringLiteral("(no reason given)") : tagged.text;
        r.error = net::Error::make(
            failureKind, QCoreApplication::translate("herald::imap", "The server refused %1: %2")
                             .arg(QString::fromLatin1(name()), server));
    }
    return r;
}

} // namespace herald::imap
