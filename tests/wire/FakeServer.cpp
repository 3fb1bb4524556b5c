#include "tests/wire/FakeServer.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

namespace herald::test {

FakeScript &FakeScript::expect(const QByteArray &line)
{
    steps << Step{Step::Kind::Expect, line, {}, 0};
    return *this;
}

FakeScript &FakeScript::send(const QByteArray &bytes, const QList<int> &splitAt)
{
    steps << Step{Step::Kind::Send, bytes, splitAt, 0};
    return *this;
}

FakeScript &FakeScript::startTls()
{
    steps << Step{Step::Kind::StartTls, {}, {}, 0};
    return *this;
}

FakeScript &FakeScript::close()
{
    steps << Step{Step::Kind::Close, {}, {}, 0};
    return *this;
}

FakeScript &FakeScript::wait(int ms)
{
    steps << Step{Step::Kind::Wait, {}, {}, ms};
    return *this;
}

TestCertificate makeTestCertificate(const QString &directory, const QString &commonName)
{
    TestCertificate t;
    t.certificatePath = QDir(directory).filePath(QStringLiteral("cert.pem"));
    t.keyPath = QDir(directory).filePath(QStringLiteral("key.pem"));
    QProcess p;
    p.start(QStringLiteral("openssl"),
            {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-keyout", t.keyPath, "-out", t.certificatePath, "-days", "2", "-subj",
             "/CN=" + commonName, "-addext", "subjectAltName=DNS:" + commonName + ",IP:127.0.0.1"});
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        qWarning("openssl failed: %s", p.readAllStandardError().constData());
        return t;
    }
    const auto certs = QSslCertificate::fromPath(t.certificatePath);
    if (!certs.isEmpty())
        t.certificate = certs.first();
    QFile keyFile(t.keyPath);
    if (keyFile.open(QIODevice::ReadOnly))
        t.key = QSslKey(keyFile.readAll(), QSsl::Ec);
    return t;
}

FakeServer::FakeServer(QObject *parent) : QTcpServer(parent) {}

FakeServer::~FakeServer()
{
    if (m_socket)
        m_socket->abort();
}

FakeScript &FakeServer::script()
{
    m_scripts << std::make_shared<FakeScript>();
    return *m_scripts.last();
}

quint16 FakeServer::start()
{
    if (!listen(QHostAddress::LocalHost, 0))
        return 0;
    return serverPort();
}

void FakeServer::incomingConnection(qintptr descriptor)
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    const int index = std::min<int>(m_connectionCount, int(m_scripts.size()) - 1);
    ++m_connectionCount;
    m_current = index >= 0 ? m_scripts[index] : std::make_shared<FakeScript>();
    m_step = 0;
    m_done = false;
    m_busy = false;
    m_lineBuffer.clear();
    m_socket = new QSslSocket(this);
    m_socket->setSocketDescriptor(descriptor);
    if (m_cert.isValid()) {
        QSslConfiguration conf = m_socket->sslConfiguration();
        conf.setLocalCertificate(m_cert.certificate);
        conf.setPrivateKey(m_cert.key);
        conf.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_socket->setSslConfiguration(conf);
    }
    connect(m_socket, &QSslSocket::readyRead, this, &FakeServer::onReadyRead);
    if (m_implicitTls) {
        QSslSocket *s = m_socket;
        m_busy = true;
        connect(m_socket, &QSslSocket::encrypted, this, [this, s] {
            if (s != m_socket)
                return;
            m_busy = false;
            advance();
        });
        m_socket->startServerEncryption();
        return;
    }
    advance();
}

void FakeServer::fail(const QString &message)
{
    m_failures << message;
    if (m_socket)
        m_socket->abort();
}

bool FakeServer::matches(const QByteArray &pattern, const QByteArray &line)
{
    QByteArray p = pattern;
    QByteArray l = line;
    if (p.startsWith("* ")) {
        const qsizetype sp = l.indexOf(' ');
        if (sp <= 0)
            return false;
        m_tags << l.left(sp);
        p = p.mid(2);
        l = l.mid(sp + 1);
    }
    if (p.endsWith(" *")) {
        p.chop(1);
        return l.startsWith(p) || l == p.chopped(1);
    }
    return p == l;
}

void FakeServer::sendChunks(QList<QByteArray> chunks)
{
    if (!m_socket)
        return;
    if (chunks.isEmpty()) {
        m_busy = false;
        advance();
        return;
    }
    m_socket->write(chunks.takeFirst());
    m_socket->flush();
    QTimer::singleShot(chunks.isEmpty() ? 0 : 3, this, [this, chunks, s = m_socket] {
        if (s == m_socket)
            sendChunks(chunks);
    });
}

void FakeServer::advance()
{
    while (m_socket && !m_busy && m_step < m_current->steps.size()) {
        const FakeScript::Step &step = m_current->steps[m_step];
        switch (step.kind) {
        case FakeScript::Step::Kind::Expect:
            onReadyRead(); // lines may already be buffered
            return;
        case FakeScript::Step::Kind::Send: {
            ++m_step;
            QByteArray bytes = step.bytes;
            if (!m_tags.isEmpty())
                bytes.replace("$tag", m_tags.last());
            if (step.splits.isEmpty()) {
                m_socket->write(bytes);
                m_socket->flush();
                break;
            }
            QList<QByteArray> chunks;
            int from = 0;
            for (int cut : step.splits) {
                if (cut > from && cut < bytes.size()) {
                    chunks << bytes.mid(from, cut - from);
                    from = cut;
                }
            }
            chunks << bytes.mid(from);
            m_busy = true;
            sendChunks(chunks);
            return;
        }
        case FakeScript::Step::Kind::StartTls:
            ++m_step;
            m_busy = true;
            {
                QSslSocket *s = m_socket;
                connect(m_socket, &QSslSocket::encrypted, this, [this, s] {
                    if (s != m_socket)
                        return;
                    m_busy = false;
                    advance();
                });
            }
            m_socket->startServerEncryption();
            return;
        case FakeScript::Step::Kind::Close:
            ++m_step;
            m_socket->disconnectFromHost();
            m_done = true;
            emit finished();
            return;
        case FakeScript::Step::Kind::Wait:
            ++m_step;
            m_busy = true;
            QTimer::singleShot(step.ms, this, [this, s = m_socket] {
                if (s != m_socket)
                    return;
                m_busy = false;
                advance();
            });
            return;
        }
    }
    if (m_socket && m_step >= m_current->steps.size() && !m_done) {
        m_done = true;
        emit finished();
    }
}

void FakeServer::onReadyRead()
{
    if (!m_socket)
        return;
    const QByteArray bytes = m_socket->readAll();
    m_received += bytes;
    m_lineBuffer += bytes;
    while (!m_busy && m_step < m_current->steps.size() &&
           m_current->steps[m_step].kind == FakeScript::Step::Kind::Expect) {
        const qsizetype lf = m_lineBuffer.indexOf('\n');
        if (lf < 0)
            return;
        QByteArray line = m_lineBuffer.left(lf);
        m_lineBuffer.remove(0, lf + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        const QByteArray pattern = m_current->steps[m_step].bytes;
        if (!matches(pattern, line)) {
            fail(QStringLiteral("expected \"%1\", got \"%2\"")
                     .arg(QString::fromLatin1(pattern), QString::fromLatin1(line)));
            return;
        }
        ++m_step;
        advance();
        // Lines that came in the same read (a literal's, or pipelined commands) are matched
        // now: no further readyRead will come for them. (Past the script's end, or after its
        // close(), they wait for the next read, as before.)
        if (!m_socket || m_done)
            return;
    }
    if (m_step >= m_current->steps.size() && !m_lineBuffer.isEmpty()) {
        // Past the end of the script: keep recording, but note unexpected lines.
        while (true) {
            const qsizetype lf = m_lineBuffer.indexOf('\n');
            if (lf < 0)
                break;
            m_failures << QStringLiteral("unexpected after script: \"%1\"")
                              .arg(QString::fromLatin1(m_lineBuffer.left(lf).trimmed()));
            m_lineBuffer.remove(0, lf + 1);
        }
    }
}

} // namespace herald::test
