// Verdicts stored during sync: the trusted Authentication-Results at header time
// (MessageIngest), Herald's own checks once the body is in (VerdictPass), DNS that does not
// answer (the pass stops early and the next one finishes), the user's own mail left alone.
#include "core/authres/MemoryZone.h"
#include "core/ingest/MessageIngest.h"
#include "core/store/Store.h"
#include "core/sync/VerdictPass.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

namespace {

// DNS that never answers, counting the questions it was asked.
class DeadDns : public authres::DnsResolver
{
public:
    int asked = 0;
    authres::DnsReply<QByteArray> txt(const QByteArray &) override { return fail<QByteArray>(); }
    authres::DnsReply<QHostAddress> addresses(const QByteArray &, bool) override
    {
        return fail<QHostAddress>();
    }
    authres::DnsReply<authres::MxRecord> mx(const QByteArray &) override
    {
        return fail<authres::MxRecord>();
    }
    authres::DnsReply<authres::SrvRecord> srv(const QByteArray &) override
    {
        return fail<authres::SrvRecord>();
    }
    authres::DnsReply<QByteArray> ptr(const QHostAddress &) override { return fail<QByteArray>(); }

private:
    template <typename T> authres::DnsReply<T> fail()
    {
        ++asked;
        return {authres::DnsStatus::TempError, {}};
    }
};

QByteArray message(const QByteArray &clientIp, const QByteArray &extraTop = {},
                   const QByteArray &extraBelow = {}, const QByteArray &tag = "m")
{
    return extraTop + "Received: from mail.sender.example (mail.sender.example [" + clientIp +
           "])\r\n\tby mx.example.net (Postfix) with ESMTPS id 4AB;\r\n"
           "\tSat, 28 Nov 2026 10:00:00 +0000\r\n" +
           extraBelow +
           "Return-Path: <news@sender.example>\r\n"
           "From: News <news@sender.example>\r\n"
           "To: user@example.net\r\n"
           "Subject: " +
           tag +
           "\r\n"
           "Date: Sat, 28 Nov 2026 09:59:00 +0000\r\n"
           "Message-ID: <" +
           tag +
           "@sender.example>\r\n"
           "\r\n"
           "Hello.\r\n";
}

QJsonObject authOf(const store::MessageRow &row)
{
    return QJsonDocument::fromJson(row.authJson.toUtf8()).object();
}

QString result(const QJsonObject &auth, const char *method)
{
    return auth.value(QLatin1String(method)).toObject().value(QLatin1String("result")).toString();
}

} // namespace

class TestVerdictPass : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Store> m_store;
    store::Account m_account;
    qint64 m_inbox = 0, m_sent = 0;
    authres::MemoryZone m_zone;
    qint64 m_nextUid = 1;

    qint64 add(const QByteArray &raw, qint64 folder = 0, bool headersOnly = false)
    {
        sync::IncomingMessage meta;
        meta.accountId = m_account.id;
        meta.folderId = folder ? folder : m_inbox;
        meta.uid = m_nextUid++;
        sync::MessageIngest ingest(*m_store);
        if (headersOnly)
            return ingest.addHeaders(meta, raw.left(raw.indexOf("\r\n\r\n") + 4));
        return ingest.addMessage(meta, raw);
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<store::Store>(m_dir.filePath(QString::number(m_nextUid)));
        m_account = {};
        m_account.name = QStringLiteral("work");
        m_account.email = QStringLiteral("user@example.net");
        m_account.incomingUrl = QStringLiteral("imaps://user@mx.example.net:993");
        m_account.outgoingUrl = QStringLiteral("smtps://user@mx.example.net:465");
        m_account.settingsJson = QStringLiteral(R"({"authserv_id":"mx.example.net"})");
        m_account.id = m_store->accounts().add(m_account);
        store::Folder inbox;
        inbox.accountId = m_account.id;
        inbox.name = QStringLiteral("INBOX");
        m_inbox = m_store->folders().upsert(inbox);
        store::Folder sent = inbox;
        sent.name = QStringLiteral("Sent");
        sent.specialUse = QStringLiteral("\\Sent");
        m_sent = m_store->folders().upsert(sent);
        m_zone = authres::MemoryZone();
        m_zone.addTxt("sender.example", "v=spf1 ip4:192.0.2.0/24 -all");
        m_zone.addTxt("_dmarc.sender.example", "v=DMARC1; p=reject");
    }

    void ownChecksAfterTheBodyIsIn()
    {
        const qint64 good = add(message("192.0.2.10", {}, {}, "good"));
        const qint64 forged = add(message("198.51.100.7", {}, {}, "forged"));
        const qint64 sent = add(message("192.0.2.10", {}, {}, "sent"), m_sent);
        const qint64 headersOnly = add(message("192.0.2.10", {}, {}, "later"), 0, true);

        sync::VerdictPass pass(*m_store, m_account, m_zone);
        const sync::VerdictReport report = pass.run(2);
        QCOMPARE(report.verified, 2);
        QCOMPARE(report.incomplete, 0);
        QVERIFY(!report.dnsUnreachable);

        const auto g = *m_store->messages().byId(good);
        QCOMPARE(g.authState, store::AuthState::Verified);
        QCOMPARE(g.authSummary, store::AuthSummary::Pass);
        QCOMPARE(result(authOf(g), "spf"), QStringLiteral("pass"));
        QCOMPARE(result(authOf(g), "dmarc"), QStringLiteral("pass"));

        const auto f = *m_store->messages().byId(forged);
        QCOMPARE(f.authSummary, store::AuthSummary::Fail);
        QCOMPARE(result(authOf(f), "spf"), QStringLiteral("fail"));
        QCOMPARE(result(authOf(f), "dmarc"), QStringLiteral("fail"));

        const auto s = *m_store->messages().byId(sent);
        QCOMPARE(s.authState, store::AuthState::Verified);
        QVERIFY(s.authJson.isEmpty()); // the user's own mail is not judged

        QCOMPARE(m_store->messages().byId(headersOnly)->authState, store::AuthState::None);
        // Nothing left to do: a second pass verifies nothing again.
        QCOMPARE(pass.run().verified, 0);
    }

    void trustedAuthResultsAtHeaderTime_data()
    {
        QTest::addColumn<QByteArray>("top");   // above the receiving server's Received
        QTest::addColumn<QByteArray>("below"); // below it: written by anyone
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("dmarc");
        const QByteArray ar =
            "Authentication-Results: mx.example.net; spf=pass "
            "smtp.mailfrom=sender.example; dmarc=pass header.from=sender.example\r\n";
        const QByteArray otherId = "Authentication-Results: mx.attacker.example; dmarc=pass "
                                   "header.from=sender.example\r\n";
        QTest::newRow("trusted, above")
            << ar << QByteArray() << int(store::AuthState::FromHeaders) << "pass";
        QTest::newRow("forged below the Received")
            << QByteArray() << ar << int(store::AuthState::None) << "";
        QTest::newRow("another authserv-id")
            << otherId << QByteArray() << int(store::AuthState::FromHeaders) << "none";
        QTest::newRow("no A-R at all")
            << QByteArray() << QByteArray() << int(store::AuthState::None) << "";
    }

    void trustedAuthResultsAtHeaderTime()
    {
        QFETCH(QByteArray, top);
        QFETCH(QByteArray, below);
        QFETCH(int, state);
        QFETCH(QString, dmarc);
        const qint64 id = add(message("192.0.2.10", top, below), 0, true);
        const auto row = *m_store->messages().byId(id);
        if (dmarc.isEmpty() && state == int(store::AuthState::None)) {
            // Nothing trusted to go on: either no verdict, or one that claims nothing.
            QVERIFY2(row.authJson.isEmpty() || result(authOf(row), "dmarc") != "pass",
                     qPrintable(row.authJson));
            QVERIFY(row.authSummary != store::AuthSummary::Pass);
            return;
        }
        QCOMPARE(int(row.authState), state);
        QCOMPARE(result(authOf(row), "dmarc"), dmarc);
        QCOMPARE(authOf(row).value(QLatin1String("source")).toString(),
                 QStringLiteral("authentication-results"));
    }

    void deadDnsStopsThePassEarly()
    {
        for (int i = 0; i < 50; ++i)
            add(message("192.0.2.10", {}, {}, "m" + QByteArray::number(i)));
        DeadDns dead;
        sync::VerdictPass offline(*m_store, m_account, dead);
        const sync::VerdictReport report = offline.run();
        QVERIFY(report.dnsUnreachable);
        QCOMPARE(report.verified, 0);
        QCOMPARE(report.incomplete, 1);
        QVERIFY2(dead.asked <= 3, qPrintable(QString::number(dead.asked)));

        // DNS back: everything gets its final verdict, the incomplete one included.
        sync::VerdictPass online(*m_store, m_account, m_zone);
        const sync::VerdictReport after = online.run();
        QCOMPARE(after.verified, 50);
        QVERIFY(m_store->messages().awaitingVerification(m_account.id, 100).empty());
    }
};

QTEST_GUILESS_MAIN(TestVerdictPass)
#include "tst_verdict_pass.moc"
