// Every input the fuzzers (tests/fuzz) ever found failing - a crash, a sanitizer report, a
// broken consistency check or an input slower than a second - run again through the same
// target function, in the ordinary build: tests/data/fuzz-regressions/<target>/<file>.
// The fix each one needed is named in tests/data/fuzz-regressions/README.md.
#include "core/mime/HeaderDecoding.h"
#include "tests/fuzz/FuzzTargets.h"
#include "tests/support/CpuTimer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QtTest>

using namespace herald;

class FuzzRegressions : public QObject
{
    Q_OBJECT

private slots:
    void inputsThatOnceFailed_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QByteArray>("input");
        const QDir root(qEnvironmentVariable("HERALD_TEST_DATA") + "/fuzz-regressions");
        QVERIFY2(root.exists(), qPrintable(root.path()));
        int count = 0;
        const fuzz::Target *targets = fuzz::targets(&count);
        for (int i = 0; i < count; ++i) {
            const QString name = QString::fromLatin1(targets[i].name);
            // Each target once with nothing, so every one runs in the ordinary build too.
            QTest::newRow(qPrintable(name + "/empty")) << name << QByteArray();
            const QDir dir(root.filePath(name));
            for (const QString &file : dir.entryList(QDir::Files, QDir::Name)) {
                QFile f(dir.filePath(file));
                QVERIFY(f.open(QIODevice::ReadOnly));
                QTest::newRow(qPrintable(name + '/' + file)) << name << f.readAll();
            }
        }
        // Every folder belongs to a target (a renamed target must take its inputs along).
        for (const QString &folder : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            QVERIFY2(fuzz::findTarget(qPrintable(folder)), qPrintable(folder));
    }

    void inputsThatOnceFailed()
    {
        QFETCH(QString, target);
        QFETCH(QByteArray, input);
        const fuzz::TargetFunction run = fuzz::findTarget(qPrintable(target));
        QVERIFY(run);
        QElapsedTimer timer;
        timer.start();
        run(input); // aborts on a broken consistency check; crashes fail the test too
        // The fuzzers allow 1 s under ASan/UBSan; the ordinary build is several times faster.
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed()) + " ms"));
    }

    // Groups do not nest: 20,000 colons in one group took seconds when each began a group
    // (mime_headers/nested-group-colons); the mailbox after them is still found.
    void nestedGroupColonsAreLinear()
    {
        const QByteArray header = "Team:" + QByteArray(20000, ':') + " Mary <mary@example.net>;";
        test::CpuTimer cpu;
        const std::vector<mime::Address> list = mime::parseAddressList(header);
        QVERIFY2(cpu.elapsedMs() < 1000, qPrintable(QString::number(cpu.elapsedMs()) + " ms CPU"));
        QCOMPARE(list.size(), size_t(1));
        QCOMPARE(list.front().email, QStringLiteral("mary@example.net"));
        // Nesting built up over many groups, each closing one level only: linear too.
        const QByteArray levels = QByteArray("a:b:c:d:e:f:g <g@example.net>;").repeated(5000);
        test::CpuTimer cpu2;
        (void)mime::parseAddressList(levels);
        QVERIFY2(cpu2.elapsedMs() < 1000,
                 qPrintable(QString::number(cpu2.elapsedMs()) + " ms CPU"));
        // A quote that never closes hides the colons from the group scan.
        const QByteArray unclosed = "a, \\\"b" + QByteArray(20000, ':') + " <c@example.net>";
        test::CpuTimer cpu3;
        (void)mime::parseAddressList(unclosed);
        QVERIFY2(cpu3.elapsedMs() < 1000,
                 qPrintable(QString::number(cpu3.elapsedMs()) + " ms CPU"));
    }
};

QTEST_GUILESS_MAIN(FuzzRegressions)
#include "tst_fuzz_regressions.moc"
