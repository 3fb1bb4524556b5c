#pragma once
// Results of IMAP commands and the unsolicited mailbox events ImapClient reports.

#include "core/imap/ImapTypes.h"
#include "core/net/Error.h"

#include <functional>

namespace herald::imap {

// Outcome shared by every command: error (None on OK), plus the tagged response's code/text.
struct CommandResult
{
    net::Error error;
    ResponseCode code;
    QString text;
    bool ok() const { return !error.isError(); }
};

template <class T> struct Result : CommandResult
{
    T value{};
};

using DoneCallback = std::function<void(const CommandResult &)>;
template <class T> using ResultCallback = std::function<void(const Result<T> &)>;

struct QresyncParams
{
    quint32 uidValidity = 0;
    quint64 modSeq = 0;
    UidSet knownUids; // optional
};

struct SelectOptions
{
    bool readOnly = false; // EXAMINE
    bool condstore = false;
    std::optional<QresyncParams> qresync;
    // If set, FETCH responses during SELECT (QRESYNC changes) are streamed here instead of being
    // collected in SelectResult::changed.
    std::function<void(const FetchData &)> onChanged;
};

struct SelectResult
{
    QString mailbox;
    quint32 uidValidity = 0;
    quint32 uidNext = 0;
    quint32 exists = 0;
    quint32 recent = 0;
    std::optional<quint32> unseen;
    std::optional<quint64> highestModSeq; // unset with [NOMODSEQ]
    bool noModSeq = false;
    bool readOnly = false;
    QList<QByteArray> flags;
    QList<QByteArray> permanentFlags;
    UidSet vanished;          // QRESYNC: VANISHED (EARLIER)
    QList<FetchData> changed; // QRESYNC: changed messages (unless streamed)
};

struct FetchOptions
{
    std::optional<quint64> changedSince; // CONDSTORE
    bool vanished = false;               // QRESYNC: report expunged UIDs (needs changedSince)
};

struct FetchResult
{
    quint32 messages = 0; // how many FETCH responses were delivered
    UidSet vanished;
};

struct SearchResult
{
    UidSet uids;
    std::optional<quint64> modseq;
};

enum class StoreMode { Add, Remove, Replace };

struct StoreResult
{
    QList<FetchData> updated; // FETCH responses for the stored UIDs
    UidSet modified;          // UNCHANGEDSINCE failed for these
};

struct CopyResult
{
    quint32 uidValidity = 0; // destination's, 0 without UIDPLUS
    UidSet sourceUids;
    UidSet destinationUids;
};

struct AppendResult
{
    quint32 uidValidity = 0; // 0 without UIDPLUS
    quint32 uid = 0;
};

struct MailboxEvent
{
    enum class Kind { Exists, Expunge, Recent, Fetch, Vanished, Flags };
    Kind kind = Kind::Exists;
    quint32 number = 0;      // EXISTS/RECENT count, EXPUNGE sequence number
    FetchData fetch;         // Fetch
    VanishedData vanished;   // Vanished
    QList<QByteArray> flags; // Flags
};

} // namespace herald::imap
