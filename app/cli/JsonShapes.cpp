#include "app/cli/JsonShapes.h"

#include "core/accounts/AccountSettings.h"

#include <QJsonDocument>

namespace herald::cli {

namespace {
QString fromDisplay(const store::MessageRow &row)
{
    if (row.fromName.isEmpty())
        return row.fromAddr;
    return QStringLiteral("%1 <%2>").arg(row.fromName, row.fromAddr);
}

QJsonValue optionalInt(const std::optional<qint64> &v)
{
    return v ? QJsonValue(double(*v)) : QJsonValue();
}
} // namespace

QJsonObject accountJson(const store::Account &a)
{
    const auto settings = accounts::AccountSettings::fromJson(a.settingsJson);
    return {{QStringLiteral("name"), a.name},
            {QStringLiteral("email"), a.email},
            {QStringLiteral("display_name"), a.displayName},
            {QStringLiteral("incoming"), a.incomingUrl},
            {QStringLiteral("outgoing"), a.outgoingUrl},
            {QStringLiteral("authserv_id"), settings.authservId},
            {QStringLiteral("trusted_hops"), settings.trustedHops},
            {QStringLiteral("download_bodies"), settings.downloadBodies},
            {QStringLiteral("body_max_age_days"), settings.bodyMaxAgeDays},
            {QStringLiteral("body_max_size"), double(settings.bodyMaxSize)},
            {QStringLiteral("leave_on_server"), settings.leaveOnServer},
            {QStringLiteral("delete_after_days"), settings.deleteAfterDays}};
}

QJsonObject folderJson(const store::Folder &f)
{
    return {{QStringLiteral("name"), f.name},
            {QStringLiteral("special_use"), f.specialUse},
            {QStringLiteral("total"), double(f.total)},
            {QStringLiteral("unread"), double(f.unread)},
            {QStringLiteral("local"), f.isLocal}};
}

QJsonValue authJson(const QString &stored)
{
    if (stored.isEmpty())
        return QJsonValue();
    const QJsonDocument doc = QJsonDocument::fromJson(stored.toUtf8());
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue();
}

QJsonObject messageJson(const store::MessageRow &r)
{
    return {{QStringLiteral("id"), double(r.id)},
            {QStringLiteral("account"), r.accountName},
            {QStringLiteral("folder"), r.folderName},
            {QStringLiteral("uid"), optionalInt(r.uid)},
            {QStringLiteral("message_id"), r.messageId},
            {QStringLiteral("subject"), r.subject},
            {QStringLiteral("from"), fromDisplay(r)},
            {QStringLiteral("to"), r.to},
            {QStringLiteral("date"), r.date.isValid() && r.date.toSecsSinceEpoch() != 0
                                         ? QJsonValue(r.date.toUTC().toString(Qt::ISODate))
                                         : QJsonValue()},
            {QStringLiteral("flags"),
             QJsonArray::fromStringList(store::flagNames(r.flags, r.keywords))},
            {QStringLiteral("size"), double(r.size)},
            {QStringLiteral("has_attachments"), r.hasAttachments},
            {QStringLiteral("auth"), authJson(r.authJson)}};
}

QJsonObject messageDetailJson(const store::MessageRow &row, const mime::Message *parsed)
{
    QJsonObject o = messageJson(row);
    QJsonArray headers;
    QJsonArray attachments;
    if (parsed) {
        for (const auto &[name, value] : parsed->headers)
            headers.append(QJsonArray{name, value});
        for (const auto &a : parsed->attachments)
            attachments.append(QJsonObject{{QStringLiteral("filename"), a.filename},
                                           {QStringLiteral("mime_type"), a.mimeType},
                                           {QStringLiteral("size"), double(a.size)},
                                           {QStringLiteral("inline"), a.isInline}});
    }
    o[QStringLiteral("headers")] = headers;
    o[QStringLiteral("text")] = parsed ? parsed->text : row.snippet;
    o[QStringLiteral("html")] = parsed ? parsed->html : QString();
    o[QStringLiteral("attachments")] = attachments;
    o[QStringLiteral("body_cached")] = parsed != nullptr;
    return o;
}

} // namespace herald::cli
