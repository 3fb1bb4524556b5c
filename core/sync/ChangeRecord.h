#pragma once
// What a user's change did to each message, kept so that LocalActions::undo() can take it back:
// the message as it was, and the task that carries the change to the server. While that task
// has not been sent (it is held for the undo window, TaskRepository::due), undo withdraws it and
// restores the cache, and the server never hears of the change; once sent, undo makes the
// inverse change as new tasks.

#include "core/store/Records.h"

#include <QStringList>
#include <vector>

namespace herald::sync {

struct ChangeStep
{
    enum class Kind { Flags, Move, Expunge };
    Kind kind = Kind::Flags;
    store::MessageRow before; // the message before the change
    qint64 taskId = 0;        // its task for the server; 0 when none (a local folder)
    qint64 heldUntil = 0;     // the task's not_before (task ids are reused once removed)
    QString destination;      // Move: the folder it went to
    QStringList add, remove;  // Flags: what the change set and cleared
};

struct ChangeRecord
{
    std::vector<ChangeStep> steps;
    bool isEmpty() const { return steps.empty(); }
};

struct UndoOutcome
{
    int withdrawn = 0;              // taken back before reaching the server
    int reversed = 0;               // already on the server: the inverse change is queued
    std::vector<qint64> messageIds; // the messages undone (a deleted one under its id again)
    QStringList problems;           // steps that could not be undone, in words
};

} // namespace herald::sync
