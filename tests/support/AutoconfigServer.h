#pragma once
// tests/support/autoconfig_server.py in a child process: serves a directory over HTTP, or
// over HTTPS with the stack's certificate, on a loopback port the kernel picks. For the
// account-discovery tests (autoconfig files under ROOT/mail/config-v1.1.xml).

#include <QProcess>
#include <QString>

namespace herald::test {

class AutoconfigServer
{
public:
    ~AutoconfigServer() { stop(); }

    // Serves `root`; over TLS with the stack's certificate when `tls`; every GET answered
    // with a redirect to `redirect` when set. Returns the port, 0 on failure.
    quint16 start(const QString &root, bool tls, const QString &redirect = QString());
    // What the server was asked, one "GET /path?query" per line.
    QString requests();
    void stop();

private:
    QProcess m_process;
    QString m_log;
};

} // namespace herald::test
