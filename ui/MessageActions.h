#pragma once
// What the window does to messages — mark, flag, move, copy, delete — on any number of them at
// once, and Edit > Undo of it. Each change shows in the list at once and is written by the cache
// writer (off the UI thread) as one transaction. An undoable change's tasks are held for the
// undo window (default 10 s, docs/decisions.md): undone within it, the server never sees it;
// undone later, the inverse change goes to the server (sync::LocalActions::undo).

#include "core/sync/ChangeRecord.h"

#include <QList>
#include <QObject>
#include <QString>
#include <deque>
#include <functional>
#include <memory>

class QAction;
class QLabel;
class QTimer;

namespace herald::sync {
class LocalActions;
}

namespace herald::ui {

class CacheWriter;
class MessageListModel;

class MessageActions : public QObject
{
    Q_OBJECT
public:
    MessageActions(CacheWriter &writer, MessageListModel &list, QObject *parent = nullptr);

    // Seconds an undoable change waits before the server may see it (0: sent at once).
    void setUndoWindow(int seconds) { m_undoWindow = seconds; }
    int undoWindow() const { return m_undoWindow; }

    // Sets or clears `flag` (store::FlagSeen, store::FlagFlagged). Opening a message marks it
    // read with undoable = false: not held, not on the undo stack.
    void setFlag(const QList<qint64> &ids, int flag, bool on, bool undoable = true);
    // Take the messages out of the list now.
    void move(const QList<qint64> &ids, const QString &folderName);
    void remove(const QList<qint64> &ids);                          // to Trash; from Trash for good
    void copy(const QList<qint64> &ids, const QString &folderName); // not undoable

    // Edit > Undo (Ctrl+Z): "Undo Move of 3 messages"; disabled with nothing to undo.
    QAction *undoAction() const { return m_undoAction; }
    // For the status bar: "Moved 3 messages to Archive — Undo" while the window lasts.
    QLabel *undoNotice() const { return m_notice; }
    void undo();
    int undoDepth() const { return int(m_undo.size()); }

signals:
    // A change is in the cache (counts and status may have changed).
    void written();
    // A change could not be written; the list must be read again (it is back as it was).
    void failed(const QString &message);
    // An undo is in the cache: the messages that came back into the list (a move or delete
    // undone; empty for a flag change), and what happened in words.
    void undone(const QList<qint64> &ids, const QString &report);

private:
    struct Entry
    {
        QString what;   // "Move of 3 messages"
        QString notice; // "Moved 3 messages to Archive"
        std::shared_ptr<sync::ChangeRecord> record;
        bool rowsLeft = false; // a move or delete: undo brings them back into the list
    };
    using Change = std::function<void(sync::LocalActions &, qint64)>;
    // Runs `change` on every id in one transaction on the writer; `hide`: the rows leave the list.
    // afterWrite runs when the writer reports back, whatever the outcome.
    void apply(const QList<qint64> &ids, bool hide, bool undoable, const QString &what,
               const QString &notice, const QString &failure, Change change,
               std::function<void()> afterWrite = {});
    void push(Entry entry);
    void updateUndoAction();
    static QString count(int n);

    CacheWriter &m_writer;
    MessageListModel &m_list;
    int m_undoWindow = 10;
    std::deque<Entry> m_undo; // newest last
    QAction *m_undoAction = nullptr;
    QLabel *m_notice = nullptr;
    QTimer *m_noticeTimer = nullptr;
};

} // namespace herald::ui
