#pragma once
#include <QStringList>
namespace herald::cli {
// Runs one herald-cli invocation; returns the process exit code.
int run(const QStringList &arguments);
} // namespace herald::cli
