#include "tests/support/TestSupport.h"

#include <QDir>

namespace herald::test {
QString dataDir() { return qEnvironmentVariable("HERALD_TEST_DATA"); }
QString dataFile(const QString &relative) { return QDir(dataDir()).filePath(relative); }
} // namespace herald::test
