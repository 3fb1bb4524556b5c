// herald-cli as a user runs it: the real binary in a QProcess, on a profile that
// a fixture filled. Checks the --json shapes of DESIGN.md and the error contract
// (one clear line on stderr, non-zero exit).
#include "core/accounts/AccountSettings.h"
#include "core/store/Store.h"
#include "tests/support/ProfileFixture.h"
#include "tests/support/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class TestCli : public QObject
{
    Q_OBJECT

    struct Result
    {
        int exitCode;
        QByteArray out;
        QByteArray err;
    };

    std::unique_ptr<herald::test::ProfileFixture> m_profile;

    Result run(const QStringList &args, const QString &profile = QString())
    {
        QProcess p;
        QStringList all{QStringLiteral("--profile"),
                        profile.isEmpty() ? m_profile->path() : profile};
        all += args;
        p.start(qEnvironmentVariable("HERALD_CLI"), all);
        p.waitForFinished(30000);
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

    QJsonArray jsonArray(const QStringList &args)
    {
        const Result r = run(args);
        if (r.exitCode != 0)
            qWarning() << r.err;
        QJsonParseError error;
        const auto doc = QJsonDocument::fromJson(r.out, &error);
        if (error.error != QJsonParseError::NoError || !doc.isArray())
            qWarning() << "not a JSON array:" << r.out.left(300);
        return doc.array();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("HERALD_CLI")), "HERALD_CLI not set");
        m_profile = std::make_unique<herald::test::ProfileFixture>();
    }

    void listJsonHasTheDocumentedShape()
    {
        const QJsonArray list = jsonArray({QStringLiteral("--json"), QStringLiteral("list")});
        QCOMPARE(list.size(), 4);
        const QStringList keys{
            "id", "account", "folder", "uid",  "message_id",      "subject", "from",
            "to", "date",    "flags",  "size", "has_attachments", "auth"};
        for (const auto &v : list) {
            const QJsonObject o = v.toObject();
            for (const QString &k : keys)
                QVERIFY2(o.contains(k), qPrintable(QStringLiteral("missing key ") + k));
            QVERIFY(o[QStringLiteral("id")].isDouble());
            QVERIFY(o[QStringLiteral("flags")].isArray());
            QVERIFY(o[QStringLiteral("has_attachments")].isBool());
            QVERIFY(
                QDateTime::fromString(o[QStringLiteral("date")].toString(), Qt::ISODate).isValid());
        }
        // Newest first over every folder: the HTML digest (Nov 4) leads.
        QCOMPARE(list[0][QStringLiteral("subject")].toString(), QStringLiteral("Weekly digest"));
        QCOMPARE(list[0][QStringLiteral("flags")].toArray(), QJsonArray{"$Newsletter"});
        QCOMPARE(list[0][QStringLiteral("date")].toString(),
                 QStringLiteral("2026-11-04T12:30:00Z"));
        const QJsonObject utf8 = list[1].toObject();
        QCOMPARE(utf8[QStringLiteral("subject")].toString(),
                 QStringLiteral("Reisekosten für März €"));
        QCOMPARE(utf8[QStringLiteral("from")].toString(),
                 QStringLiteral("Jürgen Müller <juergen@herald.test>"));
        QCOMPARE(utf8[QStringLiteral("flags")].toArray(), (QJsonArray{"\\Seen", "\\Flagged"}));
        QCOMPARE(utf8[QStringLiteral("has_attachments")].toBool(), true);
        QCOMPARE(utf8[QStringLiteral("folder")].toString(), QStringLiteral("INBOX"));
        QCOMPARE(utf8[QStringLiteral("account")].toString(), QStringLiteral("test"));
        QCOMPARE(utf8[QStringLiteral("uid")].toInt(), 2);
        QCOMPARE(utf8[QStringLiteral("message_id")].toString(),
                 QStringLiteral("utf8-2@herald.test"));
    }

    void listFiltersByFolderAndLimit()
    {
        const QJsonArray archive = jsonArray({"list", "--folder", "Archive/2024", "--json"});
        QCOMPARE(archive.size(), 1);
        QCOMPARE(archive[0][QStringLiteral("folder")].toString(), QStringLiteral("Archive/2024"));
        QCOMPARE(jsonArray({"list", "--limit", "2", "--json"}).size(), 2);
    }

    void showJsonHasBodyAndAttachments()
    {
        const QJsonArray list = jsonArray({"list", "--json"});
        const int id = list[1][QStringLiteral("id")].toInt();
        const Result r = run({"show", QString::number(id), "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o[QStringLiteral("body_cached")].toBool(), true);
        QVERIFY(o[QStringLiteral("text")].toString().contains(QStringLiteral("für März: 42 €")));
        QVERIFY(o[QStringLiteral("headers")].isArray());
        QCOMPARE(o[QStringLiteral("headers")].toArray()[0].toArray()[0].toString(),
                 QStringLiteral("From"));
        const QJsonArray attachments = o[QStringLiteral("attachments")].toArray();
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments[0][QStringLiteral("filename")].toString(),
                 QStringLiteral("Beleg März.bin"));
        QCOMPARE(attachments[0][QStringLiteral("size")].toInt(), 1024);
        QCOMPARE(attachments[0][QStringLiteral("mime_type")].toString(),
                 QStringLiteral("application/octet-stream"));
        const Result raw = run({"show", QString::number(id), "--raw"});
        QVERIFY(raw.out.startsWith("From: =?UTF-8?Q?J=C3=BCrgen"));
    }

    void searchFindsBodyWords()
    {
        const QJsonArray hits = jsonArray({"search", "reisekosten", "--json"});
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits[0][QStringLiteral("message_id")].toString(),
                 QStringLiteral("utf8-2@herald.test"));
        QCOMPARE(jsonArray({"search", "quarterly", "--json"}).size(), 2); // INBOX + Archive copy
        QCOMPARE(jsonArray({"search", "nothing-like-this", "--json"}).size(), 0);
    }

    void foldersJson()
    {
        const QJsonArray folders = jsonArray({"folders", "--json"});
        QCOMPARE(folders.size(), 2);
        QCOMPARE(folders[0][QStringLiteral("name")].toString(), QStringLiteral("INBOX"));
        QCOMPARE(folders[0][QStringLiteral("total")].toInt(), 3);
        QCOMPARE(folders[0][QStringLiteral("unread")].toInt(), 2);
        QCOMPARE(folders[1][QStringLiteral("special_use")].toString(), QStringLiteral("\\Archive"));
    }

    void accountAddAndList()
    {
        QTemporaryDir fresh;
        qputenv("HERALD_TEST_PW", "s3cret");
        const Result add =
            run({"account", "add", "--name", "work", "--email", "me@herald.test", "--incoming",
                 "imaps://me%40herald.test@127.0.0.1:9993", "--outgoing",
                 "smtp+starttls://me@127.0.0.1", "--password-env", "HERALD_TEST_PW"},
                fresh.path());
        QCOMPARE(add.exitCode, 0);
        const Result list = run({"account", "list", "--json"}, fresh.path());
        const QJsonArray accounts = QJsonDocument::fromJson(list.out).array();
        QCOMPARE(accounts.size(), 1);
        QCOMPARE(accounts[0][QStringLiteral("incoming")].toString(),
                 QStringLiteral("imaps://me%40herald.test@127.0.0.1:9993"));
        QCOMPARE(accounts[0][QStringLiteral("outgoing")].toString(),
                 QStringLiteral("smtp+starttls://me@127.0.0.1:587"));
        QVERIFY(!list.out.contains("s3cret"));
        QFile db(fresh.filePath(QStringLiteral("herald.sqlite")));
        QVERIFY(db.open(QIODevice::ReadOnly));
        QVERIFY2(!db.readAll().contains("s3cret"), "the password must never be in the cache");
    }

    // account set changes POP3's options; account remove says what it deletes, does nothing
    // without --yes, and with it the account and its messages are gone.
    void accountSetAndRemove()
    {
        QTemporaryDir fresh;
        qputenv("HERALD_TEST_PW", "s3cret");
        QCOMPARE(run({"account", "add", "--name", "pop", "--email", "me@herald.test", "--incoming",
                      "pop3s://me@127.0.0.1:9995", "--outgoing", "smtps://me@127.0.0.1",
                      "--password-env", "HERALD_TEST_PW"},
                     fresh.path())
                     .exitCode,
                 0);
        QCOMPARE(run({"account", "set", "pop", "--leave-on-server", "no", "--delete-after-days",
                      "7", "--delete-when-deleted", "yes"},
                     fresh.path())
                     .exitCode,
                 0);
        {
            herald::store::Store store(fresh.path());
            const auto settings = herald::accounts::AccountSettings::fromJson(
                store.accounts().byName(QStringLiteral("pop"))->settingsJson);
            QCOMPARE(settings.leaveOnServer, false);
            QCOMPARE(settings.deleteAfterDays, 7);
            QCOMPARE(settings.deleteWhenDeletedInHerald, true);
        }
        const Result bad =
            run({"account", "set", "pop", "--delete-after-days", "-2"}, fresh.path());
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("--delete-after-days"));

        const Result ask = run({"account", "remove", "pop"}, fresh.path());
        QCOMPARE(ask.exitCode, 1);
        QVERIFY2(ask.err.contains("0 cached message") && ask.err.contains("--yes"),
                 ask.err.constData());
        QCOMPARE(run({"account", "list", "--json"}, fresh.path()).out.count("\"name\""), 1);
        const Result removed = run({"account", "remove", "pop", "--yes"}, fresh.path());
        QCOMPARE(removed.exitCode, 0);
        QVERIFY(removed.err.contains("Removed account pop"));
        QCOMPARE(QJsonDocument::fromJson(run({"account", "list", "--json"}, fresh.path()).out)
                     .array()
                     .size(),
                 0);
    }

    void badInputGivesOneLineAndNonZeroExit_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << 2 << "unknown command";
        QTest::newRow("unknown option") << QStringList{"list", "--colour"} << 2 << "--colour";
        QTest::newRow("bad limit") << QStringList{"list", "--limit", "ten"} << 2 << "whole number";
        QTest::newRow("show without id") << QStringList{"show"} << 2 << "missing ID";
        QTest::newRow("show bad id") << QStringList{"show", "abc"} << 2 << "not a message id";
        QTest::newRow("show unknown id") << QStringList{"show", "99999"} << 1 << "no message";
        QTest::newRow("unknown folder") << QStringList{"list", "--folder", "Nope"} << 1 << "Nope";
        QTest::newRow("unknown account")
            << QStringList{"list", "--account", "x"} << 1 << "known: test";
        QTest::newRow("plaintext url")
            << QStringList{"account",    "add",         "--name",         "a",
                           "--email",    "a@b",         "--incoming",     "imap://a@b",
                           "--outgoing", "smtps://a@b", "--password-env", "X"}
            << 2 << "in clear";
        QTest::newRow("missing email")
            << QStringList{"account",    "add",         "--name",     "a",
                           "--incoming", "imaps://a@b", "--outgoing", "smtps://a@b"}
            << 2 << "--email is required";
        QTest::newRow("json and raw")
            << QStringList{"show", "1", "--json", "--raw"} << 2 << "not both";
        QTest::newRow("discover without address")
            << QStringList{"account", "discover"} << 2 << "account discover: missing EMAIL";
        QTest::newRow("discover a non-address") << QStringList{"account", "discover", "alice"} << 1
                                                << "“alice” is not an e-mail address";
        QTest::newRow("discover with a CA file without certificates")
            << QStringList{"account", "discover", "a@b.example", "--ca-file", "/dev/null"} << 1
            << "no certificate in /dev/null";
        QTest::newRow("unusable nameserver")
            << QStringList{"--nameserver", "not-a-server", "account", "discover", "a@b.example"}
            << 2 << "unusable DNS server: not-a-server";
    }
    void badInputGivesOneLineAndNonZeroExit()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, mentions);
        const Result r = run(args);
        QCOMPARE(r.exitCode, exitCode);
        const QString err = QString::fromUtf8(r.err).trimmed();
        QVERIFY2(!err.contains(QLatin1Char('\n')), qPrintable(err));
        QVERIFY2(err.startsWith(QStringLiteral("herald-cli: ")), qPrintable(err));
        QVERIFY2(err.contains(mentions), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
