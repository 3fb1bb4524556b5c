// Sending, end to end: herald-cli send -> Herald's SMTP client -> real Postfix (submission,
// STARTTLS + AUTH) -> LMTP -> real Dovecot. Checks what arrived in the maildirs: same subject,
// text and attachment bytes; the Sent copy over IMAP with the same Message-ID; Bcc recipients
// get the message but no header names them; a server that is down keeps the message in the
// outbox until it is up, then it is sent exactly once; a rejected recipient holds the message
// with the server's words; a wrong password is one clear error. Also run as smtp_send_cyrus:
// the Sent copy then goes to Cyrus IMAP (read back over IMAP in both rows).
#include "core/mime/MessageParser.h"
#include "tests/support/SyncHarness.h"
#include "tests/support/TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using herald::test::freePort;
using herald::test::stack;

namespace {

// A TCP forwarder the test can start late: the "server down, then up" case.
class Forwarder : public QTcpServer
{
public:
    Forwarder(quint16 targetPort) : m_target(targetPort) {}
    int connectionsSeen = 0;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        ++connectionsSeen;
        auto *in = new QTcpSocket(this);
        in->setSocketDescriptor(descriptor);
        auto *out = new QTcpSocket(this);
        auto pending = std::make_shared<QByteArray>();
        connect(in, &QTcpSocket::readyRead, this, [in, out, pending] {
            if (out->state() == QAbstractSocket::ConnectedState)
                out->write(in->readAll());
            else
                *pending += in->readAll();
        });
        connect(out, &QTcpSocket::connected, this, [out, pending] {
            out->write(*pending);
            pending->clear();
        });
        connect(out, &QTcpSocket::readyRead, this, [in, out] { in->write(out->readAll()); });
        connect(in, &QTcpSocket::disconnected, out, &QTcpSocket::disconnectFromHost);
        connect(out, &QTcpSocket::disconnected, in, &QTcpSocket::disconnectFromHost);
        out->connectToHost(QHostAddress::LocalHost, m_target);
    }

private:
    quint16 m_target;
};

QByteArray sha256(const QByteArray &b)
{
    return QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex();
}

} // namespace

class TestSmtpSend : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QByteArray out, err;
    };

    QTemporaryDir m_dir;

    // Runs herald-cli while this thread's event loop keeps running (the forwarder lives here).
    Run cli(const QString &profile, const QStringList &args)
    {
        QProcess p;
        QStringList all{QStringLiteral("--profile"), profile};
        all += args;
        QEventLoop loop;
        connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
        p.start(qEnvironmentVariable("HERALD_CLI"), all);
        if (!p.waitForStarted(10000))
            return {};
        if (p.state() != QProcess::NotRunning)
            loop.exec();
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

    QString profile(const QString &name)
    {
        const QString dir = m_dir.filePath(name);
        QDir().mkpath(dir);
        return dir;
    }

    QString passwordFile(const QString &name, const QString &password)
    {
        const QString path = m_dir.filePath(name + QStringLiteral(".pw"));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(password.toUtf8());
        return path;
    }

    // alice's account in `profile`, sending through `outgoing`.
    void addAlice(const QString &profile, const QString &outgoing,
                  const QString &password = QString())
    {
        const auto &s = stack();
        const Run r =
            cli(profile, {"account", "add", "--name", "alice", "--email", s.email("alice"),
                          "--display-name", "Alice Example", "--incoming",
                          QStringLiteral("imaps://alice@%1:%2").arg(s.host).arg(s.imapsPort),
                          "--outgoing", outgoing, "--password-file",
                          passwordFile(QFileInfo(profile).fileName(),
                                       password.isEmpty() ? s.password("alice") : password),
                          "--ca-file", s.caFile});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    QString submission() const
    {
        return QStringLiteral("smtp+starttls://alice@%1:%2")
            .arg(stack().host)
            .arg(stack().submissionPort);
    }

    static QString messageIdFrom(const QByteArray &err)
    {
        static const QRegularExpression re(QStringLiteral("Message-ID <([^>]+)>"));
        return re.match(QString::fromUtf8(err)).captured(1);
    }

    QJsonArray outbox(const QString &profile)
    {
        const Run r = cli(profile, {"outbox", "--json"});
        return QJsonDocument::fromJson(r.out).array();
    }

    static int copiesOf(const QString &user, const QString &folder, const QString &messageId)
    {
        int n = 0;
        for (const QString &path : stack().messageFiles(user, folder)) {
            QFile f(path);
            if (f.open(QIODevice::ReadOnly) && f.readAll().contains(messageId.toUtf8()))
                ++n;
        }
        return n;
    }

    // alice's Sent copies of a message on the IMAP server under test, waiting up to
    // `timeoutMs` for the first.
    static QList<herald::test::ServerMessage> sentCopies(const QString &messageId,
                                                         int timeoutMs = 0)
    {
        herald::test::ImapDevice device(QStringLiteral("alice"));
        QList<herald::test::ServerMessage> found;
        const auto fetch = [&] {
            found = device.messages(QStringLiteral("Sent"), messageId.toUtf8());
            return !found.isEmpty();
        };
        if (!fetch() && timeoutMs > 0 && !QTest::qWaitFor(fetch, timeoutMs))
            qWarning() << "no Sent copy of" << messageId << "after" << timeoutMs << "ms";
        return found;
    }

    static QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void initTestCase()
    {
        HERALD_REQUIRE_STACK();
        QVERIFY2(QFile::exists(qEnvironmentVariable("HERALD_CLI")), "HERALD_CLI not set");
        QVERIFY(m_dir.isValid());
        const QString wrongServer = herald::test::checkImapServerIdentity(QStringLiteral("alice"));
        QVERIFY2(wrongServer.isEmpty(), qPrintable(wrongServer));
    }

    void utf8MessageWithAttachmentsArrivesIntactWithSentCopyAndHiddenBcc()
    {
        const QString prof = profile(QStringLiteral("main"));
        addAlice(prof, submission());
        // A 5 MB binary attachment and a small text one with a non-ASCII name.
        QByteArray binary(5 * 1024 * 1024, Qt::Uninitialized);
        QRandomGenerator(42).fillRange(reinterpret_cast<quint32 *>(binary.data()),
                                       binary.size() / 4);
        const QString binPath = m_dir.filePath(QStringLiteral("blob.bin"));
        {
            QFile f(binPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(binary);
        }
        const QString notesPath = m_dir.filePath(QStringLiteral("Notizen für März.txt"));
        const QByteArray notes = "Zeile 1\nÄrger über Öl — 日本語\n.\n.leading dot\n";
        {
            QFile f(notesPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(notes);
        }
        const QString bodyPath = m_dir.filePath(QStringLiteral("body.txt"));
        const QString body = QStringLiteral("Grüße aus Köln — ünïcödé ✓\n.\n..two dots\nEnde\n");
        {
            QFile f(bodyPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(body.toUtf8());
        }
        const QString subject =
            QStringLiteral("Grüße — Prüfung ✓ %1").arg(QRandomGenerator::global()->generate());

        const Run r = cli(prof, {"send", "--account", "alice", "--to", "Bob <bob@herald.test>",
                                 "--bcc", "carol@herald.test", "--subject", subject, "--body-file",
                                 bodyPath, "--attach", binPath, "--attach", notesPath});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("alice: sent"), r.err.constData());
        const QString messageId = messageIdFrom(r.err);
        QVERIFY(!messageId.isEmpty());

        // Bob's copy: same subject, text and attachment bytes.
        const QString bobPath = stack().waitForMessage("bob", "INBOX", messageId.toUtf8(), 20000);
        QVERIFY2(!bobPath.isEmpty(), "bob did not get the message");
        const QByteArray bobRaw = readFile(bobPath);
        herald::mime::ParseOptions opts;
        opts.includeAttachmentData = true;
        const herald::mime::Message bob = herald::mime::parseMessage(bobRaw, opts);
        QCOMPARE(bob.subject, subject);
        QCOMPARE(bob.messageId, messageId);
        QCOMPARE(bob.text.trimmed(), body.trimmed());
        QCOMPARE(bob.attachments.size(), size_t(2));
        QCOMPARE(bob.attachments[0].filename, QStringLiteral("blob.bin"));
        QCOMPARE(sha256(bob.attachments[0].data), sha256(binary));
        QCOMPARE(bob.attachments[1].filename, QStringLiteral("Notizen für März.txt"));
        QCOMPARE(sha256(bob.attachments[1].data), sha256(notes));

        // Bcc: carol got it; no header of bob's copy names her, and in her own copy only her
        // server's trace fields do.
        const QString carolPath =
            stack().waitForMessage("carol", "INBOX", messageId.toUtf8(), 20000);
        QVERIFY2(!carolPath.isEmpty(), "carol (Bcc) did not get the message");
        for (const auto &[name, value] : bob.headers) {
            QVERIFY2(!value.contains(QStringLiteral("carol"), Qt::CaseInsensitive),
                     qPrintable(name + ": " + value));
            QVERIFY(name.compare(QStringLiteral("Bcc"), Qt::CaseInsensitive) != 0);
        }
        const herald::mime::Message carol = herald::mime::parseMessage(readFile(carolPath));
        const QStringList trace{"received", "delivered-to", "return-path", "x-original-to"};
        for (const auto &[name, value] : carol.headers) {
            QVERIFY(name.compare(QStringLiteral("Bcc"), Qt::CaseInsensitive) != 0);
            if (!trace.contains(name.toLower()))
                QVERIFY2(!value.contains(QStringLiteral("carol"), Qt::CaseInsensitive),
                         qPrintable(name + ": " + value));
        }

        // alice's Sent folder: a copy with the same Message-ID, marked \Seen.
        const auto sentCopy = sentCopies(messageId, 20000);
        QVERIFY2(sentCopy.size() == 1, "no copy in alice's Sent folder");
        QVERIFY2(sentCopy[0].flags.contains(QStringLiteral("\\Seen")),
                 qPrintable(sentCopy[0].flags.join(QLatin1Char(' '))));
        const herald::mime::Message sent = herald::mime::parseMessage(sentCopy[0].raw, opts);
        QCOMPARE(sent.messageId, messageId);
        QCOMPARE(sent.subject, subject);
        QCOMPARE(sha256(sent.attachments[0].data), sha256(binary));
        // The Sent copy never carries the Bcc either (the bytes are the submitted ones).
        QVERIFY(!sentCopy[0].raw.contains("carol@herald.test"));

        QCOMPARE(outbox(prof).size(), 0); // the message left the outbox
    }

    void serverDownWaitsThenSendsExactlyOnce()
    {
        const quint16 port = freePort();
        const QString prof = profile(QStringLiteral("down"));
        // Implicit TLS through a forwarder to Postfix's submissions port, which is not up yet.
        addAlice(prof, QStringLiteral("smtps://alice@%1:%2").arg(stack().host).arg(port));
        const QString subject =
            QStringLiteral("queued %1").arg(QRandomGenerator::global()->generate());
        Run r = cli(
            prof, {"send", "--account", "alice", "--to", "bob@herald.test", "--subject", subject});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("queued for retry"), r.err.constData());
        const QString messageId = messageIdFrom(r.err);
        QJsonArray queued = outbox(prof);
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued[0][QStringLiteral("state")].toString(), QStringLiteral("pending"));
        QVERIFY(
            queued[0][QStringLiteral("last_error")].toString().contains(QStringLiteral("refused")));
        QVERIFY(!queued[0][QStringLiteral("next_attempt_at")].isNull());

        // Still down: `sync` respects the backoff and does not try before it is due.
        r = cli(prof, {"sync"});
        QCOMPARE(outbox(prof)[0][QStringLiteral("attempts")].toInt(), 1);

        Forwarder forwarder(stack().submissionsPort);
        QVERIFY(forwarder.listen(QHostAddress::LocalHost, port));
        r = cli(prof, {"outbox", "--send-now"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("sent to bob@herald.test"), r.err.constData());
        QVERIFY(!stack().waitForMessage("bob", "INBOX", messageId.toUtf8(), 20000).isEmpty());
        QCOMPARE(outbox(prof).size(), 0);

        // Nothing left to send: more flushes and syncs never send it again.
        r = cli(prof, {"outbox", "--send-now"});
        QCOMPARE(r.exitCode, 0);
        r = cli(prof, {"sync"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QTest::qWait(1500);
        QCOMPARE(copiesOf("bob", "INBOX", messageId), 1);
        QCOMPARE(sentCopies(messageId).size(), 1);
        QCOMPARE(forwarder.connectionsSeen, 1);
    }

    void rejectedRecipientIsHeldWithTheServersWords()
    {
        const QString prof = profile(QStringLiteral("rejected"));
        addAlice(prof, submission());
        const QString subject =
            QStringLiteral("held %1").arg(QRandomGenerator::global()->generate());
        const Run r = cli(prof, {"send", "--account", "alice", "--to", "bob@herald.test", "--to",
                                 "nobody@herald.test", "--subject", subject});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("herald-cli: alice: not sent (held)"), r.err.constData());
        QVERIFY2(r.err.contains("nobody@herald.test (550 5.1.1"), r.err.constData());
        QVERIFY2(r.err.contains("accepted but not sent to bob@herald.test"), r.err.constData());
        const QString messageId = messageIdFrom(r.err);
        const QJsonArray held = outbox(prof);
        QCOMPARE(held.size(), 1);
        QCOMPARE(held[0][QStringLiteral("state")].toString(), QStringLiteral("held"));
        QVERIFY(held[0][QStringLiteral("last_error")].toString().contains(
            QStringLiteral("User unknown")));
        const QJsonArray outcome = held[0][QStringLiteral("outcome")].toArray();
        QCOMPARE(outcome.size(), 2);
        QCOMPARE(outcome[0][QStringLiteral("state")].toString(), QStringLiteral("accepted"));
        QCOMPARE(outcome[1][QStringLiteral("state")].toString(), QStringLiteral("rejected"));
        QVERIFY(outcome[1][QStringLiteral("reply")].toString().startsWith(QStringLiteral("550")));
        // Held means held: sync does not send it, and bob got nothing.
        cli(prof, {"sync"});
        QTest::qWait(1000);
        QCOMPARE(copiesOf("bob", "INBOX", messageId), 0);
        QCOMPARE(outbox(prof)[0][QStringLiteral("state")].toString(), QStringLiteral("held"));
    }

    void wrongPasswordIsOneClearError()
    {
        const QString prof = profile(QStringLiteral("wrongpw"));
        addAlice(prof, submission(), QStringLiteral("not-alice-pass"));
        const Run r = cli(
            prof, {"send", "--account", "alice", "--to", "bob@herald.test", "--subject", "never"});
        QVERIFY(r.exitCode != 0);
        const QList<QByteArray> errors = [&] {
            QList<QByteArray> out;
            for (const QByteArray &line : r.err.split('\n'))
                if (line.startsWith("herald-cli:"))
                    out << line;
            return out;
        }();
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors[0].contains("refused the login of alice") && errors[0].contains("535"),
                 r.err.constData());
        QVERIFY2(errors[0].contains("stays in the outbox"), r.err.constData());
        QCOMPARE(outbox(prof)[0][QStringLiteral("state")].toString(), QStringLiteral("pending"));
    }
};

QTEST_GUILESS_MAIN(TestSmtpSend)
#include "tst_smtp_send.moc"
