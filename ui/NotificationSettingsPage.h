#pragma once
// Settings > Notifications: a desktop notification when new mail arrives, and Herald's icon
// with the unread count in the system tray. Each applies as soon as it is toggled.

#include <QWidget>

class QCheckBox;

namespace herald::ui {

class NotificationSettingsPage : public QWidget
{
    Q_OBJECT
public:
    NotificationSettingsPage(bool notify, bool tray, QWidget *parent = nullptr);

    QCheckBox *notifyBox() const { return m_notify; }
    QCheckBox *trayBox() const { return m_tray; }

signals:
    void notifyChanged(bool on);
    void trayChanged(bool on);

private:
    QCheckBox *m_notify = nullptr;
    QCheckBox *m_tray = nullptr;
};

} // namespace herald::ui
