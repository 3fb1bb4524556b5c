#include "app/cli/CliApp.h"
#include <cstdio>
namespace herald::cli {
int run(const QStringList &) { std::fputs("herald-cli: not implemented yet\n", stderr); return 2; }
} // namespace herald::cli
