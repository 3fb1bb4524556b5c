#pragma once
// ImapClient: Herald's asynchronous IMAP4rev1 client (RFC 3501 + CONDSTORE/QRESYNC, UIDPLUS,
// MOVE, IDLE, LITERAL+, SASL-IR, SPECIAL-USE, ESEARCH, ID, ENABLE, NAMESPACE).
//
// Runs on the thread that owns it; every result arrives through the callback given to the
// command (on that thread) — one small command object per call (see ImapCommand). Commands are
// pipelined: several are in flight at once, tagged h1, h2, ...; exclusive ones (STARTTLS,
// LOGIN/AUTHENTICATE, IDLE) run alone. Untagged EXISTS / EXPUNGE / FETCH / VANISHED / FLAGS that
// no command claims are delivered as mailboxEvent(). A BYE makes the connection end with
// Error::Kind::ServerBye and the server's reason.
//
// Security: there is no plaintext mode. With Security::StartTls the client upgrades before
// anything else and aborts the connection — before any credential could be sent — when the
// server does not offer STARTTLS, refuses it, or pre-authenticates. LOGIN/AUTHENTICATE are
// refused locally on a connection that is not encrypted.
//
// Destructive operations are UID-scoped: uidExpunge() needs UIDPLUS (a plain EXPUNGE would remove
// other clients' \Deleted messages, so it is never sent); uidMove() falls back to UID COPY +
// UID STORE +FLAGS (\Deleted) + UID EXPUNGE, and refuses without UIDPLUS.

#include "core/imap/ImapCommand.h"
#include "core/imap/ImapResponseParser.h"
#include "core/net/LineClient.h"

#include <QObject>
#include <deque>
#include <memory>

namespace herald::imap {

class IdleCommand;

class ImapClient : public net::LineClient
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, NotAuthenticated, Authenticated, Selected };

    explicit ImapClient(QObject *parent = nullptr);
    ~ImapClient() override;

    // Connects, reads the greeting, upgrades with STARTTLS when asked, learns capabilities.
    // done() gets an error (UntrustedCertificate with fingerprint, StartTlsUnavailable, ...) or OK.
    void connectToServer(const net::ConnectOptions &options, ResultCallback<Empty> done);

    State state() const { return m_state; }
    QList<QByteArray> enabledExtensions() const { return m_enabled; }
    QString selectedMailbox() const { return m_selected; }
    void setParserLimits(const ImapResponseParser::Limits &limits) { m_parser.setLimits(limits); }
    int commandsPending() const { return int(m_queue.size() + m_inFlight.size()); }

    // Each command returns its tag.
    QByteArray capability(ResultCallback<QList<QByteArray>> done);
    QByteArray login(const QString &user, const QString &password, ResultCallback<Empty> done);
    QByteArray authenticatePlain(const QString &user, const QString &password,
                                 ResultCallback<Empty> done);
    QByteArray authenticateXOAuth2(const QString &user, const QString &accessToken,
                                   ResultCallback<Empty> done);
    QByteArray id(const QList<QPair<QByteArray, QByteArray>> &fields,
                  ResultCallback<QList<QPair<QByteArray, QByteArray>>> done);
    QByteArray enable(const QList<QByteArray> &extensions, ResultCallback<QList<QByteArray>> done);
    QByteArray namespaces(ResultCallback<NamespaceData> done);
    // LIST reference pattern, with RETURN (SPECIAL-USE) when the server supports it.
    QByteArray list(const QString &reference, const QString &pattern,
                    ResultCallback<QList<ListEntry>> done);
    // CREATE; with `specialUse` (e.g. "\\Drafts") and CREATE-SPECIAL-USE (RFC 6154) offered,
    // the mailbox gets that use.
    QByteArray create(const QString &mailbox, const QByteArray &specialUse,
                      ResultCallback<Empty> done);
    // RENAME (the server renames the mailbox's inferiors with it, RFC 3501 6.3.5) and DELETE.
    QByteArray rename(const QString &from, const QString &to, ResultCallback<Empty> done);
    QByteArray deleteMailbox(const QString &mailbox, ResultCallback<Empty> done);
    QByteArray status(const QString &mailbox, const QList<QByteArray> &items,
                      ResultCallback<StatusData> done);
    QByteArray select(const QString &mailbox, const SelectOptions &options,
                      ResultCallback<SelectResult> done);
    QByteArray examine(const QString &mailbox, SelectOptions options,
                       ResultCallback<SelectResult> done);
    // items: "(UID FLAGS BODY.PEEK[])" or "UID FLAGS". onMessage gets each FETCH as it arrives.
    QByteArray uidFetch(const UidSet &uids, const QByteArray &items, const FetchOptions &options,
                        std::function<void(const FetchData &)> onMessage,
                        ResultCallback<FetchResult> done);
    // criteria: raw search keys, e.g. "UID 1:* UNDELETED". Uses ESEARCH when offered.
    QByteArray uidSearch(const QByteArray &criteria, ResultCallback<SearchResult> done);
    QByteArray uidStore(const UidSet &uids, StoreMode mode, const QList<QByteArray> &flags,
                        std::optional<quint64> unchangedSince, ResultCallback<StoreResult> done);
    QByteArray uidCopy(const UidSet &uids, const QString &destination,
                       ResultCallback<CopyResult> done);
    // UID MOVE, or the COPY + STORE \Deleted + UID EXPUNGE fallback. Returns the first tag.
    QByteArray uidMove(const UidSet &uids, const QString &destination,
                       ResultCallback<CopyResult> done);
    QByteArray uidExpunge(const UidSet &uids, ResultCallback<Empty> done);
    QByteArray append(const QString &mailbox, const QByteArray &message,
                      const QList<QByteArray> &flags, const QDateTime &internalDate,
                      ResultCallback<AppendResult> done);
    // IDLE until idleDone() (or until another command is queued: DONE is sent automatically).
    QByteArray idle(std::function<void()> started, ResultCallback<Empty> done);
    void idleDone();
    bool isIdling() const;
    QByteArray noop(ResultCallback<Empty> done);
    QByteArray logout(ResultCallback<Empty> done);

signals:
    void mailboxEvent(const herald::imap::MailboxEvent &event);
    void alert(const QString &text);
    void capabilitiesChanged();
    // The connection ended: error kind None after LOGOUT, else the reason.
    void disconnected(const herald::net::Error &reason);

private:
    enum class Phase { Idle, Greeting, StartTls, Handshake, Ready };

    QByteArray enqueue(std::unique_ptr<ImapCommand> command, bool front = false);
    template <class T> QByteArray failLater(ResultCallback<T> done, const net::Error &error);
    void pump();
    void writeCommand(ImapCommand *command, int fromPart);
    void connectionReady() override { m_phase = Phase::Greeting; }
    void connectionEncrypted() override;
    void bytesReceived(const QByteArray &bytes) override;
    void connectionFailed(const net::Error &error) override;
    bool hasUnreadBytes() const override { return m_parser.pendingBytes() > 0; }
    void handleResponse(const Response &response);
    void handleGreeting(const Response &response);
    void handleUntagged(const Response &response);
    void continueConnect();
    void finishConnect(const net::Error &error);
    void learnCapabilities(const QList<QByteArray> &caps);
    void updateReadTimeout();
    void afterAuthentication(const Result<Empty> &r, const ResultCallback<Empty> &done);
    IdleCommand *activeIdle() const;
    QByteArray authenticate(const QByteArray &mechanism, const QByteArray &initial,
                            ResultCallback<Empty> done);

    ImapResponseParser m_parser;
    State m_state = State::Disconnected;
    Phase m_phase = Phase::Idle;
    bool m_preauth = false;
    QList<QByteArray> m_enabled;
    QString m_selected;
    QString m_byeText;
    quint64 m_tagCounter = 0;
    std::deque<std::unique_ptr<ImapCommand>> m_queue;    // not yet sent
    std::deque<std::unique_ptr<ImapCommand>> m_inFlight; // sent, awaiting the tagged response
    QSet<ImapCommand *> m_internal;  // connect-phase commands, allowed before Ready
    ImapCommand *m_writer = nullptr; // waiting for "+" to send a literal
    int m_writerNextPart = 0;
};

} // namespace herald::imap
