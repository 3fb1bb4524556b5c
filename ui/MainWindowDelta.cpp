// The window's side of the cache's change stream (store::CacheDelta through CacheFollower):
// the folder tree's counts and the list's rows follow a commit without a reset, so the
// selection, the scroll position and the message shown stay as they are.
#include "core/store/CacheDelta.h"
#include "ui/FolderTreeModel.h"
#include "ui/IndexWorker.h"
#include "ui/MainWindow.h"
#include "ui/MessageListModel.h"
#include "ui/MessageView.h"
#include "ui/OutboxPanel.h"
#include "ui/UploadIndicator.h"

#include <QStackedWidget>
#include <QTreeView>

namespace herald::ui {

void MainWindow::applyCacheDelta(const store::CacheDelta &delta)
{
    // Nothing open yet (the first sync into an empty cache): the reload opens an Inbox.
    if (m_listModel->scope().isEmpty()) {
        reloadFromCache();
        return;
    }
    // Accounts or folders came or went (the tree was reset), or the list needs a reset.
    if (!m_folderModel->applyDelta(delta) || !m_listModel->applyDelta(delta)) {
        reloadFromCache(); // re-selects the open folder and the messages selected
        return;
    }
    if (m_rightStack->currentWidget() == m_outboxPanel)
        m_outboxPanel->reload();
    updateOutboxRetry();
    m_uploadIndicator->refresh();
    m_indexer->wake(); // new messages may wait for the search index
    const qint64 shown = m_messageView->messageId();
    if (shown && delta.messagesRemoved.contains(shown) && m_listModel->rowOfMessage(shown) < 0)
        m_messageView->clear(); // expunged here or on another device
    openInboxWhenItArrives();
    updateStatus();
}

} // namespace herald::ui
