#pragma once
// Helpers shared by the IMAP wire tests: waiting for callbacks, a TLS fake server, RSS.
#include "core/imap/ImapClient.h"
#include "core/imap/ImapSession.h"
#include "tests/wire/FakeServer.h"

#include <QFile>
#include <QtTest>
#include <optional>

namespace herald::test {

template <class T> struct Waiter
{
    std::optional<imap::Result<T>> result;
    imap::ResultCallback<T> cb()
    {
        return [this](const imap::Result<T> &r) { result = r; };
    }
    bool done() const { return result.has_value(); }
};

inline qint64 residentKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

inline bool containsCommand(const QByteArray &wire, const QByteArray &command)
{
    // Any line "<tag> COMMAND" (exactly that command word, e.g. EXPUNGE but not UID EXPUNGE).
    for (QByteArray line : wire.split('\n')) {
        line = line.trimmed();
        const qsizetype sp = line.indexOf(' ');
        if (sp > 0 && line.mid(sp + 1).toUpper().startsWith(command + ' '))
            return true;
        if (sp > 0 && line.mid(sp + 1).toUpper() == command)
            return true;
    }
    return false;
}

// The script of the next connection to `server` (implicit TLS with `certificate`): greets
// with `caps` and takes LOGIN alice secret, as openTlsSession() sends it; the test adds the rest.
inline FakeScript &loggedInScript(FakeServer &server, const TestCertificate &certificate,
                                  const QByteArray &caps)
{
    server.setCertificate(certificate);
    server.setImplicitTls(true);
    return server.script()
        .send("* OK [CAPABILITY " + caps + "] Fake ready.\r\n")
        .expect("* LOGIN alice secret")
        .send("$tag OK [CAPABILITY " + caps + "] Logged in\r\n");
}

// Opens `session` as alice/secret on a FakeServer at `port` that speaks implicit TLS with
// `certificate` (FakeServer::setImplicitTls, setCertificate).
inline net::Error openTlsSession(imap::ImapSession &session, quint16 port,
                                 const TestCertificate &certificate)
{
    net::ConnectOptions options;
    options.host = QStringLiteral("localhost");
    options.port = port;
    options.security = net::Security::ImplicitTls;
    options.connectTimeoutMs = 5000;
    options.readTimeoutMs = 5000;
    options.trust.addCaFile(certificate.certificatePath);
    return session.open(options, {QStringLiteral("alice"), QStringLiteral("secret"), QString()});
}

} // namespace herald::test
