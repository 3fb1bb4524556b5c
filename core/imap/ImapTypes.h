#pragma once
// Typed IMAP response data produced by ImapResponseParser. Plain value types, no behaviour beyond
// small accessors. Byte strings stay bytes (header values are decoded by core/mime); mailbox
// names are decoded from modified UTF-7.

#include "core/imap/UidSet.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QVector>
#include <memory>
#include <optional>
#include <vector>

namespace herald::imap {

// A generic parsed token: atom, string (quoted or literal), NIL or parenthesised list.
struct Value
{
    enum class Type { Nil, Atom, String, List };
    Type type = Type::Nil;
    QByteArray data;
    std::vector<Value> list;
    bool literal = false;

    bool isNil() const { return type == Type::Nil; }
    bool isList() const { return type == Type::List; }
    bool isAtom() const { return type == Type::Atom; }
    bool isText() const { return type == Type::Atom || type == Type::String; }
    // Atom or string bytes; empty for NIL and lists.
    QByteArray bytes() const { return isText() ? data : QByteArray(); }
    std::optional<quint64> number() const;
};

struct Address
{
    QByteArray name;    // display name, raw (may contain RFC 2047 encoded-words)
    QByteArray route;   // obsolete source route
    QByteArray mailbox; // local part
    QByteArray host;
    QByteArray group; // set when this address is a member of a group (or an empty group)
    QByteArray email() const { return host.isEmpty() ? mailbox : mailbox + '@' + host; }
};

struct Envelope
{
    QByteArray date;
    QByteArray subject;
    QList<Address> from, sender, replyTo, to, cc, bcc;
    QByteArray inReplyTo;
    QByteArray messageId;
};

using ParamList = QList<QPair<QByteArray, QByteArray>>;

struct BodyPart
{
    QByteArray type;    // lower case: "text", "multipart", ...
    QByteArray subtype; // lower case
    QByteArray partId;  // "1", "1.2" ... ("" for a top-level multipart)
    ParamList params;
    QByteArray id, description, encoding;
    quint64 size = 0;
    quint64 lines = 0;
    QByteArray md5;
    QByteArray disposition; // lower case, e.g. "attachment"
    ParamList dispositionParams;
    QList<QByteArray> language;
    QByteArray location;
    std::vector<BodyPart> children;     // multipart parts, or the body of a message/rfc822
    std::shared_ptr<Envelope> envelope; // message/rfc822 only

    bool isMultipart() const { return type == "multipart"; }
    QByteArray param(const QByteArray &name) const;
};

struct FetchData
{
    quint32 seq = 0;
    std::optional<quint32> uid;
    std::optional<QList<QByteArray>> flags;
    std::optional<quint64> modseq;
    std::optional<QDateTime> internalDate; // UTC
    std::optional<quint64> size;
    std::optional<Envelope> envelope;
    std::optional<BodyPart> bodyStructure;
    // BODY[...] / BINARY[...] / RFC822* data by upper-case section name as the server sent it,
    // without the origin, e.g. "BODY[]", "BODY[HEADER.FIELDS (FROM SUBJECT)]", "BODY[1.2]".
    QMap<QByteArray, QByteArray> sections;
    // Items Herald does not type, e.g. X-GM-LABELS.
    QMap<QByteArray, Value> other;

    // The first section whose name starts with prefix (e.g. "BODY[HEADER.FIELDS").
    QByteArray section(const QByteArray &name) const { return sections.value(name); }
};

struct ResponseCode
{
    QByteArray name; // upper case, empty if none
    QByteArray raw;  // everything between the name and ']'
    std::optional<quint32> uidValidity, uidNext, unseen;
    std::optional<quint64> highestModSeq;
    QList<QByteArray> capabilities;   // CAPABILITY
    QList<QByteArray> permanentFlags; // PERMANENTFLAGS
    // APPENDUID validity uids / COPYUID validity source destination
    quint32 validity = 0;
    UidSet sourceUids, destinationUids;
    UidSet modified; // MODIFIED (UID STORE with UNCHANGEDSINCE)
};

struct ListEntry
{
    QList<QByteArray> flags; // as sent, e.g. "\\HasNoChildren", "\\Sent"
    QChar delimiter;         // null if NIL
    QString name;            // decoded
    QByteArray rawName;      // as on the wire (modified UTF-7)
    bool hasFlag(const QByteArray &flag) const;
    // "\\Sent", "\\Trash", ... or empty.
    QByteArray specialUse() const;
};

struct StatusData
{
    QString mailbox;
    QByteArray rawMailbox;
    QMap<QByteArray, quint64> items; // MESSAGES, UIDNEXT, UIDVALIDITY, UNSEEN, HIGHESTMODSEQ, ...
};

struct SearchData
{
    QVector<quint32> ids;
    std::optional<quint64> modseq;
};

struct ESearchData
{
    QByteArray tag;
    bool uid = false;
    std::optional<quint32> min, max;
    std::optional<quint64> count, modseq;
    UidSet all;
};

struct VanishedData
{
    bool earlier = false;
    UidSet uids;
};

struct NamespaceEntry
{
    QString prefix;
    QChar delimiter;
};

struct NamespaceData
{
    QList<NamespaceEntry> personal, otherUsers, shared;
};

struct Response
{
    enum class Kind { Tagged, Untagged, Continuation };
    enum class Status { None, Ok, No, Bad, PreAuth, Bye };

    Kind kind = Kind::Untagged;
    QByteArray tag;
    Status status = Status::None;
    ResponseCode code;
    QString text; // human text after the code (or continuation text)

    // Untagged: the keyword ("OK", "EXISTS", "FETCH", "LIST", "CAPABILITY", ...) and the number
    // for "* n EXISTS|EXPUNGE|RECENT|FETCH".
    QByteArray keyword;
    quint32 number = 0;

    // Payloads; which one is set depends on keyword.
    FetchData fetch;
    ListEntry list;
    StatusData statusData;
    SearchData search;
    ESearchData esearch;
    VanishedData vanished;
    NamespaceData ns;
    QList<QByteArray> atoms;                 // CAPABILITY, ENABLED, FLAGS
    QList<QPair<QByteArray, QByteArray>> id; // ID
    std::vector<Value> args;                 // anything else, generically

    bool isTagged() const { return kind == Kind::Tagged; }
    bool isUntagged() const { return kind == Kind::Untagged; }
    bool isContinuation() const { return kind == Kind::Continuation; }
};

} // namespace herald::imap
