#pragma once

#include <QString>
#include <optional>

namespace herald::cli {
// Asks on the terminal without echo. nullopt when stdin is not a terminal.
std::optional<QString> promptPassword(const QString &prompt);
} // namespace herald::cli
