#pragma once

// Herald's message model: what core/mime makes of a message's bytes (see MessageParser.h) and
// what the cache and the UI consume. Plain structs with Qt types; no VMime here.

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <utility>
#include <vector>

namespace herald::mime {

struct Address
{
    QString name;  // display name, RFC 2047 decoded; may be empty
    QString email; // addr-spec "local@domain"; may be empty for malformed input
    QString group; // name of the RFC 5322 group this mailbox was listed in, or empty

    // "Name <email>", or just the email, or just the name.
    QString display() const;
    bool operator==(const Address &other) const
    {
        return name == other.name && email == other.email && group == other.group;
    }
};

// One node of the MIME tree. A message/rfc822 part that holds a parsable message has that
// message's root part as its only child.
struct Part
{
    int index = -1;           // depth-first number, 0 = the message itself (see partData())
    QString mimeType;         // lower case, e.g. "text/plain"; defaults per RFC 2045/2046
    QString charset;          // lower case, empty if none was given
    QString disposition;      // "inline", "attachment" or ""
    QString filename;         // Content-Disposition filename, else Content-Type name (decoded)
    QString contentId;        // without <>
    QString transferEncoding; // lower case, e.g. "base64"; empty if none was given
    qint64 size = 0;          // decoded bytes (leaf parts only)
    // False when no delimiter ended this part of a multipart (the message looks cut off);
    // such a text part is listed as an attachment, not shown as the body.
    bool terminated = true;
    std::vector<Part> children;
};

struct Attachment
{
    QString filename;
    QString mimeType;
    qint64 size = 0; // decoded bytes
    QString contentId;
    bool isInline = false; // a resource of the body (e.g. an image of multipart/related)
    int partIndex = -1;    // Part::index, for partData()
    QByteArray data;       // only with ParseOptions::includeAttachmentData
};

struct Message
{
    QString messageId; // without <>
    QStringList inReplyTo, references;
    QString subject;
    std::vector<Address> from, sender, replyTo, to, cc, bcc;
    QDateTime date; // invalid if missing or unparseable; carries the header's UTC offset
    // Every header of the message in order: name as written, value unfolded and RFC 2047 decoded.
    std::vector<std::pair<QString, QString>> headers;
    QString text; // the first text/plain of the main body, decoded from its charset
    QString html; // the first text/html of the main body, decoded from its charset
    std::vector<Attachment> attachments;
    Part root;
    QStringList errors; // what could not be decoded; the rest of the fields are still filled

    // True when an attachment is not merely an inline resource of the HTML body.
    bool hasAttachments() const;
    // First header named `name` (case-insensitive), or a null QString.
    QString header(const QString &name) const;
};

} // namespace herald::mime
