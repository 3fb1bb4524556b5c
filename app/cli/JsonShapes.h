#pragma once
// The --json shapes of DESIGN.md's command-line contract. Keys may be added,
// never renamed: scripts depend on them.

#include "core/mime/Message.h"
#include "core/store/Records.h"

#include <QJsonArray>
#include <QJsonObject>

namespace herald::cli {

QJsonObject accountJson(const store::Account &account);
QJsonObject folderJson(const store::Folder &folder);
QJsonObject messageJson(const store::MessageRow &row);
// `show`: the list object plus headers, text, html, attachments, body_cached.
QJsonObject messageDetailJson(const store::MessageRow &row, const mime::Message *parsed);
// The stored verdict JSON as an object, or null when none was computed.
QJsonValue authJson(const QString &stored);

} // namespace herald::cli
