// Line protocols and names: POP3 answers, SMTP replies, modified UTF-7, server URLs.
#include "core/accounts/ServerUrl.h"
#include "core/imap/ModifiedUtf7.h"
#include "core/net/LineReader.h"
#include "core/pop3/Pop3Replies.h"
#include "core/smtp/SmtpReply.h"
#include "tests/fuzz/FuzzTargets.h"

namespace herald::fuzz {

void pop3Replies(const QByteArray &input)
{
    // Status lines and the greeting, line by line, as Pop3Client reads them.
    for (const QByteArray &line : input.split('\n')) {
        const pop3::StatusKind kind = pop3::statusKind(line);
        const QByteArray text = pop3::statusText(line, kind);
        (void)pop3::apopTimestamp(line);
        (void)pop3::parseStat(text);
    }
    // The stream as multi-line data arriving in pieces of 7 bytes (dot-unstuffing state
    // carried across), then its lines as LIST, UIDL and CAPA answers.
    QByteArray buffer, data;
    qsizetype pos = 0;
    bool atLineStart = true, tooLarge = false, ended = false;
    for (qsizetype i = 0; i < input.size() && !ended && !tooLarge; i += 7) {
        buffer += input.mid(i, 7);
        ended = pop3::readMultiLineData(buffer, pos, atLineStart, data, 1 << 20, &tooLarge);
    }
    if (pos > buffer.size() || data.size() > buffer.size())
        fail("pop3: multi-line reader went past its input");
    (void)pop3::parseList(data);
    (void)pop3::parseUidl(data);
    (void)pop3::parseCapa(data);
}

void smtpReplies(const QByteArray &input)
{
    // As SmtpClient reads them: LineReader lines into the reply parser.
    net::LineReader reader;
    reader.feed(input);
    QList<QByteArray> lines;
    smtp::SmtpReplyParser parser;
    while (std::optional<QByteArray> line = reader.takeLine()) {
        lines << *line;
        const smtp::SmtpReplyParser::Status status = parser.addLine(*line);
        if (status == smtp::SmtpReplyParser::Status::Complete) {
            const smtp::SmtpReply reply = parser.take();
            if (!reply.isValid())
                fail("smtp: a complete reply without a valid code");
            (void)reply.toString();
        } else if (status == smtp::SmtpReplyParser::Status::Error) {
            parser = smtp::SmtpReplyParser();
        }
    }
    // The same bytes in pieces of 5 give the same lines (and the same error state).
    net::LineReader pieces;
    QList<QByteArray> again;
    for (qsizetype i = 0; i < input.size(); i += 5) {
        pieces.feed(input.mid(i, 5));
        while (std::optional<QByteArray> line = pieces.takeLine())
            again << *line;
    }
    if (again != lines || pieces.hasError() != reader.hasError())
        fail("smtp: lines depend on how the input was split");
}

void modifiedUtf7(const QByteArray &input)
{
    const std::optional<QString> decoded = imap::ModifiedUtf7::decode(input);
    (void)imap::ModifiedUtf7::decodeLenient(input);
    // Any name survives encode then decode.
    const QString name = QString::fromUtf8(input);
    const QByteArray encoded = imap::ModifiedUtf7::encode(name);
    if (imap::ModifiedUtf7::decode(encoded) != name)
        fail("modified UTF-7: decode(encode(name)) != name");
    if (decoded && imap::ModifiedUtf7::decode(imap::ModifiedUtf7::encode(*decoded)) != decoded)
        fail("modified UTF-7: a decoded name does not round-trip");
}

void serverUrl(const QByteArray &input)
{
    QString error;
    const std::optional<accounts::ServerUrl> url =
        accounts::ServerUrl::parse(QString::fromUtf8(input), &error);
    if (!url)
        return;
    // What Herald writes back must read the same.
    const std::optional<accounts::ServerUrl> again = accounts::ServerUrl::parse(url->toString());
    if (!again || again->protocol != url->protocol || again->transport != url->transport ||
        again->user != url->user || again->host != url->host || again->port != url->port)
        fail("server URL: parse(toString()) differs");
}

} // namespace herald::fuzz
