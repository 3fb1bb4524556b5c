// One libFuzzer binary per target: HERALD_FUZZ_TARGET names it (see FuzzTargets.cpp).
#include "tests/fuzz/FuzzTargets.h"

#include <cstddef>
#include <cstdint>

// One-time costs (ICU's charset tables, OpenSSL, libpsl) are paid here, not by the first input
// against its 1 s limit.
extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    if (herald::fuzz::TargetFunction run = herald::fuzz::findTarget(HERALD_FUZZ_TARGET))
        run("Content-Type: text/plain; charset=iso-8859-2\r\nFrom: a@b.example\r\n\r\nx\r\n");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const herald::fuzz::TargetFunction run = herald::fuzz::findTarget(HERALD_FUZZ_TARGET);
    if (!run)
        herald::fuzz::fail("unknown target " HERALD_FUZZ_TARGET);
    // A real copy (not fromRawData): the app's buffers are always NUL-terminated QByteArrays.
    run(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
