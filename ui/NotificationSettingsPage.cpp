#include "ui/NotificationSettingsPage.h"

#include "ui/TrayIcon.h"

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>

namespace herald::ui {

NotificationSettingsPage::NotificationSettingsPage(bool notify, bool tray, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("notificationsPage"));
    m_notify = new QCheckBox(tr("Show a desktop &notification when new mail arrives"), this);
    m_notify->setObjectName(QStringLiteral("notifyNewMail"));
    m_notify->setChecked(notify);
    auto *notifyHint = new QLabel(
        tr("For new mail in each account's Inbox: the sender, the subject, and a warning when "
           "the sender could not be verified."),
        this);
    notifyHint->setWordWrap(true);

    m_tray = new QCheckBox(tr("Show Herald in the system &tray with the unread count"), this);
    m_tray->setObjectName(QStringLiteral("trayIcon"));
    m_tray->setChecked(tray);
    auto *trayHint =
        new QLabel(TrayIcon::isAvailable() ? tr("Click the icon to show or hide the window.")
                                           : tr("This desktop has no system tray, so there is no "
                                                "icon to show."),
                   this);
    trayHint->setObjectName(QStringLiteral("trayHint"));
    trayHint->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_notify);
    layout->addWidget(notifyHint);
    layout->addSpacing(12);
    layout->addWidget(m_tray);
    layout->addWidget(trayHint);
    layout->addStretch();
    connect(m_notify, &QCheckBox::toggled, this, &NotificationSettingsPage::notifyChanged);
    connect(m_tray, &QCheckBox::toggled, this, &NotificationSettingsPage::trayChanged);
}

} // namespace herald::ui
