#include "ui/DesktopNotifications.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QFileInfo>
#include <QVariantMap>

namespace herald::ui {

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
// A session bus to talk to. Without one, libdbus would "autolaunch" a bus daemon of its own
// (under X11), which would outlive Herald: ask only where a desktop session put one.
bool sessionBusConfigured()
{
    return qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS") ||
           QFileInfo::exists(qEnvironmentVariable("XDG_RUNTIME_DIR") + QStringLiteral("/bus"));
}
} // namespace

DesktopNotifications::DesktopNotifications(QObject *parent) : QObject(parent)
{
    if (!hasSessionBus())
        return;
    QDBusConnection bus = QDBusConnection::sessionBus();
    bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                SLOT(onActionInvoked(uint, QString)));
    bus.connect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this,
                SLOT(onClosed(uint, uint)));
    // Whether the body may carry markup: then the sender's "<" and "&" must be escaped.
    auto *call = new QDBusPendingCallWatcher(
        bus.asyncCall(QDBusMessage::createMethodCall(kService, kPath, kInterface,
                                                     QStringLiteral("GetCapabilities"))),
        this);
    connect(call, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        const QDBusPendingReply<QStringList> reply = *w;
        if (!reply.isError())
            m_markup = reply.value().contains(QStringLiteral("body-markup"));
        w->deleteLater();
    });
}

bool DesktopNotifications::hasSessionBus() const
{
    return sessionBusConfigured() && QDBusConnection::sessionBus().isConnected();
}

void DesktopNotifications::notify(const QString &summary, const QString &body, const QString &token)
{
    if (!hasSessionBus())
        return;
    QDBusConnection bus = QDBusConnection::sessionBus();
    QDBusMessage call =
        QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    const QVariantMap hints{
        {QStringLiteral("category"), QStringLiteral("email.arrived")},
        {QStringLiteral("desktop-entry"), QStringLiteral("org.herald.Herald")}, // resources/
    };
    call << QStringLiteral("Herald") << uint(0) << QStringLiteral("mail-unread") << summary
         << (m_markup ? body.toHtmlEscaped() : body)
         << QStringList{QStringLiteral("default"), tr("Open")} << hints << int(-1);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, token](QDBusPendingCallWatcher *w) { onNotifyReply(w, token); });
}

void DesktopNotifications::onNotifyReply(QDBusPendingCallWatcher *call, const QString &token)
{
    const QDBusPendingReply<uint> reply = *call;
    call->deleteLater();
    if (reply.isError()) {
        emit failed(reply.error().message());
        return;
    }
    m_tokens.insert(reply.value(), token);
    emit sent(reply.value());
}

void DesktopNotifications::onActionInvoked(uint id, const QString &action)
{
    const auto it = m_tokens.constFind(id);
    if (it == m_tokens.constEnd() || action != QLatin1String("default"))
        return; // another program's notification, or an action Herald did not offer
    emit activated(*it);
}

void DesktopNotifications::onClosed(uint id, uint)
{
    m_tokens.remove(id);
}

} // namespace herald::ui
