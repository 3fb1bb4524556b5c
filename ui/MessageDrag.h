#pragma once
// The MIME data of messages dragged from the message list: the ids and the account they belong
// to, so a folder can refuse a drop from another account before anything moves.

#include <QList>
#include <QString>
#include <optional>

class QMimeData;

namespace herald::ui {

inline const QString kMessageIdsMimeType = QStringLiteral("application/x-herald-message-ids");

struct DraggedMessages
{
    qint64 accountId = 0;
    qint64 folderId = 0; // where they are dragged from
    QList<qint64> ids;
};

QMimeData *messageDragData(const DraggedMessages &messages);
// nullopt when the data holds no messages of Herald.
std::optional<DraggedMessages> draggedMessages(const QMimeData *data);

} // namespace herald::ui
