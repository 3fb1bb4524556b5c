#include "core/mime/DraftForSending.h"

#include <QLocale>

namespace herald::mime {

namespace {
bool isDropped(const QByteArray &fieldLine)
{
    const qsizetype colon = fieldLine.indexOf(':');
    if (colon <= 0)
        return false;
    const QByteArray name = fieldLine.left(colon).trimmed().toLower();
    return name == "bcc" || name == "date" || name == "message-id";
}
} // namespace

QByteArray rfc5322Date(const QDateTime &date)
{
    const QDateTime d = date.isValid() ? date : QDateTime::currentDateTime();
    const int offset = d.offsetFromUtc() / 60;
    const int a = offset < 0 ? -offset : offset;
    return QLocale::c().toString(d, QStringLiteral("ddd, d MMM yyyy HH:mm:ss ")).toLatin1() +
           (offset < 0 ? "-" : "+") + QByteArray::number(a / 60).rightJustified(2, '0') +
           QByteArray::number(a % 60).rightJustified(2, '0');
}

QByteArray draftForSending(const QByteArray &draftRaw, const QString &messageId,
                           const QDateTime &date)
{
    qsizetype end = draftRaw.indexOf("\r\n\r\n");
    const bool crlf = end >= 0;
    if (!crlf)
        end = draftRaw.indexOf("\n\n");
    const QByteArray eol = crlf ? "\r\n" : "\n";
    const QByteArray head = end >= 0 ? draftRaw.left(end + eol.size()) : draftRaw;
    const QByteArray rest = end >= 0 ? draftRaw.mid(end + eol.size()) : QByteArray();

    QString id = messageId.trimmed();
    if (!id.startsWith(QLatin1Char('<')))
        id = QLatin1Char('<') + id + QLatin1Char('>');
    QByteArray out = "Date: " + rfc5322Date(date) + eol + "Message-ID: " + id.toLatin1() + eol;
    // Fields are a first line plus continuation lines (starting with space or tab).
    bool dropping = false;
    qsizetype pos = 0;
    while (pos < head.size()) {
        qsizetype nl = head.indexOf('\n', pos);
        if (nl < 0)
            nl = head.size() - 1;
        const QByteArray line = head.mid(pos, nl - pos + 1);
        pos = nl + 1;
        const bool continuation = line.startsWith(' ') || line.startsWith('\t');
        if (!continuation)
            dropping = isDropped(line);
        if (!dropping)
            out += line;
    }
    return out + rest;
}

} // namespace herald::mime
