#pragma once
// Desktop notifications over D-Bus: org.freedesktop.Notifications.Notify on the session bus
// (the Desktop Notifications Specification), with a "default" action so that a click comes
// back as activated(token). Asynchronous: nothing here waits on the bus. Without a session
// bus or a notification service, notify() does nothing and nothing breaks.

#include <QHash>
#include <QObject>
#include <QString>

class QDBusPendingCallWatcher;

namespace herald::ui {

class DesktopNotifications : public QObject
{
    Q_OBJECT
public:
    explicit DesktopNotifications(QObject *parent = nullptr);

    // Shows summary and body (plain text; escaped when the server reads markup). `token` comes
    // back with activated() when the user clicks the notification.
    void notify(const QString &summary, const QString &body, const QString &token);
    // A session bus is connected (the service itself is started by the bus on demand).
    bool hasSessionBus() const;

signals:
    void activated(const QString &token);
    // The service answered a notify() with its id, or failed (for the status bar and tests).
    void sent(uint id);
    void failed(const QString &error);

private slots:
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    void onNotifyReply(QDBusPendingCallWatcher *call, const QString &token);

    QHash<uint, QString> m_tokens; // notification id -> token, until it is closed
    bool m_markup = false;         // the server's capabilities include "body-markup"
};

} // namespace herald::ui
