// A recording notification service for tests: owns org.freedesktop.Notifications on the
// session bus it is started on (DBUS_SESSION_BUS_ADDRESS), answers Notify like a desktop's
// notification daemon and appends each call to FILE as one JSON object per line
// ({"id", "app", "summary", "body", "actions", "category"}). Prints "ready" once it owns the
// name. A line "invoke ID" on stdin emits ActionInvoked(ID, "default"): a click.
//
//     notification_recorder FILE
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTextStream>
#include <QVariantMap>
#include <cstdio>
#include <unistd.h>

class Recorder : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    explicit Recorder(QString file) : m_file(std::move(file)) {}

public slots:
    uint Notify(const QString &app, uint replaces, const QString &icon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints,
                int timeout)
    {
        Q_UNUSED(icon)
        Q_UNUSED(timeout)
        const uint id = replaces ? replaces : ++m_lastId;
        const QJsonObject entry{
            {QStringLiteral("id"), qint64(id)},
            {QStringLiteral("app"), app},
            {QStringLiteral("summary"), summary},
            {QStringLiteral("body"), body},
            {QStringLiteral("actions"), QJsonArray::fromStringList(actions)},
            {QStringLiteral("category"), hints.value(QStringLiteral("category")).toString()},
        };
        QFile f(m_file);
        if (f.open(QIODevice::Append))
            f.write(QJsonDocument(entry).toJson(QJsonDocument::Compact) + '\n');
        return id;
    }
    QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body")}; }
    void CloseNotification(uint id) { emit NotificationClosed(id, 3); }
    QString GetServerInformation(QString &vendor, QString &version, QString &spec)
    {
        vendor = QStringLiteral("Herald tests");
        version = QStringLiteral("1");
        spec = QStringLiteral("1.2");
        return QStringLiteral("notification_recorder");
    }

signals:
    void ActionInvoked(uint id, const QString &action);
    void NotificationClosed(uint id, uint reason);

private:
    QString m_file;
    uint m_lastId = 0;
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: notification_recorder FILE\n");
        return 2;
    }
    Recorder recorder(QString::fromLocal8Bit(argv[1]));
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() ||
        !bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &recorder,
                            QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals) ||
        !bus.registerService(QStringLiteral("org.freedesktop.Notifications"))) {
        std::fprintf(stderr, "notification_recorder: cannot own the name: %s\n",
                     qPrintable(bus.lastError().message()));
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char line[256];
        if (!std::fgets(line, sizeof line, stdin)) {
            input.setEnabled(false);
            return;
        }
        const QString command = QString::fromLocal8Bit(line).trimmed();
        if (command.startsWith(QLatin1String("invoke ")))
            emit recorder.ActionInvoked(command.mid(7).toUInt(), QStringLiteral("default"));
    });
    return app.exec();
}

#include "notification_recorder.moc"
