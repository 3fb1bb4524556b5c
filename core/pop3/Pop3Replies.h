#pragma once
// What a POP3 server sends, read without a socket: status lines, the APOP timestamp of the
// greeting, dot-stuffed multi-line data (RFC 1939 §3) and the STAT, LIST, UIDL and CAPA
// answers. Pop3Client uses these; so does the fuzz target tests/fuzz (a hostile server).
// Nothing here throws; malformed answers give nullopt.

#include <QByteArray>
#include <QList>
#include <optional>

namespace herald::pop3 {

struct MailboxStat
{
    int count = 0;
    qint64 size = 0;
};

// One line of LIST or UIDL: message number and size or unique id.
struct ListEntry
{
    int number = 0;
    qint64 size = 0;
};
struct UidlEntry
{
    int number = 0;
    QByteArray uid;
};

enum class StatusKind { Ok, Err, Other };
// "+OK …" / "-ERR …" (case-insensitive), or anything else.
StatusKind statusKind(const QByteArray &line);
// The text after "+OK" / "-ERR", trimmed.
QByteArray statusText(const QByteArray &line, StatusKind kind);
// The "<…@…>" timestamp of an APOP greeting, or empty.
QByteArray apopTimestamp(const QByteArray &greeting);

// Reads multi-line data from buf[pos…], dot-unstuffed, appending whole or partial lines to
// `data`; `atLineStart` carries over between calls. True when the terminating "." line was
// consumed. Stops (false, *tooLarge set) once `data` exceeds maxBytes.
bool readMultiLineData(const QByteArray &buf, qsizetype &pos, bool &atLineStart, QByteArray &data,
                       qint64 maxBytes, bool *tooLarge);

std::optional<MailboxStat> parseStat(const QByteArray &statusText);
std::optional<QList<ListEntry>> parseList(const QByteArray &data);
std::optional<QList<UidlEntry>> parseUidl(const QByteArray &data);
// Capability lines, simplified and upper case.
QList<QByteArray> parseCapa(const QByteArray &data);

} // namespace herald::pop3
