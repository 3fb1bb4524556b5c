// AccountCheck against the real stack: logging in to the incoming (IMAP, POP3) and outgoing
// (SMTP AUTH) servers before an account is saved gives, per server, what failed in words:
// wrong password, no such host, port closed, certificate not trusted (the stack's CA is not
// in the system store, so without a pin or CA file that is the untrusted case, with the
// certificate's details), and success once the certificate is pinned. A check waiting on a
// silent server is cancelled through its stop flag.
#include "core/accounts/ServerUrl.h"
#include "core/net/CertificateTrust.h"
#include "core/sync/AccountCheck.h"
#include "tests/support/TestSupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using herald::test::stack;
using namespace herald;
using Outcome = sync::ServerCheck::Outcome;

Q_DECLARE_METATYPE(herald::sync::ServerCheck::Outcome)
Q_DECLARE_METATYPE(herald::accounts::ServerUrl)
Q_DECLARE_METATYPE(herald::accounts::AccountSettings)

namespace {

accounts::ServerUrl url(accounts::Protocol protocol, accounts::Transport transport,
                        const QString &host, quint16 port, const QString &user)
{
    accounts::ServerUrl u;
    u.protocol = protocol;
    u.transport = transport;
    u.host = host;
    u.port = port;
    u.user = user;
    return u;
}

// The stack's own certificate pinned: what "Trust this certificate" stores.
accounts::AccountSettings pinned()
{
    accounts::AccountSettings s;
    s.pinnedCertificates = {stack().certSha256};
    return s;
}

} // namespace

class TestAccountCheck : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { HERALD_REQUIRE_STACK(); }

    void eachServer_data()
    {
        using P = accounts::Protocol;
        using T = accounts::Transport;
        const auto &s = stack();
        const QString pw = s.password(QStringLiteral("alice"));
        accounts::AccountSettings withCa;
        withCa.caFile = s.caFile;
        QTest::addColumn<accounts::ServerUrl>("server");
        QTest::addColumn<QString>("password");
        QTest::addColumn<accounts::AccountSettings>("settings");
        QTest::addColumn<Outcome>("outcome");
        QTest::addColumn<QString>("says");

        const auto imaps =
            url(P::Imap, T::ImplicitTls, s.host, s.imapsPort, QStringLiteral("alice"));
        const auto smtps =
            url(P::Smtp, T::ImplicitTls, s.host, s.submissionsPort, QStringLiteral("alice"));
        QTest::newRow("imaps pinned") << imaps << pw << pinned() << Outcome::LoggedIn << QString();
        QTest::newRow("imaps ca file") << imaps << pw << withCa << Outcome::LoggedIn << QString();
        QTest::newRow("imap starttls pinned")
            << url(P::Imap, T::StartTls, s.host, s.imapPort, QStringLiteral("alice")) << pw
            << pinned() << Outcome::LoggedIn << QString();
        QTest::newRow("pop3s pinned")
            << url(P::Pop3, T::ImplicitTls, s.host, s.pop3sPort, QStringLiteral("alice")) << pw
            << pinned() << Outcome::LoggedIn << QString();
        QTest::newRow("smtps pinned") << smtps << pw << pinned() << Outcome::LoggedIn << QString();
        QTest::newRow("submission starttls pinned")
            << url(P::Smtp, T::StartTls, s.host, s.submissionPort, QStringLiteral("alice")) << pw
            << pinned() << Outcome::LoggedIn << QString();

        QTest::newRow("imap wrong password")
            << imaps << QStringLiteral("not-the-password") << pinned() << Outcome::WrongPassword
            << QStringLiteral("Wrong user name or password");
        QTest::newRow("pop3 wrong password")
            << url(P::Pop3, T::ImplicitTls, s.host, s.pop3sPort, QStringLiteral("alice"))
            << QStringLiteral("not-the-password") << pinned() << Outcome::WrongPassword
            << QStringLiteral("Wrong user name or password");
        QTest::newRow("smtp wrong password")
            << smtps << QStringLiteral("not-the-password") << pinned() << Outcome::WrongPassword
            << QStringLiteral("Wrong user name or password");
        QTest::newRow("unknown host")
            << url(P::Imap, T::ImplicitTls, QStringLiteral("no-such-host.herald.test"), 993,
                   QStringLiteral("alice"))
            << pw << pinned() << Outcome::HostNotFound
            << QStringLiteral("No such host: there is no server named no-such-host.herald.test");
        const quint16 closed = herald::test::freePort();
        QTest::newRow("closed port")
            << url(P::Smtp, T::ImplicitTls, s.host, closed, QStringLiteral("alice")) << pw
            << pinned() << Outcome::ConnectionRefused
            << QStringLiteral("Port closed: %1 refused the connection on port %2")
                   .arg(s.host)
                   .arg(closed);
        QTest::newRow("imaps untrusted")
            << imaps << pw << accounts::AccountSettings() << Outcome::UntrustedCertificate
            << QStringLiteral("Certificate not trusted");
        QTest::newRow("smtp starttls untrusted")
            << url(P::Smtp, T::StartTls, s.host, s.submissionPort, QStringLiteral("alice")) << pw
            << accounts::AccountSettings() << Outcome::UntrustedCertificate
            << QStringLiteral("Certificate not trusted");
    }

    void eachServer()
    {
        QFETCH(accounts::ServerUrl, server);
        QFETCH(QString, password);
        QFETCH(accounts::AccountSettings, settings);
        QFETCH(Outcome, outcome);
        QFETCH(QString, says);
        const auto check = sync::checkServer(server, password, settings, 10000);
        QVERIFY2(check.outcome == outcome, qPrintable(check.message));
        QCOMPARE(check.ok(), outcome == Outcome::LoggedIn);
        if (says.isEmpty())
            QVERIFY(check.message.isEmpty());
        else
            QVERIFY2(check.message.startsWith(says), qPrintable(check.message));
        QVERIFY(!check.message.contains(password) || password.isEmpty());
    }

    // The untrusted case carries the certificate the user is asked about: the stack's own,
    // with its subject, issuer, dates and fingerprint; pinning that fingerprint makes the
    // same check pass.
    void untrustedCertificateCarriesItsDetailsAndPinningIt()
    {
        const auto &s = stack();
        sync::AccountCheckRequest request;
        request.incoming = url(accounts::Protocol::Imap, accounts::Transport::ImplicitTls, s.host,
                               s.imapsPort, QStringLiteral("alice"));
        request.outgoing = url(accounts::Protocol::Smtp, accounts::Transport::ImplicitTls, s.host,
                               s.submissionsPort, QStringLiteral("alice"));
        request.password = s.password(QStringLiteral("alice"));
        request.timeoutMs = 10000;
        const auto first = sync::checkAccount(request);
        QVERIFY(!first.ok());
        for (const auto *server : {&first.incoming, &first.outgoing}) {
            QVERIFY2(server->outcome == Outcome::UntrustedCertificate, qPrintable(server->message));
            const auto summary = sync::summarizeCertificate(server->certificate);
            QCOMPARE(summary.subject, QStringLiteral("localhost"));
            QCOMPARE(summary.issuer, QStringLiteral("Herald Test Stack CA"));
            QVERIFY(summary.validFrom.isValid() &&
                    summary.validUntil > QDateTime::currentDateTime());
            QCOMPARE(QString(summary.sha256).remove(QLatin1Char(':')).toLower(), s.certSha256);
        }
        request.settings.pinnedCertificates = {
            sync::summarizeCertificate(first.incoming.certificate).sha256};
        const auto second = sync::checkAccount(request);
        QVERIFY2(second.incoming.ok(), qPrintable(second.incoming.message));
        QVERIFY2(second.outgoing.ok(), qPrintable(second.outgoing.message));
        QVERIFY(second.ok());
    }

    // herald-cli account add --check logs in the same way before saving: each failure in one
    // line (an untrusted certificate with its fingerprint and the --pin that trusts it),
    // nothing saved; with that pin and the right password the account is saved.
    void cliChecksBeforeSaving_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("pin");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        const QString fingerprint =
            QStringLiteral("--pin ") +
            sync::summarizeCertificate(QSslCertificate::fromPath(stack().certFile).value(0)).sha256;
        QTest::newRow("untrusted")
            << stack().password(QStringLiteral("alice")) << false << 1 << fingerprint;
        QTest::newRow("wrong password") << QStringLiteral("nope") << true << 1
                                        << QStringLiteral("incoming: Wrong user name or password");
        QTest::newRow("pinned") << stack().password(QStringLiteral("alice")) << true << 0
                                << QStringLiteral("Both servers accepted the login");
    }
    void cliChecksBeforeSaving()
    {
        QFETCH(QString, password);
        QFETCH(bool, pin);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        const auto &s = stack();
        QTemporaryDir profile;
        qputenv("HERALD_CHECK_PW", password.toUtf8());
        QStringList args{"--profile",
                         profile.path(),
                         "account",
                         "add",
                         "--check",
                         "--name",
                         "a",
                         "--email",
                         "alice@herald.test",
                         "--incoming",
                         QStringLiteral("imaps://alice@%1:%2").arg(s.host).arg(s.imapsPort),
                         "--outgoing",
                         QStringLiteral("smtps://alice@%1:%2").arg(s.host).arg(s.submissionsPort),
                         "--password-env",
                         "HERALD_CHECK_PW"};
        if (pin)
            args << "--pin" << s.certSha256;
        QProcess cli;
        cli.start(qEnvironmentVariable("HERALD_CLI"), args);
        QVERIFY(cli.waitForFinished(60000));
        const QString err = QString::fromUtf8(cli.readAllStandardError()).trimmed();
        QCOMPARE(cli.exitCode(), exitCode);
        QVERIFY2(err.contains(says), qPrintable(err));
        QProcess list;
        list.start(qEnvironmentVariable("HERALD_CLI"),
                   {"--profile", profile.path(), "account", "list", "--json"});
        QVERIFY(list.waitForFinished(20000));
        const QByteArray listed = list.readAllStandardOutput();
        QCOMPARE(listed.contains("alice@herald.test"), exitCode == 0);
        if (exitCode != 0)
            QVERIFY2(err.section(QLatin1Char('\n'), -1)
                         .startsWith(QStringLiteral("herald-cli: nothing saved")),
                     qPrintable(err));
    }

    // A server that accepts the connection and never answers: the check, on a worker thread,
    // gives up with "Cancelled" soon after the stop flag is set, not after its 20 s timeout.
    void stopFlagCancelsTheCheck()
    {
        QTcpServer silent; // never accepts: the kernel completes the TCP handshake anyway
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        std::atomic<bool> stop{false};
        sync::ServerCheck result;
        QThread *worker = QThread::create([&] {
            result = sync::checkServer(
                url(accounts::Protocol::Pop3, accounts::Transport::ImplicitTls,
                    QStringLiteral("127.0.0.1"), silent.serverPort(), QStringLiteral("alice")),
                QStringLiteral("pw"), pinned(), 20000, &stop);
        });
        QSignalSpy finished(worker, &QThread::finished);
        worker->start();
        QVERIFY(!finished.wait(300)); // still waiting for the silent server
        QElapsedTimer sinceStop;
        sinceStop.start();
        stop = true;
        QVERIFY(finished.wait(5000));
        QVERIFY2(sinceStop.elapsed() < 2000, qPrintable(QString::number(sinceStop.elapsed())));
        QVERIFY2(result.outcome == Outcome::Cancelled, qPrintable(result.message));
        delete worker;
    }
};

QTEST_GUILESS_MAIN(TestAccountCheck)
#include "tst_account_check.moc"
