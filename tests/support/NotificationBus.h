#pragma once
// A private D-Bus session bus with a recording notification service on it, for tests of
// desktop notifications: `dbus-daemon --session --nofork --print-address` and
// notification_recorder (tests/support/notification_recorder.cpp), both children of the test
// and stopped by their PIDs when this goes. start() points DBUS_SESSION_BUS_ADDRESS of this
// process at the bus: call it before anything touches QDBusConnection::sessionBus().

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QTemporaryDir>

namespace herald::test {

class NotificationBus
{
public:
    NotificationBus() = default;
    ~NotificationBus();

    // Starts the bus and the recorder; returns what went wrong, or an empty string.
    QString start();
    // Every Notify the recorder answered, in order.
    QList<QJsonObject> notifications() const;
    // A click on notification `id` (ActionInvoked(id, "default")).
    void click(uint id);
    void stop();

private:
    QTemporaryDir m_dir;
    QProcess m_daemon;
    QProcess m_recorder;
};

} // namespace herald::test
