#include "tests/support/TestSupport.h"

#include "core/sync/ConnectionDns.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QTcpServer>
#include <QThread>
#include <csignal>
#include <sys/types.h>

namespace herald::test {
QString dataDir()
{
    return qEnvironmentVariable("HERALD_TEST_DATA");
}
QString dataFile(const QString &relative)
{
    return QDir(dataDir()).filePath(relative);
}

QList<QPair<QString, QByteArray>> corpusMessages()
{
    QStringList paths;
    QDirIterator it(dataDir(), {QStringLiteral("*.eml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        paths << it.next();
    paths.sort();
    QList<QPair<QString, QByteArray>> out;
    for (const QString &path : paths) {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            out.append({path.mid(dataDir().size()), f.readAll()});
    }
    return out;
}

QList<QByteArray> headerFieldBodies(const QByteArray &raw, const QList<QByteArray> &names)
{
    QList<QByteArray> out;
    const qsizetype crlf = raw.indexOf("\r\n\r\n");
    const qsizetype lf = raw.indexOf("\n\n");
    const qsizetype end = lf >= 0 && (crlf < 0 || lf < crlf) ? lf : crlf;
    QByteArray current;
    bool wanted = false;
    for (const QByteArray &line : (end < 0 ? raw : raw.left(end)).split('\n')) {
        if (!line.isEmpty() && (line.at(0) == ' ' || line.at(0) == '\t')) {
            if (wanted)
                current += '\n' + line;
            continue;
        }
        if (wanted)
            out << current;
        const qsizetype colon = line.indexOf(':');
        wanted = colon > 0 && names.contains(line.left(colon).trimmed().toLower());
        current = wanted ? line.mid(colon + 1) : QByteArray();
    }
    if (wanted)
        out << current;
    return out;
}

namespace {
QString unquote(QString v)
{
    if (v.size() >= 2 && ((v.startsWith(QLatin1Char('"')) && v.endsWith(QLatin1Char('"'))) ||
                          (v.startsWith(QLatin1Char('\'')) && v.endsWith(QLatin1Char('\'')))))
        v = v.mid(1, v.size() - 2);
    return v;
}

quint16 portOf(const QHash<QString, QString> &env, const char *key, QStringList &missing)
{
    bool ok = false;
    const uint p = env.value(QLatin1String(key)).toUInt(&ok);
    if (!ok || p == 0 || p > 65535) {
        missing << QLatin1String(key);
        return 0;
    }
    return quint16(p);
}

bool pidAlive(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}
} // namespace

Stack Stack::load(const QString &dirArg)
{
    Stack s;
    const QString dir = dirArg.isEmpty() ? qEnvironmentVariable("HERALD_STACK_DIR") : dirArg;
    if (dir.isEmpty()) {
        s.error =
            QStringLiteral("HERALD_STACK_DIR is not set (run through ctest, or "
                           "tests/support/stack.sh start DIR and export HERALD_STACK_DIR=DIR)");
        return s;
    }
    QFile f(QDir(dir).filePath(QStringLiteral("stack.env")));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        s.error = QStringLiteral("cannot read %1: %2 (is the stack started? ctest -L integration "
                                 "runs stack/start first)")
                      .arg(f.fileName(), f.errorString());
        return s;
    }
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const int eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        s.env.insert(line.left(eq), unquote(line.mid(eq + 1)));
    }
    const auto &e = s.env;
    s.dir = e.value(QStringLiteral("STACK_DIR"), dir);
    s.script = e.value(QStringLiteral("STACK_SH"));
    s.host = e.value(QStringLiteral("HOST"));
    s.altHost = e.value(QStringLiteral("ALT_HOST"));
    s.tlsHostname = e.value(QStringLiteral("TLS_HOSTNAME"), QStringLiteral("localhost"));
    s.domain = e.value(QStringLiteral("DOMAIN"));
    s.caFile = e.value(QStringLiteral("CA_FILE"));
    s.certFile = e.value(QStringLiteral("CERT_FILE"));
    s.keyFile = e.value(QStringLiteral("KEY_FILE"));
    s.certSha256 = e.value(QStringLiteral("CERT_SHA256"));
    s.mailDir = e.value(QStringLiteral("MAIL_DIR"));
    s.dovecotConf = e.value(QStringLiteral("DOVECOT_CONF"));
    s.postfixDir = e.value(QStringLiteral("POSTFIX_DIR"));
    s.dkimSelector = e.value(QStringLiteral("DKIM_SELECTOR"));
    s.dkimKey = e.value(QStringLiteral("DKIM_KEY"));
    s.users = e.value(QStringLiteral("USERS")).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &u : std::as_const(s.users))
        s.passwords.insert(u, e.value(QStringLiteral("PASSWORD_") + u));

    QStringList missing;
    s.imapPort = portOf(e, "IMAP_PORT", missing);
    s.imapsPort = portOf(e, "IMAPS_PORT", missing);
    s.pop3Port = portOf(e, "POP3_PORT", missing);
    s.pop3sPort = portOf(e, "POP3S_PORT", missing);
    s.submissionPort = portOf(e, "SUBMISSION_PORT", missing);
    s.submissionsPort = portOf(e, "SUBMISSIONS_PORT", missing);
    s.smtpPort = portOf(e, "SMTP_PORT", missing);
    s.dnsPort = portOf(e, "DNS_PORT", missing);
    s.imapServer = qEnvironmentVariable("HERALD_IMAP_SERVER", QStringLiteral("dovecot"));
    s.separator = QStringLiteral("/");
    if (s.isCyrus()) {
        // Never fall back to Dovecot: a Cyrus row without Cyrus fails with the reason.
        const QString cyrusError = e.value(QStringLiteral("CYRUS_ERROR"));
        if (!cyrusError.isEmpty()) {
            s.error = QStringLiteral("Cyrus IMAP is not running: ") + cyrusError;
            return s;
        }
        s.imapPort = portOf(e, "CYRUS_IMAP_PORT", missing);
        s.imapsPort = portOf(e, "CYRUS_IMAPS_PORT", missing);
        s.separator = e.value(QStringLiteral("CYRUS_SEPARATOR"));
    } else if (s.imapServer != QLatin1String("dovecot")) {
        s.error = QStringLiteral("HERALD_IMAP_SERVER=%1: use dovecot or cyrus").arg(s.imapServer);
        return s;
    }
    for (const char *key :
         {"HOST", "ALT_HOST", "DOMAIN", "CA_FILE", "CERT_SHA256", "MAIL_DIR", "USERS", "STACK_SH"})
        if (e.value(QLatin1String(key)).isEmpty())
            missing << QLatin1String(key);
    if (!missing.isEmpty()) {
        s.error = QStringLiteral("%1 lacks %2").arg(f.fileName(), missing.join(QLatin1Char(' ')));
        return s;
    }

    // The env file outlives the servers: make sure they are actually running.
    QFile pids(QDir(dir).filePath(QStringLiteral("pids")));
    if (!pids.open(QIODevice::ReadOnly | QIODevice::Text)) {
        s.error = QStringLiteral("cannot read %1: stack not running").arg(pids.fileName());
        return s;
    }
    QStringList dead;
    int count = 0;
    while (!pids.atEnd()) {
        const QStringList parts =
            QString::fromUtf8(pids.readLine()).simplified().split(QLatin1Char(' '));
        if (parts.size() != 2)
            continue;
        ++count;
        if (!pidAlive(parts[1].toLongLong()))
            dead << parts.join(QLatin1Char(' '));
    }
    if (count == 0)
        s.error = QStringLiteral("%1 is empty: stack stopped").arg(pids.fileName());
    else if (!dead.isEmpty())
        s.error = QStringLiteral("servers not running: %1").arg(dead.join(QStringLiteral(", ")));
    return s;
}

QString Stack::maildir(const QString &user, const QString &folder) const
{
    // Dovecot mail_location = maildir:MAIL_DIR/%n:LAYOUT=fs, separator "/":
    // INBOX is the maildir root, other folders are subdirectories.
    const QString root = QDir(mailDir).filePath(user);
    if (folder.isEmpty() || folder.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0)
        return root;
    return QDir(root).filePath(folder);
}

bool Stack::deliver(const QString &user, const QString &folder, const QByteArray &eml,
                    QString *errorOut) const
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HERALD_IMAP_SERVER"), imapServer); // doveadm save or APPEND to Cyrus
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("bash"), {script, QStringLiteral("deliver"), dir, user,
                                     folder.isEmpty() ? QStringLiteral("INBOX") : folder});
    QString err;
    if (!p.waitForStarted(5000)) {
        err = QStringLiteral("cannot run %1: %2").arg(script, p.errorString());
    } else {
        p.write(eml);
        p.closeWriteChannel();
        if (!p.waitForFinished(30000)) {
            p.kill();
            p.waitForFinished(1000);
            err = QStringLiteral("stack.sh deliver timed out");
        } else if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            err = QStringLiteral("stack.sh deliver %1 %2 failed (exit %3): %4")
                      .arg(user, folder)
                      .arg(p.exitCode())
                      .arg(QString::fromUtf8(p.readAll()).trimmed());
        }
    }
    if (errorOut)
        *errorOut = err;
    return err.isEmpty();
}

QStringList Stack::messageFiles(const QString &user, const QString &folder) const
{
    QStringList out;
    const QDir box(maildir(user, folder));
    for (const char *sub : {"cur", "new"}) {
        const QDir d(box.filePath(QLatin1String(sub)));
        const QStringList names = d.entryList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString &n : names)
            out << d.filePath(n);
    }
    out.sort();
    return out;
}

QString Stack::waitForMessage(const QString &user, const QString &folder, const QByteArray &needle,
                              int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    QSet<QString> seen; // files already checked and not matching
    for (;;) {
        const QStringList files = messageFiles(user, folder);
        for (const QString &path : files) {
            if (seen.contains(path))
                continue;
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue; // renamed new/ -> cur/ meanwhile; next round sees it
            if (f.readAll().contains(needle))
                return path;
            seen.insert(path);
        }
        if (deadline.hasExpired())
            return QString();
        QThread::msleep(50);
    }
}

QString Stack::addAccountWithCli(const QString &profile, const QString &user,
                                 quint16 submissionPort, const QString &displayName) const
{
    const QByteArray var = "HERALD_TEST_PW_" + user.toUpper().toLatin1();
    qputenv(var.constData(), password(user).toUtf8());
    QStringList args{"--profile",
                     profile,
                     "account",
                     "add",
                     "--name",
                     user,
                     "--email",
                     email(user),
                     "--incoming",
                     QStringLiteral("imaps://%1@127.0.0.1:%2").arg(user).arg(imapsPort),
                     "--outgoing",
                     QStringLiteral("smtp+starttls://%1@127.0.0.1:%2")
                         .arg(user)
                         .arg(submissionPort ? submissionPort : this->submissionPort),
                     "--password-env",
                     QString::fromLatin1(var),
                     "--ca-file",
                     caFile};
    if (!displayName.isEmpty())
        args << "--display-name" << displayName;
    QProcess add;
    add.start(qEnvironmentVariable("HERALD_CLI"), args);
    if (!add.waitForFinished(20000))
        return QStringLiteral("herald-cli account add did not finish");
    if (add.exitStatus() != QProcess::NormalExit || add.exitCode() != 0)
        return QStringLiteral("herald-cli account add failed: ") +
               QString::fromUtf8(add.readAllStandardError());
    return QString();
}

QString Stack::seedInbox(const QString &user, int count) const
{
    const QString maildir = QDir(mailDir).filePath(user);
    const QString seed =
        QFileInfo(script).dir().filePath(QStringLiteral("../bench/seed_maildir.py"));
    QProcess seeder;
    seeder.start(QStringLiteral("python3"), {seed, maildir, QString::number(count)});
    if (!seeder.waitForFinished(300000) || seeder.exitCode() != 0)
        return QStringLiteral("seed_maildir.py failed: ") +
               QString::fromUtf8(seeder.readAllStandardError());
    if (QProcess::execute(
            QStringLiteral("chown"),
            {QStringLiteral("-R"), QStringLiteral("--reference=") + maildir, maildir}) != 0)
        return QStringLiteral("chown of %1 failed").arg(maildir);
    return QString();
}

QString Stack::otherDevice(const QString &user, const QString &pythonLines) const
{
    const QString script =
        QStringLiteral("import imaplib, ssl\n"
                       "ctx = ssl.create_default_context(cafile='%1')\n"
                       "m = imaplib.IMAP4_SSL('127.0.0.1', %2, ssl_context=ctx)\n"
                       "m.login('%3', '%4')\n"
                       "m.select('INBOX')\n"
                       "%5\n"
                       "m.logout()\n")
            .arg(caFile)
            .arg(imapsPort)
            .arg(user, password(user), pythonLines);
    QProcess p;
    p.start(QStringLiteral("python3"), {QStringLiteral("-c"), script});
    if (!p.waitForFinished(15000))
        return QStringLiteral("python3 imaplib did not finish");
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QString::fromUtf8(p.readAllStandardError());
    return {};
}

bool Stack::isSeenOnServer(const QString &user, const QString &messageId) const
{
    return otherDevice(user, QStringLiteral("typ, data = m.uid('SEARCH', 'SEEN', 'HEADER', "
                                            "'Message-ID', '%1')\n"
                                            "assert typ == 'OK' and data[0].split(), 'not seen'")
                                 .arg(messageId))
        .isEmpty();
}

QList<QSslCertificate> Stack::caCertificates() const
{
    return QSslCertificate::fromPath(caFile, QSsl::Pem);
}

QSslConfiguration Stack::sslConfiguration() const
{
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.addCaCertificates(caCertificates());
    c.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return c;
}

const Stack &stack()
{
    static const Stack s = [] {
        Stack loaded = Stack::load();
        // herald-cli and the GUI ask the stack's NSD for sender checks, never the machine's DNS.
        if (loaded.isValid() && qEnvironmentVariableIsEmpty("HERALD_NAMESERVER"))
            qputenv("HERALD_NAMESERVER",
                    QStringLiteral("%1:%2").arg(loaded.host).arg(loaded.dnsPort).toUtf8());
        // In-process connections too, as herald and herald-cli do at start-up: a server name
        // discovery found (mail.herald.test) is reachable from the window's code under test.
        if (loaded.isValid())
            sync::useNameserverForConnections(qEnvironmentVariable("HERALD_NAMESERVER"));
        return loaded;
    }();
    return s;
}

bool anyFileContains(const QString &dir, const QByteArray &needle)
{
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            return true;
    }
    return false;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace herald::test
