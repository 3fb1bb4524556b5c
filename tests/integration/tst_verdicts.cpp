// Sender verdicts end to end: messages reach bob through the real Postfix (as another domain's
// server would hand them over: plain SMTP, from a chosen loopback address), some DKIM-signed by
// python3-dkim with the stack's key; NSD serves herald.test's SPF (only 127.0.0.1 may send),
// DMARC (p=reject) and DKIM key. herald-cli syncs bob's INBOX over IMAPS and checks the senders
// during sync; `list --json` must show SPF, DKIM and DMARC as the table says, ignore an
// Authentication-Results header the sender forged, keep the verdicts with DNS gone, finish them
// once DNS is back, and take a trusted server's Authentication-Results from the headers alone.
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using herald::test::stack;

namespace {

struct Sender
{
    QString tag;    // subject and Message-ID local part
    QString fromIp; // 127.0.0.1 is allowed by herald.test's SPF, 127.0.0.2 is not
    bool sign = false;
    bool breakBody = false; // changed after signing
    bool forgedAuthResults = false;
};

const QList<Sender> &senders()
{
    static const QList<Sender> list = {
        {QStringLiteral("signed-allowed"), QStringLiteral("127.0.0.1"), true, false, false},
        {QStringLiteral("unsigned-allowed"), QStringLiteral("127.0.0.1"), false, false, false},
        {QStringLiteral("signed-elsewhere"), QStringLiteral("127.0.0.2"), true, false, false},
        {QStringLiteral("unsigned-elsewhere-forged-ar"), QStringLiteral("127.0.0.2"), false, false,
         true},
        {QStringLiteral("broken-signature-elsewhere"), QStringLiteral("127.0.0.2"), true, true,
         false},
    };
    return list;
}

QByteArray messageFor(const Sender &s)
{
    QByteArray m;
    if (s.forgedAuthResults) // what a forger writes to look verified
        m += "Authentication-Results: mail.herald.test; spf=pass smtp.mailfrom=herald.test;\r\n"
             " dkim=pass header.d=herald.test; dmarc=pass header.from=herald.test\r\n";
    m += "From: Alice <alice@herald.test>\r\n"
         "To: Bob <bob@herald.test>\r\n"
         "Subject: verdict " +
         s.tag.toUtf8() +
         "\r\n"
         "Date: Sat, 28 Nov 2026 10:00:00 +0000\r\n"
         "Message-ID: <" +
         s.tag.toUtf8() +
         "@herald.test>\r\n"
         "MIME-Version: 1.0\r\n"
         "Content-Type: text/plain; charset=utf-8\r\n"
         "\r\n"
         "Lunch on Friday?\r\n";
    return m;
}

quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort(); // closed again when probe goes
}

} // namespace

class TestVerdicts : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QByteArray out, err;
        qint64 ms = 0;
    };

    QTemporaryDir m_dir;
    QString m_profile;
    QHash<QString, QJsonObject> m_auth; // subject tag -> auth, after the first sync

    Run cli(const QString &profile, const QStringList &args, const QString &nameserver = QString())
    {
        QProcess p;
        if (!nameserver.isEmpty()) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("HERALD_NAMESERVER"), nameserver);
            p.setProcessEnvironment(env);
        }
        QElapsedTimer t;
        t.start();
        p.start(qEnvironmentVariable("HERALD_CLI"), QStringList{"--profile", profile} + args);
        p.waitForFinished(120000);
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError(), t.elapsed()};
    }

    QString addBob(const QString &name, const QStringList &extra = {}, bool pop3 = false)
    {
        const auto &s = stack();
        const QString incoming =
            pop3 ? QStringLiteral("pop3s://bob@%1:%2").arg(s.host).arg(s.pop3sPort)
                 : QStringLiteral("imaps://bob@%1:%2").arg(s.host).arg(s.imapsPort);
        const QString profile = m_dir.filePath(name);
        QDir().mkpath(profile);
        QFile pw(m_dir.filePath(name + QStringLiteral(".pw")));
        pw.open(QIODevice::WriteOnly);
        pw.write(s.password(QStringLiteral("bob")).toUtf8());
        pw.close();
        const Run r =
            cli(profile,
                QStringList{"account", "add", "--name", "bob", "--email", s.email("bob"),
                            "--incoming", incoming, "--outgoing",
                            QStringLiteral("smtps://bob@%1:%2").arg(s.host).arg(s.submissionsPort),
                            "--password-file", pw.fileName(), "--ca-file", s.caFile} +
                    extra);
        if (r.exitCode != 0)
            qWarning("account add: %s", r.err.constData());
        return r.exitCode == 0 ? profile : QString();
    }

    // subject tag -> the message's list object, for the messages this test sent.
    QHash<QString, QJsonObject> listed(const QString &profile, const QString &nameserver = {})
    {
        const Run r = cli(profile, {"list", "--json"}, nameserver);
        QHash<QString, QJsonObject> out;
        if (r.exitCode != 0) {
            qWarning("list: %s", r.err.constData());
            return out;
        }
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array()) {
            const QString subject = v[QLatin1String("subject")].toString();
            if (subject.startsWith(QLatin1String("verdict ")))
                out.insert(subject.mid(8), v.toObject());
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        HERALD_REQUIRE_STACK();
        QVERIFY(m_dir.isValid());
        const auto &s = stack();
        const QString script = QFileInfo(s.script).dir().filePath(QStringLiteral("inject_mail.py"));
        for (const Sender &sender : senders()) {
            QStringList args{script,           "--port",      QString::number(s.smtpPort),
                             "--from-ip",      sender.fromIp, "--mail-from",
                             s.email("alice"), "--rcpt",      s.email("bob")};
            if (sender.sign)
                args << "--sign" << s.dkimKey << "--domain" << s.domain << "--selector"
                     << s.dkimSelector;
            if (sender.breakBody)
                args << "--break-body";
            QProcess p;
            p.start(QStringLiteral("/usr/bin/python3"), args);
            QVERIFY(p.waitForStarted());
            p.write(messageFor(sender));
            p.closeWriteChannel();
            QVERIFY(p.waitForFinished(30000));
            QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        }
        for (const Sender &sender : senders())
            QVERIFY2(!s.waitForMessage(QStringLiteral("bob"), QStringLiteral("INBOX"),
                                       "<" + sender.tag.toUtf8() + "@herald.test>", 30000)
                          .isEmpty(),
                     qPrintable(QStringLiteral("%1 never reached bob's INBOX").arg(sender.tag)));

        m_profile = addBob(QStringLiteral("bob"));
        QVERIFY(!m_profile.isEmpty());
        const Run sync = cli(m_profile, {"sync"});
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
        for (const auto &[tag, message] : listed(m_profile).asKeyValueRange())
            m_auth.insert(tag, message[QLatin1String("auth")].toObject());
        QCOMPARE(m_auth.size(), senders().size());
    }

    void verdicts_data()
    {
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("spf");
        QTest::addColumn<QString>("dkim"); // the first signature's result, "" when unsigned
        QTest::addColumn<QString>("dmarc");
        QTest::newRow("signed, allowed IP: all pass") << "signed-allowed"
                                                      << "pass"
                                                      << "pass"
                                                      << "pass";
        QTest::newRow("unsigned, allowed IP: aligned SPF is enough") << "unsigned-allowed"
                                                                     << "pass"
                                                                     << ""
                                                                     << "pass";
        QTest::newRow("signed, disallowed IP: aligned DKIM is enough") << "signed-elsewhere"
                                                                       << "fail"
                                                                       << "pass"
                                                                       << "pass";
        QTest::newRow("unsigned, disallowed IP, forged A-R ignored")
            << "unsigned-elsewhere-forged-ar"
            << "fail"
            << ""
            << "fail";
        QTest::newRow("broken signature, disallowed IP") << "broken-signature-elsewhere"
                                                         << "fail"
                                                         << "fail"
                                                         << "fail";
    }

    void verdicts()
    {
        QFETCH(QString, tag);
        QFETCH(QString, spf);
        QFETCH(QString, dkim);
        QFETCH(QString, dmarc);
        QVERIFY2(m_auth.contains(tag), qPrintable(tag));
        const QJsonObject auth = m_auth.value(tag);
        const QByteArray text = QJsonDocument(auth).toJson(QJsonDocument::Compact);
        QVERIFY2(auth[QLatin1String("spf")][QLatin1String("result")].toString() == spf, text);
        const QJsonArray sigs = auth[QLatin1String("dkim")].toArray();
        QVERIFY2(sigs.isEmpty() == dkim.isEmpty(), text);
        if (!dkim.isEmpty()) {
            QVERIFY2(sigs.first()[QLatin1String("result")].toString() == dkim, text);
            QCOMPARE(sigs.first()[QLatin1String("domain")].toString(), stack().domain);
        }
        QVERIFY2(auth[QLatin1String("dmarc")][QLatin1String("result")].toString() == dmarc, text);
        QCOMPARE(auth[QLatin1String("dmarc")][QLatin1String("policy")].toString(),
                 QStringLiteral("reject"));
        // Herald's own checks, not the sender's claims: no A-R of bob's server was there.
        QVERIFY2(auth[QLatin1String("source")].toString() == QLatin1String("local"), text);
        QVERIFY2(auth[QLatin1String("spf")][QLatin1String("ip")].toString() ==
                     senders()
                         .at([&] {
                             int i = 0;
                             while (senders().at(i).tag != tag)
                                 ++i;
                             return i;
                         }())
                         .fromIp,
                 text);
    }

    // Restart with DNS unreachable: list and show read the stored verdicts, unchanged.
    void verdictsSurviveARestartWithoutDns()
    {
        const QString deadDns = QStringLiteral("127.0.0.1:%1").arg(closedPort());
        const auto again = listed(m_profile, deadDns);
        QCOMPARE(again.size(), m_auth.size());
        for (const auto &[tag, message] : again.asKeyValueRange())
            QCOMPARE(message[QLatin1String("auth")].toObject(), m_auth.value(tag));
        const qint64 id =
            again.value(QStringLiteral("signed-allowed"))[QLatin1String("id")].toInteger();
        const Run show = cli(m_profile, {"show", QString::number(id), "--json"}, deadDns);
        QVERIFY2(show.exitCode == 0, show.err.constData());
        QCOMPARE(QJsonDocument::fromJson(show.out)[QLatin1String("auth")].toObject(),
                 m_auth.value(QStringLiteral("signed-allowed")));
    }

    // POP3 downloads get the same checks.
    void pop3GetsTheSameVerdicts()
    {
        const QString profile = addBob(QStringLiteral("bob-pop3"), {}, true);
        QVERIFY(!profile.isEmpty());
        const Run sync = cli(profile, {"sync"});
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
        const auto got = listed(profile);
        for (const Sender &sender : senders())
            QCOMPARE(got.value(sender.tag)[QLatin1String("auth")].toObject(),
                     m_auth.value(sender.tag));
    }

    // DNS down during a sync: the sync still finishes promptly, and the next sync with DNS back
    // completes the verdicts.
    void dnsDownDuringSyncIsRetriedLater()
    {
        const QString profile = addBob(QStringLiteral("bob-nodns"));
        QVERIFY(!profile.isEmpty());
        const Run down = cli(profile, {"sync"}, QStringLiteral("127.0.0.1:%1").arg(closedPort()));
        QVERIFY2(down.exitCode == 0, down.err.constData());
        QVERIFY2(down.ms < 30000, qPrintable(QStringLiteral("sync took %1 ms").arg(down.ms)));
        QVERIFY2(down.err.contains("DNS did not answer"), down.err.constData());
        const auto partial = listed(profile);
        QCOMPARE(partial.size(), m_auth.size());
        QVERIFY(partial.value(QStringLiteral("signed-allowed"))[QLatin1String("auth")].toObject() !=
                m_auth.value(QStringLiteral("signed-allowed")));

        const Run up = cli(profile, {"sync"}); // HERALD_NAMESERVER: the stack's NSD
        QVERIFY2(up.exitCode == 0, up.err.constData());
        for (const auto &[tag, message] : listed(profile).asKeyValueRange())
            QCOMPARE(message[QLatin1String("auth")].toObject(), m_auth.value(tag));
    }

    // The receiving server's own Authentication-Results (trusted by authserv-id) gives a verdict
    // as soon as the headers are in, with no body and no DNS.
    void trustedAuthResultsAtHeaderTime()
    {
        const auto &s = stack();
        const QByteArray message = "Authentication-Results: mail.herald.test; spf=pass "
                                   "smtp.mailfrom=alice@herald.test;\r\n"
                                   " dkim=pass header.d=herald.test header.s=herald; dmarc=pass "
                                   "header.from=herald.test\r\n"
                                   "From: Alice <alice@herald.test>\r\n"
                                   "To: bob@herald.test\r\n"
                                   "Subject: verdict from-trusted-ar\r\n"
                                   "Date: Sat, 28 Nov 2026 11:00:00 +0000\r\n"
                                   "Message-ID: <from-trusted-ar@herald.test>\r\n"
                                   "\r\n"
                                   "Checked by bob's server.\r\n";
        QString err;
        QVERIFY2(s.deliver(QStringLiteral("bob"), QStringLiteral("INBOX"), message, &err),
                 qPrintable(err));
        const QString profile =
            addBob(QStringLiteral("bob-ar"), {"--authserv-id", "mail.herald.test"});
        QVERIFY(!profile.isEmpty());
        const Run sync = cli(profile, {"sync", "--headers-only"},
                             QStringLiteral("127.0.0.1:%1").arg(closedPort()));
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
        const QJsonObject auth =
            listed(profile)
                .value(QStringLiteral("from-trusted-ar"))[QLatin1String("auth")]
                .toObject();
        const QByteArray text = QJsonDocument(auth).toJson(QJsonDocument::Compact);
        QVERIFY2(auth[QLatin1String("source")].toString() ==
                     QLatin1String("authentication-results"),
                 text);
        QVERIFY2(auth[QLatin1String("dmarc")][QLatin1String("result")].toString() ==
                     QLatin1String("pass"),
                 text);
        QVERIFY2(auth[QLatin1String("dkim")][0][QLatin1String("result")].toString() ==
                     QLatin1String("pass"),
                 text);
        // With another authserv-id trusted, the same header is just text from anyone.
        const QString other =
            addBob(QStringLiteral("bob-other"), {"--authserv-id", "mx.other.example"});
        QVERIFY(!other.isEmpty());
        QVERIFY(cli(other, {"sync", "--headers-only"}).exitCode == 0);
        const QJsonValue untrusted =
            listed(other).value(QStringLiteral("from-trusted-ar"))[QLatin1String("auth")];
        QVERIFY2(untrusted.isNull() ||
                     untrusted[QLatin1String("dmarc")][QLatin1String("result")].toString() !=
                         QLatin1String("pass"),
                 QJsonDocument(untrusted.toObject()).toJson(QJsonDocument::Compact));
    }
};

QTEST_GUILESS_MAIN(TestVerdicts)
#include "tst_verdicts.moc"
