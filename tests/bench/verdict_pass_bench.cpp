// What sender checks add to a sync: VerdictPass over N cached messages (the shape of
// seed_maildir.py's: 97 senders of one domain with SPF and DMARC, every third DKIM-signed
// with a 2048-bit key), DNS answered by an in-memory zone so only Herald's own cost counts.
//   build/tests/verdict_pass_bench [N=10000]
// Prints messages per second and microseconds per message.
#include "core/authres/MemoryZone.h"
#include "core/ingest/MessageIngest.h"
#include "core/store/Store.h"
#include "core/sync/VerdictPass.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

using namespace herald;

namespace {

EVP_PKEY *makeKey()
{
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_RSA, nullptr);
    EVP_PKEY *key = nullptr;
    EVP_PKEY_keygen_init(ctx);
    EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, 2048);
    EVP_PKEY_keygen(ctx, &key);
    EVP_PKEY_CTX_free(ctx);
    return key;
}

QByteArray publicKeyBase64(EVP_PKEY *key)
{
    unsigned char *der = nullptr;
    const int n = i2d_PUBKEY(key, &der);
    const QByteArray out = QByteArray(reinterpret_cast<char *>(der), n).toBase64();
    OPENSSL_free(der);
    return out;
}

QByteArray sign(EVP_PKEY *key, const QByteArray &data)
{
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    size_t len = 0;
    EVP_DigestSignInit(md, nullptr, EVP_sha256(), nullptr, key);
    EVP_DigestSign(md, nullptr, &len, reinterpret_cast<const unsigned char *>(data.constData()),
                   size_t(data.size()));
    QByteArray sig(int(len), '\0');
    EVP_DigestSign(md, reinterpret_cast<unsigned char *>(sig.data()), &len,
                   reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size()));
    EVP_MD_CTX_free(md);
    return sig.left(int(len)).toBase64();
}

// relaxed/relaxed over From, Subject, Message-ID; the body is already canonical (CRLF lines,
// no trailing spaces, one final CRLF).
QByteArray signedMessage(EVP_PKEY *key, const QByteArray &from, const QByteArray &subject,
                         const QByteArray &messageId, const QByteArray &body)
{
    const QByteArray bh = QCryptographicHash::hash(body, QCryptographicHash::Sha256).toBase64();
    const QByteArray sigHeader = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.org; s=sel; "
                                 "h=from:subject:message-id; bh=" +
                                 bh + "; b=";
    const QByteArray canon = "from:" + from + "\r\nsubject:" + subject +
                             "\r\nmessage-id:" + messageId + "\r\ndkim-signature:" + sigHeader;
    return "DKIM-Signature: " + sigHeader + sign(key, canon) + "\r\n";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;
    QTextStream out(stdout);
    QTemporaryDir dir;
    store::Store store(dir.path());
    store::Account account;
    account.name = QStringLiteral("bench");
    account.email = QStringLiteral("alice@herald.test");
    account.incomingUrl = QStringLiteral("imaps://alice@mx.herald.test:993");
    account.outgoingUrl = QStringLiteral("smtps://alice@mx.herald.test:465");
    account.id = store.accounts().add(account);
    store::Folder inbox;
    inbox.accountId = account.id;
    inbox.name = QStringLiteral("INBOX");
    inbox.id = store.folders().upsert(inbox);

    EVP_PKEY *key = makeKey();
    authres::MemoryZone zone;
    zone.addTxt("example.org", "v=spf1 ip4:192.0.2.0/24 -all");
    zone.addTxt("_dmarc.example.org", "v=DMARC1; p=quarantine");
    zone.addTxt("sel._domainkey.example.org", "v=DKIM1; k=rsa; p=" + publicKeyBase64(key));

    const QByteArray body = QByteArray("Bench body line with some words in it.\r\n").repeated(400);
    {
        store::Transaction tx(store.db());
        sync::MessageIngest ingest(store);
        for (int i = 0; i < n; ++i) {
            const QByteArray from = "Sender " + QByteArray::number(i % 97) + " <sender" +
                                    QByteArray::number(i % 97) + "@example.org>";
            const QByteArray subject = "Bench message " + QByteArray::number(i);
            const QByteArray mid = "<bench-" + QByteArray::number(i) + "@example.org>";
            QByteArray raw =
                "Received: from mail.example.org (mail.example.org [192.0.2.10])\r\n"
                "\tby mx.herald.test with ESMTPS id X; Sat, 28 Nov 2026 10:00:00 +0000\r\n"
                "Return-Path: <bounce@example.org>\r\n";
            if (i % 3 == 0)
                raw += signedMessage(key, from, subject, mid, body);
            raw += "From: " + from + "\r\nTo: alice@herald.test\r\nSubject: " + subject +
                   "\r\nMessage-ID: " + mid + "\r\nDate: Sat, 28 Nov 2026 09:00:00 +0000\r\n\r\n" +
                   body;
            sync::IncomingMessage meta;
            meta.accountId = account.id;
            meta.folderId = inbox.id;
            meta.uid = i + 1;
            ingest.addMessage(meta, raw);
        }
        tx.commit();
    }
    EVP_PKEY_free(key);

    QElapsedTimer t;
    t.start();
    sync::VerdictPass pass(store, account, zone);
    const sync::VerdictReport report = pass.run();
    const double seconds = t.nsecsElapsed() / 1e9;
    out << "verdict pass: " << report.verified << " of " << n << " messages verified in "
        << QString::number(seconds, 'f', 2) << " s = " << QString::number(n / seconds, 'f', 0)
        << " msg/s, " << QString::number(seconds * 1e6 / n, 'f', 0) << " us/msg\n";
    const auto sample = store.messages().byUid(inbox.id, 1);
    out << "first message: " << (sample ? sample->authJson : QStringLiteral("?")) << "\n";
    return report.verified == n ? 0 : 1;
}
