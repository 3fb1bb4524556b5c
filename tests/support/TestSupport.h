#pragma once

#include <QString>

namespace herald::test {
// Directory of checked-in test data (tests/data), from HERALD_TEST_DATA.
QString dataDir();
// Path of a file under tests/data.
QString dataFile(const QString &relative);
} // namespace herald::test
