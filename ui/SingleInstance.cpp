#include "ui/SingleInstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <unistd.h>

namespace herald::ui {

QString SingleInstance::serverName(const QString &profileDir)
{
    const QByteArray hash = QCryptographicHash::hash(QDir(profileDir).absolutePath().toUtf8(),
                                                     QCryptographicHash::Sha256)
                                .toHex()
                                .left(16);
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && QDir(runtime).exists())
        return QDir(runtime).filePath(
            QStringLiteral("herald-%1.sock").arg(QString::fromLatin1(hash)));
    return QDir::temp().filePath(
        QStringLiteral("herald-%1-%2.sock").arg(getuid()).arg(QString::fromLatin1(hash)));
}

bool SingleInstance::forward(const QString &serverName, const QStringList &arguments, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(serverName);
    if (!socket.waitForConnected(timeoutMs))
        return false; // nobody listens: this process is the one
    socket.write(
        QJsonDocument(QJsonArray::fromStringList(arguments)).toJson(QJsonDocument::Compact) + '\n');
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    while (!socket.canReadLine())
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    return socket.readLine().trimmed() == "ok";
}

SingleInstance::SingleInstance(const QString &serverName, QObject *parent)
    : QObject(parent), m_server(new QLocalServer(this))
{
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(serverName)) {
        // forward() found nobody there: what is left is the socket of a Herald that crashed.
        QLocalServer::removeServer(serverName);
        m_server->listen(serverName);
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onConnection);
}

bool SingleInstance::isListening() const
{
    return m_server->isListening();
}

void SingleInstance::onConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine())
                return;
            const QJsonArray array = QJsonDocument::fromJson(socket->readLine()).array();
            QStringList arguments;
            for (const QJsonValue &v : array)
                arguments << v.toString();
            emit argumentsReceived(arguments);
            socket->write("ok\n");
            socket->disconnectFromServer();
        });
    }
}

} // namespace herald::ui
