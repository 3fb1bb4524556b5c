#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QTest>

namespace herald::test {
// Directory of checked-in test data (tests/data), from HERALD_TEST_DATA.
QString dataDir();
// Path of a file under tests/data.
QString dataFile(const QString &relative);
// Every .eml of the corpora under tests/data: (path relative to tests/data, bytes), sorted.
QList<QPair<QString, QByteArray>> corpusMessages();
// The bodies (after the colon, folded lines kept) of the header fields of `raw` whose
// lower-case names are in `names`, in order.
QList<QByteArray> headerFieldBodies(const QByteArray &raw, const QList<QByteArray> &names);

// True when any file under `dir` (database, WAL, settings, bodies, …) contains `needle`:
// proves a password never reached the profile.
bool anyFileContains(const QString &dir, const QByteArray &needle);

// A loopback port nothing listens on (taken from the kernel, then released).
quint16 freePort();

// Facts about the real-server stack (Dovecot, Postfix, NSD) started by
// tests/support/stack.sh, read from $HERALD_STACK_DIR/stack.env.
// See tests/support/README.md. Integration tests must FAIL (never skip) when
// the stack is not up: use HERALD_REQUIRE_STACK() in initTestCase().
struct Stack
{
    QString dir;         // STACK_DIR
    QString script;      // STACK_SH: path of stack.sh
    QString host;        // HOST=127.0.0.1: Dovecot treats 127.0.0.1->127.0.0.1 as secure
    QString altHost;     // ALT_HOST=127.0.0.2: not "secure", plaintext LOGIN refused
    QString tlsHostname; // TLS_HOSTNAME=localhost: the name to verify the certificate against
    QString domain;      // DOMAIN=herald.test
    // The IMAP server under test: "dovecot", or "cyrus" when HERALD_IMAP_SERVER=cyrus (the
    // *_cyrus ctest rows). imapPort/imapsPort, deliver() and otherDevice() follow it; the
    // maildir functions below read Dovecot's maildirs (where Postfix delivers) either way.
    QString imapServer;
    QString separator; // its hierarchy separator: "/" (Dovecot) or "." (Cyrus)
    quint16 imapPort = 0, imapsPort = 0, pop3Port = 0, pop3sPort = 0;
    quint16 submissionPort = 0, submissionsPort = 0, smtpPort = 0, dnsPort = 0;
    QString caFile;     // CA_FILE: PEM of the throwaway CA
    QString certFile;   // CERT_FILE: server certificate
    QString keyFile;    // KEY_FILE: its private key (for test servers of our own)
    QString certSha256; // CERT_SHA256: server certificate fingerprint, lowercase hex, no colons
    QString mailDir;    // MAIL_DIR: <dir>/mail; each user's maildir (LAYOUT=fs) is <mailDir>/<user>
    QString dovecotConf; // DOVECOT_CONF
    QString postfixDir;  // POSTFIX_DIR (config_directory)
    QString dkimSelector,
        dkimKey;       // DKIM_SELECTOR / DKIM_KEY (private key PEM; public key is in DNS)
    QStringList users; // USERS: alice bob carol
    QHash<QString, QString> passwords; // PASSWORD_<user>
    QHash<QString, QString> env;       // every KEY=VALUE of stack.env, unquoted
    QString error;                     // why load() failed; empty when valid

    // Reads $HERALD_STACK_DIR/stack.env (or `dir`/stack.env) and checks the servers' PIDs are
    // alive.
    static Stack load(const QString &dir = QString());
    bool isValid() const { return error.isEmpty(); }

    QString password(const QString &user) const { return passwords.value(user); }
    QString email(const QString &user) const { return user + QLatin1Char('@') + domain; }
    bool isCyrus() const { return imapServer == QLatin1String("cyrus"); }
    // A folder path on the IMAP server under test: parts joined by its separator.
    QString folderPath(const QStringList &parts) const { return parts.join(separator); }
    // Maildir directory of a folder ("INBOX" or e.g. "Sent", "a/b").
    QString maildir(const QString &user, const QString &folder = QStringLiteral("INBOX")) const;
    // Saves `eml` into user's folder (created if missing) via `stack.sh deliver`: doveadm save,
    // or IMAP APPEND into Cyrus.
    bool deliver(const QString &user, const QString &folder, const QByteArray &eml,
                 QString *errorOut = nullptr) const;
    // Absolute paths of the message files in folder's cur/ and new/, sorted.
    QStringList messageFiles(const QString &user,
                             const QString &folder = QStringLiteral("INBOX")) const;
    // Polls the folder until a message file contains `needle` (e.g. a Message-ID);
    // returns its path, or an empty string after timeoutMs.
    QString waitForMessage(const QString &user, const QString &folder, const QByteArray &needle,
                           int timeoutMs = 10000) const;
    // Writes `count` varied messages (~18 KB each, tests/bench/seed_maildir.py) straight into
    // the user's INBOX maildir, owned like Dovecot's own files: bulk mail in seconds. Returns
    // what went wrong, or an empty string.
    QString seedInbox(const QString &user, int count) const;
    // Runs lines of Python imaplib as another device: `m` is logged in as `user` over IMAPS
    // with INBOX selected. Returns what went wrong, or an empty string.
    QString otherDevice(const QString &user, const QString &pythonLines) const;
    // True when the IMAP server under test has the INBOX message with this Message-ID (without
    // <>) and it carries \Seen: the server's answer (UID SEARCH), whichever server it is.
    bool isSeenOnServer(const QString &user, const QString &messageId) const;
    // `herald-cli --profile PROFILE account add` for a stack user (account name = user): IMAPS
    // in, submission with STARTTLS on `submissionPort` (0: the stack's) out, the password
    // through an environment variable, the stack's CA. Returns herald-cli's stderr on failure,
    // else an empty string.
    QString addAccountWithCli(const QString &profile, const QString &user,
                              quint16 submissionPort = 0,
                              const QString &displayName = QString()) const;
    // The throwaway CA, and a client configuration that trusts it (default CAs + stack CA).
    QList<QSslCertificate> caCertificates() const;
    QSslConfiguration sslConfiguration() const;
};

// The stack for this process, loaded once. Also sets HERALD_NAMESERVER to the stack's NSD, so
// every herald-cli the test starts resolves sender-check DNS there, and installs it for this
// process's connections (sync::useNameserverForConnections), as the front ends do.
const Stack &stack();
} // namespace herald::test

// Fails the current test function (QFAIL) when the stack is not up. Use in
// initTestCase() so the whole integration test fails instead of skipping.
#define HERALD_REQUIRE_STACK()                                                                     \
    do {                                                                                           \
        if (!::herald::test::stack().isValid())                                                    \
            QFAIL(qPrintable(QStringLiteral("real-server stack not available: ") +                 \
                             ::herald::test::stack().error));                                      \
    } while (false)
