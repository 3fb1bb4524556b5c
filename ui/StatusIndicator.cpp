#include "ui/StatusIndicator.h"

#include "ui/InboxWatchers.h"
#include "ui/SyncController.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>

namespace herald::ui {

StatusIndicator::StatusIndicator(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("statusIndicator"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setAccessibleName(tr("Sync progress"));
    m_progress->setFormat(tr("%v / %m"));
    m_progress->setMaximumWidth(180);
    m_progress->hide();
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("connectionState"));
    m_lastSync = new QLabel(this);
    m_lastSync->setObjectName(QStringLiteral("lastSync"));
    layout->addWidget(m_progress);
    layout->addWidget(m_state);
    layout->addWidget(m_lastSync);
    showState();
}

void StatusIndicator::follow(SyncController *sync)
{
    connect(sync, &SyncController::accountActivity, this, &StatusIndicator::setActivity);
    connect(sync, &SyncController::counted, this, &StatusIndicator::setCount);
}

void StatusIndicator::follow(InboxWatchers *watchers)
{
    connect(watchers, &InboxWatchers::accountActivity, this, &StatusIndicator::setActivity);
    connect(watchers, &InboxWatchers::counted, this, &StatusIndicator::setCount);
}

void StatusIndicator::setActivity(qint64 accountId, const QString &account, int activity,
                                  const QString &reason)
{
    Account &a = m_accounts[accountId];
    a.name = account;
    a.activity = AccountActivity(activity);
    a.reason = reason;
    if (a.activity != AccountActivity::Syncing)
        m_counts.erase(accountId); // its long step is over, one way or the other
    if (a.activity == AccountActivity::UpToDate)
        m_lastSuccess = QDateTime::currentDateTime();
    showState();
}

void StatusIndicator::setCount(qint64 accountId, const QString &folder, bool bodies, int done,
                               int total)
{
    if (done >= total)
        m_counts.erase(accountId);
    else
        m_counts[accountId] = {folder, bodies, done, total};
    showState();
}

QString StatusIndicator::stateText() const
{
    int syncing = 0, offline = 0;
    for (const auto &[id, a] : m_accounts) {
        syncing += a.activity == AccountActivity::Syncing;
        offline += a.activity == AccountActivity::Unreachable;
    }
    if (syncing > 0)
        return tr("Syncing…");
    if (m_accounts.empty() || offline == int(m_accounts.size()))
        return tr("Offline");
    if (offline > 0)
        return offline == 1 ? tr("Online — 1 account offline")
                            : tr("Online — %n accounts offline", nullptr, offline);
    return tr("Online");
}

void StatusIndicator::showState()
{
    const QString text = stateText();
    const bool changed = text != m_state->text();
    m_state->setText(text);
    m_state->setAccessibleName(tr("Connection: %1").arg(text));
    QStringList details;
    for (const auto &[id, a] : m_accounts) {
        QString line;
        switch (a.activity) {
        case AccountActivity::Syncing:
            line = tr("%1: syncing").arg(a.name);
            break;
        case AccountActivity::UpToDate:
            line = tr("%1: up to date").arg(a.name);
            break;
        case AccountActivity::Failed:
            line = tr("%1: %2").arg(a.name, a.reason);
            break;
        case AccountActivity::Unreachable:
            line = tr("%1: offline (%2)").arg(a.name, a.reason);
            break;
        }
        details << line;
    }
    m_state->setToolTip(details.isEmpty() ? tr("No server has been reached yet.")
                                          : details.join(QLatin1Char('\n')));

    // The progress bar: the long steps running now, summed over the accounts.
    qint64 done = 0, total = 0;
    QStringList steps;
    for (const auto &[id, c] : m_counts) {
        if (c.total < kLongWork)
            continue;
        done += c.done;
        total += c.total;
        steps << (c.bodies ? tr("%1: %2 of %3 messages downloaded") : tr("%1: %2 of %3 headers"))
                     .arg(c.folder, QLocale().toString(c.done), QLocale().toString(c.total));
    }
    m_progress->setVisible(total > 0);
    if (total > 0) {
        m_progress->setRange(0, int(total));
        m_progress->setValue(int(done));
        m_progress->setToolTip(steps.join(QLatin1Char('\n')));
        m_progress->setAccessibleDescription(steps.join(QLatin1String("; ")));
    }

    const QString when = !m_lastSuccess.isValid() ? tr("not yet")
                         : m_lastSuccess.date() == QDate::currentDate()
                             ? QLocale().toString(m_lastSuccess.time(), QStringLiteral("HH:mm"))
                             : QLocale().toString(m_lastSuccess, QLocale::ShortFormat);
    m_lastSync->setText(tr("Last sync: %1").arg(when));
    m_lastSync->setAccessibleName(m_lastSync->text());
    if (changed)
        emit stateChanged(text);
}

} // namespace herald::ui
