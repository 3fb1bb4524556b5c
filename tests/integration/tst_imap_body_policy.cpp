// What stays offline: the account's body policy (account add/set --bodies, --body-days,
// --body-max-size) decides which bodies `herald-cli sync` downloads from the real Dovecot;
// headers of every message always come.
#include "tests/support/SyncHarness.h"
#include "tests/support/TestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace herald::test;

namespace {

QByteArray message(const QByteArray &subject, const QByteArray &date, int bodyBytes)
{
    return "From: alice@herald.test\r\nTo: dave@herald.test\r\nSubject: " + subject +
           "\r\nDate: " + date + "\r\nMessage-ID: <" + subject + "@herald.test>\r\n\r\n" +
           QByteArray(bodyBytes, 'x') + "\r\n";
}

} // namespace

class TestImapBodyPolicy : public QObject
{
    Q_OBJECT

    // subject -> body_cached, from `show --json` of each listed message.
    static QMap<QString, bool> cachedBodies(const HeraldProfile &profile)
    {
        QMap<QString, bool> out;
        for (const QJsonValue &v : profile.list()) {
            const auto shown = profile.run(
                {"show", QString::number(v[QLatin1String("id")].toInteger()), "--json"});
            const QJsonObject o = QJsonDocument::fromJson(shown.out).object();
            out.insert(o[QLatin1String("subject")].toString(),
                       o[QLatin1String("body_cached")].toBool());
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        HERALD_REQUIRE_STACK();
        const auto &s = stack();
        const QByteArray recent =
            QDateTime::currentDateTimeUtc().addDays(-2).toString(Qt::RFC2822Date).toLatin1();
        struct
        {
            QByteArray subject, date;
            int size;
        } messages[] = {{"recent-small", recent, 100},
                        {"recent-large", recent, 200 * 1024},
                        {"old-small", "Mon, 02 Jan 2023 10:00:00 +0000", 100}};
        // dave's mailbox is this test's alone (the others use alice, bob and carol).
        for (const auto &m : messages) {
            QString err;
            QVERIFY2(s.deliver(QStringLiteral("dave"), QStringLiteral("INBOX"),
                               message(m.subject, m.date, m.size), &err),
                     qPrintable(err));
        }
    }

    void policy_data()
    {
        QTest::addColumn<QStringList>("options"); // for `account set`
        QTest::addColumn<QStringList>("cached");  // subjects whose body must be offline
        QTest::newRow("default: all")
            << QStringList{} << QStringList{"old-small", "recent-large", "recent-small"};
        QTest::newRow("none") << QStringList{"--bodies", "none"} << QStringList{};
        QTest::newRow("last 30 days")
            << QStringList{"--body-days", "30"} << QStringList{"recent-large", "recent-small"};
        QTest::newRow("up to 64K")
            << QStringList{"--body-max-size", "64K"} << QStringList{"old-small", "recent-small"};
        QTest::newRow("both") << QStringList{"--body-days", "30", "--body-max-size", "64K"}
                              << QStringList{"recent-small"};
    }

    void policy()
    {
        QFETCH(QStringList, options);
        QFETCH(QStringList, cached);
        HeraldProfile profile;
        QString error;
        QVERIFY2(profile.addAccount(QStringLiteral("dave"), stack().imapsPort, &error),
                 qPrintable(error));
        if (!options.isEmpty()) {
            const auto set = profile.run(QStringList{"account", "set", "dave"} + options);
            QVERIFY2(set.exitCode == 0, set.err.constData());
        }
        const auto sync = profile.run({"sync"});
        QVERIFY2(sync.exitCode == 0, sync.err.constData());

        const auto bodies = cachedBodies(profile);
        for (const char *subject : {"recent-small", "recent-large", "old-small"}) {
            const QString s = QString::fromLatin1(subject);
            QVERIFY2(bodies.contains(s), qPrintable(s + QStringLiteral(": headers not synced")));
            QVERIFY2(bodies.value(s) == cached.contains(s),
                     qPrintable(QStringLiteral("%1: body_cached %2").arg(s).arg(bodies.value(s))));
        }
    }

    // A body the policy left on the server comes when asked for (show --fetch), without \Seen.
    void fetchOnDemand()
    {
        HeraldProfile profile;
        QString error;
        QVERIFY2(profile.addAccount(QStringLiteral("dave"), stack().imapsPort, &error),
                 qPrintable(error));
        QCOMPARE(profile.run({"account", "set", "dave", "--bodies", "none"}).exitCode, 0);
        QCOMPARE(profile.run({"sync"}).exitCode, 0);
        qint64 id = 0;
        for (const QJsonValue &v : profile.list())
            if (v[QLatin1String("subject")].toString() == QLatin1String("recent-large"))
                id = v[QLatin1String("id")].toInteger();
        QVERIFY(id > 0);
        const QString idText = QString::number(id);
        const auto before = profile.run({"show", idText, "--json"});
        QVERIFY(!QJsonDocument::fromJson(before.out)[QLatin1String("body_cached")].toBool());

        const auto fetched = profile.run({"show", idText, "--fetch", "--json"});
        QVERIFY2(fetched.exitCode == 0, fetched.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(fetched.out).object();
        QVERIFY(o[QLatin1String("body_cached")].toBool());
        QVERIFY(o[QLatin1String("text")].toString().startsWith(QStringLiteral("xxxxxxxx")));
        QVERIFY(o[QLatin1String("auth")].isObject()); // checked once the body came
        // Offline from now on: the body stays.
        const auto later = profile.run({"show", idText, "--raw"});
        QCOMPARE(later.exitCode, 0);
        QVERIFY(later.out.contains("Subject: recent-large"));
        // BODY.PEEK: fetching is not reading.
        for (const QString &file : stack().messageFiles(QStringLiteral("dave"))) {
            QFile f(file);
            if (f.open(QIODevice::ReadOnly) && f.readAll().contains("Subject: recent-large"))
                QVERIFY2(!file.section(QLatin1Char(','), -1).contains(QLatin1Char('S')),
                         qPrintable(file));
        }
    }
};

QTEST_GUILESS_MAIN(TestImapBodyPolicy)
#include "tst_imap_body_policy.moc"
