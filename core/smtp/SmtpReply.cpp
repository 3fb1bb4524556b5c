#include "core/smtp/SmtpReply.h"

#include <QRegularExpression>

namespace herald::smtp {

QString SmtpReply::toString() const
{
    if (code == 0)
        return QString();
    QString out = QString::number(code);
    if (!enhanced.isEmpty())
        out += QLatin1Char(' ') + enhanced;
    const QString text = lines.join(QLatin1Char(' ')).simplified();
    if (!text.isEmpty())
        out += QLatin1Char(' ') + text;
    return out;
}

SmtpReplyParser::Status SmtpReplyParser::addLine(const QByteArray &line)
{
    auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    if (line.size() < 3 || !isDigit(line[0]) || !isDigit(line[1]) || !isDigit(line[2]) ||
        line[0] < '2' || line[0] > '5' || (line.size() > 3 && line[3] != ' ' && line[3] != '-')) {
        m_error = QStringLiteral("The server sent something that is not an SMTP reply: \"%1\"")
                      .arg(QString::fromUtf8(line.left(80)));
        m_reply = SmtpReply();
        return Status::Error;
    }
    const int code = line.left(3).toInt();
    if (m_reply.code != 0 && code != m_reply.code) {
        m_error = QStringLiteral("The server mixed reply codes %1 and %2 in one reply.")
                      .arg(m_reply.code)
                      .arg(code);
        m_reply = SmtpReply();
        return Status::Error;
    }
    m_reply.code = code;
    QString text = QString::fromUtf8(line.mid(4));
    // Enhanced status code: class digit equal to the reply's, then two numbers (RFC 3463).
    static const QRegularExpression enhanced(
        QStringLiteral("^([245]\\.\\d{1,3}\\.\\d{1,3})(?: |$)"));
    const auto m = enhanced.match(text);
    if (m.hasMatch() && m.captured(1).at(0).toLatin1() == line[0]) {
        if (m_reply.enhanced.isEmpty())
            m_reply.enhanced = m.captured(1);
        text = text.mid(m.capturedLength(0));
    }
    m_reply.lines << text;
    const bool last = line.size() == 3 || line[3] == ' ';
    return last ? Status::Complete : Status::NeedMore;
}

SmtpReply SmtpReplyParser::take()
{
    SmtpReply r = m_reply;
    m_reply = SmtpReply();
    return r;
}

} // namespace herald::smtp
