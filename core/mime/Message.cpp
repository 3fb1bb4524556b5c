#include "core/mime/Message.h"

namespace herald::mime {

QString Address::display() const
{
    if (name.isEmpty())
        return email;
    if (email.isEmpty())
        return name;
    return name + QStringLiteral(" <") + email + QLatin1Char('>');
}

bool Message::hasAttachments() const
{
    for (const Attachment &a : attachments) {
        if (!a.isInline)
            return true;
    }
    return false;
}

QString Message::header(const QString &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

} // namespace herald::mime
