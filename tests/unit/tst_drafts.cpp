// Drafts in the cache (core/smtp/Drafts.h) and identities in the account settings
// (core/accounts/Identity.h), without a network: a draft is a \Draft row of the Drafts folder
// stored before any I/O with its upload task; saving again keeps the id, replaces the content
// and queues the old server copy's removal after the new upload; sending moves it into the
// outbox without Bcc; POP3 drafts stay local; a UIDVALIDITY reset keeps unuploaded drafts.
#include "core/accounts/AccountSettings.h"
#include "core/accounts/Identity.h"
#include "core/engine/imap/DraftUploader.h"
#include "core/engine/smtp/Drafts.h"
#include "core/engine/smtp/Outbox.h"
#include "core/mime/MessageParser.h"
#include "core/store/Store.h"
#include "core/sync/SearchIndexer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

class TestDrafts : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Store> m_store;
    store::Account m_imap, m_pop;

    store::Account addAccount(const QString &name, const QString &incoming)
    {
        store::Account a;
        a.name = name;
        a.email = name + QStringLiteral("@herald.test");
        a.displayName = QStringLiteral("Alice Example");
        a.incomingUrl = incoming;
        a.outgoingUrl = QStringLiteral("smtps://x@smtp.herald.test:465");
        a.settingsJson = accounts::AccountSettings().toJson();
        a.id = m_store->accounts().add(a);
        return a;
    }

    static mime::Draft draft(const QString &text)
    {
        mime::Draft d;
        d.to = {{QStringLiteral("Bob"), QStringLiteral("bob@herald.test"), {}}};
        d.bcc = {{QString(), QStringLiteral("carol@herald.test"), {}}};
        d.subject = QStringLiteral("Plans");
        d.text = text;
        return d;
    }

    std::vector<store::Task> tasks(const QString &kind)
    {
        return m_store->tasks().list(m_imap.id, kind);
    }

    static QJsonObject payload(const store::Task &t)
    {
        return QJsonDocument::fromJson(t.payloadJson.toUtf8()).object();
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store.reset();
        QFile::remove(store::Store::databasePath(m_dir.path()));
        m_store = std::make_unique<store::Store>(m_dir.path());
        m_imap = addAccount(QStringLiteral("alice"),
                            QStringLiteral("imaps://alice@imap.herald.test:993"));
        m_pop =
            addAccount(QStringLiteral("pop"), QStringLiteral("pop3s://pop@pop.herald.test:995"));
    }

    void identitiesInSettings()
    {
        // Unknown keys survive; identities round-trip; the account's own address is first.
        auto s = accounts::AccountSettings::fromJson(
            QStringLiteral("{\"future_key\":42,\"identities\":[{\"email\":\"ALICE@herald.test\","
                           "\"signature\":\"Alice\"},{\"email\":\"sales@herald.test\","
                           "\"display_name\":\"Sales\",\"signature\":\"The team\"}]}"));
        const auto all = accounts::identities(s, QStringLiteral("alice@herald.test"),
                                              QStringLiteral("Alice Example"));
        QCOMPARE(all.size(), size_t(2));
        QCOMPARE(all[0].email, QStringLiteral("alice@herald.test"));
        QCOMPARE(all[0].displayName, QStringLiteral("Alice Example"));
        QCOMPARE(all[0].signature, QStringLiteral("Alice"));
        QCOMPARE(all[1].displayName, QStringLiteral("Sales"));
        QVERIFY(accounts::findIdentity(s, QStringLiteral("alice@herald.test"), QString(),
                                       QStringLiteral("Sales@Herald.test")));
        QVERIFY(!accounts::findIdentity(s, QStringLiteral("alice@herald.test"), QString(),
                                        QStringLiteral("mallory@herald.test")));
        accounts::setIdentity(
            s, {QStringLiteral("SALES@herald.test"), QString(), QStringLiteral("New")});
        QCOMPARE(s.identities.size(), size_t(2));
        const auto again = accounts::AccountSettings::fromJson(s.toJson());
        QCOMPARE(again.extra.value(QStringLiteral("future_key")).toInt(), 42);
        QCOMPARE(again.identities.size(), size_t(2));
        QCOMPARE(again.identities[1].signature, QStringLiteral("New"));
        QVERIFY(accounts::removeIdentity(s, QStringLiteral("sales@herald.test")));
        QVERIFY(!accounts::removeIdentity(s, QStringLiteral("sales@herald.test")));
        QVERIFY(!accounts::AccountSettings().toJson().contains(QStringLiteral("identities")));
    }

    void saveStoresDraftWithUploadTask()
    {
        smtp::Drafts drafts(*m_store);
        const qint64 id = drafts.save(m_imap, draft(QStringLiteral("first")));
        const auto row = m_store->messages().byId(id);
        QVERIFY(row);
        QCOMPARE(row->flags, store::FlagDraft | store::FlagSeen);
        QVERIFY(!row->uid);
        const auto folder = m_store->folders().byId(row->folderId);
        QCOMPARE(folder->name, QStringLiteral("Drafts"));
        QCOMPARE(folder->specialUse, QStringLiteral("\\Drafts"));
        QVERIFY(!folder->isLocal);
        const QByteArray raw = *m_store->bodies().get(id);
        QVERIFY(raw.contains("\nBcc: ")); // kept in the draft
        QCOMPARE(mime::parseMessage(raw).bcc.front().email, QStringLiteral("carol@herald.test"));
        QCOMPARE(mime::parseMessage(raw).from.front().email, QStringLiteral("alice@herald.test"));
        const auto up = tasks(imap::kDraftTaskKind);
        QCOMPARE(up.size(), size_t(1));
        QCOMPARE(qint64(payload(up[0])[QStringLiteral("message")].toDouble()), id);
        QCOMPARE(payload(up[0])[QStringLiteral("message_id")].toString(), row->messageId);
        // Lists and searches like other mail.
        QCOMPARE(drafts.list().size(), size_t(1));
        QCOMPARE(drafts.list().front().state, QStringLiteral("pending"));
        QCOMPARE(sync::SearchIndexer(*m_store).search(QStringLiteral("first")),
                 std::vector<qint64>{id});
    }

    void saveAgainReplacesAndRemovesOldServerCopyAfterUpload()
    {
        smtp::Drafts drafts(*m_store);
        const qint64 id = drafts.save(m_imap, draft(QStringLiteral("first")));
        const QString firstId = m_store->messages().byId(id)->messageId;
        m_store->tasks().remove(tasks(imap::kDraftTaskKind).front().id); // "uploaded"
        m_store->messages().setUid(id, 7);

        QCOMPARE(drafts.save(m_imap, draft(QStringLiteral("second")), id), id);
        const auto row = m_store->messages().byId(id);
        QVERIFY(!row->uid);
        QVERIFY(row->messageId != firstId); // each version has its own Message-ID
        QVERIFY(m_store->bodies().get(id)->contains("second"));
        QCOMPARE(sync::SearchIndexer(*m_store).search(QStringLiteral("first")).size(), size_t(0));
        const auto all = m_store->tasks().list(m_imap.id);
        QCOMPARE(all.size(), size_t(2));
        QCOMPARE(all[0].kind, imap::kDraftTaskKind);      // the new version first ...
        QCOMPARE(all[1].kind, QStringLiteral("expunge")); // ... then the old copy goes
        QCOMPARE(payload(all[1])[QStringLiteral("uid")].toInt(), 7);
        QCOMPARE(payload(all[1])[QStringLiteral("folder")].toString(), QStringLiteral("Drafts"));
        QCOMPARE(drafts.list().size(), size_t(1));

        QVERIFY_THROWS_EXCEPTION(std::runtime_error, drafts.save(m_imap, draft(QString()), 999));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, drafts.save(m_pop, draft(QString()), id));
    }

    void sendQueuesWithoutBccAndRemovesDraft()
    {
        smtp::Drafts drafts(*m_store);
        const qint64 id = drafts.save(m_imap, draft(QStringLiteral("send me")));
        m_store->messages().setUid(id, 9);
        const auto queued = drafts.send(m_imap, id);
        QVERIFY(!m_store->messages().byId(id));
        QVERIFY(drafts.list().empty());
        const auto entry = smtp::Outbox(*m_store).entry(queued.taskId);
        QVERIFY(entry);
        QCOMPARE(entry->recipients, QStringList({QStringLiteral("bob@herald.test"),
                                                 QStringLiteral("carol@herald.test")}));
        QCOMPARE(entry->from, QStringLiteral("alice@herald.test"));
        const QByteArray bytes = *m_store->bodies().get(entry->messageRowId);
        QVERIFY(!bytes.contains("carol"));
        QVERIFY(bytes.contains("send me"));
        QVERIFY(bytes.contains(("<" + queued.messageId + ">").toUtf8()));
        QCOMPARE(tasks(QStringLiteral("expunge")).size(), size_t(1)); // the server copy goes

        mime::Draft none = draft(QStringLiteral("x"));
        none.to.clear();
        none.bcc.clear();
        const qint64 empty = drafts.save(m_imap, none);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, drafts.send(m_imap, empty));
        QVERIFY(m_store->messages().byId(empty)); // still there
    }

    void popDraftsStayLocal()
    {
        smtp::Drafts drafts(*m_store);
        const qint64 id = drafts.save(m_pop, draft(QStringLiteral("local")));
        QVERIFY(m_store->tasks().list(m_pop.id).empty());
        QCOMPARE(drafts.list(m_pop.id).front().state, QStringLiteral("local"));
        QVERIFY(m_store->folders().byId(m_store->messages().byId(id)->folderId)->isLocal);
        drafts.remove(id);
        QVERIFY(drafts.list(m_pop.id).empty());
        QVERIFY(m_store->tasks().list(m_pop.id).empty());
    }

    void uidValidityResetKeepsUnuploadedDrafts()
    {
        smtp::Drafts drafts(*m_store);
        const qint64 pending = drafts.save(m_imap, draft(QStringLiteral("a")));
        const qint64 uploaded = drafts.save(m_imap, draft(QStringLiteral("b")));
        m_store->messages().setUid(uploaded, 3);
        m_store->messages().removeFolderContents(m_store->messages().byId(pending)->folderId);
        QVERIFY(m_store->messages().byId(pending));
        QVERIFY(!m_store->messages().byId(uploaded));
    }
};

QTEST_GUILESS_MAIN(TestDrafts)
#include "tst_drafts.moc"
