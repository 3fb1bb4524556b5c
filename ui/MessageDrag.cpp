#include "ui/MessageDrag.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>

namespace herald::ui {

QMimeData *messageDragData(const DraggedMessages &messages)
{
    QJsonArray ids;
    for (const qint64 id : messages.ids)
        ids.append(double(id));
    const QJsonObject o{{QStringLiteral("account"), double(messages.accountId)},
                        {QStringLiteral("folder"), double(messages.folderId)},
                        {QStringLiteral("ids"), ids}};
    auto *data = new QMimeData;
    data->setData(kMessageIdsMimeType, QJsonDocument(o).toJson(QJsonDocument::Compact));
    return data;
}

std::optional<DraggedMessages> draggedMessages(const QMimeData *data)
{
    if (!data || !data->hasFormat(kMessageIdsMimeType))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(data->data(kMessageIdsMimeType)).object();
    DraggedMessages m;
    m.accountId = qint64(o[QStringLiteral("account")].toDouble());
    m.folderId = qint64(o[QStringLiteral("folder")].toDouble());
    for (const QJsonValue &id : o[QStringLiteral("ids")].toArray())
        if (id.toDouble() > 0)
            m.ids << qint64(id.toDouble());
    if (m.ids.isEmpty() || m.accountId <= 0)
        return std::nullopt;
    return m;
}

} // namespace herald::ui
