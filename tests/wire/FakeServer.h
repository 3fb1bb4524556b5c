#pragma once
// FakeServer: a scripted loopback server for wire tests (in the spirit of KIMAP's fakeserver).
// Listens on 127.0.0.1:0. Each accepted connection plays the next script (the last one repeats):
//   expect("* LOGIN alice secret")   the client's next line; a leading "*" matches any tag (and
//                                    captures it), a trailing " *" matches any rest of the line
//   send("$tag OK done\r\n", {5,9})  bytes to the client, optionally split at byte offsets (each
//                                    chunk written separately, a few ms apart); "$tag" is the last
//                                    captured tag
//   startTls()                       upgrade to TLS (server side) at this point
//   close()                          drop the connection
// Everything the client sends (decrypted) is recorded, so tests can assert what never arrived.
// Optional TLS uses a throwaway certificate made with the openssl CLI in a temp dir.

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QTemporaryDir>
#include <memory>

class QSslSocket;

namespace herald::test {

class FakeScript
{
public:
    struct Step
    {
        enum class Kind { Expect, Send, StartTls, Close, Wait };
        Kind kind;
        QByteArray bytes;
        QList<int> splits;
        int ms = 0;
    };
    FakeScript &expect(const QByteArray &line);
    FakeScript &send(const QByteArray &bytes, const QList<int> &splitAt = {});
    FakeScript &startTls();
    FakeScript &close();
    FakeScript &wait(int ms);
    QList<Step> steps;
};

// A throwaway self-signed certificate for "localhost" / 127.0.0.1.
struct TestCertificate
{
    QString certificatePath; // PEM, also usable as a CA file
    QString keyPath;
    QSslCertificate certificate;
    QSslKey key;
    bool isValid() const { return !certificate.isNull() && !key.isNull(); }
};
TestCertificate makeTestCertificate(const QString &directory,
                                    const QString &commonName = "localhost");

class FakeServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit FakeServer(QObject *parent = nullptr);
    ~FakeServer() override;

    FakeScript &script(); // a new script for the next connection
    void setCertificate(const TestCertificate &certificate) { m_cert = certificate; }
    void setImplicitTls(bool on) { m_implicitTls = on; }
    quint16 start(); // listens on 127.0.0.1:0, returns the port

    QByteArray received() const { return m_received; }
    QStringList failures() const { return m_failures; }
    bool scriptDone() const { return m_done; }
    int connections() const { return m_connectionCount; }

signals:
    void finished();

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void advance();
    void onReadyRead();
    void fail(const QString &message);
    bool matches(const QByteArray &pattern, const QByteArray &line);
    void sendChunks(QList<QByteArray> chunks);

    QList<std::shared_ptr<FakeScript>> m_scripts;
    std::shared_ptr<FakeScript> m_current;
    int m_step = 0;
    QSslSocket *m_socket = nullptr;
    QByteArray m_lineBuffer;
    QByteArray m_received;
    QList<QByteArray> m_tags;
    QStringList m_failures;
    TestCertificate m_cert;
    bool m_implicitTls = false;
    bool m_busy = false; // sending split chunks / waiting
    bool m_done = false;
    int m_connectionCount = 0;
};

} // namespace herald::test
