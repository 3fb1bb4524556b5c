#pragma once
// A profile for the engine-level wire tests (outbox, cancel): one account "alice" whose password
// ("secret") comes from a file and whose servers are scripted fake servers trusted through the
// test CA. Sent copies are left to the server (no IMAP server in these tests).
#include "core/accounts/AccountSettings.h"
#include "core/mime/MessageBuilder.h"
#include "core/store/Store.h"

#include <QFile>
#include <QTemporaryDir>
#include <memory>

namespace herald::test {

struct WireProfile
{
    std::unique_ptr<store::Store> store;
    store::Account account;
};

inline WireProfile wireProfile(const QTemporaryDir &dir, int number, const QString &caFile,
                               const QString &incomingUrl, const QString &outgoingUrl)
{
    WireProfile p;
    p.store = std::make_unique<store::Store>(dir.filePath(QStringLiteral("p%1").arg(number)));
    const QString pw = dir.filePath(QStringLiteral("pw"));
    QFile file(pw);
    file.open(QIODevice::WriteOnly);
    file.write("secret");
    file.close();
    accounts::AccountSettings s;
    s.passwordSource = QStringLiteral("file:") + pw;
    s.caFile = caFile;
    s.extra[QStringLiteral("server_saves_sent")] = true;
    p.account.name = QStringLiteral("alice");
    p.account.email = QStringLiteral("alice@herald.test");
    p.account.incomingUrl = incomingUrl;
    p.account.outgoingUrl = outgoingUrl;
    p.account.settingsJson = s.toJson();
    p.account.id = p.store->accounts().add(p.account);
    return p;
}

// A one-line message from alice to bob.
inline mime::Draft wireDraft()
{
    mime::Draft d;
    d.to.push_back({QString(), QStringLiteral("bob@herald.test"), {}});
    d.subject = QStringLiteral("Hi");
    d.text = QStringLiteral("body\n");
    return d;
}

} // namespace herald::test
