#include "core/mime/Mbox.h"

#include <QIODevice>
#include <QLocale>

namespace herald::mime {

namespace {

bool isFromLine(const QByteArray &line)
{
    return line.startsWith("From ");
}

// ">*From ": how many '>' before "From ", or -1.
qsizetype quoteDepth(const QByteArray &line)
{
    qsizetype i = 0;
    while (i < line.size() && line[i] == '>')
        ++i;
    return line.mid(i, 5) == "From " ? i : -1;
}

// LF line ends when every line end is CRLF and dropping the CRs cannot be mistaken for a
// mixed message; else the bytes as they are (Mbox.h).
QByteArray mboxLineEnds(const QByteArray &raw)
{
    for (qsizetype i = raw.indexOf('\n'); i >= 0; i = raw.indexOf('\n', i + 1))
        if (i == 0 || raw[i - 1] != '\r')
            return raw; // a bare LF: written as it is
    QByteArray lf = raw;
    lf.replace("\r\n", "\n");
    return lf.contains("\r\n") ? raw : lf;
}

} // namespace

QByteArray mboxQuoteLine(const QByteArray &line)
{
    return quoteDepth(line) >= 0 ? '>' + line : line;
}

QByteArray mboxUnquoteLine(const QByteArray &line)
{
    return quoteDepth(line) > 0 ? line.mid(1) : line;
}

QByteArray mboxFromLine(const QString &sender, const QDateTime &date)
{
    QString who = sender.trimmed();
    who.remove(QLatin1Char(' '));
    if (who.isEmpty())
        who = QStringLiteral("MAILER-DAEMON");
    const QDateTime utc = (date.isValid() ? date : QDateTime::currentDateTimeUtc()).toUTC();
    const QLocale c = QLocale::c();
    const QString asctime =
        QStringLiteral("%1 %2 %3 %4 %5")
            .arg(c.toString(utc, QStringLiteral("ddd")), c.toString(utc, QStringLiteral("MMM")))
            .arg(utc.date().day(), 2)
            .arg(utc.time().toString(QStringLiteral("hh:mm:ss")))
            .arg(utc.date().year());
    return "From " + who.toUtf8() + ' ' + asctime.toLatin1() + '\n';
}

QDateTime mboxFromLineDate(const QByteArray &fromLine)
{
    // "From sender Thu Dec  3 06:38:18 2026": the last five words.
    const QList<QByteArray> words = fromLine.trimmed().simplified().split(' ');
    if (words.size() < 7)
        return {};
    const QByteArray text = words.mid(words.size() - 5).join(' ');
    QDateTime d = QLocale::c().toDateTime(QString::fromLatin1(text),
                                          QStringLiteral("ddd MMM d hh:mm:ss yyyy"));
    d.setTimeSpec(Qt::UTC);
    return d;
}

QByteArray mboxEntry(const QByteArray &raw)
{
    const QByteArray body = mboxLineEnds(raw);
    QByteArray out;
    out.reserve(body.size() + 64);
    qsizetype start = 0;
    while (start < body.size()) {
        qsizetype end = body.indexOf('\n', start);
        const qsizetype next = end < 0 ? body.size() : end + 1;
        const QByteArray line = body.mid(start, (end < 0 ? body.size() : end) - start);
        out += mboxQuoteLine(line);
        out += '\n';
        start = next;
    }
    out += '\n'; // the blank line that ends the message
    return out;
}

bool MboxWriter::write(const QByteArray &raw, const QString &sender, const QDateTime &date)
{
    const QByteArray from = mboxFromLine(sender, date);
    const QByteArray entry = mboxEntry(raw);
    return m_out.write(from) == from.size() && m_out.write(entry) == entry.size();
}

qint64 MboxReader::position() const
{
    return m_in.pos();
}

bool MboxReader::next(QByteArray *message, QByteArray *fromLine)
{
    if (!m_started) {
        m_started = true;
        const QByteArray first = m_in.readLine();
        if (first.isEmpty())
            return false; // an empty file: no messages
        if (!isFromLine(first)) {
            m_error = QStringLiteral("not an mbox file: the first line is not a \"From \" line");
            return false;
        }
        m_pendingFrom = first;
    }
    if (m_pendingFrom.isEmpty())
        return false;
    if (fromLine)
        *fromLine = m_pendingFrom.trimmed();
    m_pendingFrom.clear();

    QByteArray body;
    while (!m_in.atEnd()) {
        const QByteArray line = m_in.readLine();
        if (isFromLine(line)) {
            m_pendingFrom = line;
            break;
        }
        body += mboxUnquoteLine(line);
    }
    // The blank line before the next "From " line (or the end) belongs to the file; another
    // tool's CRLF mbox writes it as CRLF.
    if (body.endsWith("\r\n\r\n") || body == "\r\n")
        body.chop(2);
    else if (body.endsWith('\n'))
        body.chop(1);
    // Only LF: the CRLF message the writer saw. Any CRLF: a mixed one, kept as it is (Mbox.h).
    if (!body.contains("\r\n"))
        body.replace("\n", "\r\n");
    *message = body;
    return true;
}

} // namespace herald::mime
