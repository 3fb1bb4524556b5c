// Removing an account (core/accounts/AccountRemoval.h) against a real cache: the summary counts
// what is deleted (cached messages, drafts, unsent outbox messages); the removal takes the
// account's rows, search entries, tasks, POP3 state and body files, and leaves another account
// of the same profile exactly as it was.
#include "core/accounts/AccountSettings.h"
#include "core/engine/smtp/Drafts.h"
#include "core/engine/smtp/Outbox.h"
#include "core/store/Store.h"
#include "core/sync/AccountRemoval.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

class TestAccountRemoval : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Store> m_store;
    store::Account m_gone, m_kept;
    QList<qint64> m_goneMessages, m_keptMessages;

    store::Account addAccount(const QString &name)
    {
        store::Account a;
        a.name = name;
        a.email = name + QStringLiteral("@herald.test");
        a.incomingUrl = QStringLiteral("imaps://%1@imap.herald.test:993").arg(name);
        a.outgoingUrl = QStringLiteral("smtps://%1@smtp.herald.test:465").arg(name);
        accounts::AccountSettings settings;
        settings.passwordSource = QStringLiteral("env:HERALD_TEST_UNUSED");
        a.settingsJson = settings.toJson();
        a.id = m_store->accounts().add(a);
        return a;
    }

    // Two INBOX messages with bodies in files and search entries, one draft, one outbox message.
    QList<qint64> fill(const store::Account &a)
    {
        store::Folder inbox;
        inbox.accountId = a.id;
        inbox.name = QStringLiteral("INBOX");
        inbox.id = m_store->folders().upsert(inbox);
        QList<qint64> ids;
        for (int uid = 1; uid <= 2; ++uid) {
            store::MessageRow r;
            r.accountId = a.id;
            r.folderId = inbox.id;
            r.uid = uid;
            r.subject = QStringLiteral("word%1 of %2").arg(uid).arg(a.name);
            r.date = QDateTime::fromSecsSinceEpoch(uid, Qt::UTC);
            const qint64 id = m_store->messages().insert(r);
            m_store->bodies().put(id, "Subject: x\r\n\r\n" + QByteArray(8192, 'b'));
            m_store->search().index(id, r.subject, QString(), QStringLiteral("text"));
            ids << id;
        }
        mime::Draft d;
        d.to = {{QString(), QStringLiteral("bob@herald.test"), {}}};
        d.subject = QStringLiteral("draft");
        d.text = QStringLiteral("unfinished");
        ids << smtp::Drafts(*m_store).save(a, d);
        d.subject = QStringLiteral("queued");
        ids << smtp::Outbox(*m_store).enqueue(a, d).messageRowId;
        return ids;
    }

    QString bodyFile(qint64 id) const
    {
        return m_dir.filePath(QStringLiteral("bodies/%1/%2.eml").arg(id / 1000).arg(id));
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store.reset();
        QDir(m_dir.path()).removeRecursively();
        QVERIFY(QDir().mkpath(m_dir.path()));
        m_store = std::make_unique<store::Store>(m_dir.path());
        m_gone = addAccount(QStringLiteral("gone"));
        m_kept = addAccount(QStringLiteral("kept"));
        m_goneMessages = fill(m_gone);
        m_keptMessages = fill(m_kept);
    }

    void summaryCountsWhatIsDeleted()
    {
        const auto summary = accounts::describeRemoval(*m_store, m_gone);
        QCOMPARE(summary.contents.messages, qint64(4));
        QCOMPARE(summary.contents.drafts, qint64(1));
        QCOMPARE(summary.contents.unsent, qint64(1));
        QVERIFY(!summary.passwordInKeychain); // env: source, nothing in the keychain
        const QString text = accounts::describeRemovalText(m_gone, summary);
        QVERIFY2(text.contains(QStringLiteral("4 cached message")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("1 draft")));
        QVERIFY(text.contains(QStringLiteral("1 unsent outbox")));
        QVERIFY(text.contains(QStringLiteral("Nothing is deleted on the server")));
    }

    void removalTakesRowsFilesAndIndexOnly()
    {
        QVERIFY(QFile::exists(bodyFile(m_goneMessages.first())));
        QVERIFY(!m_store->tasks().list(m_gone.id, QStringLiteral("send")).empty());
        accounts::removeAccount(*m_store, m_gone);

        QVERIFY(!m_store->accounts().byName(QStringLiteral("gone")));
        QVERIFY(m_store->folders().list(m_gone.id).empty());
        for (const qint64 id : m_goneMessages) {
            QVERIFY(!m_store->messages().byId(id));
            QVERIFY(!QFile::exists(bodyFile(id)));
        }
        QVERIFY(m_store->tasks().list(m_gone.id, QStringLiteral("send")).empty());
        QVERIFY(m_store->tasks().list(m_gone.id, QStringLiteral("draft")).empty());
        QVERIFY(m_store->search().search(QStringLiteral("gone")).empty());
        const auto c = m_store->accounts().contents(m_gone.id);
        QCOMPARE(c.messages + c.drafts + c.unsent, qint64(0));

        // The other account is untouched.
        QCOMPARE(m_store->accounts().contents(m_kept.id).messages, qint64(4));
        for (const qint64 id : m_keptMessages)
            QVERIFY(m_store->bodies().get(id).has_value());
        QCOMPARE(m_store->search().search(QStringLiteral("kept")).size(), size_t(2));
        QCOMPARE(m_store->integrityCheck(), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestAccountRemoval)
#include "tst_account_removal.moc"
