// The window at 1,000,000 messages (issue 13, "Fast at any size"): a cache with N synthetic
// messages in one folder (realistic sizes and columns, conversations of 1–8 messages among
// them), then the real MainWindow, offscreen, in a fresh process:
//   time from the process start to the list painted, resident memory after showing,
//   scrolling to the end, changing the sort, turning conversations on, opening a conversation.
//   build/tests/list_window_bench [--rows N=1000000] [--profile DIR (kept, reused)]
// Prints a table (docs/benchmarks.md, "The window at 1,000,000 messages"). Not run by ctest.
#include "core/store/Store.h"
#include "ui/MainWindow.h"
#include "ui/MessageListModel.h"
#include "ui/MessageListOptions.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHeaderView>
#include <QProcess>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTreeView>
#include <cstdio>
#include <ctime>

using namespace herald;

namespace {

// CPU time of the whole process (every thread): on a loaded machine the wall clock measures the
// other processes too; this is what Herald itself spent.
double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

// CPU time of the UI thread alone: what decides whether the window answers (the loader's
// thread runs beside it on the other core).
double uiCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

qint64 monotonicMs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

QString procStatus(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return QString();
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return QString::fromLatin1(line.mid(qstrlen(field) + 1).trimmed());
    return QString();
}

// Synthetic rows straight into the cache (the ingest path would take an hour for a million):
// the columns the list shows, sizes from 1 KB to a few MB (most a few KB), 8 of 10 read,
// conversations of 1–8 messages with "Re:" subjects, threaded as ThreadRepository would.
void seed(const QString &profile, int rows)
{
    store::Store s(profile);
    store::Account account;
    account.name = QStringLiteral("bench");
    account.email = QStringLiteral("bench@herald.test");
    account.incomingUrl = QStringLiteral("imaps://bench@127.0.0.1:993");
    account.outgoingUrl = QStringLiteral("smtps://bench@127.0.0.1:465");
    const qint64 accountId = s.accounts().add(account);
    store::Folder folder;
    folder.accountId = accountId;
    folder.name = QStringLiteral("INBOX");
    const qint64 folderId = s.folders().upsert(folder);

    static const char *const first[] = {"Ana",  "Bo",  "Cleo", "Dan", "Eve",  "Femi", "Gus",
                                        "Hana", "Ivo", "Jun",  "Kai", "Lena", "Mo",   "Nia"};
    static const char *const last[] = {"Lima", "Chen", "Park",  "Ito", "Roth",  "Okafor",
                                       "Berg", "Sato", "Novak", "Kim", "Silva", "Meyer"};
    static const char *const topics[] = {
        "Release plan",    "Quarterly numbers", "Build farm",    "Lunch on Friday",
        "Invoice",         "Trip to Lisbon",    "Design review", "Weekly digest",
        "Security update", "Conference talk",   "Hiring",        "Backup failed"};
    QRandomGenerator rng(13);
    s.db().exec("PRAGMA synchronous=OFF");
    store::Transaction tx(s.db());
    store::Statement st(s.db(),
                        "INSERT INTO messages (account_id, folder_id, uid, message_id, subject, "
                        "from_name, from_addr, to_addrs, date, size, flags, snippet, created_at, "
                        "thread_id, has_body) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)");
    const qint64 start = QDateTime(QDate(2016, 1, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    qint64 date = start;
    qint64 thread = 0;
    int leftInThread = 0;
    QString topic;
    for (int i = 1; i <= rows; ++i) {
        date += 60 + rng.bounded(600); // ten years of mail for a million
        const bool reply = leftInThread > 0;
        if (!reply) {
            thread = i;
            leftInThread = int(rng.bounded(8)); // conversations of 1–8
            topic = QStringLiteral("%1 #%2").arg(QLatin1String(topics[rng.bounded(12)])).arg(i);
        } else {
            --leftInThread;
        }
        const QString name = QStringLiteral("%1 %2").arg(QLatin1String(first[rng.bounded(14)]),
                                                         QLatin1String(last[rng.bounded(12)]));
        const quint32 r = rng.bounded(1000);
        const qint64 size = r < 700   ? 1500 + rng.bounded(20000)
                            : r < 980 ? 20000 + rng.bounded(300000)
                                      : 300000 + rng.bounded(5000000);
        st.bind(1, accountId).bind(2, folderId).bind(3, qint64(i));
        st.bind(4, QStringLiteral("m%1@bench.herald.test").arg(i));
        st.bind(5, reply ? QStringLiteral("Re: ") + topic : topic);
        st.bind(6, name).bind(7, name.toLower().replace(QLatin1Char(' '), QLatin1Char('.')) +
                                     QStringLiteral("@example.org"));
        st.bind(8, QStringLiteral("Bench User <bench@herald.test>"));
        st.bind(9, date).bind(10, size).bind(11, rng.bounded(10) < 8 ? store::FlagSeen : 0);
        st.bind(12, QStringLiteral("Hello, here is the latest on %1 — see below for the details "
                                   "and tell me what you think.")
                        .arg(topic));
        st.bind(13, date).bind(14, thread);
        st.exec();
        st.reset();
    }
    tx.commit();
}

struct Row
{
    QString step;
    double ms;
    QString target;
    double cpu = -1;   // CPU ms of the process for the step
    double uiCpu = -1; // of the UI thread
};

void paint(QWidget *w)
{
    QApplication::processEvents();
    w->grab(); // paints every visible row: what the user would see
}

// Until the list has every row (MessageListModel reads a big folder's rest on a thread) and
// the view has laid them out and painted.
void waitForAllRows(ui::MessageListModel *model, QTreeView *view)
{
    if (model->isLoading()) {
        QEventLoop loop;
        QObject::connect(model, &ui::MessageListModel::loadingFinished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    paint(view->viewport());
}

int measure(const QString &profile, qint64 startMs)
{
    int argc = 1;
    char name[] = "list_window_bench";
    char *argv[] = {name, nullptr};
    QApplication app(argc, argv);
    std::vector<Row> table;
    QElapsedTimer t;
    const double appMs = double(monotonicMs() - startMs);
    double cpu0 = 0, ui0 = 0;

    store::Store store(profile);
    const double storeMs = double(monotonicMs() - startMs);
    ui::MainWindow window(store);
    const double windowMs = double(monotonicMs() - startMs);
    window.resize(1200, 760);
    window.show();
    QTreeView *view = window.messageListView();
    ui::MessageListModel *model = window.messageModel();
    paint(view);
    table.push_back({QStringLiteral("start to list shown (%1 rows; QApplication at %2 ms, cache "
                                    "open at %3 ms, window made at %4 ms)")
                         .arg(model->rowCount())
                         .arg(appMs)
                         .arg(storeMs)
                         .arg(windowMs),
                     double(monotonicMs() - startMs), QStringLiteral("300 ms"), cpuMs(),
                     uiCpuMs()});
    const QString rss = procStatus("VmRSS:"), hwm = procStatus("VmHWM:");
    if (qEnvironmentVariableIsSet("HERALD_BENCH_START_ONLY")) // for profiling the start alone
        return 0;
    waitForAllRows(model, view);
    table.push_back({QStringLiteral("start to all %1 rows in").arg(model->rowCount()),
                     double(monotonicMs() - startMs), QString()});
    const QString rssAll = procStatus("VmRSS:");

    t.start();
    cpu0 = cpuMs();
    ui0 = uiCpuMs();
    view->scrollToBottom();
    paint(view->viewport());
    table.push_back({QStringLiteral("scroll to the end"), t.nsecsElapsed() / 1e6,
                     QStringLiteral("50 ms"), cpuMs() - cpu0, uiCpuMs() - ui0});

    t.start();
    cpu0 = cpuMs();
    ui0 = uiCpuMs();
    view->scrollToTop();
    paint(view->viewport());
    table.push_back({QStringLiteral("back to the top"), t.nsecsElapsed() / 1e6,
                     QStringLiteral("50 ms"), cpuMs() - cpu0, uiCpuMs() - ui0});

    t.start();
    cpu0 = cpuMs();
    ui0 = uiCpuMs();
    view->header()->setSortIndicator(ui::MessageListModel::SubjectColumn, Qt::AscendingOrder);
    paint(view->viewport());
    table.push_back({QStringLiteral("sort by subject"), t.nsecsElapsed() / 1e6,
                     QStringLiteral("50 ms"), cpuMs() - cpu0, uiCpuMs() - ui0});
    waitForAllRows(model, view);
    table.push_back(
        {QStringLiteral("sort by subject, all rows in"), t.nsecsElapsed() / 1e6, QString()});

    t.start();
    cpu0 = cpuMs();
    ui0 = uiCpuMs();
    view->header()->setSortIndicator(ui::MessageListModel::DateColumn, Qt::DescendingOrder);
    paint(view->viewport());
    table.push_back({QStringLiteral("sort by date again"), t.nsecsElapsed() / 1e6,
                     QStringLiteral("50 ms"), cpuMs() - cpu0, uiCpuMs() - ui0});
    waitForAllRows(model, view);

    t.start();
    cpu0 = cpuMs();
    ui0 = uiCpuMs();
    window.messageListOptions()->showConversationsAction()->setChecked(true);
    paint(view->viewport());
    table.push_back({QStringLiteral("conversations on"), t.nsecsElapsed() / 1e6,
                     QStringLiteral("50 ms"), cpuMs() - cpu0, uiCpuMs() - ui0});
    waitForAllRows(model, view);
    table.push_back({QStringLiteral("conversations on, all %1 rows in").arg(model->rowCount()),
                     t.nsecsElapsed() / 1e6, QString()});

    int row = 0;
    while (row < model->rowCount() &&
           model->index(row, 0).data(ui::MessageListModel::ThreadCountRole).toInt() < 3)
        ++row;
    const int count = model->index(row, 0).data(ui::MessageListModel::ThreadCountRole).toInt();
    t.start();
    cpu0 = cpuMs();
    ui0 = uiCpuMs();
    window.messageListOptions()->expand(row);
    paint(view->viewport());
    table.push_back({QStringLiteral("open a conversation (%1 messages)").arg(count),
                     t.nsecsElapsed() / 1e6, QStringLiteral("50 ms"), cpuMs() - cpu0,
                     uiCpuMs() - ui0});

    t.start();
    cpu0 = cpuMs();
    ui0 = uiCpuMs();
    view->selectionModel()->setCurrentIndex(
        model->index(row + 1, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    paint(&window);
    table.push_back(
        {QStringLiteral("select one of its messages"), t.nsecsElapsed() / 1e6, QString()});

    t.start();
    cpu0 = cpuMs();
    ui0 = uiCpuMs();
    view->scrollToBottom();
    paint(view->viewport());
    table.push_back({QStringLiteral("scroll to the end, conversations on"), t.nsecsElapsed() / 1e6,
                     QStringLiteral("50 ms"), cpuMs() - cpu0, uiCpuMs() - ui0});

    t.start();
    cpu0 = cpuMs();
    ui0 = uiCpuMs();
    window.messageListOptions()->showConversationsAction()->setChecked(false);
    paint(view->viewport());
    table.push_back({QStringLiteral("conversations off"), t.nsecsElapsed() / 1e6,
                     QStringLiteral("50 ms"), cpuMs() - cpu0, uiCpuMs() - ui0});
    waitForAllRows(model, view);
    table.push_back(
        {QStringLiteral("conversations off, all rows in"), t.nsecsElapsed() / 1e6, QString()});

    QTextStream out(stdout);
    out << "| step | time | CPU | UI thread CPU | target |\n|---|---|---|---|---|\n";
    for (const Row &r : table)
        out << "| " << r.step << " | " << QString::number(r.ms, 'f', 1) << " ms | "
            << (r.cpu < 0 ? QStringLiteral("–") : QString::number(r.cpu, 'f', 1) + " ms") << " | "
            << (r.uiCpu < 0 ? QStringLiteral("–") : QString::number(r.uiCpu, 'f', 1) + " ms")
            << " | " << (r.target.isEmpty() ? QStringLiteral("–") : r.target) << " |\n";
    out << "| resident memory after showing (VmRSS) | " << rss << " | | | 200 MB |\n";
    out << "| peak resident memory until then (VmHWM) | " << hwm << " | | | 200 MB |\n";
    out << "| resident memory with all rows in (VmRSS) | " << rssAll << " | | | 200 MB |\n";
    out << "| peak resident memory at the end (VmHWM) | " << procStatus("VmHWM:") << " | | | – |\n";
    out.flush();
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    // The measuring run is a fresh process, so its memory is the window's, not the seeding's.
    if (argc >= 4 && qstrcmp(argv[1], "--measure") == 0)
        return measure(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toLongLong());

    QCoreApplication app(argc, argv);
    int rows = 1000000;
    QString profile;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--rows"))
            rows = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--profile"))
            profile = args[i + 1];
    }
    QTemporaryDir tmp;
    if (profile.isEmpty())
        profile = tmp.path();
    if (!QFile::exists(store::Store::databasePath(profile))) {
        QDir().mkpath(profile);
        QElapsedTimer t;
        t.start();
        seed(profile, rows);
        std::fprintf(stderr, "seeded %d messages in %.1f s\n", rows, t.elapsed() / 1000.0);
    }
    QFile::remove(QDir(profile).filePath(QStringLiteral("herald-ui.ini"))); // a first start
    for (int run = 1; run <= 3; ++run) {
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        const qint64 start = monotonicMs();
        p.start(app.applicationFilePath(),
                {QStringLiteral("--measure"), profile, QString::number(start)});
        p.waitForFinished(-1);
        std::printf(
            "\nrun %d (load average %s)\n%s", run,
            [] {
                QFile f(QStringLiteral("/proc/loadavg"));
                return f.open(QIODevice::ReadOnly) ? f.readAll().left(14).trimmed()
                                                   : QByteArray("?");
            }()
                .constData(),
            p.readAllStandardOutput().constData());
        std::fflush(stdout);
        QFile::remove(QDir(profile).filePath(QStringLiteral("herald-ui.ini")));
    }
    return 0;
}
