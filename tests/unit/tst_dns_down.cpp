// DNS that does not answer, with the real resolver (libunbound) asking a UDP port on loopback
// that swallows every question: it is noticed once, not paid per message or per lookup.
// `herald-cli verify` says "DNS did not answer" within 5 s; a verdict pass over 20 messages
// costs about one timeout, and the pass right after it (the next sync) none.

#include "core/authres/DnsOutage.h"
#include "core/authres/UnboundResolver.h"
#include "core/ingest/MessageIngest.h"
#include "core/store/Store.h"
#include "core/sync/VerdictPass.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using namespace herald;

namespace {

// A message whose checks ask DNS: SPF (client IP in Received), DKIM (a key), DMARC.
QByteArray signedMessage(int n)
{
    return "Received: from mail.sender.example (mail.sender.example [192.0.2.10])\r\n"
           "\tby mx.example.net (Postfix) with ESMTPS id 4AB;\r\n"
           "\tSat, 28 Nov 2026 10:00:00 +0000\r\n"
           "DKIM-Signature: v=1; a=rsa-sha256; d=sender.example; s=sel; c=relaxed/relaxed;\r\n"
           "\th=from:subject; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=AAAA\r\n"
           "Return-Path: <news@sender.example>\r\n"
           "From: News <news@sender.example>\r\n"
           "To: user@example.net\r\n"
           "Subject: message " +
           QByteArray::number(n) +
           "\r\n"
           "Date: Sat, 28 Nov 2026 09:59:00 +0000\r\n"
           "Message-ID: <" +
           QByteArray::number(n) + "@sender.example>\r\n\r\nHello.\r\n";
}

} // namespace

class TestDnsDown : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void verifySaysDnsDidNotAnswer()
    {
        QUdpSocket swallow; // bound, never read: questions get no answer
        QVERIFY(swallow.bind(QHostAddress::LocalHost, 0));
        const QString file = m_dir.filePath(QStringLiteral("signed.eml"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(signedMessage(0));
        f.close();

        QProcess cli;
        QElapsedTimer t;
        t.start();
        cli.start(qEnvironmentVariable("HERALD_CLI"),
                  {QStringLiteral("--profile"), m_dir.filePath(QStringLiteral("profile")),
                   QStringLiteral("--nameserver"),
                   QStringLiteral("127.0.0.1:%1").arg(swallow.localPort()),
                   QStringLiteral("verify"), file});
        QVERIFY(cli.waitForFinished(20000));
        const qint64 ms = t.elapsed();
        const QString out = QString::fromUtf8(cli.readAllStandardOutput());
        QCOMPARE(cli.exitCode(), 0);
        QVERIFY2(out.contains(QLatin1String("DNS did not answer")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("SPF:   temperror")), qPrintable(out));
        QVERIFY2(ms < 5000, qPrintable(QStringLiteral("verify took %1 ms").arg(ms)));
    }

    void passOverTwentyMessagesPaysOneTimeout()
    {
        QUdpSocket swallow;
        QVERIFY(swallow.bind(QHostAddress::LocalHost, 0));
        const QString nameserver = QStringLiteral("127.0.0.1:%1").arg(swallow.localPort());
        store::Store store(m_dir.filePath(QStringLiteral("pass")));
        store::Account account;
        account.name = QStringLiteral("work");
        account.email = QStringLiteral("user@example.net");
        account.incomingUrl = QStringLiteral("imaps://user@mx.example.net:993");
        account.outgoingUrl = QStringLiteral("smtps://user@mx.example.net:465");
        account.settingsJson = QStringLiteral(R"({"authserv_id":"mx.example.net"})");
        account.id = store.accounts().add(account);
        store::Folder inbox;
        inbox.accountId = account.id;
        inbox.name = QStringLiteral("INBOX");
        const qint64 inboxId = store.folders().upsert(inbox);
        for (int i = 1; i <= 20; ++i) {
            sync::IncomingMessage meta;
            meta.accountId = account.id;
            meta.folderId = inboxId;
            meta.uid = i;
            sync::MessageIngest(store).addMessage(meta, signedMessage(i));
        }

        constexpr int kTimeoutMs = 2000;
        QElapsedTimer t;
        t.start();
        sync::VerdictReport first;
        {
            authres::UnboundResolver dns(nameserver, kTimeoutMs);
            first = sync::VerdictPass(store, account, dns).run();
            QVERIFY(dns.hadNoAnswer());
        }
        const qint64 firstMs = t.elapsed();
        QVERIFY(first.dnsUnreachable);
        QVERIFY2(
            firstMs < kTimeoutMs * 3 / 2,
            qPrintable(QStringLiteral("the pass took %1 ms: more than one timeout").arg(firstMs)));

        // The next sync, a moment later: DNS is remembered as down, nothing is waited for.
        t.restart();
        authres::UnboundResolver dns(nameserver, kTimeoutMs);
        const sync::VerdictReport second = sync::VerdictPass(store, account, dns).run();
        const qint64 secondMs = t.elapsed();
        QVERIFY(second.dnsUnreachable);
        QVERIFY2(secondMs < kTimeoutMs / 2,
                 qPrintable(QStringLiteral("the next pass took %1 ms").arg(secondMs)));
        qInfo() << "20 messages, DNS down: first pass" << firstMs << "ms, next pass" << secondMs
                << "ms";

        // Left incomplete, not lost: once DNS answers again the next pass finishes them.
        QCOMPARE(store.messages().incompletelyVerified(account.id).size() +
                     store.messages().neverVerified(account.id).size(),
                 size_t(20));
    }

    void outageIsForgottenAfterItsMemory()
    {
        const QByteArray server = "127.0.0.1@9";
        authres::DnsOutage::setMemoryMs(200);
        authres::DnsOutage::noteUnanswered(server);
        QVERIFY(authres::DnsOutage::isDown(server));
        QVERIFY(!authres::DnsOutage::isDown("127.0.0.1@10"));
        QTRY_VERIFY_WITH_TIMEOUT(!authres::DnsOutage::isDown(server), 2000);
        authres::DnsOutage::noteUnanswered(server);
        authres::DnsOutage::noteAnswered(server);
        QVERIFY(!authres::DnsOutage::isDown(server));
        authres::DnsOutage::setMemoryMs(authres::DnsOutage::kDefaultMemoryMs);
    }
};

QTEST_GUILESS_MAIN(TestDnsDown)
#include "tst_dns_down.moc"
