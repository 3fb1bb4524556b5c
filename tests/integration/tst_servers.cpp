// Proves the real-server stack (tests/support/stack.sh) is what the other
// integration tests assume: TLS with the throwaway CA verified as "localhost",
// IMAP/POP3 over implicit TLS and STARTTLS, Dovecot refusing plaintext LOGIN on
// 127.0.0.2, authenticated submission delivered by Postfix over LMTP into
// Dovecot, the plain SMTP port, doveadm seeding, NSD answering over UDP/TCP, and Cyrus IMAP
// beside Dovecot (implicit TLS and STARTTLS, LOGINDISABLED before TLS, separator ".").
// Uses QSslSocket directly: no Herald code is under test here.

#include "tests/support/TestSupport.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>
#include <QUdpSocket>
#include <QUuid>
#include <QtEndian>

using herald::test::Stack;
using herald::test::stack;

namespace {
constexpr int kTimeoutMs = 5000;

// A line-oriented client over QSslSocket, synchronous (fine in tests).
class LineClient
{
public:
    explicit LineClient(const Stack &s) { sock.setSslConfiguration(s.sslConfiguration()); }

    bool connectPlain(const QString &host, quint16 port)
    {
        sock.connectToHost(host, port);
        return sock.waitForConnected(kTimeoutMs);
    }
    // Implicit TLS, verifying the certificate against `peerName`.
    bool connectTls(const QString &host, quint16 port, const QString &peerName)
    {
        sock.connectToHostEncrypted(host, port, peerName);
        return sock.waitForEncrypted(kTimeoutMs);
    }
    // After a STARTTLS/STLS go-ahead.
    bool startTls(const QString &peerName)
    {
        sock.setPeerVerifyName(peerName);
        sock.startClientEncryption();
        return sock.waitForEncrypted(kTimeoutMs);
    }
    // One line without CRLF; null QByteArray on timeout/close.
    QByteArray readLine()
    {
        while (!sock.canReadLine()) {
            if (!sock.waitForReadyRead(kTimeoutMs))
                return QByteArray();
        }
        QByteArray line = sock.readLine();
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        if (line.isNull())
            line = QByteArray(""); // an empty line is not a timeout
        return line;
    }
    void write(const QByteArray &line)
    {
        sock.write(line + "\r\n");
        sock.flush();
    }
    // IMAP: send "<tag> <cmd>", return all lines up to and including the tagged one.
    QList<QByteArray> imap(const QByteArray &tag, const QByteArray &cmd)
    {
        write(tag + ' ' + cmd);
        QList<QByteArray> lines;
        for (;;) {
            const QByteArray l = readLine();
            if (l.isNull())
                break;
            lines << l;
            if (l.startsWith(tag + ' '))
                break;
        }
        return lines;
    }
    // SMTP: read a (multi-line) reply; returns the code, lines in *text.
    int smtpReply(QList<QByteArray> *text = nullptr)
    {
        for (;;) {
            const QByteArray l = readLine();
            if (l.size() < 3)
                return -1;
            if (text)
                *text << l;
            if (l.size() == 3 || l.at(3) != '-')
                return l.left(3).toInt();
        }
    }
    int smtp(const QByteArray &cmd, QList<QByteArray> *text = nullptr)
    {
        write(cmd);
        return smtpReply(text);
    }
    QString peerSha256() const
    {
        return QString::fromLatin1(
            sock.peerCertificate().digest(QCryptographicHash::Sha256).toHex());
    }
    QString describeErrors() const
    {
        QStringList out;
        for (const QSslError &e : sock.sslHandshakeErrors())
            out << e.errorString();
        out << sock.errorString();
        return out.join(QStringLiteral("; "));
    }

    QSslSocket sock;
};

QByteArray authPlain(const QString &user, const QString &password)
{
    return QByteArray('\0' + user.toUtf8() + '\0' + password.toUtf8()).toBase64();
}

QByteArray uniqueMessage(const QString &from, const QString &to, QByteArray *messageId)
{
    *messageId =
        "<" + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1() + "@herald.test>";
    QByteArray m;
    m += "From: " + from.toUtf8() + "\r\n";
    m += "To: " + to.toUtf8() + "\r\n";
    m += "Subject: stack test\r\n";
    m += "Date: " + QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date).toLatin1() + "\r\n";
    m += "Message-ID: " + *messageId + "\r\n";
    m += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n";
    m += "Hello from tst_servers.\r\n.leading dot line\r\n";
    return m;
}

// SMTP DATA body with dot-stuffing.
QByteArray dotStuff(const QByteArray &m)
{
    QByteArray out;
    for (const QByteArray &line : m.split('\n')) {
        if (line.startsWith('.'))
            out += '.';
        out += line + '\n';
    }
    out.chop(1);
    if (!out.endsWith("\r\n"))
        out += "\r\n";
    return out + ".";
}

// ---- minimal DNS client (QDnsLookup cannot target a port in Qt 6.4) ----
QByteArray dnsQuery(quint16 id, const QByteArray &name, quint16 type)
{
    QByteArray q(12, '\0');
    qToBigEndian<quint16>(id, q.data());
    qToBigEndian<quint16>(0x0100, q.data() + 2); // RD
    qToBigEndian<quint16>(1, q.data() + 4);      // QDCOUNT
    for (const QByteArray &label : name.split('.')) {
        if (label.isEmpty())
            continue;
        q += char(label.size());
        q += label;
    }
    q += '\0';
    char tail[4];
    qToBigEndian<quint16>(type, tail);
    qToBigEndian<quint16>(1, tail + 2); // IN
    q += QByteArray(tail, 4);
    return q;
}

// Skips a (possibly compressed) name at pos; false on malformed data.
bool skipName(const QByteArray &p, int &pos)
{
    while (pos < p.size()) {
        const quint8 len = quint8(p.at(pos));
        if ((len & 0xC0) == 0xC0) {
            pos += 2;
            return pos <= p.size();
        }
        pos += 1 + len;
        if (len == 0)
            return pos <= p.size();
    }
    return false;
}

// Parses a response: rcode, and each TXT record's strings joined.
bool parseTxtAnswer(const QByteArray &p, quint16 id, int *rcode, QStringList *txts, QString *why)
{
    if (p.size() < 12) {
        *why = QStringLiteral("short packet");
        return false;
    }
    const auto u16 = [&p](int at) { return qFromBigEndian<quint16>(p.constData() + at); };
    if (u16(0) != id) {
        *why = QStringLiteral("id mismatch");
        return false;
    }
    if (!(u16(2) & 0x8000)) {
        *why = QStringLiteral("not a response");
        return false;
    }
    *rcode = u16(2) & 0x000F;
    const int qd = u16(4), an = u16(6);
    int pos = 12;
    for (int i = 0; i < qd; ++i) {
        if (!skipName(p, pos) || pos + 4 > p.size()) {
            *why = QStringLiteral("bad question");
            return false;
        }
        pos += 4;
    }
    for (int i = 0; i < an; ++i) {
        if (!skipName(p, pos) || pos + 10 > p.size()) {
            *why = QStringLiteral("bad answer header");
            return false;
        }
        const quint16 type = u16(pos);
        const int rdlen = u16(pos + 8);
        pos += 10;
        if (pos + rdlen > p.size()) {
            *why = QStringLiteral("truncated rdata");
            return false;
        }
        if (type == 16) { // TXT: <len><bytes>...
            QByteArray txt;
            for (int r = pos; r < pos + rdlen;) {
                const int len = quint8(p.at(r));
                txt += p.mid(r + 1, len);
                r += 1 + len;
            }
            *txts << QString::fromUtf8(txt);
        }
        pos += rdlen;
    }
    return true;
}
} // namespace

class tst_Servers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void tlsCertificate_data();
    void tlsCertificate();
    void imapLogin_data();
    void imapLogin();
    void imapWrongPassword();
    void plaintextLogin_data();
    void plaintextLogin();
    void pop3Login_data();
    void pop3Login();
    void smtpSubmitAndDeliver_data();
    void smtpSubmitAndDeliver();
    void submissionRequiresTlsAndAuth();
    void doveadmDeliver();
    void dnsTxt_data();
    void dnsTxt();
    void cyrusImap_data();
    void cyrusImap();
};

void tst_Servers::initTestCase()
{
    HERALD_REQUIRE_STACK();
    const Stack &s = stack();
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend");
    QCOMPARE(
        s.users,
        (QStringList{QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol"),
                     QStringLiteral("dave"), QStringLiteral("erin"), QStringLiteral("frank"),
                     QStringLiteral("grace"), QStringLiteral("heidi"), QStringLiteral("ivan")}));
    QCOMPARE(s.caCertificates().size(), 1);
    QCOMPARE(s.certSha256.size(), 64);
    for (const QString &u : s.users)
        QVERIFY2(!s.password(u).isEmpty(), qPrintable(u));
}

// The certificate verifies with the stack CA for the names tests use, and not otherwise.
void tst_Servers::tlsCertificate_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("peerName");
    QTest::addColumn<bool>("trustCa");
    QTest::addColumn<bool>("ok");
    QTest::newRow("localhost") << "127.0.0.1"
                               << "localhost" << true << true;
    QTest::newRow("127.0.0.1") << "127.0.0.1"
                               << "127.0.0.1" << true << true;
    QTest::newRow("127.0.0.2") << "127.0.0.2"
                               << "127.0.0.2" << true << true;
    QTest::newRow("mail.herald.test") << "127.0.0.1"
                                      << "mail.herald.test" << true << true;
    QTest::newRow("wrong name") << "127.0.0.1"
                                << "imap.example.org" << true << false;
    QTest::newRow("CA not trusted") << "127.0.0.1"
                                    << "localhost" << false << false;
}

void tst_Servers::tlsCertificate()
{
    QFETCH(QString, host);
    QFETCH(QString, peerName);
    QFETCH(bool, trustCa);
    QFETCH(bool, ok);
    const Stack &s = stack();
    LineClient c(s);
    if (!trustCa) {
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        conf.setPeerVerifyMode(QSslSocket::VerifyPeer);
        c.sock.setSslConfiguration(conf);
    }
    const bool encrypted = c.connectTls(host, s.imapsPort, peerName);
    QCOMPARE(encrypted, ok);
    if (ok) {
        QCOMPARE(c.peerSha256(), s.certSha256);
        QVERIFY(c.readLine().startsWith("* OK"));
    } else {
        QVERIFY(!c.sock.sslHandshakeErrors().isEmpty());
    }
}

void tst_Servers::imapLogin_data()
{
    QTest::addColumn<bool>("starttls");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("user");
    QTest::newRow("imaps alice 127.0.0.1") << false << "127.0.0.1"
                                           << "alice";
    QTest::newRow("imaps bob 127.0.0.2") << false << "127.0.0.2"
                                         << "bob";
    QTest::newRow("starttls carol 127.0.0.1") << true << "127.0.0.1"
                                              << "carol";
    QTest::newRow("starttls alice 127.0.0.2") << true << "127.0.0.2"
                                              << "alice";
}

void tst_Servers::imapLogin()
{
    QFETCH(bool, starttls);
    QFETCH(QString, host);
    QFETCH(QString, user);
    const Stack &s = stack();
    LineClient c(s);
    if (starttls) {
        QVERIFY2(c.connectPlain(host, s.imapPort), qPrintable(c.describeErrors()));
        const QByteArray greeting = c.readLine();
        QVERIFY2(greeting.startsWith("* OK") && greeting.contains("STARTTLS"),
                 greeting.constData());
        const QList<QByteArray> r = c.imap("s1", "STARTTLS");
        QVERIFY(!r.isEmpty());
        QVERIFY2(r.last().startsWith("s1 OK"), r.last().constData());
        QVERIFY2(c.startTls(s.tlsHostname), qPrintable(c.describeErrors()));
    } else {
        QVERIFY2(c.connectTls(host, s.imapsPort, s.tlsHostname), qPrintable(c.describeErrors()));
        const QByteArray greeting = c.readLine();
        QVERIFY2(greeting.startsWith("* OK"), greeting.constData());
        QVERIFY2(!greeting.contains("LOGINDISABLED"), greeting.constData());
    }
    QCOMPARE(c.peerSha256(), s.certSha256);

    QList<QByteArray> r =
        c.imap("a1", "LOGIN " + user.toUtf8() + " \"" + s.password(user).toUtf8() + '"');
    QVERIFY(!r.isEmpty());
    QVERIFY2(r.last().startsWith("a1 OK"), r.last().constData());

    r = c.imap("a2", "CAPABILITY");
    QVERIFY(r.size() >= 2);
    const QByteArray caps = r.first();
    for (const char *cap :
         {"QRESYNC", "CONDSTORE", "IDLE", "MOVE", "UIDPLUS", "SPECIAL-USE", "LITERAL+", "ESEARCH"})
        QVERIFY2(caps.contains(cap),
                 qPrintable(QStringLiteral("%1 missing from %2")
                                .arg(QLatin1String(cap), QString::fromLatin1(caps))));

    r = c.imap("a3", "ENABLE QRESYNC");
    QVERIFY2(r.last().startsWith("a3 OK"), r.last().constData());
    QVERIFY(r.first().contains("ENABLED QRESYNC"));

    r = c.imap("a4", "LIST \"\" \"*\"");
    QVERIFY2(r.last().startsWith("a4 OK"), r.last().constData());
    const QByteArray all = r.join('\n');
    QVERIFY2(all.contains("\\Sent") && all.contains("\\Trash") && all.contains("INBOX"),
             all.constData());

    r = c.imap("a5", "SELECT INBOX");
    QVERIFY2(r.last().startsWith("a5 OK"), r.last().constData());
    r = c.imap("a6", "LOGOUT");
    QVERIFY(r.join('\n').contains("a6 OK"));
}

void tst_Servers::imapWrongPassword()
{
    const Stack &s = stack();
    LineClient c(s);
    QVERIFY(c.connectTls(s.host, s.imapsPort, s.tlsHostname));
    QVERIFY(c.readLine().startsWith("* OK"));
    const QList<QByteArray> r = c.imap("a1", "LOGIN alice \"not-the-password\"");
    QVERIFY(!r.isEmpty());
    QVERIFY2(r.last().startsWith("a1 NO"), r.last().constData());
}

// Dovecot allows plaintext LOGIN without TLS on 127.0.0.1 (client==server
// address counts as secure) and refuses it on 127.0.0.2 (disable_plaintext_auth).
// So Herald itself must enforce STARTTLS, and 127.0.0.2 lets tests prove it does.
void tst_Servers::plaintextLogin_data()
{
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("imap 127.0.0.1 accepted") << "imap"
                                             << "127.0.0.1" << true;
    QTest::newRow("imap 127.0.0.2 refused") << "imap"
                                            << "127.0.0.2" << false;
    QTest::newRow("pop3 127.0.0.1 accepted") << "pop3"
                                             << "127.0.0.1" << true;
    QTest::newRow("pop3 127.0.0.2 refused") << "pop3"
                                            << "127.0.0.2" << false;
}

void tst_Servers::plaintextLogin()
{
    QFETCH(QString, protocol);
    QFETCH(QString, host);
    QFETCH(bool, accepted);
    const Stack &s = stack();
    LineClient c(s);
    const QByteArray pass = s.password(QStringLiteral("alice")).toUtf8();
    if (protocol == QLatin1String("imap")) {
        QVERIFY(c.connectPlain(host, s.imapPort));
        const QByteArray greeting = c.readLine();
        QVERIFY2(greeting.startsWith("* OK"), greeting.constData());
        QCOMPARE(greeting.contains("LOGINDISABLED"), !accepted);
        const QList<QByteArray> r = c.imap("p1", "LOGIN alice \"" + pass + '"');
        QVERIFY(!r.isEmpty());
        if (accepted) {
            QVERIFY2(r.last().startsWith("p1 OK"), r.last().constData());
        } else {
            QVERIFY2(r.last().startsWith("p1 NO"), r.last().constData());
            QVERIFY2(r.last().contains("PRIVACYREQUIRED") || r.last().contains("Plaintext"),
                     r.last().constData());
        }
    } else {
        QVERIFY(c.connectPlain(host, s.pop3Port));
        QVERIFY(c.readLine().startsWith("+OK"));
        c.write("USER alice");
        QByteArray l = c.readLine();
        if (accepted) {
            QVERIFY2(l.startsWith("+OK"), l.constData());
            c.write("PASS " + pass);
            l = c.readLine();
            QVERIFY2(l.startsWith("+OK"), l.constData());
        } else {
            QVERIFY2(l.startsWith("-ERR"), l.constData());
        }
    }
}

void tst_Servers::pop3Login_data()
{
    QTest::addColumn<bool>("stls");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("user");
    QTest::newRow("pop3s bob 127.0.0.1") << false << "127.0.0.1"
                                         << "bob";
    QTest::newRow("pop3s carol 127.0.0.2") << false << "127.0.0.2"
                                           << "carol";
    QTest::newRow("stls alice 127.0.0.1") << true << "127.0.0.1"
                                          << "alice";
    QTest::newRow("stls bob 127.0.0.2") << true << "127.0.0.2"
                                        << "bob";
}

void tst_Servers::pop3Login()
{
    QFETCH(bool, stls);
    QFETCH(QString, host);
    QFETCH(QString, user);
    const Stack &s = stack();
    LineClient c(s);
    if (stls) {
        QVERIFY2(c.connectPlain(host, s.pop3Port), qPrintable(c.describeErrors()));
        QVERIFY(c.readLine().startsWith("+OK"));
        c.write("CAPA");
        QList<QByteArray> capa;
        for (QByteArray l = c.readLine(); !l.isNull() && l != "."; l = c.readLine())
            capa << l;
        QVERIFY2(capa.contains("STLS"), capa.join(' ').constData());
        c.write("STLS");
        const QByteArray l = c.readLine();
        QVERIFY2(l.startsWith("+OK"), l.constData());
        QVERIFY2(c.startTls(s.tlsHostname), qPrintable(c.describeErrors()));
    } else {
        QVERIFY2(c.connectTls(host, s.pop3sPort, s.tlsHostname), qPrintable(c.describeErrors()));
        QVERIFY(c.readLine().startsWith("+OK"));
    }
    QCOMPARE(c.peerSha256(), s.certSha256);
    c.write("USER " + user.toUtf8());
    QByteArray l = c.readLine();
    QVERIFY2(l.startsWith("+OK"), l.constData());
    c.write("PASS " + s.password(user).toUtf8());
    l = c.readLine();
    QVERIFY2(l.startsWith("+OK"), l.constData());
    c.write("STAT");
    l = c.readLine();
    QVERIFY2(l.startsWith("+OK "), l.constData());
    c.write("UIDL");
    l = c.readLine();
    QVERIFY2(l.startsWith("+OK"), l.constData());
    for (l = c.readLine(); !l.isNull() && l != "."; l = c.readLine())
        QVERIFY2(l.split(' ').size() == 2, l.constData());
    QCOMPARE(l, QByteArray("."));
    c.write("QUIT");
    QVERIFY(c.readLine().startsWith("+OK"));
}

// alice submits (STARTTLS or implicit TLS, AUTH PLAIN) or an "outside" host
// uses the plain SMTP port; Postfix delivers over LMTP into the recipient's maildir.
void tst_Servers::smtpSubmitAndDeliver_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("to");
    QTest::newRow("submission starttls -> bob") << "submission"
                                                << "bob";
    QTest::newRow("submissions -> carol") << "submissions"
                                          << "carol";
    QTest::newRow("smtp from outside -> alice") << "smtp"
                                                << "alice";
}

void tst_Servers::smtpSubmitAndDeliver()
{
    QFETCH(QString, mode);
    QFETCH(QString, to);
    const Stack &s = stack();
    const QString from = mode == QLatin1String("smtp") ? QStringLiteral("someone@example.org")
                                                       : s.email(QStringLiteral("alice"));
    LineClient c(s);
    QList<QByteArray> text;
    if (mode == QLatin1String("submissions")) {
        QVERIFY2(c.connectTls(s.host, s.submissionsPort, s.tlsHostname),
                 qPrintable(c.describeErrors()));
        QCOMPARE(c.smtpReply(), 220);
    } else {
        QVERIFY(
            c.connectPlain(s.host, mode == QLatin1String("smtp") ? s.smtpPort : s.submissionPort));
        QCOMPARE(c.smtpReply(), 220);
        QCOMPARE(c.smtp("EHLO client.herald.test", &text), 250);
        QVERIFY(text.join('\n').contains("STARTTLS"));
        if (mode == QLatin1String("submission")) {
            QCOMPARE(c.smtp("STARTTLS"), 220);
            QVERIFY2(c.startTls(s.tlsHostname), qPrintable(c.describeErrors()));
        }
    }
    if (mode != QLatin1String("smtp"))
        QCOMPARE(c.peerSha256(), s.certSha256);
    text.clear();
    QCOMPARE(c.smtp("EHLO client.herald.test", &text), 250);
    if (mode != QLatin1String("smtp")) {
        QVERIFY2(text.join('\n').contains("AUTH PLAIN"), text.join('\n').constData());
        const QString alice = QStringLiteral("alice");
        QCOMPARE(c.smtp("AUTH PLAIN " + authPlain(alice, s.password(alice))), 235);
    }
    QByteArray messageId;
    const QByteArray msg = uniqueMessage(from, s.email(to), &messageId);
    QCOMPARE(c.smtp("MAIL FROM:<" + from.toUtf8() + ">"), 250);
    QCOMPARE(c.smtp("RCPT TO:<" + s.email(to).toUtf8() + ">"), 250);
    QCOMPARE(c.smtp("DATA"), 354);
    text.clear();
    QCOMPARE(c.smtp(dotStuff(msg), &text), 250);
    QCOMPARE(c.smtp("QUIT"), 221);

    QElapsedTimer t;
    t.start();
    const QString path =
        s.waitForMessage(to, QStringLiteral("INBOX"), "Message-ID: " + messageId, 10000);
    QVERIFY2(!path.isEmpty(),
             qPrintable(QStringLiteral("%1 not delivered to %2 within 10 s (queued: %3)")
                            .arg(QString::fromLatin1(messageId), to,
                                 QString::fromLatin1(text.join(' ')))));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray stored = f.readAll();
    QVERIFY(stored.contains("\n.leading dot line")); // dot-stuffing undone
    QVERIFY(stored.contains("Delivered-To: " + s.email(to).toUtf8()));
    if (mode != QLatin1String("smtp"))
        QVERIFY2(stored.contains("(Authenticated sender: alice"), stored.left(800).constData());
    qInfo("delivered in %lld ms", qint64(t.elapsed()));
}

void tst_Servers::submissionRequiresTlsAndAuth()
{
    const Stack &s = stack();
    {
        // Before STARTTLS: no AUTH offered, MAIL refused.
        LineClient c(s);
        QVERIFY(c.connectPlain(s.host, s.submissionPort));
        QCOMPARE(c.smtpReply(), 220);
        QList<QByteArray> text;
        QCOMPARE(c.smtp("EHLO client.herald.test", &text), 250);
        QVERIFY2(!text.join('\n').contains("AUTH"), text.join('\n').constData());
        const int code = c.smtp("MAIL FROM:<alice@herald.test>");
        QVERIFY2(code >= 500 && code < 600, qPrintable(QString::number(code)));
    }
    {
        // After STARTTLS, unauthenticated: recipient refused; wrong password refused.
        LineClient c(s);
        QVERIFY(c.connectPlain(s.host, s.submissionPort));
        QCOMPARE(c.smtpReply(), 220);
        QCOMPARE(c.smtp("EHLO client.herald.test"), 250);
        QCOMPARE(c.smtp("STARTTLS"), 220);
        QVERIFY(c.startTls(s.tlsHostname));
        QCOMPARE(c.smtp("EHLO client.herald.test"), 250);
        QCOMPARE(
            c.smtp("AUTH PLAIN " + authPlain(QStringLiteral("alice"), QStringLiteral("wrong"))),
            535);
        const int mail = c.smtp("MAIL FROM:<alice@herald.test>");
        if (mail == 250) {
            const int rcpt = c.smtp("RCPT TO:<bob@herald.test>");
            QVERIFY2(rcpt >= 500 && rcpt < 600, qPrintable(QString::number(rcpt)));
        } else {
            QVERIFY2(mail >= 500 && mail < 600, qPrintable(QString::number(mail)));
        }
    }
}

void tst_Servers::doveadmDeliver()
{
    const Stack &s = stack();
    QByteArray messageId;
    const QByteArray msg = uniqueMessage(QStringLiteral("fixture@example.org"),
                                         s.email(QStringLiteral("carol")), &messageId);
    const QString folder = QStringLiteral("Fixtures/Nested");
    const int before = s.messageFiles(QStringLiteral("carol"), folder).size();
    QString err;
    QVERIFY2(s.deliver(QStringLiteral("carol"), folder, msg, &err), qPrintable(err));
    QVERIFY2(s.deliver(QStringLiteral("carol"), folder, msg, &err),
             qPrintable(err)); // folder exists now
    QCOMPARE(s.messageFiles(QStringLiteral("carol"), folder).size(), before + 2);
    QVERIFY(!s.waitForMessage(QStringLiteral("carol"), folder, messageId, 0).isEmpty());

    // And IMAP sees them.
    LineClient c(s);
    QVERIFY(c.connectTls(s.host, s.imapsPort, s.tlsHostname));
    QVERIFY(c.readLine().startsWith("* OK"));
    QList<QByteArray> r =
        c.imap("a1", "LOGIN carol \"" + s.password(QStringLiteral("carol")).toUtf8() + '"');
    QVERIFY2(r.last().startsWith("a1 OK"), r.last().constData());
    r = c.imap("a2", "STATUS \"" + folder.toUtf8() + "\" (MESSAGES)");
    QVERIFY2(r.last().startsWith("a2 OK"), r.last().constData());
    QVERIFY2(r.first().contains("MESSAGES " + QByteArray::number(before + 2)),
             r.first().constData());

    QVERIFY(!s.deliver(QStringLiteral("nobody"), QStringLiteral("INBOX"), msg, &err));
}

void tst_Servers::dnsTxt_data()
{
    QTest::addColumn<bool>("tcp");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected"); // prefix of the joined TXT strings
    QTest::newRow("udp spf") << false << "herald.test"
                             << "v=spf1 ip4:127.0.0.1 -all";
    QTest::newRow("tcp spf") << true << "herald.test"
                             << "v=spf1 ip4:127.0.0.1 -all";
    QTest::newRow("udp dmarc") << false << "_dmarc.herald.test"
                               << "v=DMARC1; p=reject";
    QTest::newRow("udp dkim") << false << "herald._domainkey.herald.test"
                              << "v=DKIM1; k=rsa; p=MII";
}

void tst_Servers::dnsTxt()
{
    QFETCH(bool, tcp);
    QFETCH(QString, name);
    QFETCH(QString, expected);
    const Stack &s = stack();
    const quint16 id = quint16(QDateTime::currentMSecsSinceEpoch() & 0xFFFF);
    const QByteArray query = dnsQuery(id, name.toLatin1(), 16 /* TXT */);
    QByteArray reply;
    if (tcp) {
        QTcpSocket sock;
        sock.connectToHost(s.host, s.dnsPort);
        QVERIFY(sock.waitForConnected(kTimeoutMs));
        char len[2];
        qToBigEndian<quint16>(quint16(query.size()), len);
        sock.write(QByteArray(len, 2) + query);
        while (sock.bytesAvailable() < 2 && sock.waitForReadyRead(kTimeoutMs)) {
        }
        QVERIFY(sock.bytesAvailable() >= 2);
        const quint16 n = qFromBigEndian<quint16>(sock.read(2).constData());
        while (sock.bytesAvailable() < n && sock.waitForReadyRead(kTimeoutMs)) {
        }
        reply = sock.read(n);
        QCOMPARE(reply.size(), int(n));
    } else {
        QUdpSocket sock;
        QVERIFY(sock.bind(QHostAddress(s.host), 0));
        QCOMPARE(sock.writeDatagram(query, QHostAddress(s.host), s.dnsPort), qint64(query.size()));
        QVERIFY2(sock.waitForReadyRead(kTimeoutMs), "no DNS reply over UDP");
        reply.resize(int(sock.pendingDatagramSize()));
        sock.readDatagram(reply.data(), reply.size());
    }
    int rcode = -1;
    QStringList txts;
    QString why;
    QVERIFY2(parseTxtAnswer(reply, id, &rcode, &txts, &why), qPrintable(why));
    QCOMPARE(rcode, 0);
    QVERIFY2(!txts.isEmpty(), "no TXT answers");
    bool found = false;
    for (const QString &t : txts)
        found = found || t.startsWith(expected);
    QVERIFY2(found, qPrintable(txts.join(QStringLiteral(" | "))));
    if (name == QLatin1String("herald.test"))
        QCOMPARE(txts.size(), 1); // exactly one SPF record
}

// Cyrus IMAP 3.6 of tests/support/cyrus, for the *_cyrus rows of the IMAP tests: the same CA,
// users and passwords; PLAIN/LOGIN only under TLS (also on 127.0.0.1, unlike Dovecot).
void tst_Servers::cyrusImap_data()
{
    QTest::addColumn<bool>("starttls");
    QTest::addColumn<QString>("user");
    QTest::newRow("imaps alice") << false << "alice";
    QTest::newRow("starttls carol") << true << "carol";
}

void tst_Servers::cyrusImap()
{
    QFETCH(bool, starttls);
    QFETCH(QString, user);
    const Stack &s = stack();
    QVERIFY2(s.env.value(QStringLiteral("CYRUS_ERROR")).isEmpty(),
             qPrintable(s.env.value(QStringLiteral("CYRUS_ERROR"))));
    const quint16 imapPort = s.env.value(QStringLiteral("CYRUS_IMAP_PORT")).toUShort();
    const quint16 imapsPort = s.env.value(QStringLiteral("CYRUS_IMAPS_PORT")).toUShort();
    QVERIFY(imapPort && imapsPort);
    LineClient c(s);
    QByteArray greeting;
    if (starttls) {
        QVERIFY2(c.connectPlain(s.host, imapPort), qPrintable(c.describeErrors()));
        greeting = c.readLine();
        QVERIFY2(greeting.contains("STARTTLS") && greeting.contains("LOGINDISABLED"),
                 greeting.constData());
        const QList<QByteArray> refused =
            c.imap("p1", "LOGIN " + user.toUtf8() + " \"" + s.password(user).toUtf8() + '"');
        QVERIFY2(!refused.isEmpty() && refused.last().startsWith("p1 NO"),
                 refused.join('\n').constData());
        const QList<QByteArray> r = c.imap("s1", "STARTTLS");
        QVERIFY2(!r.isEmpty() && r.last().startsWith("s1 OK"), r.join('\n').constData());
        QVERIFY2(c.startTls(s.tlsHostname), qPrintable(c.describeErrors()));
    } else {
        QVERIFY2(c.connectTls(s.host, imapsPort, s.tlsHostname), qPrintable(c.describeErrors()));
        greeting = c.readLine();
    }
    QVERIFY2(greeting.startsWith("* OK") && greeting.contains("Cyrus IMAP 3."),
             greeting.constData());
    QCOMPARE(c.peerSha256(), s.certSha256);

    QList<QByteArray> r = c.imap("a0", "LOGIN " + user.toUtf8() + " \"not-the-password\"");
    QVERIFY2(!r.isEmpty() && r.last().startsWith("a0 NO"), r.join('\n').constData());
    r = c.imap("a1", "LOGIN " + user.toUtf8() + " \"" + s.password(user).toUtf8() + '"');
    QVERIFY2(!r.isEmpty() && r.last().startsWith("a1 OK"), r.join('\n').constData());
    r = c.imap("a2", "CAPABILITY");
    for (const char *cap :
         {"QRESYNC", "CONDSTORE", "IDLE", "MOVE", "UIDPLUS", "SPECIAL-USE", "LITERAL+", "ESEARCH"})
        QVERIFY2(r.first().contains(cap), r.first().constData());
    // Personal folders at the top level, "." between levels, special-use folders made at login.
    r = c.imap("a3", "LIST \"\" \"*\"");
    QVERIFY2(r.last().startsWith("a3 OK"), r.last().constData());
    const QByteArray all = r.join('\n').toLower(); // Cyrus writes "\\drafts"
    for (const char *line :
         {") \".\" inbox", "\\drafts) \".\" drafts", "\\sent) \".\" sent", "\\trash) \".\" trash",
          "\\junk) \".\" junk", "\\archive) \".\" archive"})
        QVERIFY2(all.contains(line), all.constData());
    r = c.imap("a4", "LOGOUT");
    QVERIFY(r.join('\n').contains("a4 OK"));
}

QTEST_GUILESS_MAIN(tst_Servers)
#include "tst_servers.moc"
