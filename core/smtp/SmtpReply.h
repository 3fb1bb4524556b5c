#pragma once
// One SMTP reply (RFC 5321 §4.2): a three-digit code, optionally an enhanced status code
// (RFC 3463, "5.1.1"), and one or more text lines. SmtpReplyParser assembles multi-line
// replies ("250-…" … "250 …") from CRLF lines and rejects anything that is not a reply, so a
// confused server can never be read as a success.

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>

namespace herald::smtp {

struct SmtpReply
{
    int code = 0;      // 0: no reply (a local or network error decided instead)
    QString enhanced;  // "5.1.1", or empty
    QStringList lines; // text of each line, without code and enhanced code

    bool isValid() const { return code >= 200 && code <= 599; }
    bool isPositive() const { return code >= 200 && code < 400; }
    bool isTransient() const { return code >= 400 && code < 500; }
    bool isPermanent() const { return code >= 500 && code < 600; }
    // "550 5.1.1 User unknown" (lines joined with a space): the server's own words.
    QString toString() const;
};

class SmtpReplyParser
{
public:
    enum class Status { NeedMore, Complete, Error };
    // Feeds one line (without CRLF). Complete: take() the reply. Error: errorText() says why.
    Status addLine(const QByteArray &line);
    SmtpReply take();
    QString errorText() const { return m_error; }
    bool inProgress() const { return m_reply.code != 0; }

private:
    SmtpReply m_reply;
    QString m_error;
};

} // namespace herald::smtp
