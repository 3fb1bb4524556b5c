#include "tests/support/AutoconfigServer.h"

#include "tests/support/TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <csignal>

namespace herald::test {

quint16 AutoconfigServer::start(const QString &root, bool tls, const QString &redirect)
{
    const auto &s = stack();
    QStringList args{QFileInfo(s.script).dir().filePath(QStringLiteral("autoconfig_server.py")),
                     QStringLiteral("--root"), root};
    if (tls)
        args << QStringLiteral("--cert") << s.certFile << QStringLiteral("--key") << s.keyFile;
    if (!redirect.isEmpty())
        args << QStringLiteral("--redirect") << redirect;
    m_process.start(QStringLiteral("python3"), args);
    QByteArray line;
    while (!line.contains('\n') && m_process.waitForReadyRead(10000))
        line += m_process.readAllStandardOutput();
    if (!line.startsWith("listening "))
        return 0;
    return quint16(line.mid(10).trimmed().toUInt());
}

QString AutoconfigServer::requests()
{
    m_log += QString::fromUtf8(m_process.readAllStandardError());
    return m_log;
}

void AutoconfigServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(5000))
        m_process.kill();
}

} // namespace herald::test
