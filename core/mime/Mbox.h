#pragma once
// mbox files in the mboxrd form (RFC 4155 and the mboxrd quoting of qmail/mutt): each message
// starts with a "From <sender> <asctime date>" line; a body line that matches ">*From " gets
// one more '>' on writing and loses one on reading; a blank line ends each message. Streamed:
// the reader holds one message at a time, whatever the size of the file.
//
// Line ends (the round trip keeps every message byte for byte):
// - The cache holds messages as the servers deliver them, with CRLF. Written to mbox, a message
//   whose every line ends in CRLF gets LF line ends, as mbox tools expect; reading converts its
//   LF back to CRLF.
// - A message with mixed line ends (some CRLF, some bare LF) is written as it is, CRs included;
//   reading keeps a message that has any CRLF in it as it is.
// - A message with only bare LF (a file from disk, never a server's) comes back with CRLF, and
//   a last line without a line break gets one: the two cases the mbox form cannot tell apart.

#include <QByteArray>
#include <QDateTime>
#include <QString>

class QIODevice;

namespace herald::mime {

// "From sender Thu Dec  3 06:38:18 2026\n" (UTC; sender "MAILER-DAEMON" when empty).
QByteArray mboxFromLine(const QString &sender, const QDateTime &date);
// The date of a "From " line (asctime, UTC), invalid when it has none that can be read.
QDateTime mboxFromLineDate(const QByteArray &fromLine);

// One message's bytes as they go into the file, after its "From " line (quoted, line ends as
// described above, ending in "\n" plus the blank line).
QByteArray mboxEntry(const QByteArray &raw);
// The quoting of one line (without its line end): ">*From " gains one '>'.
QByteArray mboxQuoteLine(const QByteArray &line);
// And back: ">+From " loses one '>'.
QByteArray mboxUnquoteLine(const QByteArray &line);

class MboxWriter
{
public:
    explicit MboxWriter(QIODevice &out) : m_out(out) {}
    // False when the device refused the bytes (disk full…): see the device's errorString().
    bool write(const QByteArray &raw, const QString &sender, const QDateTime &date);

private:
    QIODevice &m_out;
};

class MboxReader
{
public:
    explicit MboxReader(QIODevice &in) : m_in(in) {}
    // The next message's bytes (line ends restored) and its "From " line; false at the end or
    // on a file that does not start with a "From " line (error() says so).
    bool next(QByteArray *message, QByteArray *fromLine = nullptr);
    QString error() const { return m_error; }
    qint64 position() const;

private:
    QIODevice &m_in;
    QByteArray m_pendingFrom; // the "From " line that ended the previous message
    bool m_started = false;
    QString m_error;
};

} // namespace herald::mime
