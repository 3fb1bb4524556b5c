#pragma once
// A fresh cache in a directory with one IMAP account ("scratch") and its INBOX and Archive
// rows, for tests of the store and the models that need no messages of tests/data.
#include "core/store/Store.h"

#include <QFile>
#include <memory>

namespace herald::test {

struct ScratchCache
{
    std::unique_ptr<store::Store> store;
    qint64 account = 0, inbox = 0, archive = 0;

    // Removes what a previous test left in `dir` and opens the cache there anew.
    void reset(const QString &dir)
    {
        store.reset();
        QFile::remove(store::Store::databasePath(dir));
        store = std::make_unique<store::Store>(dir);
        store::Account a;
        a.name = QStringLiteral("scratch");
        a.email = QStringLiteral("me@scratch.test");
        a.incomingUrl = QStringLiteral("imaps://me@127.0.0.1:993");
        a.outgoingUrl = QStringLiteral("smtps://me@127.0.0.1:465");
        account = store->accounts().add(a);
        store::Folder f;
        f.accountId = account;
        f.name = QStringLiteral("INBOX");
        inbox = store->folders().upsert(f);
        f.name = QStringLiteral("Archive");
        archive = store->folders().upsert(f);
    }
    // A message of the account in `folderId` (on any connection to the same cache), dated
    // `minutes` after 1 March 2025 08:00 UTC; returns its id.
    qint64 insert(store::Store &on, qint64 folderId, int minutes = 0,
                  const QString &subject = QStringLiteral("scratch")) const
    {
        store::MessageRow m;
        m.accountId = account;
        m.folderId = folderId;
        m.subject = subject;
        m.date = QDateTime(QDate(2025, 3, 1), QTime(8, 0), Qt::UTC).addSecs(qint64(minutes) * 60);
        return on.messages().insert(m);
    }
};

} // namespace herald::test
