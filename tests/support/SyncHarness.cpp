#include "tests/support/SyncHarness.h"

#include "tests/support/TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>

namespace herald::test {

namespace {
QString shellQuote(const QString &word)
{
    QString q = word;
    q.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

QStringList sortedStrings(const QJsonArray &a)
{
    QStringList out;
    for (const auto &v : a)
        out << v.toString();
    out.sort();
    return out;
}
} // namespace

QString imapDeviceScript()
{
    return QDir(QStringLiteral(HERALD_TEST_SUPPORT_DIR)).filePath(QStringLiteral("imap_device.py"));
}

QStringList diffStates(const MailboxState &cache, const MailboxState &server, int limit)
{
    QStringList out;
    auto add = [&](const QString &line) {
        if (out.size() < limit)
            out << line;
        else if (out.size() == limit)
            out << QStringLiteral("…");
    };
    QStringList folders = cache.keys() + server.keys();
    folders.removeDuplicates();
    folders.sort();
    for (const QString &f : folders) {
        if (!cache.contains(f)) {
            add(QStringLiteral("folder %1 missing in the cache").arg(f));
            continue;
        }
        if (!server.contains(f)) {
            add(QStringLiteral("folder %1 in the cache but not on the server").arg(f));
            continue;
        }
        const auto &c = cache[f];
        const auto &s = server[f];
        for (auto it = s.begin(); it != s.end(); ++it) {
            if (!c.contains(it.key()))
                add(QStringLiteral("%1 uid %2 [%3] missing in the cache")
                        .arg(f)
                        .arg(it.key())
                        .arg(it.value().join(QLatin1Char(' '))));
            else if (c[it.key()] != it.value())
                add(QStringLiteral("%1 uid %2: cache [%3], server [%4]")
                        .arg(f)
                        .arg(it.key())
                        .arg(c[it.key()].join(QLatin1Char(' ')),
                             it.value().join(QLatin1Char(' '))));
        }
        for (auto it = c.begin(); it != c.end(); ++it)
            if (!s.contains(it.key()))
                add(QStringLiteral("%1 uid %2 in the cache but not on the server")
                        .arg(f)
                        .arg(it.key()));
    }
    return out;
}

HeraldProfile::HeraldProfile() : m_password(QStringLiteral("unset")) {}

QString HeraldProfile::databasePath() const
{
    return QDir(path()).filePath(QStringLiteral("herald.sqlite"));
}

static QProcessEnvironment cliEnvironment(const QString &password)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HERALD_TEST_PASSWORD"), password);
    return env;
}

QProcessEnvironment HeraldProfile::environment() const
{
    QProcessEnvironment env = cliEnvironment(m_password);
    for (auto it = m_env.begin(); it != m_env.end(); ++it) {
        if (it.value().isEmpty())
            env.remove(it.key());
        else
            env.insert(it.key(), it.value());
    }
    return env;
}

CliResult HeraldProfile::run(const QStringList &args, int timeoutMs) const
{
    QProcess p;
    p.setProcessEnvironment(environment());
    p.start(qEnvironmentVariable("HERALD_CLI"),
            QStringList{QStringLiteral("--profile"), path()} + args);
    CliResult r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "herald-cli timed out or did not start: " + p.errorString().toUtf8();
        return r;
    }
    r.exitCode = p.exitCode();
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

std::unique_ptr<QProcess> HeraldProfile::startDetached(const QStringList &args) const
{
    auto p = std::make_unique<QProcess>();
    p->setProcessEnvironment(environment());
    p->start(qEnvironmentVariable("HERALD_CLI"),
             QStringList{QStringLiteral("--profile"), path()} + args);
    p->waitForStarted();
    return p;
}

bool HeraldProfile::addAccount(const QString &user, quint16 imapsPort, QString *error)
{
    const auto &s = stack();
    m_password = s.password(user);
    const CliResult r =
        run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--name"), user,
             QStringLiteral("--email"), s.email(user), QStringLiteral("--incoming"),
             QStringLiteral("imaps://%1@%2:%3").arg(user, s.host).arg(imapsPort),
             QStringLiteral("--outgoing"),
             QStringLiteral("smtp+starttls://%1@%2:%3").arg(user, s.host).arg(s.submissionPort),
             QStringLiteral("--password-env"), QStringLiteral("HERALD_TEST_PASSWORD"),
             QStringLiteral("--ca-file"), s.caFile});
    if (r.exitCode != 0 && error)
        *error = QString::fromUtf8(r.err);
    return r.exitCode == 0;
}

QJsonArray HeraldProfile::list() const
{
    const CliResult r = run({QStringLiteral("list"), QStringLiteral("--json")});
    if (r.exitCode != 0)
        qWarning() << "list --json failed:" << r.err;
    return QJsonDocument::fromJson(r.out).array();
}

MailboxState HeraldProfile::cache(QStringList *uidless) const
{
    MailboxState state;
    for (const QString &f : folders())
        state[f]; // empty folders count too
    for (const auto &v : list()) {
        const QJsonObject o = v.toObject();
        const QString folder = o[QStringLiteral("folder")].toString();
        if (o[QStringLiteral("uid")].isNull()) {
            if (uidless)
                *uidless << folder + QStringLiteral(": ") + o[QStringLiteral("subject")].toString();
            continue;
        }
        state[folder][qint64(o[QStringLiteral("uid")].toDouble())] =
            sortedStrings(o[QStringLiteral("flags")].toArray());
    }
    return state;
}

QStringList HeraldProfile::folders() const
{
    const CliResult r = run({QStringLiteral("folders"), QStringLiteral("--json")});
    QStringList out;
    for (const auto &v : QJsonDocument::fromJson(r.out).array())
        out << v.toObject()[QStringLiteral("name")].toString();
    out.sort();
    return out;
}

ImapDevice::ImapDevice(const QString &user, quint16 port)
{
    const auto &s = stack();
    m_process.start(QStringLiteral("python3"),
                    {imapDeviceScript(), QStringLiteral("--host"), s.host, QStringLiteral("--port"),
                     QString::number(port ? port : s.imapsPort), QStringLiteral("--ca"), s.caFile,
                     QStringLiteral("--user"), user, QStringLiteral("--password"), s.password(user),
                     QStringLiteral("repl")});
    if (!m_process.waitForStarted())
        m_error = QStringLiteral("cannot start python3: ") + m_process.errorString();
}

ImapDevice::~ImapDevice()
{
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(5000))
        m_process.kill();
    m_process.waitForFinished();
}

QJsonValue ImapDevice::call(const QStringList &words)
{
    QStringList quoted;
    for (const QString &w : words)
        quoted << shellQuote(w);
    m_process.write((quoted.join(QLatin1Char(' ')) + QLatin1Char('\n')).toUtf8());
    while (!m_process.canReadLine()) {
        if (!m_process.waitForReadyRead(60000)) {
            m_error = QStringLiteral("imap_device.py did not answer '%1': %2")
                          .arg(words.join(QLatin1Char(' ')),
                               QString::fromUtf8(m_process.readAllStandardError()));
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    const QJsonObject o = QJsonDocument::fromJson(m_process.readLine()).object();
    if (!o[QStringLiteral("ok")].toBool()) {
        m_error = QStringLiteral("imap_device.py %1: %2")
                      .arg(words.join(QLatin1Char(' ')), o[QStringLiteral("error")].toString());
        return QJsonValue(QJsonValue::Undefined);
    }
    m_error.clear();
    return o[QStringLiteral("result")];
}

MailboxState ImapDevice::state()
{
    MailboxState out;
    const QJsonObject o = call({QStringLiteral("state")}).toObject();
    for (auto f = o.begin(); f != o.end(); ++f) {
        auto &folder = out[f.key()];
        const QJsonObject msgs = f.value().toObject();
        for (auto m = msgs.begin(); m != msgs.end(); ++m)
            folder[m.key().toLongLong()] = sortedStrings(m.value().toArray());
    }
    return out;
}

QList<ServerMessage> ImapDevice::messages(const QString &folder, const QByteArray &needle)
{
    QList<ServerMessage> out;
    for (const auto &v : call({QStringLiteral("messages"), folder}).toArray()) {
        const QJsonObject o = v.toObject();
        ServerMessage m;
        m.uid = qint64(o[QStringLiteral("uid")].toDouble());
        m.flags = sortedStrings(o[QStringLiteral("flags")].toArray());
        m.raw = QByteArray::fromBase64(o[QStringLiteral("raw_base64")].toString().toLatin1());
        if (needle.isEmpty() || m.raw.contains(needle))
            out << m;
    }
    return out;
}

QStringList ImapDevice::containers()
{
    QStringList out;
    for (const auto &v : call({QStringLiteral("containers")}).toArray())
        out << v.toString();
    out.sort();
    return out;
}

QStringList ImapDevice::folders()
{
    QStringList out;
    for (const auto &v : call({QStringLiteral("folders")}).toArray())
        out << v.toString();
    out.sort();
    return out;
}

QString checkImapServerIdentity(const QString &user)
{
    const auto &s = stack();
    ImapDevice device(user);
    const QJsonObject hello = device.call({QStringLiteral("greeting")}).toObject();
    const QString separator = device.call({QStringLiteral("separator")}).toString();
    if (!device.errorString().isEmpty())
        return device.errorString();
    const QString greeting = hello[QStringLiteral("greeting")].toString();
    const QString expected = s.isCyrus() ? QStringLiteral("Cyrus IMAP") : QStringLiteral("Dovecot");
    if (!greeting.contains(expected))
        return QStringLiteral("asked for %1, but port %2 greets with: %3")
            .arg(s.imapServer)
            .arg(s.imapsPort)
            .arg(greeting);
    if (separator != s.separator)
        return QStringLiteral("%1 answers LIST with separator '%2', stack.env says '%3'")
            .arg(s.imapServer, separator, s.separator);
    return QString();
}

bool seedMaildir(const QString &user, const QString &folder, int count, quint32 seed)
{
    const auto &s = stack();
    QProcess p;
    p.start(QStringLiteral("python3"),
            {imapDeviceScript(), QStringLiteral("seed-maildir"), s.maildir(user, folder),
             QString::number(count), QStringLiteral("--uid"),
             s.env.value(QStringLiteral("MAIL_UID")), QStringLiteral("--gid"),
             s.env.value(QStringLiteral("MAIL_GID")), QStringLiteral("--seed"),
             QString::number(seed)});
    p.waitForFinished(120000);
    if (p.exitCode() != 0)
        qWarning() << p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

} // namespace herald::test
