// POP3 against the real Dovecot of tests/support/stack.sh (user carol, mailbox emptied per case):
// 1,000 messages with attachments and non-ASCII headers downloaded and read offline; three syncs
// with new mail between them; leave on server / delete after N days (test clock) / delete when
// deleted in Herald; kill -9 of `herald-cli sync` at 20 random moments; one clear error each for
// wrong password, server down, untrusted CA and a garbage server, with the cache untouched.
#include "core/accounts/AccountSettings.h"
#include "core/engine/pop3/Pop3Download.h"
#include "core/mime/MessageParser.h"
#include "core/store/Store.h"
#include "core/sync/LocalActions.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>
#include <QtTest>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace herald;
using herald::test::stack;

namespace {
const QString kUser = QStringLiteral("carol");
constexpr qint64 kDay = 24 * 60 * 60;

struct CliResult
{
    int exitCode = -1;
    QString out, err;
};

// Deterministic pseudo-random bytes for attachment i.
QByteArray attachmentBytes(int i, int size)
{
    QByteArray b(size, '\0');
    quint32 x = 2166136261u ^ quint32(i);
    for (int k = 0; k < size; ++k) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        b[k] = char(x & 0xff);
    }
    return b;
}
} // namespace

class TestPop3Download : public QObject
{
    Q_OBJECT
    QString m_run = QUuid::createUuid().toString(QUuid::Id128).left(8);
    int m_counter = 0;

    // ---- the server's mailbox

    static QString mailDir() { return stack().maildir(kUser); }

    void emptyMailbox()
    {
        QProcess p;
        p.start(QStringLiteral("doveadm"),
                {"-c", stack().dovecotConf, "expunge", "-u", kUser, "mailbox", "INBOX", "all"});
        QVERIFY(p.waitForFinished(30000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QCOMPARE(serverMessageIds().size(), 0);
    }

    // A message with a non-ASCII subject and sender, a text part (with a dot-leading line) and a
    // binary attachment. Returns its bytes (LF line ends, as in a maildir file).
    QByteArray makeMessage(int i, int attachmentSize, QByteArray *idOut = nullptr)
    {
        const QByteArray id = QStringLiteral("pop3-%1-%2@herald.test").arg(m_run).arg(i).toLatin1();
        if (idOut)
            *idOut = id;
        const QByteArray attachment = attachmentBytes(i, attachmentSize).toBase64();
        QByteArray wrapped;
        for (qsizetype k = 0; k < attachment.size(); k += 76)
            wrapped += attachment.mid(k, 76) + "\n";
        QByteArray m;
        m += "From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <juergen@example.test>\n";
        m += "To: carol@herald.test\n";
        m += "Subject: =?UTF-8?B?" +
             QStringLiteral("Grüße Nr. %1 — ünïcødé").arg(i).toUtf8().toBase64() + "?=\n";
        m += "Date: Mon, 01 Jan 2024 10:00:00 +0000\n";
        m += "Message-ID: <" + id + ">\n";
        m += "MIME-Version: 1.0\n";
        m += "Content-Type: multipart/mixed; boundary=\"b" + QByteArray::number(i) + "\"\n\n";
        m += "--b" + QByteArray::number(i) + "\n";
        m += "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n";
        m += "Hallo Carol, Nachricht " + QByteArray::number(i) + " zufallswort" +
             QByteArray::number(i) + "x.\n.a line starting with a dot\n..two dots\nÄÖÜ äöü ß\n";
        m += "--b" + QByteArray::number(i) + "\n";
        m += "Content-Type: application/octet-stream; name=\"anhang-" + QByteArray::number(i) +
             ".bin\"\n";
        m += "Content-Disposition: attachment; filename=\"anhang-" + QByteArray::number(i) +
             ".bin\"\n";
        m += "Content-Transfer-Encoding: base64\n\n" + wrapped;
        m += "--b" + QByteArray::number(i) + "--\n";
        return m;
    }

    // Writes messages straight into the maildir (new/), owned by the mail user.
    QList<QByteArray> deliver(int count, int attachmentSize = 3000)
    {
        QList<QByteArray> ids;
        const QString dir = mailDir();
        const uint uid = stack().env.value(QStringLiteral("MAIL_UID")).toUInt();
        const uint gid = stack().env.value(QStringLiteral("MAIL_GID")).toUInt();
        for (const char *sub : {"tmp", "new", "cur"}) {
            QDir().mkpath(dir + QLatin1Char('/') + QLatin1String(sub));
            ::chown(QFile::encodeName(dir + QLatin1Char('/') + QLatin1String(sub)).constData(), uid,
                    gid);
        }
        for (int k = 0; k < count; ++k) {
            const int i = ++m_counter;
            QByteArray id;
            const QByteArray bytes = makeMessage(i, attachmentSize + (i % 7) * 500, &id);
            const QString name = QStringLiteral("%1.M%2P%3.herald")
                                     .arg(1700000000 + i)
                                     .arg(i)
                                     .arg(QCoreApplication::applicationPid());
            const QString tmp = dir + QStringLiteral("/tmp/") + name;
            QFile f(tmp);
            if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
                qFatal("cannot write %s", qPrintable(tmp));
            f.close();
            ::chown(QFile::encodeName(tmp).constData(), uid, gid);
            QFile::rename(tmp, dir + QStringLiteral("/new/") + name);
            m_expected.insert(id, bytes);
            ids << id;
        }
        return ids;
    }

    // Message-IDs of the messages in the server's INBOX (reads the maildir files). Dovecot may
    // be moving files from new/ to cur/ meanwhile (a killed client's session still ending), so
    // read until two listings agree and no file vanished under us.
    static QSet<QByteArray> serverMessageIds()
    {
        QSet<QByteArray> previous;
        for (int attempt = 0; attempt < 50; ++attempt) {
            QSet<QByteArray> out;
            bool vanished = false;
            for (const QString &path : stack().messageFiles(kUser)) {
                QFile f(path);
                if (!f.open(QIODevice::ReadOnly)) {
                    vanished = true;
                    continue;
                }
                const QByteArray head = f.read(4096);
                const qsizetype at = head.indexOf("Message-ID: <");
                if (at >= 0)
                    out.insert(head.mid(at + 13, head.indexOf('>', at) - at - 13));
            }
            if (!vanished && attempt > 0 && out == previous)
                return out;
            previous = out;
            QThread::msleep(50);
        }
        return previous;
    }

    QHash<QByteArray, QByteArray> m_expected; // Message-ID -> bytes written

    // ---- the profile

    struct Profile
    {
        QTemporaryDir dir;
        qint64 accountId = 0;
        QString path() const { return dir.path(); }
    };

    std::unique_ptr<Profile> makeProfile(const QString &url, bool trustCa = true,
                                         const QString &passwordEnv = QStringLiteral("CAROL_PW"),
                                         bool leaveOnServer = true)
    {
        qputenv("CAROL_PW", stack().password(kUser).toUtf8());
        qputenv("CAROL_WRONG_PW", "not-the-password");
        auto p = std::make_unique<Profile>();
        store::Store s(p->path());
        accounts::AccountSettings settings;
        settings.passwordSource = QStringLiteral("env:") + passwordEnv;
        if (trustCa)
            settings.caFile = stack().caFile;
        settings.leaveOnServer = leaveOnServer;
        store::Account a;
        a.name = QStringLiteral("carol");
        a.email = stack().email(kUser);
        a.incomingUrl = url;
        a.outgoingUrl = QStringLiteral("smtps://carol@127.0.0.1:%1").arg(stack().submissionsPort);
        a.settingsJson = settings.toJson();
        p->accountId = s.accounts().add(a);
        return p;
    }

    static QString pop3sUrl()
    {
        return QStringLiteral("pop3s://carol@%1:%2").arg(stack().host).arg(stack().pop3sPort);
    }
    static QString startTlsUrl()
    {
        // 127.0.0.2: Dovecot refuses logins there until STLS.
        return QStringLiteral("pop3+starttls://carol@%1:%2")
            .arg(stack().altHost)
            .arg(stack().pop3Port);
    }

    static void setUrl(Profile &p, const QString &url)
    {
        store::Store s(p.path());
        auto a = s.accounts().byId(p.accountId);
        a->incomingUrl = url;
        s.accounts().update(*a);
    }

    static net::Error runEngine(Profile &p, pop3::DownloadReport &report, qint64 now,
                                std::function<void(pop3::DownloadOptions &)> tweak = {})
    {
        store::Store s(p.path());
        pop3::Pop3Download d(s, *s.accounts().byId(p.accountId));
        d.setClock([now] { return now; });
        if (tweak) {
            auto o = d.options();
            tweak(o);
            d.setOptions(o);
        }
        return d.run(report);
    }

    static CliResult cli(const QString &profile, const QStringList &args, int timeoutMs = 300000)
    {
        QProcess p;
        p.start(qEnvironmentVariable("HERALD_CLI"), QStringList{"--profile", profile} + args);
        CliResult r;
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            r.err = QStringLiteral("timed out");
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    // Message-ID -> number of cache rows with it.
    static QHash<QByteArray, int> cachedIds(const QString &profile)
    {
        store::Store s(profile);
        QHash<QByteArray, int> out;
        store::Statement st(s.db(), "SELECT message_id FROM messages");
        while (st.step())
            out[st.text(0).toLatin1()] += 1;
        return out;
    }

    // Everything a sync could change, to prove a failed one changed nothing.
    static QString cacheFingerprint(const QString &profile)
    {
        store::Store s(profile);
        QStringList parts;
        for (const char *sql :
             {"SELECT count(*) || ':' || coalesce(sum(id),0) || ':' || coalesce(sum(flags),0) FROM "
              "messages",
              "SELECT count(*) FROM bodies", "SELECT count(*) FROM folders",
              "SELECT count(*) || ':' || coalesce(sum(first_seen),0) FROM pop3_state",
              "SELECT count(*) FROM tasks"}) {
            store::Statement st(s.db(), sql);
            st.step();
            parts << st.text(0);
        }
        return parts.join(QLatin1Char('|'));
    }

    static quint16 closedPort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        const quint16 port = probe.serverPort();
        probe.close();
        return port;
    }

    static QByteArray crlfToLf(QByteArray b) { return b.replace("\r\n", "\n"); }

private slots:
    void initTestCase() { HERALD_REQUIRE_STACK(); }
    void init() { emptyMailbox(); }

    void thousandMessagesReadOfflineWithAttachments()
    {
        const QList<QByteArray> ids = deliver(1000);
        auto p = makeProfile(pop3sUrl());
        QElapsedTimer t;
        t.start();
        const CliResult sync = cli(p->path(), {"sync"});
        QVERIFY2(sync.exitCode == 0, qPrintable(sync.err));
        qInfo("downloaded 1000 messages in %lld ms", t.elapsed());
        QVERIFY2(sync.err.contains("downloaded 1000 new"), qPrintable(sync.err));
        QCOMPARE(serverMessageIds().size(), 1000); // leave on server is the default

        // The server is gone: the account points at a closed port.
        setUrl(*p, QStringLiteral("pop3s://carol@127.0.0.1:%1").arg(closedPort()));
        const QString before = cacheFingerprint(p->path());
        const CliResult offline = cli(p->path(), {"sync"});
        QVERIFY(offline.exitCode != 0);
        QVERIFY2(offline.err.contains("refused the connection"), qPrintable(offline.err));
        QCOMPARE(cacheFingerprint(p->path()), before);

        const CliResult list = cli(p->path(), {"list", "--json"});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(list.out.toUtf8()).array();
        QCOMPARE(rows.size(), 1000);
        for (const auto &v : rows) {
            QCOMPARE(v[QStringLiteral("folder")].toString(), QStringLiteral("INBOX"));
            QVERIFY(v[QStringLiteral("has_attachments")].toBool());
        }

        // Every message, in full, from the cache: the bytes and the attachment.
        store::Store s(p->path());
        store::MessageQuery q;
        q.accountId = p->accountId;
        const auto all = s.messages().list(q);
        QCOMPARE(all.size(), size_t(1000));
        QSet<QString> seen;
        for (const auto &row : all) {
            const QByteArray id = row.messageId.toLatin1();
            QVERIFY2(m_expected.contains(id), id.constData());
            QVERIFY(!seen.contains(row.messageId));
            seen.insert(row.messageId);
            const auto raw = s.bodies().get(row.id);
            QVERIFY(raw);
            QCOMPARE(crlfToLf(*raw), m_expected.value(id));
            mime::ParseOptions po;
            po.includeAttachmentData = true;
            const mime::Message m = mime::parseMessage(*raw, po);
            const int i = id.split('-').value(2).split('@').value(0).toInt();
            QCOMPARE(m.subject, QStringLiteral("Grüße Nr. %1 — ünïcødé").arg(i));
            QCOMPARE(m.from.front().name, QStringLiteral("Jürgen Müller"));
            QCOMPARE(int(m.attachments.size()), 1);
            QCOMPARE(m.attachments[0].filename, QStringLiteral("anhang-%1.bin").arg(i));
            QCOMPARE(m.attachments[0].data, attachmentBytes(i, 3000 + (i % 7) * 500));
            QVERIFY(QString(m.text)
                        .replace(QStringLiteral("\r\n"), QStringLiteral("\n"))
                        .contains(QStringLiteral("\n.a line starting with a dot\n..two dots")));
        }

        // show and search, offline, through the CLI.
        const qint64 sample = all[500].id;
        const CliResult show = cli(p->path(), {"show", QString::number(sample), "--json"});
        QCOMPARE(show.exitCode, 0);
        const QJsonObject shown = QJsonDocument::fromJson(show.out.toUtf8()).object();
        QVERIFY(shown[QStringLiteral("body_cached")].toBool());
        QCOMPARE(shown[QStringLiteral("attachments")].toArray().size(), 1);
        QVERIFY(
            shown[QStringLiteral("subject")].toString().startsWith(QStringLiteral("Grüße Nr.")));
        const int i = all[500].messageId.split('-').value(2).split('@').value(0).toInt();
        const CliResult search =
            cli(p->path(), {"search", QStringLiteral("zufallswort%1x").arg(i), "--json"});
        QCOMPARE(search.exitCode, 0);
        const QJsonArray hits = QJsonDocument::fromJson(search.out.toUtf8()).array();
        QCOMPARE(hits.size(), 1);
        QCOMPARE(qint64(hits[0][QStringLiteral("id")].toDouble()), sample);
    }

    void threeSyncsWithNewMailNoDuplicates()
    {
        auto p = makeProfile(startTlsUrl()); // STLS against the real server
        QSet<QByteArray> all;
        for (int round : {5, 7, 3}) {
            for (const QByteArray &id : deliver(round))
                all.insert(id);
            const CliResult sync = cli(p->path(), {"sync"});
            QVERIFY2(sync.exitCode == 0, qPrintable(sync.err));
            QVERIFY2(sync.err.contains(QStringLiteral("downloaded %1 new").arg(round)),
                     qPrintable(sync.err));
        }
        const auto cached = cachedIds(p->path());
        QCOMPARE(cached.size(), all.size());
        for (auto it = cached.cbegin(); it != cached.cend(); ++it)
            QCOMPARE(it.value(), 1);
        QCOMPARE(serverMessageIds(), all); // left on the server
        const CliResult again = cli(p->path(), {"sync"});
        QVERIFY2(again.err.contains("downloaded 0 new"), qPrintable(again.err));
    }

    void leaveOnServerNoDeletesOnlyWhatIsCached()
    {
        auto p = makeProfile(pop3sUrl(), true, QStringLiteral("CAROL_PW"), false);
        const auto first = deliver(6);
        pop3::DownloadReport r1;
        QVERIFY(!runEngine(*p, r1, 1000000));
        QCOMPARE(r1.downloaded, 6);
        QCOMPARE(r1.deleted, 6);
        QCOMPARE(serverMessageIds().size(), 0);
        const auto second = deliver(4);
        pop3::DownloadReport r2;
        QVERIFY(!runEngine(*p, r2, 1000000));
        QCOMPARE(r2.downloaded, 4);
        QCOMPARE(r2.deleted, 4);
        const auto cached = cachedIds(p->path());
        QCOMPARE(cached.size(), 10);
        for (const QByteArray &id : first + second)
            QCOMPARE(cached.value(id), 1);
    }

    void deleteAfterDaysRemovesOnlyOldOnes()
    {
        auto p = makeProfile(pop3sUrl());
        const qint64 t0 = 1700000000;
        const auto old = deliver(3);
        pop3::DownloadReport r;
        QVERIFY(!runEngine(*p, r, t0, [](auto &o) { o.deleteAfterDays = 7; }));
        QCOMPARE(r.downloaded, 3);
        QCOMPARE(r.deleted, 0);
        const auto newer = deliver(2);
        r = {};
        QVERIFY(!runEngine(*p, r, t0 + 5 * kDay, [](auto &o) { o.deleteAfterDays = 7; }));
        QCOMPARE(r.downloaded, 2);
        QCOMPARE(r.deleted, 0);
        QCOMPARE(serverMessageIds().size(), 5);
        r = {};
        QVERIFY(!runEngine(*p, r, t0 + 8 * kDay, [](auto &o) { o.deleteAfterDays = 7; }));
        QCOMPARE(r.downloaded, 0);
        QCOMPARE(r.deleted, 3);
        QCOMPARE(serverMessageIds(), QSet<QByteArray>(newer.cbegin(), newer.cend()));
        QCOMPARE(cachedIds(p->path()).size(), 5); // the cache keeps everything
        r = {};
        QVERIFY(!runEngine(*p, r, t0 + 13 * kDay, [](auto &o) { o.deleteAfterDays = 7; }));
        QCOMPARE(r.deleted, 2);
        QCOMPARE(serverMessageIds().size(), 0);
        QCOMPARE(cachedIds(p->path()).size(), 5);
        Q_UNUSED(old);
    }

    void deleteWhenDeletedInHerald()
    {
        auto p = makeProfile(pop3sUrl());
        const auto ids = deliver(4);
        pop3::DownloadReport r;
        QVERIFY(!runEngine(*p, r, 1000));
        QCOMPARE(r.downloaded, 4);
        {
            store::Store s(p->path());
            sync::LocalActions actions(s);
            store::MessageQuery q;
            q.accountId = p->accountId;
            for (const auto &row : s.messages().list(q)) {
                if (row.messageId.toLatin1() == ids[0] || row.messageId.toLatin1() == ids[1])
                    actions.remove(row.id);
                else if (row.messageId.toLatin1() == ids[2]) {
                    actions.move(row.id, QStringLiteral("Archive")); // local folders work
                    actions.changeFlags(row.id, {QStringLiteral("\\Seen")}, {});
                }
            }
            QCOMPARE(s.tasks().list(p->accountId).size(), size_t(0)); // nothing for a server
        }
        // Without the option: deleted here, kept there, and never downloaded again.
        r = {};
        QVERIFY(!runEngine(*p, r, 2000));
        QCOMPARE(r.downloaded, 0);
        QCOMPARE(r.deleted, 0);
        QCOMPARE(serverMessageIds().size(), 4);
        // With it: exactly the two deleted in Herald go.
        r = {};
        QVERIFY(!runEngine(*p, r, 3000, [](auto &o) { o.deleteWhenDeletedInHerald = true; }));
        QCOMPARE(r.downloaded, 0);
        QCOMPARE(r.deleted, 2);
        QCOMPARE(serverMessageIds(), (QSet<QByteArray>{ids[2], ids[3]}));
        store::Store s(p->path());
        const auto archived = s.messages().list({p->accountId, 0, -1});
        QCOMPARE(archived.size(), size_t(2));
        for (const auto &row : archived)
            if (row.messageId.toLatin1() == ids[2]) {
                QCOMPARE(row.folderName, QStringLiteral("Archive"));
                QVERIFY(row.flags & store::FlagSeen);
            }
    }

    void killDuringDownloadNeverLosesOrDuplicates()
    {
        // Leave on server = no: every pass deletes, so a DELE before the commit would lose mail.
        auto p = makeProfile(pop3sUrl(), true, QStringLiteral("CAROL_PW"), false);
        QSet<QByteArray> all;
        for (const QByteArray &id : deliver(150, 20000))
            all.insert(id);
        // Calibrate: how long does a pass over this much mail take?
        QElapsedTimer t;
        t.start();
        CliResult calib = cli(p->path(), {"sync"});
        QVERIFY2(calib.exitCode == 0, qPrintable(calib.err));
        const qint64 passMs = std::max<qint64>(200, t.elapsed());
        qInfo("a pass over 150 messages takes %lld ms", passMs);
        auto *rng = QRandomGenerator::global();
        int killed = 0;
        for (int round = 0; round < 20; ++round) {
            for (const QByteArray &id : deliver(150, 20000))
                all.insert(id);
            QProcess proc;
            proc.start(qEnvironmentVariable("HERALD_CLI"), {"--profile", p->path(), "sync"});
            QVERIFY(proc.waitForStarted());
            const int delay = int(rng->bounded(quint32(passMs * 12 / 10)));
            QThread::msleep(delay);
            if (proc.state() == QProcess::Running) {
                ::kill(pid_t(proc.processId()), SIGKILL);
                ++killed;
            }
            proc.waitForFinished(60000);
            // Nothing lost (each message is on the server or in the cache), nothing twice.
            const auto cached = cachedIds(p->path());
            const auto server = serverMessageIds();
            for (const QByteArray &id : all)
                QVERIFY2(cached.contains(id) || server.contains(id),
                         qPrintable(QStringLiteral("round %1 (killed after %2 ms): %3 lost")
                                        .arg(round)
                                        .arg(delay)
                                        .arg(QString::fromLatin1(id))));
            for (auto it = cached.cbegin(); it != cached.cend(); ++it)
                QVERIFY2(it.value() == 1, it.key().constData());
            store::Store s(p->path());
            QCOMPARE(s.integrityCheck(), QStringLiteral("ok"));
        }
        qInfo("killed %d of 20 passes mid-way", killed);
        QVERIFY(killed >= 10);
        const CliResult final = cli(p->path(), {"sync"});
        QVERIFY2(final.exitCode == 0, qPrintable(final.err));
        const auto cached = cachedIds(p->path());
        QCOMPARE(cached.size(), all.size());
        for (const QByteArray &id : all)
            QCOMPARE(cached.value(id), 1);
        QCOMPARE(serverMessageIds().size(), 0);
        // Every body is whole.
        store::Store s(p->path());
        store::Statement st(s.db(), "SELECT id, message_id FROM messages");
        int bodies = 0;
        while (st.step()) {
            const auto raw = s.bodies().get(st.int64(0));
            QVERIFY(raw);
            QCOMPARE(crlfToLf(*raw), m_expected.value(st.text(1).toLatin1()));
            ++bodies;
        }
        QCOMPARE(bodies, all.size());
    }

    void errorsAreClearAndLeaveTheCacheUntouched_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("wrong password") << "password"
                                        << "refused the login";
        QTest::newRow("server down") << "down"
                                     << "refused the connection";
        QTest::newRow("untrusted CA") << "tls"
                                      << "is not trusted";
        QTest::newRow("garbage server") << "garbage"
                                        << "is not a POP3 server";
    }
    void errorsAreClearAndLeaveTheCacheUntouched()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        deliver(3);
        auto p = makeProfile(pop3sUrl());
        const CliResult first = cli(p->path(), {"sync"});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        deliver(2); // there is new mail the failed pass must not touch

        QTcpServer garbage;
        if (kind == QLatin1String("password")) {
            store::Store s(p->path());
            auto a = s.accounts().byId(p->accountId);
            auto settings = accounts::AccountSettings::fromJson(a->settingsJson);
            settings.passwordSource = QStringLiteral("env:CAROL_WRONG_PW");
            a->settingsJson = settings.toJson();
            s.accounts().update(*a);
        } else if (kind == QLatin1String("down")) {
            setUrl(*p, QStringLiteral("pop3s://carol@127.0.0.1:%1").arg(closedPort()));
        } else if (kind == QLatin1String("tls")) {
            store::Store s(p->path());
            auto a = s.accounts().byId(p->accountId);
            auto settings = accounts::AccountSettings::fromJson(a->settingsJson);
            settings.caFile.clear();
            a->settingsJson = settings.toJson();
            s.accounts().update(*a);
        } else {
            QVERIFY(garbage.listen(QHostAddress::LocalHost, 0));
            connect(&garbage, &QTcpServer::newConnection, this, [&garbage] {
                QTcpSocket *c = garbage.nextPendingConnection();
                c->write(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>hello</html>\r\n");
            });
            setUrl(*p,
                   QStringLiteral("pop3+starttls://carol@127.0.0.1:%1").arg(garbage.serverPort()));
        }
        const QString before = cacheFingerprint(p->path());
        QProcess proc; // not cli(): the garbage server needs this event loop running
        proc.start(qEnvironmentVariable("HERALD_CLI"), {"--profile", p->path(), "sync"});
        QVERIFY(QTest::qWaitFor([&] { return proc.state() == QProcess::NotRunning; }, 60000));
        const QString err = QString::fromUtf8(proc.readAllStandardError());
        QVERIFY2(proc.exitCode() != 0, qPrintable(err));
        const QStringList lines = err.trimmed().split(QLatin1Char('\n'));
        QVERIFY2(lines.last().contains(expected), qPrintable(err));
        QCOMPARE(err.count(expected), 1); // said once, not once per pending command
        QVERIFY2(!err.contains(stack().password(kUser)), qPrintable(err));
        QCOMPARE(cacheFingerprint(p->path()), before);
        QCOMPARE(serverMessageIds().size(), 5);
    }
};

QTEST_MAIN(TestPop3Download)
#include "tst_pop3_download.moc"
