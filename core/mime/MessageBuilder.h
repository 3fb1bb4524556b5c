#pragma once

// Draft → RFC 5322/MIME bytes, through vmime::messageBuilder with the default
// (non-internationalised) generation context: 7-bit headers, RFC 2047 for non-ASCII words,
// RFC 2231 (and RFC 2047 for old readers) for non-ASCII file names, text as UTF-8
// quoted-printable, attachments as base64 — except a message/rfc822 attachment (a forward),
// which carries the message as it is (7bit or 8bit; RFC 2046 §5.2.1 forbids base64 there). Bcc is
// not written into the bytes (unless Draft::writeBcc, for a saved draft): the caller keeps it for
// the SMTP envelope. Message-ID and Date are always present.

#include "core/mime/Message.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <utility>
#include <vector>

namespace herald::mime {

struct Draft
{
    Address from;
    std::vector<Address> to, cc;
    std::vector<Address> bcc; // envelope only; written only with `writeBcc`
    // A draft's own copy (cache and the server's Drafts folder) keeps its Bcc field so it is
    // not lost, as other clients' drafts do; draftForSending() removes it before submission.
    // Never set for bytes that are sent.
    bool writeBcc = false;
    QString subject;
    QString text;
    QString html; // optional; with it the body is multipart/alternative (text + html)

    struct File
    {
        QString path;     // read when `data` is empty
        QByteArray data;  // the content, if not read from `path`
        QString filename; // defaults to the file name of `path`
        QString mimeType; // guessed with QMimeDatabase when empty
        // Non-empty: an inline image referenced as "cid:<contentId>" from `html` (placed in
        // multipart/related next to the HTML). Without `html` it is a normal attachment.
        QString contentId;
    };
    std::vector<File> attachments;

    QString inReplyTo;      // message id, with or without <>
    QStringList references; // message ids, with or without <>
    QString messageId;      // generated as <random@from-domain> when empty
    QDateTime date;         // now when invalid
    std::vector<std::pair<QString, QString>> extraHeaders; // name, unencoded value
};

// The message bytes (CRLF line ends), or an empty array with `error` set (e.g. an unreadable
// attachment file, no sender).
QByteArray buildMessage(const Draft &draft, QString *error = nullptr);

// "<random@domain>" for a sender address; domain "localhost" when the address has none.
QString generateMessageId(const QString &fromEmail);

} // namespace herald::mime
