// One libFuzzer binary per target: HERALD_FUZZ_TARGET names it (see FuzzTargets.cpp).
#include "tests/fuzz/FuzzTargets.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const herald::fuzz::TargetFunction run = herald::fuzz::findTarget(HERALD_FUZZ_TARGET);
    if (!run)
        herald::fuzz::fail("unknown target " HERALD_FUZZ_TARGET);
    // A real copy (not fromRawData): the app's buffers are always NUL-terminated QByteArrays.
    run(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
