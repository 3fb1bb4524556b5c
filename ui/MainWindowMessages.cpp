// The main window's side of MessageActions: Edit > Undo and Select All, the undo notice in the
// status bar, messages dropped on a folder, and the reading pane while several are selected.
#include "ui/FolderTreeModel.h"
#include "ui/MainWindow.h"
#include "ui/MessageActions.h"
#include "ui/MessageListModel.h"
#include "ui/MessageView.h"
#include "ui/SelectedMessages.h"

#include <QAction>
#include <QLabel>
#include <QStatusBar>
#include <QTreeView>
#include <algorithm>

namespace herald::ui {

void MainWindow::wireMessageActions()
{
    // The folder tree takes messages dragged from the list; a drop lands on a folder.
    m_folderView->setAcceptDrops(true);
    m_folderView->setDragDropMode(QAbstractItemView::DropOnly);
    m_folderView->setDragDropOverwriteMode(true);
    m_folderView->setDropIndicatorShown(true);
    m_folderView->setDefaultDropAction(Qt::MoveAction);
    connect(m_folderModel, &FolderTreeModel::messagesDropped, this,
            [this](const QList<qint64> &ids, const QString &folder, bool copy) {
                if (copy) {
                    m_actions->copy(ids, folder);
                    return;
                }
                const int row = selectedRow();
                if (ids.contains(m_messageView->messageId()))
                    m_messageView->clear();
                m_actions->move(ids, folder);
                selectRow(std::min(row, m_listModel->rowCount() - 1));
            });

    connect(m_actions, &MessageActions::written, this, [this] {
        m_folderModel->refreshCounts();
        updateMessageActions();
        updateStatus();
    });
    connect(m_actions, &MessageActions::failed, this, [this](const QString &message) {
        statusBar()->showMessage(message);
        reloadFromCache(); // the messages are back as they were
    });
    connect(m_actions, &MessageActions::undone, this,
            [this](const QList<qint64> &ids, const QString &report) {
                statusBar()->showMessage(report, 5000);
                reloadFromCache();
                selectMessages(ids);
            });
    m_actions->undoNotice()->setParent(this);
    statusBar()->addPermanentWidget(m_actions->undoNotice());
}

QAction *MainWindow::selectAllAction()
{
    if (!m_selectAllAction) {
        m_selectAllAction = new QAction(tr("Select &All"), this);
        m_selectAllAction->setObjectName(QStringLiteral("selectAll"));
        m_selectAllAction->setShortcut(QKeySequence::SelectAll);
        connect(m_selectAllAction, &QAction::triggered, this, [this] {
            m_listView->setFocus();
            m_listView->selectAll();
        });
    }
    return m_selectAllAction;
}

bool MainWindow::showSelectionCount(qsizetype selectedRows)
{
    if (selectedRows <= 1) {
        m_messageView->setPlaceholder(QString());
        return false;
    }
    m_messageView->setPlaceholder(tr("%n messages selected", nullptr, int(selectedRows)));
    m_messageView->clear();
    return true;
}

void MainWindow::selectMessages(const QList<qint64> &ids)
{
    if (!ids.isEmpty())
        selectMessageIds(*m_listView, ids);
}

} // namespace herald::ui
