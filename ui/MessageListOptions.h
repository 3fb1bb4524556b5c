#pragma once
// How the message list is ordered and grouped, and the keys and clicks that go with it:
// - a click on a column header sorts by it (again: the other direction), in a folder, a unified
//   view or a search's results; the order is remembered per folder and per unified view in the
//   UI settings (herald-ui.ini, "sort/<folder id>", "sort/all-inboxes", "sort/unread",
//   "sort/flagged");
// - View > Show Conversations (Ctrl+T, remembered) groups the list by conversation
//   (MessageListModel::setThreaded);
// - a click on a collapsed conversation, Right or + expands it; a click on the ▾ of an
//   expanded one, Left or - folds it back (from any of its messages).
// The selected message stays selected across each of these.

#include "core/store/ListScope.h"

#include <QObject>

class QAction;
class QMouseEvent;
class QSettings;
class QTreeView;

namespace herald::ui {

class MessageListModel;

class MessageListOptions : public QObject
{
    Q_OBJECT
public:
    MessageListOptions(QTreeView &view, MessageListModel &model, QSettings &settings,
                       QObject *parent = nullptr);

    QAction *showConversationsAction() const { return m_conversations; }
    // Before the list opens a folder or a unified view: its remembered order (a list: none).
    void aboutToOpenFolder(qint64 folderId);
    void aboutToOpen(const store::ListScope &scope);
    // Expand or fold the conversation at `row`, keeping the selected message selected.
    bool expand(int row);
    bool collapse(int row);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onSortIndicatorChanged(int column, Qt::SortOrder order);
    void setConversations(bool on);
    qint64 selectedMessage() const;
    void reselect(qint64 messageId);
    int selectedRow() const;
    bool onKey(int key);
    bool onClick(const QMouseEvent &event);

    QTreeView &m_view;
    MessageListModel &m_model;
    QSettings &m_settings;
    QAction *m_conversations = nullptr;
    bool m_applyingSort = false;
};

} // namespace herald::ui
