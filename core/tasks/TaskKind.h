#pragma once
// The kinds of task a user action leaves in the cache (store::Task::kind), and the one list of
// those the IMAP engine replays against the server. The strings are what the tasks table
// stores: existing caches depend on them, so they never change.
//
// TaskReplayer (which replays) and MailboxWatcher (which wakes up to replay) both ask
// replayedOverImap(), so a kind queued while the window watches cannot wait for the next pass.

#include <QString>
#include <optional>

namespace herald::tasks {

enum class TaskKind {
    Flag,    // flags or keywords of one message changed (sync::LocalActions)
    Move,    // a message moved to another folder
    Copy,    // a message copied to another folder
    Expunge, // a message deleted for good (UID STORE \Deleted + UID EXPUNGE of that UID)
    Draft,   // a saved draft to upload to the Drafts folder (engine/imap/DraftUploader)
    Send,    // a message in the outbox (engine/smtp/Outbox, sent by OutboxSender)
    Append,  // messages imported into a server folder to upload (engine/imap/ImportUploader)
};

// The string stored in tasks.kind.
QString kindName(TaskKind kind);
// The kind of a stored string; nullopt for a string this version does not know.
std::optional<TaskKind> kindFromName(const QString &name);
// True for the kinds TaskReplayer replays over IMAP (everything but Send).
bool replayedOverImap(TaskKind kind);
bool replayedOverImap(const QString &storedKind);

} // namespace herald::tasks
