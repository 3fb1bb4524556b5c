#pragma once
// The fuzz targets, by name: each feeds one input to the parser functions the app uses for
// what a hostile server or message can send. Shared by the libFuzzer binaries (fuzz_main.cpp,
// HERALD_FUZZ builds) and tests/unit/tst_fuzz_regressions (inputs that once failed).
// A target aborts when one of its own consistency checks fails (a parser bug without a crash).

#include <QByteArray>

namespace herald::fuzz {

using TargetFunction = void (*)(const QByteArray &input);

struct Target
{
    const char *name; // also the folder of its seeds and regressions
    TargetFunction run;
};

// Every target, in the order run.sh runs them.
const Target *targets(int *count);
// nullptr when there is no such target.
TargetFunction findTarget(const char *name);

// A parser broke its promise (e.g. split input gave other responses than the whole).
[[noreturn]] void fail(const char *what);

void imapResponse(const QByteArray &input);
void imapSplit(const QByteArray &input);
void mimeMessage(const QByteArray &input);
void mimeHeaders(const QByteArray &input);
void mimeMultipart(const QByteArray &input);
void authResults(const QByteArray &input);
void dkimSignature(const QByteArray &input);
void dkimKey(const QByteArray &input);
void spfRecord(const QByteArray &input);
void spfMacro(const QByteArray &input);
void dmarcRecord(const QByteArray &input);
void pop3Replies(const QByteArray &input);
void smtpReplies(const QByteArray &input);
void modifiedUtf7(const QByteArray &input);
void serverUrl(const QByteArray &input);

} // namespace herald::fuzz
