// The main window's part in writing mail: the compose actions (Message menu, the list's
// context menu, composeActions() for a toolbar), drafts opened from the list, and sending the
// outbox after Send and while messages wait in it. Kept apart from MainWindow.cpp so the
// window's other concerns and this one change independently.
#include "core/engine/smtp/Outbox.h"
#include "core/engine/smtp/StartDraft.h"
#include "core/store/Store.h"
#include "ui/Compose.h"
#include "ui/FolderTreeModel.h"
#include "ui/MainWindow.h"
#include "ui/MessageListModel.h"
#include "ui/OutboxPanel.h"
#include "ui/SyncController.h"

#include <QAction>
#include <QHash>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QTreeView>

namespace herald::ui {

void MainWindow::createComposeActions()
{
    auto make = [this](QAction *&action, const QString &text, const char *name,
                       const QKeySequence &key, QStyle::StandardPixmap icon) {
        // The desktop theme's freedesktop icon (mail-reply-sender, …), else Qt's own.
        static const QHash<QString, QString> theme{
            {QStringLiteral("newMessage"), QStringLiteral("mail-message-new")},
            {QStringLiteral("reply"), QStringLiteral("mail-reply-sender")},
            {QStringLiteral("replyAll"), QStringLiteral("mail-reply-all")},
            {QStringLiteral("forward"), QStringLiteral("mail-forward")},
            {QStringLiteral("forwardAsAttachment"), QStringLiteral("mail-forward")}};
        action = new QAction(
            QIcon::fromTheme(theme.value(QString::fromLatin1(name)), style()->standardIcon(icon)),
            text, this);
        action->setObjectName(QString::fromLatin1(name));
        if (!key.isEmpty())
            action->setShortcut(key);
    };
    make(m_newMessageAction, tr("&New Message"), "newMessage", QKeySequence::New,
         QStyle::SP_FileIcon);
    make(m_replyAction, tr("&Reply"), "reply", QKeySequence(Qt::CTRL | Qt::Key_R),
         QStyle::SP_ArrowBack);
    make(m_replyAllAction, tr("Reply &All"), "replyAll",
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), QStyle::SP_ArrowLeft);
    make(m_forwardAction, tr("&Forward"), "forward", QKeySequence(Qt::CTRL | Qt::Key_L),
         QStyle::SP_ArrowForward);
    make(m_forwardAttachedAction, tr("Forward as A&ttachment"), "forwardAsAttachment",
         QKeySequence(), QStyle::SP_ArrowRight);
    connect(m_newMessageAction, &QAction::triggered, this,
            [this] { m_composer->newMessage(currentAccountId()); });
    connect(m_replyAction, &QAction::triggered, this,
            [this] { answerSelected(int(smtp::Answer::Reply)); });
    connect(m_replyAllAction, &QAction::triggered, this,
            [this] { answerSelected(int(smtp::Answer::ReplyAll)); });
    connect(m_forwardAction, &QAction::triggered, this,
            [this] { answerSelected(int(smtp::Answer::ForwardInline)); });
    connect(m_forwardAttachedAction, &QAction::triggered, this,
            [this] { answerSelected(int(smtp::Answer::ForwardAsAttachment)); });

    connect(m_composer, &Composer::queued, this, &MainWindow::sendOutboxNow);
    // (Drafts and the outbox reach the list through the cache's change stream: applyCacheDelta.)
    connect(m_composer, &Composer::failed, this,
            [this](const QString &message) { statusBar()->showMessage(message); });
    connect(m_outboxPanel, &OutboxPanel::message, this,
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });
    m_outboxRetry = new QTimer(this);
    m_outboxRetry->setInterval(30 * 1000);
    connect(m_outboxRetry, &QTimer::timeout, this, &MainWindow::sendOutboxNow);
}

QList<QAction *> MainWindow::composeActions() const
{
    return {m_newMessageAction, m_replyAction, m_replyAllAction, m_forwardAction,
            m_forwardAttachedAction};
}

qint64 MainWindow::currentAccountId() const
{
    return m_folderView->currentIndex().data(FolderTreeModel::AccountIdRole).toLongLong();
}

void MainWindow::answerSelected(int kind)
{
    if (const store::MessageRow *m = m_listModel->message(selectedRow()))
        m_composer->answer(m->id, smtp::Answer(kind));
}

void MainWindow::onMessageActivated(const QModelIndex &index)
{
    // Enter or a double click on a draft opens it for writing.
    const QModelIndex folder = m_folderModel->indexOfFolder(m_listModel->folderId());
    const store::MessageRow *m = m_listModel->message(index.row());
    if (m && (folder.data(FolderTreeModel::IsDraftsRole).toBool() || (m->flags & store::FlagDraft)))
        m_composer->openDraft(m->id);
}

void MainWindow::sendOutboxNow()
{
    syncController().sendOutbox();
}

void MainWindow::setOutboxRetryInterval(int ms)
{
    m_outboxRetry->setInterval(ms);
}

void MainWindow::updateOutboxRetry()
{
    bool waiting = false;
    try {
        for (const smtp::OutboxEntry &e : smtp::Outbox(m_store).list())
            waiting = waiting || e.state == QLatin1String("pending");
    } catch (const std::exception &) {
        waiting = true; // try again later rather than give up on the outbox
    }
    if (!waiting)
        m_outboxRetry->stop();
    else if (!m_outboxRetry->isActive())
        m_outboxRetry->start();
}

} // namespace herald::ui
