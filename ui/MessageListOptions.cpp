#include "ui/MessageListOptions.h"

#include "ui/MessageListModel.h"

#include <QAction>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QSettings>
#include <QTreeView>

namespace herald::ui {

namespace {
const QString kConversationsKey = QStringLiteral("view/conversations");
// Where a scope's order is remembered: per folder ("sort/<folder id>") and per unified view
// ("sort/all-inboxes"); a search's list follows the header and remembers nothing.
QString sortKeyOf(const store::ListScope &scope)
{
    switch (scope.unified) {
    case store::UnifiedView::Inboxes:
        return QStringLiteral("sort/all-inboxes");
    case store::UnifiedView::Unread:
        return QStringLiteral("sort/unread");
    case store::UnifiedView::Flagged:
        return QStringLiteral("sort/flagged");
    case store::UnifiedView::None:
        break;
    }
    return scope.isFolder() ? QStringLiteral("sort/%1").arg(scope.folderId) : QString();
}
// The ▾ of an expanded conversation's first row: this wide at the start of the subject.
constexpr int kMarkerWidth = 20;
} // namespace

MessageListOptions::MessageListOptions(QTreeView &view, MessageListModel &model,
                                       QSettings &settings, QObject *parent)
    : QObject(parent), m_view(view), m_model(model), m_settings(settings)
{
    QHeaderView *header = m_view.header();
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(MessageListModel::DateColumn, Qt::DescendingOrder);
    connect(header, &QHeaderView::sortIndicatorChanged, this,
            &MessageListOptions::onSortIndicatorChanged);

    m_conversations = new QAction(tr("Show &Conversations"), this);
    m_conversations->setObjectName(QStringLiteral("showConversations"));
    m_conversations->setCheckable(true);
    m_conversations->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_conversations->setToolTip(tr("Group the list by conversation (Ctrl+T)"));
    m_conversations->setChecked(m_settings.value(kConversationsKey, false).toBool());
    m_model.setThreaded(m_conversations->isChecked());
    connect(m_conversations, &QAction::toggled, this, &MessageListOptions::setConversations);

    m_view.installEventFilter(this);
    m_view.viewport()->installEventFilter(this);
}

void MessageListOptions::aboutToOpenFolder(qint64 folderId)
{
    aboutToOpen(store::ListScope::folder(folderId));
}

void MessageListOptions::aboutToOpen(const store::ListScope &scope)
{
    const QString key = sortKeyOf(scope);
    if (key.isEmpty())
        return; // a list keeps the order shown
    const QStringList saved = m_settings.value(key).toString().split(QLatin1Char(' '));
    bool ok = false;
    const int column = saved.value(0).toInt(&ok);
    const bool valid = ok && column >= 0 && column < MessageListModel::ColumnCount;
    const Qt::SortOrder order =
        valid && saved.value(1) == QLatin1String("asc") ? Qt::AscendingOrder : Qt::DescendingOrder;
    const int shown = valid ? column : int(MessageListModel::DateColumn);
    m_model.setSortOrder(MessageListModel::sortKeyOfColumn(shown), order == Qt::AscendingOrder);
    m_applyingSort = true;
    m_view.header()->setSortIndicator(shown, order);
    m_applyingSort = false;
}

void MessageListOptions::onSortIndicatorChanged(int column, Qt::SortOrder order)
{
    if (m_applyingSort || m_model.scope().isEmpty())
        return;
    const qint64 selected = selectedMessage();
    m_model.sort(column, order);
    const QString key = sortKeyOf(m_model.scope());
    if (!key.isEmpty())
        m_settings.setValue(
            key, QStringLiteral("%1 %2").arg(column).arg(
                     order == Qt::AscendingOrder ? QStringLiteral("asc") : QStringLiteral("desc")));
    reselect(selected);
}

void MessageListOptions::setConversations(bool on)
{
    m_settings.setValue(kConversationsKey, on);
    const qint64 selected = selectedMessage();
    m_model.setThreaded(on);
    reselect(selected);
}

int MessageListOptions::selectedRow() const
{
    const QModelIndexList rows = m_view.selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

qint64 MessageListOptions::selectedMessage() const
{
    return m_model.messageId(selectedRow());
}

void MessageListOptions::reselect(qint64 messageId)
{
    const int row = messageId ? m_model.rowOfMessage(messageId) : -1;
    if (row < 0)
        return;
    const QModelIndex index = m_model.index(row, 0);
    m_view.selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                        QItemSelectionModel::Rows);
    m_view.scrollTo(index);
}

bool MessageListOptions::expand(int row)
{
    const qint64 selected = selectedMessage();
    if (!m_model.expandThread(row))
        return false;
    reselect(selected);
    return true;
}

bool MessageListOptions::collapse(int row)
{
    const int head = m_model.threadHeadRow(row);
    const qint64 selected = selectedMessage();
    const bool selectedInside =
        selectedRow() >= head && m_model.threadHeadRow(selectedRow()) == head;
    if (!m_model.collapseThread(row))
        return false;
    reselect(selectedInside ? m_model.messageId(head) : selected);
    return true;
}

bool MessageListOptions::onKey(int key)
{
    const int row = m_view.currentIndex().isValid() ? m_view.currentIndex().row() : selectedRow();
    if (row < 0 || !m_model.isThreaded())
        return false;
    switch (key) {
    case Qt::Key_Right:
    case Qt::Key_Plus:
        return expand(row);
    case Qt::Key_Left:
    case Qt::Key_Minus:
        return collapse(row);
    default:
        return false;
    }
}

bool MessageListOptions::onClick(const QMouseEvent &event)
{
    if (!m_model.isThreaded() || event.button() != Qt::LeftButton)
        return false;
    const QModelIndex index = m_view.indexAt(event.position().toPoint());
    if (!index.isValid() || index.data(MessageListModel::ThreadCountRole).toInt() < 2)
        return false;
    if (!index.data(MessageListModel::ThreadExpandedRole).toBool())
        return expand(index.row());
    // An expanded conversation folds from its ▾ only: the rest of the row opens the message.
    const QRect subject = m_view.visualRect(index.siblingAtColumn(MessageListModel::SubjectColumn));
    const int x = int(event.position().x());
    if (x >= subject.left() && x < subject.left() + kMarkerWidth)
        return collapse(index.row());
    return false;
}

bool MessageListOptions::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == &m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier))
            return false;
        if (onKey(key->key()))
            return true;
    } else if (watched == m_view.viewport() && event->type() == QEvent::MouseButtonRelease) {
        onClick(*static_cast<QMouseEvent *>(event));
    }
    return QObject::eventFilter(watched, event);
}

} // namespace herald::ui
