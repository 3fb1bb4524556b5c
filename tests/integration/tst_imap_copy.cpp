// Copy (issue 3's tasks): `herald-cli copy` puts the copy in the cache at once, offline, and the
// next sync copies on the server exactly once (UID COPY, the copy's UID from COPYUID); after
// it, and after another sync, the cache equals the server (folders, UIDs, flags). Against Dovecot
// and, as imap_copy_cyrus, Cyrus IMAP.
#include "tests/support/SyncHarness.h"
#include "tests/support/TestSupport.h"

#include <QJsonObject>
#include <QTest>
#include <algorithm>

using namespace herald::test;

namespace {
const QString kUser = QStringLiteral("carol");
}

class TestImapCopy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        HERALD_REQUIRE_STACK();
        const QString wrongServer = checkImapServerIdentity(kUser);
        QVERIFY2(wrongServer.isEmpty(), qPrintable(wrongServer));
    }

    void copyReachesTheServerOnce()
    {
        ImapDevice device(kUser);
        QVERIFY2(device.isValid(), qPrintable(device.errorString()));
        device.call({QStringLiteral("reset")});
        device.call({QStringLiteral("create"), QStringLiteral("Copies")});
        device.call(
            {QStringLiteral("append"), QStringLiteral("INBOX"), QStringLiteral("\\Flagged")});
        device.call({QStringLiteral("append"), QStringLiteral("INBOX"), QStringLiteral("$Work")});
        QVERIFY2(device.errorString().isEmpty(), qPrintable(device.errorString()));

        HeraldProfile profile;
        QString error;
        QVERIFY2(profile.addAccount(kUser, stack().imapsPort, &error), qPrintable(error));
        CliResult r = profile.run({QStringLiteral("sync")});
        QVERIFY2(r.exitCode == 0, r.err.constData());

        // Offline: the copies exist in the cache at once, without UIDs yet.
        QStringList copies;
        for (const QJsonValue &v : profile.list()) {
            if (v[QLatin1String("folder")].toString() != QLatin1String("INBOX"))
                continue;
            r = profile.run({QStringLiteral("copy"),
                             QString::number(v[QLatin1String("id")].toInteger()),
                             QStringLiteral("Copies")});
            QVERIFY2(r.exitCode == 0, r.err.constData());
            copies << QString::fromUtf8(r.out.trimmed());
        }
        QCOMPARE(copies.size(), 2);
        int inCopies = 0;
        for (const QJsonValue &v : profile.list())
            if (v[QLatin1String("folder")].toString() == QLatin1String("Copies")) {
                ++inCopies;
                QVERIFY(copies.contains(QString::number(v[QLatin1String("id")].toInteger())));
            }
        QCOMPARE(inCopies, 2);

        for (int pass = 0; pass < 2; ++pass) { // a second sync must change nothing
            r = profile.run({QStringLiteral("sync")});
            QVERIFY2(r.exitCode == 0, r.err.constData());
            const MailboxState server = device.state();
            QCOMPARE(server.value(QStringLiteral("INBOX")).size(), 2);
            QCOMPARE(server.value(QStringLiteral("Copies")).size(), 2);
            auto flagSets = [&](const QString &folder) { // flags copied too, in any order
                QList<QStringList> sets = server.value(folder).values();
                std::sort(sets.begin(), sets.end());
                return sets;
            };
            QCOMPARE(flagSets(QStringLiteral("Copies")), flagSets(QStringLiteral("INBOX")));
            QStringList uidless;
            const QStringList diff = diffStates(profile.cache(&uidless), server);
            QVERIFY2(diff.isEmpty(), qPrintable(diff.join(QLatin1Char('\n'))));
            QVERIFY2(uidless.isEmpty(), qPrintable(uidless.join(QLatin1Char('\n'))));
        }
    }
};

QTEST_GUILESS_MAIN(TestImapCopy)
#include "tst_imap_copy.moc"
