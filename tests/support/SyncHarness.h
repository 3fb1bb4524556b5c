#pragma once
// Helpers for sync tests that drive the real herald-cli against the real Dovecot:
// a Herald profile (a temp dir + `herald-cli --profile`), a plain third IMAP
// client (tests/support/imap_device.py, one connection, one command per line), and
// the comparison "cache equals server" (folders, UIDs, flags, keywords).

#include <QJsonArray>
#include <QJsonValue>
#include <QMap>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace herald::test {

// folder -> uid -> sorted flags (system flags and keywords, no \Recent).
using MailboxState = QMap<QString, QMap<qint64, QStringList>>;

// Human-readable differences ("INBOX uid 7: cache [..] server [..]"), at most
// `limit` lines; empty when equal.
QStringList diffStates(const MailboxState &cache, const MailboxState &server, int limit = 20);

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool crashed = false;
};

class HeraldProfile
{
public:
    HeraldProfile();
    QString path() const { return m_dir.path(); }
    QString databasePath() const;

    // Runs herald-cli --profile <path> ARGS, with the password in HERALD_TEST_PASSWORD.
    CliResult run(const QStringList &args, int timeoutMs = 120000) const;
    // Starts herald-cli without waiting (for kill tests).
    std::unique_ptr<QProcess> startDetached(const QStringList &args) const;
    // `account add` for USER of the stack, incoming imaps://USER@127.0.0.1:imapsPort.
    bool addAccount(const QString &user, quint16 imapsPort, QString *error = nullptr);
    // The password run() hands herald-cli (for an `account add` of one's own).
    void setPassword(const QString &password) { m_password = password; }
    // A variable run() and startDetached() set for herald-cli (an empty value: none), e.g. a
    // crash point (HERALD_CRASH_AFTER_COMMITS).
    void setEnvironment(const QString &name, const QString &value) { m_env[name] = value; }

    // From `list --json`: folder -> uid -> flags. Rows without a UID are reported
    // in *uidless (folder: subject) and left out of the map.
    MailboxState cache(QStringList *uidless = nullptr) const;
    // From `folders --json`.
    QStringList folders() const;
    // `list --json` as an array (every folder).
    QJsonArray list() const;

private:
    QProcessEnvironment environment() const;

    QTemporaryDir m_dir;
    QString m_password;
    QMap<QString, QString> m_env;
};

// A message as the IMAP server has it (ImapDevice::messages).
struct ServerMessage
{
    qint64 uid = 0;
    QStringList flags; // without \Recent
    QByteArray raw;    // BODY.PEEK[]
};

class ImapDevice
{
public:
    explicit ImapDevice(const QString &user, quint16 port = 0);
    ~ImapDevice();
    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }

    // Runs one imap_device.py command (shell-quoted words); returns its "result".
    // On failure returns Undefined and sets errorString().
    QJsonValue call(const QStringList &words);
    MailboxState state();
    QStringList folders();
    // The folders LIST shows as \Noselect (containers that hold no messages), sorted.
    QStringList containers();
    // The folder's messages, in UID order; only those whose bytes contain `needle` if given.
    QList<ServerMessage> messages(const QString &folder, const QByteArray &needle = QByteArray());

private:
    QProcess m_process;
    QString m_error;
};

QString imapDeviceScript();

// `imap_device.py seed-maildir`: `count` messages drawn from `seed` straight into the user's
// maildir of `folder` (owned like Dovecot's files). False (and a warning) on failure.
bool seedMaildir(const QString &user, const QString &folder, int count, quint32 seed);

// Empty when the IMAP server on stack().imapsPort is the one the run asked for
// (HERALD_IMAP_SERVER): its greeting names it ("Dovecot", "Cyrus IMAP") and it answers LIST
// with the separator stack.env promised. Otherwise what it is instead: a misconfigured Cyrus
// row can never pass by talking to Dovecot.
QString checkImapServerIdentity(const QString &user);

} // namespace herald::test
