#include "ui/OutboxPanel.h"

#include "core/engine/smtp/Outbox.h"
#include "core/store/Store.h"
#include "ui/Compose.h"
#include "ui/ComposeService.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace herald::ui {

namespace {
constexpr int kTaskRole = Qt::UserRole + 1;
constexpr int kStateRole = Qt::UserRole + 2;

bool needsUser(const QString &state)
{
    return state == QLatin1String("held") || state == QLatin1String("maybe-sent");
}
} // namespace

QString OutboxPanel::stateText(const QString &state)
{
    if (state == QLatin1String("pending"))
        return tr("Waiting to be sent");
    if (state == QLatin1String("sending"))
        return tr("Sending…");
    if (state == QLatin1String("sent"))
        return tr("Sent; saving the copy in Sent");
    if (state == QLatin1String("held"))
        return tr("Held: the server refused it");
    if (state == QLatin1String("maybe-sent"))
        return tr("Maybe sent: the connection broke at the end");
    return state;
}

OutboxPanel::OutboxPanel(store::Store &store, Composer &composer, QWidget *parent)
    : QWidget(parent), m_store(store), m_composer(composer)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("outboxTitle"));
    m_title->setWordWrap(true);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("outboxList"));
    m_tree->setAccessibleName(tr("Messages in the outbox"));
    m_tree->setRootIsDecorated(false);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setHeaderLabels({tr("State"), tr("Subject"), tr("To"), tr("What the server said")});
    m_tree->header()->resizeSection(StateColumn, 220);
    m_tree->header()->resizeSection(SubjectColumn, 220);
    m_tree->header()->resizeSection(RecipientsColumn, 200);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setAccessibleName(tr("Columns of the outbox"));

    // The server's words in full: a held message's reason rarely fits in its column.
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("outboxDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_details->setAccessibleName(tr("What the server said"));

    m_open = new QPushButton(tr("&Open and Edit"), this);
    m_open->setObjectName(QStringLiteral("outboxOpen"));
    m_sendAgain = new QPushButton(tr("Send &Again"), this);
    m_sendAgain->setObjectName(QStringLiteral("outboxSendAgain"));
    m_discard = new QPushButton(tr("&Discard…"), this);
    m_discard->setObjectName(QStringLiteral("outboxDiscard"));
    connect(m_open, &QPushButton::clicked, this, &OutboxPanel::openSelected);
    connect(m_sendAgain, &QPushButton::clicked, this, &OutboxPanel::sendAgainSelected);
    connect(m_discard, &QPushButton::clicked, this, &OutboxPanel::discardSelected);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &OutboxPanel::updateButtons);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this] { openSelected(); });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_sendAgain);
    buttons->addWidget(m_discard);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_details);
    layout->addLayout(buttons);

    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Discard message"), question,
                                     QMessageBox::Discard | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Discard;
    };
    updateButtons();
}

void OutboxPanel::setConfirm(std::function<bool(const QString &)> confirm)
{
    m_confirm = std::move(confirm);
}

void OutboxPanel::setAccount(qint64 accountId)
{
    m_accountId = accountId;
    reload();
}

int OutboxPanel::count() const
{
    return m_tree->topLevelItemCount();
}

void OutboxPanel::reload()
{
    const qint64 selected = selectedTask();
    m_tree->clear();
    std::vector<smtp::OutboxEntry> entries;
    try {
        entries = smtp::Outbox(m_store).list(m_accountId);
    } catch (const std::exception &e) {
        m_title->setText(tr("Could not read the outbox from the cache: %1")
                             .arg(QString::fromLocal8Bit(e.what())));
        return;
    }
    for (const smtp::OutboxEntry &e : entries) {
        QString details = e.lastError;
        if (e.state == QLatin1String("pending") && e.nextAttemptAt > 0 && !e.lastError.isEmpty())
            details = tr("Will try again: %1").arg(e.lastError);
        auto *item = new QTreeWidgetItem(
            m_tree, {stateText(e.state), e.subject.isEmpty() ? tr("(no subject)") : e.subject,
                     e.recipients.join(QStringLiteral(", ")), details});
        item->setData(0, kTaskRole, e.taskId);
        item->setData(0, kStateRole, e.state);
        item->setToolTip(DetailsColumn, details);
        if (needsUser(e.state)) {
            QFont bold = item->font(StateColumn);
            bold.setBold(true);
            item->setFont(StateColumn, bold);
        }
    }
    const int n = m_tree->topLevelItemCount();
    m_title->setText(n == 0   ? tr("The outbox is empty: everything you wrote has been sent.")
                     : n == 1 ? tr("1 message in the outbox.")
                              : tr("%n messages in the outbox.", nullptr, n));
    if (!selectTask(selected) && n > 0)
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
    updateButtons();
}

QString OutboxPanel::detailsText() const
{
    return m_details->text();
}

qint64 OutboxPanel::selectedTask() const
{
    const auto items = m_tree->selectedItems();
    return items.isEmpty() ? 0 : items.first()->data(0, kTaskRole).toLongLong();
}

bool OutboxPanel::selectTask(qint64 taskId)
{
    for (int i = 0; taskId && i < m_tree->topLevelItemCount(); ++i)
        if (m_tree->topLevelItem(i)->data(0, kTaskRole).toLongLong() == taskId) {
            m_tree->setCurrentItem(m_tree->topLevelItem(i));
            return true;
        }
    return false;
}

void OutboxPanel::updateButtons()
{
    const auto items = m_tree->selectedItems();
    const QString state =
        items.isEmpty() ? QString() : items.first()->data(0, kStateRole).toString();
    const QString words = items.isEmpty() ? QString() : items.first()->text(DetailsColumn);
    m_details->setText(words.isEmpty() ? QString()
                                       : tr("%1: %2").arg(items.first()->text(StateColumn), words));
    m_details->setVisible(!words.isEmpty());
    m_open->setEnabled(needsUser(state));
    m_sendAgain->setEnabled(needsUser(state));
    // A message being sent cannot be taken back; any other can.
    m_discard->setEnabled(!state.isEmpty() && state != QLatin1String("sending") &&
                          state != QLatin1String("sent"));
}

void OutboxPanel::openSelected()
{
    const auto items = m_tree->selectedItems();
    if (items.isEmpty() || !needsUser(items.first()->data(0, kStateRole).toString()))
        return;
    m_composer.openOutboxMessage(selectedTask());
}

void OutboxPanel::sendAgainSelected()
{
    const qint64 task = selectedTask();
    if (!task || !m_sendAgain->isEnabled())
        return;
    m_composer.service().retryOutbox(task, this, [this](const QString &error) {
        emit message(error.isEmpty() ? tr("The message will be sent again.")
                                     : tr("Could not send the message again: %1").arg(error));
        reload();
    });
}

void OutboxPanel::discardSelected()
{
    const auto items = m_tree->selectedItems();
    if (items.isEmpty() || !m_discard->isEnabled())
        return;
    const qint64 task = selectedTask();
    const QString subject = items.first()->text(SubjectColumn);
    if (!m_confirm(
            tr("Discard “%1”? It will not be sent, and it cannot be brought back.").arg(subject)))
        return;
    m_composer.service().discardOutbox(task, this, [this](const QString &error) {
        emit message(error.isEmpty() ? tr("The message was discarded.")
                                     : tr("Could not discard the message: %1").arg(error));
        reload();
    });
}

} // namespace herald::ui
