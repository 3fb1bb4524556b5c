// Drafts and signatures, end to end against the real stack: herald-cli draft save -> the cache
// -> `sync` -> Herald's IMAP client -> the server's Drafts folder (read back over IMAP), and
// draft send -> Postfix -> bob. A draft saved again leaves exactly one server copy with the new
// text; a draft saved while the server is down is uploaded once it is up, exactly once (also
// when a pass died after APPEND, before it recorded the UID); a sent draft arrives with the
// identity's signature and leaves the cache and the server. Against Dovecot and, as
// drafts_server_cyrus, Cyrus IMAP (the Drafts folder read over IMAP; bob and carol get the sent
// mail through Postfix in Dovecot's maildirs either way).
#include "core/engine/imap/DraftUploader.h"
#include "core/mime/MessageParser.h"
#include "core/store/Store.h"
#include "tests/support/SyncHarness.h"
#include "tests/support/TcpProxy.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using herald::test::stack;

class TestDraftsServer : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QByteArray out, err;
    };

    QTemporaryDir m_dir;

    Run cli(const QString &profile, const QStringList &args)
    {
        QProcess p;
        p.start(qEnvironmentVariable("HERALD_CLI"), QStringList{"--profile", profile} + args);
        if (!p.waitForFinished(120000))
            return {};
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

    QString file(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(content);
        return path;
    }

    QString profile(const QString &name)
    {
        const QString dir = m_dir.filePath(name);
        QDir().mkpath(dir);
        return dir;
    }

    void addAlice(const QString &profile, quint16 imapsPort, const QString &signatureFile)
    {
        const auto &s = stack();
        QStringList args{
            "account",
            "add",
            "--name",
            "alice",
            "--email",
            s.email("alice"),
            "--display-name",
            "Alice Example",
            "--incoming",
            QStringLiteral("imaps://alice@%1:%2").arg(s.host).arg(imapsPort),
            "--outgoing",
            QStringLiteral("smtp+starttls://alice@%1:%2").arg(s.host).arg(s.submissionPort),
            "--password-file",
            file(QFileInfo(profile).fileName() + ".pw", s.password("alice").toUtf8()),
            "--ca-file",
            s.caFile};
        if (!signatureFile.isEmpty())
            args << "--signature-file" << signatureFile;
        const Run r = cli(profile, args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    // alice's messages in the server's Drafts folder that contain `needle`, as IMAP shows them.
    static QList<herald::test::ServerMessage> serverDrafts(const QByteArray &needle)
    {
        herald::test::ImapDevice device(QStringLiteral("alice"));
        const auto found = device.messages(QStringLiteral("Drafts"), needle);
        if (!device.errorString().isEmpty())
            qWarning() << device.errorString();
        return found;
    }

    QJsonArray draftList(const QString &profile)
    {
        const Run r = cli(profile, {"draft", "list", "--json"});
        return QJsonDocument::fromJson(r.out).array();
    }

    static QByteArray token()
    {
        return "tok" + QByteArray::number(QRandomGenerator::global()->generate());
    }

private slots:
    void initTestCase()
    {
        HERALD_REQUIRE_STACK();
        QVERIFY2(QFile::exists(qEnvironmentVariable("HERALD_CLI")), "HERALD_CLI not set");
        QVERIFY(m_dir.isValid());
        const QString wrongServer = herald::test::checkImapServerIdentity(QStringLiteral("alice"));
        QVERIFY2(wrongServer.isEmpty(), qPrintable(wrongServer));
    }

    void saveUploadSaveAgainThenSend()
    {
        const QString prof = profile(QStringLiteral("main"));
        addAlice(prof, stack().imapsPort,
                 file("sig.txt", "Alice Example\nHerald Test Ltd. \xe2\x80\x94 K\xc3\xb6ln\n"));
        const QByteArray subject = "Draft " + token();
        const QByteArray first = token(), second = token();

        // Saved before the account ever synced: no network, the cache only.
        Run r = cli(prof, {"draft", "save", "--account", "alice", "--to", "Bob <bob@herald.test>",
                           "--bcc", "carol@herald.test", "--subject", subject, "--body-file",
                           file("b1.txt", "First version " + first + "\n")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString id = QString::fromUtf8(r.out.trimmed());
        QVERIFY2(id.toLongLong() > 0, r.out.constData());
        QCOMPARE(serverDrafts(subject).size(), 0);
        QJsonArray drafts = draftList(prof);
        QCOMPARE(drafts.size(), 1);
        QCOMPARE(drafts[0][QStringLiteral("state")].toString(), QStringLiteral("pending"));

        r = cli(prof, {"sync", "--account", "alice"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        auto files = serverDrafts(subject);
        QCOMPARE(files.size(), 1);
        QVERIFY2(files[0].flags.contains(QStringLiteral("\\Draft")),
                 qPrintable(files[0].flags.join(' ')));
        QVERIFY(files[0].flags.contains(QStringLiteral("\\Seen")));
        {
            const QByteArray raw = files[0].raw;
            QVERIFY(raw.contains(first));
            const auto saved = herald::mime::parseMessage(raw); // the draft keeps its Bcc
            QCOMPARE(saved.bcc.size(), size_t(1));
            QCOMPARE(saved.bcc.front().email, QStringLiteral("carol@herald.test"));
            QVERIFY(raw.contains("--=20\r\nAlice Example") || raw.contains("--=20\nAlice Example"));
        }
        drafts = draftList(prof);
        QCOMPARE(drafts.size(), 1);
        QCOMPARE(drafts[0][QStringLiteral("state")].toString(), QStringLiteral("on-server"));
        QCOMPARE(drafts[0][QStringLiteral("folder")].toString(), QStringLiteral("Drafts"));

        // Saved again: same id; after sync exactly one server copy, with the new text.
        r = cli(prof, {"draft", "save", "--account", "alice", "--id", id, "--to",
                       "Bob <bob@herald.test>", "--bcc", "carol@herald.test", "--subject", subject,
                       "--body-file", file("b2.txt", "Second version " + second + "\n")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QString::fromUtf8(r.out.trimmed()), id);
        r = cli(prof, {"sync", "--account", "alice"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        files = serverDrafts(subject);
        QCOMPARE(files.size(), 1);
        {
            const QByteArray raw = files[0].raw;
            QVERIFY(raw.contains(second));
            QVERIFY(!raw.contains(first));
            QCOMPARE(raw.count("\n--=20"), 1); // one signature
        }
        QCOMPARE(draftList(prof).size(), 1);
        // Another sync changes nothing (the copy is known by its UID, not fetched again).
        r = cli(prof, {"sync", "--account", "alice"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(serverDrafts(subject).size(), 1);
        QCOMPARE(draftList(prof).size(), 1);
        // Still searchable by its text after the sync saw the server copy.
        r = cli(prof, {"search", QString::fromUtf8(second), "--json"});
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 1);
        QCOMPARE(QJsonDocument::fromJson(r.out).array()[0][QStringLiteral("id")].toInteger(),
                 id.toLongLong());

        // An address that is no identity of the account is refused.
        r = cli(prof, {"send", "--account", "alice", "--from", "mallory@herald.test", "--to",
                       "bob@herald.test", "--subject", "x"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("is not an identity of account alice"), r.err.constData());

        // Sent: bob gets the text with the signature; no Bcc header; carol gets it too.
        r = cli(prof, {"draft", "send", id});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("alice: sent"), r.err.constData());
        const QString bobPath = stack().waitForMessage("bob", "INBOX", second, 20000);
        QVERIFY2(!bobPath.isEmpty(), "bob did not get the draft");
        QFile bobFile(bobPath);
        QVERIFY(bobFile.open(QIODevice::ReadOnly));
        const QByteArray bobRaw = bobFile.readAll();
        const auto bob = herald::mime::parseMessage(bobRaw);
        QCOMPARE(bob.subject, QString::fromUtf8(subject));
        QCOMPARE(QString(bob.text).replace(QStringLiteral("\r\n"), QStringLiteral("\n")),
                 QStringLiteral("Second version %1\n\n-- \nAlice Example\nHerald Test Ltd. "
                                "\u2014 Köln\n")
                     .arg(QString::fromUtf8(second)));
        QCOMPARE(bob.from.front().name, QStringLiteral("Alice Example"));
        QVERIFY(bob.header(QStringLiteral("Bcc")).isNull());
        QVERIFY(!bobRaw.contains("carol"));
        QVERIFY(!stack().waitForMessage("carol", "INBOX", second, 20000).isEmpty());
        QVERIFY(draftList(prof).isEmpty());

        // The server copy goes with the next sync; the cache has no draft left.
        r = cli(prof, {"sync", "--account", "alice"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(serverDrafts(subject).size(), 0);
        QVERIFY(draftList(prof).isEmpty());
        r = cli(prof, {"search", QString::fromUtf8(second), "--json"});
        for (const auto &v : QJsonDocument::fromJson(r.out).array())
            QVERIFY(v[QStringLiteral("folder")].toString() != QLatin1String("Drafts"));
    }

    void offlineSaveIsUploadedOnceWhenTheServerIsUp()
    {
        herald::test::TcpProxy proxy(stack().host, stack().imapsPort);
        QVERIFY2(proxy.start(), qPrintable(proxy.errorString()));
        const quint16 port = proxy.port();
        proxy.stop(); // the server is "down"
        const QString prof = profile(QStringLiteral("offline"));
        addAlice(prof, port, QString());
        const QByteArray subject = "Offline " + token();
        Run r = cli(prof, {"draft", "save", "--account", "alice", "--to", "bob@herald.test",
                           "--subject", subject, "--body-file", file("o.txt", "offline\n")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const qint64 id = r.out.trimmed().toLongLong();
        r = cli(prof, {"sync", "--account", "alice"});
        QVERIFY(r.exitCode != 0); // cannot connect
        QCOMPARE(draftList(prof).size(), 1);
        QCOMPARE(draftList(prof)[0][QStringLiteral("state")].toString(), QStringLiteral("pending"));
        QCOMPARE(serverDrafts(subject).size(), 0);

        QVERIFY(proxy.start());
        r = cli(prof, {"sync", "--account", "alice"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(serverDrafts(subject).size(), 1);
        r = cli(prof, {"sync", "--account", "alice"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(serverDrafts(subject).size(), 1);

        // A pass that died after APPEND, before it recorded the UID: the task is replayed,
        // finds the copy by its Message-ID and does not append it again.
        {
            herald::store::Store store(prof);
            const auto row = store.messages().byId(id);
            QVERIFY(row && row->uid);
            store.messages().setUid(id, std::nullopt);
            const QJsonObject payload{{"message", double(id)},
                                      {"message_id", row->messageId},
                                      {"folder", row->folderName}};
            store.tasks().enqueue(row->accountId, herald::imap::kDraftTaskKind,
                                  QString::fromUtf8(QJsonDocument(payload).toJson()));
        }
        r = cli(prof, {"sync", "--account", "alice"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(serverDrafts(subject).size(), 1);
        const QJsonArray drafts = draftList(prof);
        QCOMPARE(drafts.size(), 1);
        QCOMPARE(drafts[0][QStringLiteral("state")].toString(), QStringLiteral("on-server"));

        // Deleted: gone from the cache at once, from the server with the next sync.
        r = cli(prof, {"draft", "delete", QString::number(id)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(draftList(prof).isEmpty());
        r = cli(prof, {"sync", "--account", "alice"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(serverDrafts(subject).size(), 0);
        QVERIFY(draftList(prof).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDraftsServer)
#include "tst_drafts_server.moc"
