#pragma once
// Commands on messages of the selected mailbox, all UID-based: UID FETCH (streaming), UID SEARCH,
// UID STORE, UID COPY / UID MOVE, UID EXPUNGE (in ImapClient, a SimpleCommand), APPEND, IDLE.

#include "core/imap/ImapCommand.h"

namespace herald::imap {

class FetchCommand : public TypedCommand<FetchResult>
{
public:
    FetchCommand(UidSet uids, QByteArray items, FetchOptions options,
                 std::function<void(const FetchData &)> onMessage,
                 ResultCallback<FetchResult> done);
    QList<CommandPart> parts() const override;
    QByteArray name() const override { return "UID FETCH"; }
    bool handleUntagged(const Response &r, bool oldest) override;

private:
    UidSet m_uids;
    QByteArray m_items;
    FetchOptions m_options;
    std::function<void(const FetchData &)> m_onMessage;
};

class SearchCommand : public TypedCommand<SearchResult>
{
public:
    SearchCommand(QByteArray criteria, bool esearch, ResultCallback<SearchResult> done);
    QList<CommandPart> parts() const override;
    QByteArray name() const override { return "UID SEARCH"; }
    void prepare(const QList<QByteArray> &caps) override { m_esearch = caps.contains("ESEARCH"); }
    bool handleUntagged(const Response &r, bool oldest) override;

private:
    QByteArray m_criteria;
    bool m_esearch;
};

class StoreCommand : public TypedCommand<StoreResult>
{
public:
    StoreCommand(UidSet uids, StoreMode mode, QList<QByteArray> flags,
                 std::optional<quint64> unchangedSince, bool silent,
                 ResultCallback<StoreResult> done);
    QList<CommandPart> parts() const override;
    QByteArray name() const override { return "UID STORE"; }
    bool handleUntagged(const Response &r, bool oldest) override;

protected:
    void completeValue(const Response &tagged) override;

private:
    UidSet m_uids;
    StoreMode m_mode;
    QList<QByteArray> m_flags;
    std::optional<quint64> m_unchangedSince;
    bool m_silent;
};

// UID COPY or UID MOVE; COPYUID (tagged, or untagged for MOVE) fills the result.
class CopyCommand : public TypedCommand<CopyResult>
{
public:
    CopyCommand(bool move, UidSet uids, QString destination, ResultCallback<CopyResult> done);
    QList<CommandPart> parts() const override;
    QByteArray name() const override { return m_move ? "UID MOVE" : "UID COPY"; }
    bool handleUntagged(const Response &r, bool oldest) override;

protected:
    void completeValue(const Response &tagged) override;

private:
    void takeCode(const ResponseCode &code);
    bool m_move;
    UidSet m_uids;
    QString m_destination;
};

class AppendCommand : public TypedCommand<AppendResult>
{
public:
    AppendCommand(QString mailbox, QByteArray message, QList<QByteArray> flags,
                  QDateTime internalDate, ResultCallback<AppendResult> done);
    QList<CommandPart> parts() const override;
    QByteArray name() const override { return "APPEND"; }

protected:
    void completeValue(const Response &tagged) override;

private:
    QString m_mailbox;
    QByteArray m_message;
    QList<QByteArray> m_flags;
    QDateTime m_date;
};

// IDLE: started() once the server says "+ idling"; ImapClient sends DONE on idleDone() or when
// another command is queued. Untagged responses during IDLE are mailbox events.
class IdleCommand : public TypedCommand<Empty>
{
public:
    IdleCommand(std::function<void()> started, ResultCallback<Empty> done);
    QList<CommandPart> parts() const override { return {CommandPart{"IDLE", false}}; }
    QByteArray name() const override { return "IDLE"; }
    bool exclusive() const override { return true; }
    std::optional<QByteArray> handleContinuation(const Response &) override;
    bool isIdling() const { return m_idling; }
    bool doneSent = false;

private:
    std::function<void()> m_started;
    bool m_idling = false;
};

QByteArray internalDateString(const QDateTime &dateTime);

} // namespace herald::imap
