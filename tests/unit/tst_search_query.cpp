// The search box's query language (core/store/SearchQuery) against a real cache: a Store on a
// temporary profile, two accounts, messages written through the repositories and indexed
// through SearchIndex. Each prefix, words, phrases, scope, bad input, and what is not indexed.
#include "core/store/Schema.h"
#include "core/store/SearchQuery.h"
#include "core/store/Store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace herald::store;

namespace {
struct Mail
{
    const char *key;    // the test's name for it, kept in message_id
    const char *folder; // "in1" (INBOX of work), "arc1" (Archive of work), "in2" (INBOX of home)
    const char *subject;
    const char *fromName;
    const char *fromAddr;
    const char *to;
    const char *cc;
    const char *date; // ISO, UTC noon
    int flags;
    bool attachment;
    AuthSummary verdict;
    const char *body;
};

const Mail kMails[] = {
    {"invoice", "in1", "Quarterly invoice", "Alice Smith", "alice@example.com", "bob@example.net",
     "carol@example.org", "2026-03-10", 0, true, AuthSummary::Pass,
     "Please find the running totals attached."},
    {"lunch", "in1", "Lunch on Friday", "Dave", "dave@food.example", "bob@example.net", "",
     "2026-03-20", FlagSeen | FlagFlagged, false, AuthSummary::Fail,
     "Shall we meet at noon? The invoice can wait."},
    {"reply", "arc1", "Re: Quarterly invoice", "Bob", "bob@example.net",
     "Alice Smith <alice@example.com>", "", "2026-03-15", FlagSeen, false, AuthSummary::Unknown,
     "Thanks, I paid the invoice today."},
    {"phish", "in2", "Security alert", "PayPal", "service@paypa1.example", "me@home.example", "",
     "2026-02-01", 0, false, AuthSummary::Fail, "Your account is locked. Click here."},
    {"photos", "in1", "Holiday photos", "Carol", "carol@example.org", "bob@example.net",
     "alice@example.com", "2026-04-01", FlagSeen, true, AuthSummary::Pass,
     "Photos from the trip to the mountains, sent with Grüßen."},
};
} // namespace

class TestSearchQuery : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    QHash<QString, qint64> m_folders;
    QHash<qint64, QString> m_keys; // message id -> key

    qint64 addAccount(const QString &name)
    {
        Account a;
        a.name = name;
        a.email = name + QStringLiteral("@example.net");
        a.incomingUrl = QStringLiteral("imaps://%1@imap.example.net:993").arg(name);
        a.outgoingUrl = QStringLiteral("smtps://%1@smtp.example.net:465").arg(name);
        return m_store->accounts().add(a);
    }
    qint64 addFolder(qint64 account, const QString &name)
    {
        Folder f;
        f.accountId = account;
        f.name = name;
        return m_store->folders().upsert(f);
    }
    QStringList find(const QString &text, const QString &scope)
    {
        const SearchResult r =
            m_store->search().find(SearchQuery::parse(text), m_folders.value(scope));
        QStringList keys;
        for (const qint64 id : r.ids)
            keys << m_keys.value(id, QString::number(id));
        return keys;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<Store>(m_dir.path());
        const qint64 work = addAccount(QStringLiteral("work"));
        const qint64 home = addAccount(QStringLiteral("home"));
        m_folders[QStringLiteral("in1")] = addFolder(work, QStringLiteral("INBOX"));
        m_folders[QStringLiteral("arc1")] = addFolder(work, QStringLiteral("Archive"));
        m_folders[QStringLiteral("in2")] = addFolder(home, QStringLiteral("INBOX"));
        for (const Mail &m : kMails) {
            MessageRow row;
            row.folderId = m_folders.value(QString::fromLatin1(m.folder));
            row.accountId = m_store->folders().byId(row.folderId)->accountId;
            row.messageId = QString::fromLatin1(m.key);
            row.subject = QString::fromUtf8(m.subject);
            row.fromName = QString::fromUtf8(m.fromName);
            row.fromAddr = QString::fromUtf8(m.fromAddr);
            row.to = QString::fromUtf8(m.to);
            row.cc = QString::fromUtf8(m.cc);
            row.date = QDateTime(QDate::fromString(QString::fromLatin1(m.date), Qt::ISODate),
                                 QTime(12, 0), Qt::UTC);
            row.flags = m.flags;
            row.hasAttachments = m.attachment;
            row.authSummary = m.verdict;
            const qint64 id = m_store->messages().insert(row);
            m_store->search().index(
                id, row.subject, QStringList{row.fromName, row.fromAddr, row.to, row.cc}.join(' '),
                QString::fromUtf8(m.body));
            m_keys[id] = row.messageId;
        }
    }

    void finds_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("scope");        // a folder of kMails, or "" for every folder
        QTest::addColumn<QStringList>("expected"); // newest first

        using L = QStringList;
        QTest::newRow("word, every folder") << "invoice"
                                            << "" << L{"lunch", "reply", "invoice"};
        QTest::newRow("word, one folder") << "invoice"
                                          << "in1" << L{"lunch", "invoice"};
        QTest::newRow("word prefix") << "invo"
                                     << "in1" << L{"lunch", "invoice"};
        QTest::newRow("half a word still matches") << "runn"
                                                   << "" << L{"invoice"};
        QTest::newRow("words all match") << "invoice noon"
                                         << "" << L{"lunch"};
        QTest::newRow("accents folded") << "Grußen"
                                        << "" << L{"photos"};
        QTest::newRow("upper case") << "GRÜßEN"
                                    << "" << L{"photos"};
        QTest::newRow("phrase") << "\"paid the invoice\""
                                << "" << L{"reply"};
        QTest::newRow("phrase in another order") << "\"the invoice paid\""
                                                 << "" << L{};
        QTest::newRow("from: name") << "from:alice"
                                    << "" << L{"invoice"};
        QTest::newRow("from: quoted") << "from:\"Alice Smith\""
                                      << "" << L{"invoice"};
        QTest::newRow("from: address") << "from:alice@example.com"
                                       << "" << L{"invoice"};
        QTest::newRow("From: upper case") << "FROM:Alice"
                                          << "" << L{"invoice"};
        QTest::newRow("to: also cc") << "to:alice"
                                     << "" << L{"photos", "reply"};
        QTest::newRow("cc:") << "cc:alice"
                             << "" << L{"photos", "reply"};
        QTest::newRow("subject:") << "subject:invoice"
                                  << "" << L{"reply", "invoice"};
        QTest::newRow("has:attachment") << "has:attachment"
                                        << "" << L{"photos", "invoice"};
        QTest::newRow("is:unread") << "is:unread"
                                   << "" << L{"invoice", "phish"};
        QTest::newRow("is:read") << "is:read"
                                 << "in1" << L{"photos", "lunch"};
        QTest::newRow("is:flagged") << "is:flagged"
                                    << "" << L{"lunch"};
        QTest::newRow("before:") << "before:2026-03-11"
                                 << "" << L{"invoice", "phish"};
        QTest::newRow("after: (that day too)") << "after:2026-03-15"
                                               << "" << L{"photos", "lunch", "reply"};
        QTest::newRow("after: and before:") << "after:2026-03-01 before:2026-03-16"
                                            << "" << L{"reply", "invoice"};
        QTest::newRow("verdict:fail") << "verdict:fail"
                                      << "" << L{"lunch", "phish"};
        QTest::newRow("verdict:pass") << "verdict:pass"
                                      << "" << L{"photos", "invoice"};
        QTest::newRow("folder: beats the scope") << "folder:archive"
                                                 << "in1" << L{"reply"};
        QTest::newRow("in: every account") << "in:INBOX"
                                           << "" << L{"photos", "lunch", "invoice", "phish"};
        QTest::newRow("is:unread and a word") << "is:unread invoice"
                                              << "" << L{"invoice"};
        QTest::newRow("verdict:fail and a word") << "verdict:fail account"
                                                 << "" << L{"phish"};
        QTest::newRow("unknown prefix is words") << "the:mountains"
                                                 << "" << L{"photos"};
        QTest::newRow("bad date is left out") << "before:2026-13-01 invoice"
                                              << "in1" << L{"lunch", "invoice"};
        QTest::newRow("FTS syntax is text") << "invoice OR lunch"
                                            << "" << L{};
        QTest::newRow("FTS syntax is text 2") << "NEAR(invoice \""
                                              << "" << L{};
        QTest::newRow("column filter is text") << "body:invoice"
                                               << "" << L{};
        QTest::newRow("nothing") << ""
                                 << "" << L{};
        QTest::newRow("a bare prefix") << "from:"
                                       << "" << L{};
        QTest::newRow("only punctuation") << "- @ ."
                                          << "" << L{};
    }
    void finds()
    {
        QFETCH(QString, query);
        QFETCH(QString, scope);
        QFETCH(QStringList, expected);
        QCOMPARE(find(query, scope), expected);
    }

    void problems_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("problem"); // a part of the one sentence, "" for none
        QTest::newRow("good") << "from:alice before:2026-01-31 is:unread"
                              << "";
        QTest::newRow("month 13") << "before:2026-13-01"
                                  << "before:2026-13-01 is not a date";
        QTest::newRow("other format") << "after:31.1.2026"
                                      << "YYYY-MM-DD";
        QTest::newRow("is:") << "is:maybe"
                             << "is:maybe is not known";
        QTest::newRow("has:") << "has:cake"
                              << "has:cake is not known";
        QTest::newRow("verdict:") << "verdict:meh"
                                  << "verdict:meh is not known";
    }
    void problems()
    {
        QFETCH(QString, query);
        QFETCH(QString, problem);
        const SearchQuery q = SearchQuery::parse(query);
        if (problem.isEmpty()) {
            QVERIFY2(q.problems.isEmpty(), qPrintable(q.problems.join('\n')));
        } else {
            QCOMPARE(q.problems.size(), 1);
            QVERIFY2(q.problems.first().contains(problem), qPrintable(q.problems.first()));
        }
    }

    void highlightTerms()
    {
        const SearchQuery q =
            SearchQuery::parse(QStringLiteral("invoice \"paid the\" from:alice is:unread - x:y"));
        QCOMPARE(q.highlightTerms(), (QStringList{"invoice", "paid the", "x:y", "alice"}));
    }

    // Messages not indexed yet are not found, and counted in the scope; found once indexed.
    void notIndexedIsCounted()
    {
        MessageRow row;
        row.folderId = m_folders.value(QStringLiteral("arc1"));
        row.accountId = m_store->folders().byId(row.folderId)->accountId;
        row.subject = QStringLiteral("Zeppelin tickets");
        row.date = QDateTime::currentDateTimeUtc();
        const qint64 id = m_store->messages().insert(row);
        m_store->search().markPending(id);
        const SearchQuery q = SearchQuery::parse(QStringLiteral("zeppelin"));
        SearchResult r = m_store->search().find(q, 0);
        QVERIFY(r.ids.empty());
        QCOMPARE(r.notIndexed, qint64(1));
        QCOMPARE(m_store->search().find(q, m_folders.value(QStringLiteral("in1"))).notIndexed,
                 qint64(0));
        // Filters alone read the messages table: complete without the index.
        QCOMPARE(
            m_store->search().find(SearchQuery::parse(QStringLiteral("is:unread")), 0).notIndexed,
            qint64(0));
        m_store->search().index(id, row.subject, QString(), QString());
        m_store->search().clearPending(id);
        r = m_store->search().find(q, 0);
        QCOMPARE(r.ids, std::vector<qint64>{id});
        QCOMPARE(r.notIndexed, qint64(0));
        m_store->messages().remove(id);
    }

    void limitIsReported()
    {
        const SearchResult r =
            m_store->search().find(SearchQuery::parse(QStringLiteral("in:inbox")), 0, 2);
        QCOMPARE(r.ids.size(), size_t(2));
        QVERIFY(r.truncated);
    }

    // Schema 6 drops the stemmed index: every cached message is indexed again.
    void upgradeIndexesEverythingAgain()
    {
        QTemporaryDir dir;
        {
            Database db(Store::databasePath(dir.path()));
            migrate(db, 5);
            AccountRepository accounts(db);
            Account a;
            a.name = QStringLiteral("old");
            a.email = QStringLiteral("old@example.net");
            a.incomingUrl = QStringLiteral("imaps://old@imap.example.net:993");
            a.outgoingUrl = QStringLiteral("smtps://old@smtp.example.net:465");
            Folder f;
            f.accountId = accounts.add(a);
            f.name = QStringLiteral("INBOX");
            MessageRow m;
            m.accountId = f.accountId;
            m.folderId = FolderRepository(db).upsert(f);
            m.subject = QStringLiteral("running");
            MessageRepository(db).insert(m);
        }
        Store store(dir.path());
        QCOMPARE(store.search().pendingCount(), qint64(1));
    }
};

QTEST_GUILESS_MAIN(TestSearchQuery)
#include "tst_search_query.moc"
