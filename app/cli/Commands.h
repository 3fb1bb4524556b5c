#pragma once
// One function per herald-cli command. Each parses its own arguments and throws
// UsageError / CommandError for the caller to print as one line.

#include "core/store/Records.h"

#include <QStringList>
#include <vector>

namespace herald::smtp {
struct QueuedMessage;
struct OutboxReport;
} // namespace herald::smtp

namespace herald::cli {

class CliContext;

int accountCommand(CliContext &ctx, const QStringList &args);
int foldersCommand(CliContext &ctx, const QStringList &args);
int listCommand(CliContext &ctx, const QStringList &args);
int showCommand(CliContext &ctx, const QStringList &args);
int searchCommand(CliContext &ctx, const QStringList &args);
int indexCommand(CliContext &ctx, const QStringList &args);
int syncCommand(CliContext &ctx, const QStringList &args);
int flagCommand(CliContext &ctx, const QStringList &args);
int moveCommand(CliContext &ctx, const QStringList &args);
int copyCommand(CliContext &ctx, const QStringList &args);
int deleteCommand(CliContext &ctx, const QStringList &args);
int verifyCommand(CliContext &ctx, const QStringList &args);
int watchCommand(CliContext &ctx, const QStringList &args);
int trustCommand(CliContext &ctx, const QStringList &args);
int sendCommand(CliContext &ctx, const QStringList &args);
int outboxCommand(CliContext &ctx, const QStringList &args);
int draftCommand(CliContext &ctx, const QStringList &args);
// `mbox import|export FILE --account N --folder NAME`
int mboxCommand(CliContext &ctx, const QStringList &args);
// `account identity add|list|remove`
int identityCommand(CliContext &ctx, const QStringList &args);
// `account discover EMAIL [--json] [--ca-file PEM]`
int discoverCommand(CliContext &ctx, const QStringList &args);
// After a message was queued (send, draft send): says so, then sends it at once unless
// queueOnly; throws CommandError when it could not be sent and needs the user.
int sendQueued(CliContext &ctx, const store::Account &account, const smtp::QueuedMessage &queued,
               bool queueOnly);
// Prints what an outbox pass could not do quietly (Sent copies not saved) and returns the
// failure that needs the user (login refused, untrusted certificate), or an empty string.
QString outboxFailure(CliContext &ctx, const smtp::OutboxReport &report);

} // namespace herald::cli
