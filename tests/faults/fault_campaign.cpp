// The fault campaign (issue 16): RUNS seeded runs from FIRST_SEED, each a protocol scenario
// through a TcpProxy that cuts, stalls or corrupts the stream once (Scenario.h). Not a ctest:
// tests/faults/campaign.sh starts the stack, runs this, stops the stack.
//
//   fault_campaign RUNS [FIRST_SEED] [--tsv FILE]
//
// Prints a line per run, the problems and the command to repeat a failing seed alone, and at
// the end a table per protocol and fault kind (Markdown, for docs/fault-campaign.md). Exit
// status 1 when any run failed.
#include "tests/faults/Scenario.h"
#include "tests/support/TestSupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QTextStream>
#include <cstdio>

using namespace herald::faults;

namespace {
struct Tally
{
    int runs = 0, fired = 0, lost = 0, duplicated = 0, ambiguous = 0, ambiguousDelivered = 0,
        failed = 0;
    double seconds = 0;
    void add(const RunResult &r)
    {
        ++runs;
        fired += r.fired ? 1 : 0;
        lost += r.lost;
        duplicated += r.duplicated;
        ambiguous += r.ambiguous;
        ambiguousDelivered += r.ambiguousDelivered;
        failed += r.ok() ? 0 : 1;
        seconds += r.seconds;
    }
};

void print(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

QString row(const QString &a, const QString &b, const Tally &t)
{
    return QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 |")
        .arg(a, b)
        .arg(t.runs)
        .arg(t.fired)
        .arg(t.lost)
        .arg(t.duplicated)
        .arg(t.ambiguous
                 ? QStringLiteral("%1 (%2 delivered)").arg(t.ambiguous).arg(t.ambiguousDelivered)
                 : QStringLiteral("0"))
        .arg(t.failed);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QString tsvPath;
    if (const int i = int(args.indexOf(QStringLiteral("--tsv"))); i >= 0 && i + 1 < args.size()) {
        tsvPath = args.at(i + 1);
        args.remove(i, 2);
    }
    bool ok = !args.isEmpty();
    const int runs = ok ? args.at(0).toInt(&ok) : 0;
    const quint32 first = args.size() > 1 ? args.at(1).toUInt() : 1;
    if (!ok || runs <= 0) {
        std::fputs("usage: fault_campaign RUNS [FIRST_SEED] [--tsv FILE]\n", stderr);
        return 2;
    }
    if (!herald::test::stack().isValid()) {
        std::fprintf(stderr, "no stack: %s\n", qPrintable(herald::test::stack().error));
        return 2;
    }
    QFile tsv(tsvPath);
    QTextStream tsvOut(&tsv);
    if (!tsvPath.isEmpty()) {
        if (!tsv.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(tsvPath));
            return 2;
        }
        tsvOut
            << "seed\tprotocol\tvariant\tfault\tfired\tfaulted_exit\tlost\tduplicated\tambiguous\t"
               "ambiguous_delivered\tok\tseconds\n";
    }

    QElapsedTimer total;
    total.start();
    QMap<QString, QMap<QString, Tally>> table; // protocol -> fault kind
    Tally all;
    QList<quint32> failing;
    for (int i = 0; i < runs; ++i) {
        const quint32 seed = first + quint32(i);
        const RunResult r = runSeed(seed);
        table[protocolName(r.protocol)][herald::test::faultKindName(r.faultKind)].add(r);
        all.add(r);
        print(QStringLiteral("seed %1 %2 %3 | %4%5 | exit %6 | %7 messages checked, %8 %9 s")
                  .arg(seed)
                  .arg(protocolName(r.protocol), r.variant, r.fault,
                       r.fired ? QString() : QStringLiteral(" (not reached)"))
                  .arg(r.faultedExit)
                  .arg(r.checked)
                  .arg(r.ok() ? QStringLiteral("ok") : QStringLiteral("FAILED"))
                  .arg(r.seconds, 0, 'f', 1));
        if (qEnvironmentVariableIsSet("HERALD_FAULTS_VERBOSE"))
            print(QStringLiteral("    bytes without faults: ") + r.cleanBytes);
        if (!r.ok()) {
            failing << seed;
            for (const QString &p : r.problems)
                print(QStringLiteral("    ") + p);
            print(QStringLiteral("    rerun alone: tests/faults/campaign.sh 1 %1").arg(seed));
        }
        if (tsv.isOpen()) {
            tsvOut << seed << '\t' << protocolName(r.protocol) << '\t' << r.variant << '\t'
                   << r.fault << '\t' << int(r.fired) << '\t' << r.faultedExit << '\t' << r.lost
                   << '\t' << r.duplicated << '\t' << r.ambiguous << '\t' << r.ambiguousDelivered
                   << '\t' << int(r.ok()) << '\t' << r.seconds << '\n';
            tsvOut.flush();
        }
    }

    print(QString());
    print(QStringLiteral(
        "| protocol | fault | runs | fault reached | lost | duplicated | ambiguous | failed |"));
    print(QStringLiteral("|---|---|---:|---:|---:|---:|---:|---:|"));
    for (auto p = table.begin(); p != table.end(); ++p) {
        Tally sub;
        for (auto k = p->begin(); k != p->end(); ++k) {
            print(row(p.key(), k.key(), k.value()));
            sub.runs += k->runs, sub.fired += k->fired, sub.lost += k->lost;
            sub.duplicated += k->duplicated, sub.ambiguous += k->ambiguous, sub.failed += k->failed;
            sub.ambiguousDelivered += k->ambiguousDelivered;
        }
        print(row(p.key(), QStringLiteral("**all**"), sub));
    }
    print(row(QStringLiteral("**all**"), QStringLiteral("**all**"), all));
    print(QString());
    print(QStringLiteral("%1 runs (seeds %2..%3) in %4 s; %5 failed%6")
              .arg(runs)
              .arg(first)
              .arg(first + quint32(runs) - 1)
              .arg(double(total.elapsed()) / 1000.0, 0, 'f', 0)
              .arg(failing.size())
              .arg(failing.isEmpty() ? QString() : QStringLiteral(": seeds ") + [&] {
                  QStringList s;
                  for (quint32 f : failing)
                      s << QString::number(f);
                  return s.join(QLatin1Char(' '));
              }()));
    return failing.isEmpty() ? 0 : 1;
}
