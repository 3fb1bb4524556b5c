// Search benchmark (docs/benchmarks.md, "Search"): a cache of N synthetic messages (default
// 100,000: realistic subjects, names, addresses and ~120-word bodies, all indexed), the real
// main window (offscreen), and queries typed into its search box key by key at 80 ms a key.
// Measured: from the last key press to the results painted in the list (the search runs on its
// own thread; the model is reset and the list repainted), and the SQL alone. Prints a table.
//
//   search_bench [--messages N] [--profile DIR] [--runs R]
// With --profile, an existing cache of the right size is reused (building one takes a minute).
#include "core/store/SearchQuery.h"
#include "core/store/Store.h"
#include "ui/MainWindow.h"
#include "ui/MessageListModel.h"
#include "ui/SearchBox.h"
#include "ui/SearchController.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace herald;

namespace {

const QStringList kFirst = {"Alice", "Bob",  "Carol",  "David", "Emma",    "Frank",
                            "Grace", "Hugo", "Ines",   "Jonas", "Karin",   "Liam",
                            "Maria", "Noah", "Olga",   "Paul",  "Quentin", "Rita",
                            "Sven",  "Tara", "Ulrich", "Vera",  "Walter",  "Yusuf"};
const QStringList kLast = {"Smith",  "Meyer",    "Garcia", "Novak",   "Rossi", "Schmidt", "Dubois",
                           "Jensen", "Kowalski", "Moreau", "Fischer", "Silva", "Larsen",  "Weber"};
const QStringList kDomains = {"example.com",  "example.org",       "mail.example.net",
                              "corp.example", "lists.example.org", "shop.example",
                              "bank.example"};
const QStringList kTopics = {"Invoice",           "Meeting notes",      "Project update",
                             "Budget report",     "Quarterly review",   "Travel plans",
                             "Lunch on Friday",   "Weekly newsletter",  "Your order has shipped",
                             "Password reset",    "Contract draft",     "Team offsite",
                             "Release candidate", "Server maintenance", "Holiday schedule",
                             "Conference talk"};
const QStringList kPrefixes = {"", "", "", "Re: ", "Re: ", "Fwd: "};
const QStringList kCommon = {"the",  "of",  "and",  "to",    "in",     "is",    "that",
                             "for",  "it",  "as",   "with",  "be",     "on",    "not",
                             "this", "are", "or",   "from",  "at",     "we",    "can",
                             "if",   "has", "will", "would", "please", "thanks"};

QStringList vocabulary()
{
    // A few thousand word-like tokens with a Zipf-ish use: some frequent, most rare.
    static const QStringList words = [] {
        QStringList w;
        QRandomGenerator rng(7);
        const QString letters = QStringLiteral("abcdefghijklmnoprstuvwy");
        for (int i = 0; i < 4000; ++i) {
            QString word;
            const int len = 3 + int(rng.bounded(8));
            for (int j = 0; j < len; ++j)
                word += letters[int(rng.bounded(int(letters.size())))];
            w << word;
        }
        w << QStringLiteral("invoice") << QStringLiteral("meeting") << QStringLiteral("budget")
          << QStringLiteral("report") << QStringLiteral("harbour") << QStringLiteral("schedule");
        return w;
    }();
    return words;
}

QString pick(QRandomGenerator &rng, const QStringList &list)
{
    return list[int(rng.bounded(int(list.size())))];
}

QString body(QRandomGenerator &rng)
{
    const QStringList &vocab = vocabulary();
    QStringList words;
    const int n = 60 + int(rng.bounded(120));
    for (int i = 0; i < n; ++i) {
        if (rng.bounded(2) == 0) {
            words << pick(rng, kCommon);
        } else {
            // Zipf-ish: low indexes far more often.
            const double u = rng.generateDouble();
            words << vocab[std::min(int(vocab.size()) - 1, int(std::pow(u, 3) * vocab.size()))];
        }
    }
    return words.join(QLatin1Char(' '));
}

void build(store::Store &s, int count)
{
    QElapsedTimer t;
    t.start();
    store::Account a;
    a.name = QStringLiteral("bench");
    a.email = QStringLiteral("me@example.com");
    a.incomingUrl = QStringLiteral("imaps://me@127.0.0.1:1");
    a.outgoingUrl = QStringLiteral("smtps://me@127.0.0.1:1");
    const qint64 account = s.accounts().add(a);
    std::vector<qint64> folders;
    for (const char *name : {"INBOX", "INBOX", "INBOX", "Archive", "Archive", "Sent"}) {
        store::Folder f;
        f.accountId = account;
        f.name = QString::fromLatin1(name);
        folders.push_back(s.folders().upsert(f));
    }
    QRandomGenerator rng(42);
    const QDateTime start = QDateTime::currentDateTimeUtc().addYears(-6);
    for (int done = 0; done < count;) {
        store::Transaction tx(s.db());
        for (int i = 0; i < 5000 && done < count; ++i, ++done) {
            store::MessageRow m;
            m.accountId = account;
            m.folderId = folders[size_t(rng.bounded(int(folders.size())))];
            m.uid = done + 1;
            m.fromName = pick(rng, kFirst) + QLatin1Char(' ') + pick(rng, kLast);
            m.fromAddr = m.fromName.section(QLatin1Char(' '), 0, 0).toLower() + QLatin1Char('.') +
                         m.fromName.section(QLatin1Char(' '), 1).toLower() + QLatin1Char('@') +
                         pick(rng, kDomains);
            m.to = QStringLiteral("Me <me@example.com>");
            if (rng.bounded(4) == 0)
                m.cc = pick(rng, kFirst).toLower() + QLatin1Char('@') + pick(rng, kDomains);
            m.subject = pick(rng, kPrefixes) + pick(rng, kTopics) + QLatin1Char(' ') +
                        pick(rng, vocabulary());
            m.date = start.addSecs(qint64(rng.bounded(6 * 365 * 24 * 3600)));
            m.flags = (rng.bounded(10) < 7 ? store::FlagSeen : 0) |
                      (rng.bounded(20) == 0 ? store::FlagFlagged : 0);
            m.hasAttachments = rng.bounded(10) == 0;
            m.size = 2000 + rng.bounded(40000);
            const qint64 id = s.messages().insert(m);
            s.search().index(id, m.subject,
                             QStringList{m.fromName, m.fromAddr, m.to, m.cc}.join(QLatin1Char(' ')),
                             body(rng));
        }
        tx.commit();
        std::fprintf(stderr, "\r%d messages", done);
    }
    std::fprintf(stderr, "\rbuilt %d messages in %.1f s\n", count, t.elapsed() / 1000.0);
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser p;
    p.addOption({"messages", "messages in the cache", "N", "100000"});
    p.addOption({"profile", "cache to build or reuse", "DIR"});
    p.addOption({"runs", "runs of each query", "R", "5"});
    p.process(app);
    const int count = p.value("messages").toInt();
    const int runs = p.value("runs").toInt();
    QTemporaryDir tmp;
    const QString profile = p.isSet("profile") ? p.value("profile") : tmp.path();

    store::Store store(profile);
    if (store.accounts().list().empty())
        build(store, count);
    const qint64 inbox =
        store.folders().byName(store.accounts().list().front().id, QStringLiteral("INBOX"))->id;

    ui::MainWindow window(store);
    window.resize(1200, 760);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    window.openFolder(inbox);
    ui::SearchController *search = window.search();
    QLineEdit *field = search->searchBox()->field();
    QTreeView *list = window.messageListView();

    struct Case
    {
        const char *what;
        QString text;
    };
    const std::vector<Case> cases = {
        {"word", QStringLiteral("invoice")},
        {"two words", QStringLiteral("budget report")},
        {"prefix (3 letters)", QStringLiteral("inv")},
        {"from:", QStringLiteral("from:alice")},
        {"is:unread + word", QStringLiteral("is:unread meeting")},
        {"phrase", QStringLiteral("\"project update\"")},
        {"frequent word (worst case)", QStringLiteral("the")},
    };
    std::printf("| query | scope | results | SQL (median ms) | last key to results in the list "
                "(median ms) | last key to painted (median / max ms) |\n");
    std::printf("|---|---|---:|---:|---:|---:|\n");
    for (const bool all : {false, true}) {
        search->searchBox()->setAllFolders(all);
        for (const Case &c : cases) {
            std::vector<double> shownMs, modelMs, sqlMs;
            int results = 0;
            for (int run = 0; run < runs; ++run) {
                // The SQL alone, on this thread.
                QElapsedTimer sql;
                sql.start();
                results = int(store.search()
                                  .find(store::SearchQuery::parse(c.text), all ? 0 : inbox)
                                  .ids.size());
                sqlMs.push_back(sql.nsecsElapsed() / 1e6);

                field->setFocus();
                QTest::keyClick(field, Qt::Key_Escape); // back to the folder
                window.openFolder(inbox);
                QTest::qWait(50);
                QSignalSpy shown(search, &ui::SearchController::resultsShown);
                QElapsedTimer sinceLastKey;
                for (int i = 0; i < c.text.size(); ++i) {
                    QTest::keyClick(field, c.text[i].toLatin1());
                    sinceLastKey.start();
                    if (i + 1 < c.text.size())
                        QTest::qWait(80); // a quick typist
                }
                shown.clear(); // results of what was typed before the last key
                if (!shown.wait(5000)) {
                    std::fprintf(stderr, "no results for %s\n", qPrintable(c.text));
                    return 1;
                }
                modelMs.push_back(sinceLastKey.nsecsElapsed() / 1e6);
                list->repaint(); // painted, not just in the model
                shownMs.push_back(sinceLastKey.nsecsElapsed() / 1e6);
            }
            std::printf("| %s `%s` | %s | %d | %.1f | %.1f | %.1f / %.1f |\n", c.what,
                        qPrintable(c.text), all ? "all folders" : "Inbox", results, median(sqlMs),
                        median(modelMs), median(shownMs),
                        *std::max_element(shownMs.begin(), shownMs.end()));
            std::fflush(stdout);
        }
    }
    std::printf("\n%d messages; Qt %s; %s; %d runs each\n", count, qVersion(),
                qPrintable(QSysInfo::prettyProductName()), runs);
    return 0;
}
