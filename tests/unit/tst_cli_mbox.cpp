// herald-cli mbox export / import on the fixture profile (the real binary): the folder's
// messages out and into a local folder, nothing added the second time, a server folder
// refused with one line and a non-zero exit.
#include "tests/support/ProfileFixture.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TstCliMbox : public QObject
{
    Q_OBJECT

    struct Result
    {
        int exitCode;
        QByteArray out, err;
    };
    Result run(const QStringList &args)
    {
        QProcess p;
        p.start(qEnvironmentVariable("HERALD_CLI"),
                QStringList{QStringLiteral("--profile"), m_profile->path()} + args);
        p.waitForFinished(30000);
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }
    std::unique_ptr<herald::test::ProfileFixture> m_profile;

private slots:
    void exportAndImport()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("HERALD_CLI")), "HERALD_CLI not set");
        m_profile = std::make_unique<herald::test::ProfileFixture>();
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("inbox.mbox"));
        Result r = run({"mbox", "export", file, "--account", "test", "--folder", "INBOX"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("exported 3\n"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readLine().startsWith("From "));

        r = run({"mbox", "import", file, "--account", "test", "--folder", "Copy"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("imported 3, already there 0\n"));
        r = run({"mbox", "import", file, "--account", "test", "--folder", "Copy"});
        QCOMPARE(r.out, QByteArray("imported 0, already there 3\n"));

        r = run({"mbox", "import", file, "--account", "test", "--folder", "INBOX"});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("server") && r.err.count('\n') == 1, r.err.constData());
        r = run({"mbox", "sideways", file});
        QVERIFY(r.exitCode != 0);
    }
};

QTEST_GUILESS_MAIN(TstCliMbox)
#include "tst_cli_mbox.moc"
