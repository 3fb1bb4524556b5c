#include "tests/support/NotificationBus.h"

#include <QFile>
#include <QJsonDocument>
#include <signal.h>

namespace herald::test {

namespace {
// Ends a child by its PID: SIGTERM, then SIGKILL if it does not go.
void end(QProcess &p)
{
    if (p.state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(p.processId()), SIGTERM);
    if (!p.waitForFinished(3000)) {
        ::kill(pid_t(p.processId()), SIGKILL);
        p.waitForFinished(3000);
    }
}
} // namespace

NotificationBus::~NotificationBus()
{
    stop();
}

QString NotificationBus::start()
{
    if (!m_dir.isValid())
        return QStringLiteral("no temporary directory");
    m_daemon.start(QStringLiteral("dbus-daemon"),
                   {QStringLiteral("--session"), QStringLiteral("--nofork"),
                    QStringLiteral("--print-address")});
    if (!m_daemon.waitForStarted(5000))
        return QStringLiteral("dbus-daemon did not start: ") + m_daemon.errorString();
    if (!m_daemon.canReadLine() && !m_daemon.waitForReadyRead(5000))
        return QStringLiteral("dbus-daemon printed no address: ") +
               QString::fromLocal8Bit(m_daemon.readAllStandardError());
    const QByteArray address = m_daemon.readLine().trimmed();
    qputenv("DBUS_SESSION_BUS_ADDRESS", address);

    m_recorder.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_recorder.start(qEnvironmentVariable("HERALD_NOTIFICATION_RECORDER"),
                     {m_dir.filePath(QStringLiteral("notifications.jsonl"))});
    if (!m_recorder.waitForStarted(5000))
        return QStringLiteral(
                   "notification_recorder did not start (HERALD_NOTIFICATION_RECORDER=%1)")
            .arg(qEnvironmentVariable("HERALD_NOTIFICATION_RECORDER"));
    while (!m_recorder.canReadLine())
        if (!m_recorder.waitForReadyRead(5000))
            return QStringLiteral("notification_recorder did not take the name");
    if (m_recorder.readLine().trimmed() != "ready")
        return QStringLiteral("notification_recorder did not say ready");
    return QString();
}

QList<QJsonObject> NotificationBus::notifications() const
{
    QList<QJsonObject> out;
    QFile f(m_dir.filePath(QStringLiteral("notifications.jsonl")));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (!line.trimmed().isEmpty())
            out << QJsonDocument::fromJson(line).object();
    return out;
}

void NotificationBus::click(uint id)
{
    m_recorder.write("invoke " + QByteArray::number(id) + '\n');
    m_recorder.waitForBytesWritten(1000);
}

void NotificationBus::stop()
{
    end(m_recorder);
    end(m_daemon);
}

} // namespace herald::test
