#pragma once
// Rows of the cache as plain values. Repositories read and write these; the UI
// and the CLI only ever see these, never SQL.

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>

namespace herald::store {

struct Account
{
    qint64 id = 0;
    QString name; // short unique handle chosen by the user ("work")
    QString email;
    QString displayName;
    QString incomingUrl;  // imaps://user@host:port, pop3+starttls://…
    QString outgoingUrl;  // smtps://… or smtp+starttls://…
    QString settingsJson; // account options as a JSON object
};

struct Folder
{
    qint64 id = 0;
    qint64 accountId = 0;
    QString name; // full name as on the server, decoded ("Archive/2024")
    QString delimiter;
    QString specialUse; // "\\Sent", "\\Trash", … or empty
    QString attributes; // LIST attributes, space separated
    bool isLocal = false;
    std::optional<qint64> uidValidity;
    std::optional<qint64> uidNext;
    std::optional<qint64> highestModSeq;
    qint64 total = 0;  // filled by queries that count
    qint64 unread = 0; // filled by queries that count
};

// System flags as bits; keywords are kept as text beside them.
enum MessageFlag : int {
    FlagSeen = 1,
    FlagAnswered = 2,
    FlagFlagged = 4,
    FlagDeleted = 8,
    FlagDraft = 16,
};

QStringList flagNames(int flags, const QStringList &keywords);
// Parses "\\Seen" etc. Returns 0 for a keyword (not a system flag).
int systemFlagFromName(const QString &name);

// Verdict summary kept beside the JSON, so lists can show an icon cheaply.
enum class AuthSummary : int { Unknown = 0, Pass = 1, Fail = 2, Neutral = 3 };
// How far the verdict got: nothing yet; from the trusted Authentication-Results only (headers);
// Herald's own checks ran but DNS could not answer everything (retried on the next sync);
// verified (final).
enum class AuthState : int { None = 0, FromHeaders = 1, Incomplete = 2, Verified = 3 };

struct MessageRow
{
    qint64 id = 0;
    qint64 accountId = 0;
    qint64 folderId = 0;
    std::optional<qint64> uid;
    QString remoteKey; // POP3 UIDL or other non-IMAP identity
    QString messageId;
    QString inReplyTo;
    QString subject;
    QString fromName;
    QString fromAddr;
    QString to; // display form, comma separated
    QString cc;
    QDateTime date;
    std::optional<qint64> internalDate; // unix seconds
    qint64 size = 0;
    int flags = 0;
    QStringList keywords;
    std::optional<qint64> modSeq;
    bool hasAttachments = false;
    QString snippet;
    QString authJson; // see DESIGN.md "auth" shape; empty when not computed
    AuthSummary authSummary = AuthSummary::Unknown;
    AuthState authState = AuthState::None;

    QString folderName;  // filled by joins where useful
    QString accountName; // filled by joins where useful
};

struct Task
{
    qint64 id = 0;
    qint64 accountId = 0;
    QString kind;        // "flag", "move", "delete", "send", …
    QString payloadJson; // kind-specific JSON object
    QString state;       // pending, running, failed, held, done, maybe-sent
    int attempts = 0;
    qint64 nextAttemptAt = 0;
    QString lastError;
    QDateTime createdAt;
    qint64 notBefore = 0; // the undo window: not sent before (seconds since the epoch)
};

} // namespace herald::store
