#include "core/pop3/Pop3Replies.h"

namespace herald::pop3 {

namespace {
bool startsWithNoCase(const QByteArray &line, const char *prefix)
{
    const QByteArray p(prefix);
    return line.size() >= p.size() && line.left(p.size()).toUpper() == p;
}
} // namespace

StatusKind statusKind(const QByteArray &line)
{
    if (startsWithNoCase(line, "+OK"))
        return StatusKind::Ok;
    if (startsWithNoCase(line, "-ERR"))
        return StatusKind::Err;
    return StatusKind::Other;
}

QByteArray statusText(const QByteArray &line, StatusKind kind)
{
    return line.mid(kind == StatusKind::Ok ? 3 : 4).trimmed();
}

QByteArray apopTimestamp(const QByteArray &greeting)
{
    const qsizetype lt = greeting.indexOf('<');
    const qsizetype gt = lt >= 0 ? greeting.indexOf('>', lt) : -1;
    if (lt >= 0 && gt > lt && greeting.mid(lt, gt - lt).contains('@'))
        return greeting.mid(lt, gt - lt + 1);
    return {};
}

bool readMultiLineData(const QByteArray &buf, qsizetype &pos, bool &atLineStart, QByteArray &data,
                       qint64 maxBytes, bool *tooLarge)
{
    // Whole lines are copied as they are; a stuffed leading dot is removed; a lone "." ends.
    while (pos < buf.size()) {
        const qsizetype lf = buf.indexOf('\n', pos);
        if (atLineStart && buf.at(pos) == '.') {
            const qsizetype avail = buf.size() - pos;
            if (lf < 0 && avail <= 2)
                return false; // ".", ".\r": maybe the terminator, wait for more
            const qsizetype lineLen = lf < 0 ? avail : lf + 1 - pos;
            if (lf >= 0 && ((lineLen == 3 && buf.at(pos + 1) == '\r') || lineLen == 2)) {
                pos = lf + 1;
                return true;
            }
            ++pos; // dot-unstuffing
            atLineStart = false;
            continue;
        }
        const qsizetype end = lf < 0 ? buf.size() : lf + 1;
        data.append(buf.constData() + pos, end - pos);
        pos = end;
        atLineStart = lf >= 0;
        if (data.size() > maxBytes) {
            if (tooLarge)
                *tooLarge = true;
            return false;
        }
    }
    return false;
}

std::optional<MailboxStat> parseStat(const QByteArray &statusText)
{
    const auto parts = statusText.split(' ');
    bool ok1 = false, ok2 = false;
    MailboxStat s;
    s.count = parts.value(0).toInt(&ok1);
    s.size = parts.value(1).toLongLong(&ok2);
    if (!ok1 || !ok2)
        return std::nullopt;
    return s;
}

namespace {
// One entry per non-empty line of a listing, from its space-separated words; nullopt when any
// line is not an entry.
template <class Entry, class ParseLine>
std::optional<QList<Entry>> parseListing(const QByteArray &data, ParseLine parseLine)
{
    QList<Entry> out;
    for (const QByteArray &raw : data.split('\n')) {
        const QByteArray l = raw.trimmed();
        if (l.isEmpty())
            continue;
        const std::optional<Entry> e = parseLine(l.simplified().split(' '));
        if (!e)
            return std::nullopt;
        out << *e;
    }
    return out;
}
} // namespace

std::optional<QList<ListEntry>> parseList(const QByteArray &data)
{
    return parseListing<ListEntry>(data,
                                   [](const QList<QByteArray> &parts) -> std::optional<ListEntry> {
                                       bool ok1 = false, ok2 = false;
                                       ListEntry e;
                                       e.number = parts.value(0).toInt(&ok1);
                                       e.size = parts.value(1).toLongLong(&ok2);
                                       if (!ok1 || !ok2 || e.number <= 0 || e.size < 0)
                                           return std::nullopt;
                                       return e;
                                   });
}

std::optional<QList<UidlEntry>> parseUidl(const QByteArray &data)
{
    return parseListing<UidlEntry>(
        data, [](const QList<QByteArray> &parts) -> std::optional<UidlEntry> {
            bool ok = false;
            UidlEntry e;
            e.number = parts.value(0).toInt(&ok);
            e.uid = parts.value(1);
            // RFC 1939: 1 to 70 characters in the range 0x21 to 0x7E.
            if (!ok || e.number <= 0 || e.uid.isEmpty() || e.uid.size() > 70 || parts.size() != 2)
                return std::nullopt;
            for (char c : e.uid)
                if (uchar(c) < 0x21 || uchar(c) > 0x7e)
                    return std::nullopt;
            return e;
        });
}

QList<QByteArray> parseCapa(const QByteArray &data)
{
    QList<QByteArray> caps;
    for (QByteArray l : data.split('\n')) {
        l = l.trimmed();
        if (!l.isEmpty())
            caps << l.simplified().toUpper();
    }
    return caps;
}

} // namespace herald::pop3
