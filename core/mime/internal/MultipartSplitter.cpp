#include "core/mime/internal/MultipartSplitter.h"

#include "core/mime/HeaderDecoding.h"

#include <QRegularExpression>
#include <algorithm>
#include <cstring>
#include <string_view>

namespace herald::mime::internal {

namespace {

// One open multipart: its boundary, and from where on no delimiter line of it exists (so that
// repeated searches after a fruitless one cost nothing: linear time).
struct Frame
{
    QByteArray boundary;
    qsizetype noDelimiterFrom = -1;
};

class Splitter
{
public:
    Splitter(const QByteArray &raw, const MultipartReader &reader, int maxDepth)
        : m_raw(raw), m_data(raw.constData()), m_size(raw.size()), m_reader(reader),
          m_maxDepth(maxDepth)
    {
    }

    SplitEntity root()
    {
        SplitEntity e;
        const qsizetype blank = findBlankLine(0);
        const qsizetype text = textLineInHeader(m_raw, blank < 0 ? m_size : blank);
        if (text >= 0) {
            e.headerEnd = e.bodyBegin = text;
        } else if (blank < 0) {
            e.headerEnd = e.bodyBegin = e.bodyEnd = m_size;
            return e;
        } else {
            e.headerEnd = blank;
            e.bodyBegin = lineAfter(blank);
        }
        e.bodyEnd = m_size;
        const MultipartInfo info = readInfo(e, false);
        if (info.isMultipart && !info.boundary.isEmpty() && m_maxDepth > 0)
            openMultipart(e, info, nullptr, 1);
        return e;
    }

private:
    qsizetype lineAfter(qsizetype pos) const
    {
        if (pos >= m_size)
            return m_size;
        const qsizetype nl = m_raw.indexOf('\n', pos);
        return nl < 0 ? m_size : nl + 1;
    }

    // The start of the first empty line at or after the line start `from`; -1 if none.
    qsizetype findBlankLine(qsizetype from) const
    {
        qsizetype pos = from;
        while (pos < m_size) {
            if (m_data[pos] == '\n' ||
                (m_data[pos] == '\r' && pos + 1 < m_size && m_data[pos + 1] == '\n'))
                return pos;
            const qsizetype nl = m_raw.indexOf('\n', pos);
            if (nl < 0)
                return -1;
            pos = nl + 1;
        }
        return -1;
    }

    bool isDelimiterAt(qsizetype line, const QByteArray &boundary) const
    {
        const qsizetype b = boundary.size();
        return line >= 0 && m_size - line >= b + 2 && m_data[line] == '-' &&
               m_data[line + 1] == '-' &&
               std::memcmp(m_data + line + 2, boundary.constData(), static_cast<size_t>(b)) == 0;
    }

    bool isCloseAt(qsizetype boundaryEnd) const
    {
        return boundaryEnd + 2 <= m_size && m_data[boundaryEnd] == '-' &&
               m_data[boundaryEnd + 1] == '-';
    }

    // The first line start in [from, limit) that is a delimiter line of `frame`; -1 if none.
    // `from` must be a line start. Scans no further than `limit` (linear time).
    qsizetype findDelimiterLine(qsizetype from, Frame &frame, qsizetype limit) const
    {
        if (frame.noDelimiterFrom >= 0 && from >= frame.noDelimiterFrom)
            return -1;
        limit = std::min(limit, m_size);
        if (from >= limit)
            return -1;
        if (isDelimiterAt(from, frame.boundary))
            return from;
        const QByteArray needle = "\n--" + frame.boundary;
        // The "\n" of a delimiter line starting before `limit` lies before limit - 1.
        const qsizetype viewEnd = std::min(m_size, limit - 1 + needle.size());
        const std::string_view view(m_data, static_cast<size_t>(viewEnd));
        const size_t at =
            view.find(std::string_view(needle.constData(), static_cast<size_t>(needle.size())),
                      static_cast<size_t>(from));
        if (at == std::string_view::npos) {
            if (viewEnd == m_size && (frame.noDelimiterFrom < 0 || from < frame.noDelimiterFrom))
                frame.noDelimiterFrom = from;
            return -1;
        }
        const qsizetype found = static_cast<qsizetype>(at) + 1;
        return found < limit ? found : -1;
    }

    // End of the content before the delimiter line at `line`: its line break is not content.
    qsizetype contentEnd(qsizetype floor, qsizetype line) const
    {
        qsizetype end = line;
        if (end > floor && m_data[end - 1] == '\n')
            --end;
        if (end > floor && m_data[end - 1] == '\r')
            --end;
        return end;
    }

    MultipartInfo readInfo(const SplitEntity &e, bool inDigest) const
    {
        return m_reader(QByteArrayView(m_data + e.headerBegin, e.headerEnd - e.headerBegin),
                        inDigest);
    }

    // Reads the part whose header starts at `start`. False if its header block does not end
    // (the part is dropped). `resume`: where the parent's delimiter search goes on.
    bool parsePart(qsizetype start, Frame &parent, bool inDigest, int depth, SplitEntity &part,
                   qsizetype &resume)
    {
        const qsizetype blank = findBlankLine(start);
        if (blank < 0)
            return false;
        part.headerBegin = start;
        part.headerEnd = blank;
        part.bodyBegin = lineAfter(blank);
        part.bodyEnd = m_size;
        resume = part.bodyBegin;
        const MultipartInfo info = readInfo(part, inDigest);
        if (info.isMultipart && !info.boundary.isEmpty() && depth + 1 <= m_maxDepth) {
            const qsizetype after = openMultipart(part, info, &parent, depth + 1);
            if (after >= 0)
                resume = after;
        }
        return true;
    }

    // Splits `e`'s body if its first delimiter line opens it. Returns where the enclosing
    // multipart's search goes on (after the close delimiter, or the end), or -1 when `e` is
    // not split (it is then a leaf).
    qsizetype openMultipart(SplitEntity &e, const MultipartInfo &info, Frame *parent, int depth)
    {
        Frame frame{info.boundary, -1};
        qsizetype limit = m_size;
        if (parent) {
            const qsizetype p = findDelimiterLine(e.bodyBegin, *parent, m_size);
            if (p >= 0)
                limit = p + 1; // the own boundary wins on the same line
        }
        const qsizetype first = findDelimiterLine(e.bodyBegin, frame, limit);
        if (first < 0 || isCloseAt(first + 2 + frame.boundary.size()))
            return -1;
        e.isMultipart = true;
        const qsizetype boundaryLength = 2 + frame.boundary.size();
        qsizetype partStart = lineAfter(first);
        for (;;) {
            SplitEntity child;
            qsizetype resume = 0;
            if (!parsePart(partStart, frame, info.isDigest, depth, child, resume))
                return m_size; // a header block without end swallowed the rest
            qsizetype stop = findDelimiterLine(resume, frame, m_size);
            bool close = false;
            qsizetype next = -1;
            if (stop >= 0) {
                child.bodyEnd = contentEnd(child.bodyBegin, stop);
                close = isCloseAt(stop + boundaryLength);
                next = lineAfter(stop + boundaryLength);
            } else if (!child.isMultipart) {
                // No delimiter line: "--boundary" in the middle of a line still ends the part.
                const qsizetype mid = m_raw.indexOf("--" + frame.boundary, child.bodyBegin);
                if (mid >= 0) {
                    child.bodyEnd = mid;
                    close = isCloseAt(mid + boundaryLength);
                    next = lineAfter(mid + boundaryLength);
                } else {
                    child.terminated = false;
                }
            }
            child.bodyEnd = std::max(child.bodyEnd, child.bodyBegin);
            e.children.push_back(std::move(child));
            if (next < 0)
                return m_size; // no close delimiter: ends with the enclosing body
            if (close)
                return next;
            partStart = next;
        }
    }

    const QByteArray &m_raw;
    const char *m_data;
    qsizetype m_size;
    const MultipartReader &m_reader;
    int m_maxDepth;
};

// "multipart/mixed boundary=x" (no ";" before the parameter, as some mailers write it).
QByteArray looseBoundary(const QByteArray &value)
{
    static const QRegularExpression param(
        QStringLiteral("[\\s;]boundary\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;\"]+))"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = param.match(QString::fromLatin1(value));
    if (!m.hasMatch())
        return {};
    return (m.captured(1).isEmpty() ? m.captured(2) : m.captured(1)).toLatin1();
}

} // namespace

MultipartInfo readMultipartInfo(QByteArrayView header, bool inDigest)
{
    Q_UNUSED(inDigest); // a digest part is message/rfc822 by default: never a multipart
    MultipartInfo info;
    for (const RawHeaderField &field : splitHeaderFields(header.toByteArray())) {
        if (field.name.compare("content-type", Qt::CaseInsensitive) != 0)
            continue;
        const ContentType type = parseContentType(field.value);
        info.isMultipart = type.type == QLatin1String("multipart");
        info.isDigest = info.isMultipart && type.subtype == QLatin1String("digest");
        if (info.isMultipart)
            info.boundary = type.parameter(QStringLiteral("boundary")).toUtf8();
        if (info.isMultipart && info.boundary.isEmpty())
            info.boundary = looseBoundary(unfoldHeader(field.value));
        break; // the first Content-Type counts
    }
    return info;
}

namespace {
bool isFieldLine(QByteArrayView line)
{
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return false;
    const QByteArrayView name = line.first(colon).trimmed();
    return !name.isEmpty() && !name.contains(' ') && !name.contains('\t');
}
} // namespace

qsizetype textLineInHeader(const QByteArray &raw, qsizetype end)
{
    const auto lineAt = [&](qsizetype pos, qsizetype *next) {
        qsizetype nl = raw.indexOf('\n', pos);
        if (nl < 0 || nl > end)
            nl = end;
        *next = nl + 1;
        QByteArrayView line(raw.constData() + pos, nl - pos);
        if (line.endsWith('\r'))
            line.chop(1);
        return line;
    };
    for (qsizetype pos = 0; pos < end;) {
        qsizetype next = 0;
        const QByteArrayView line = lineAt(pos, &next);
        // A first line that is no field (and no mbox "From " line): there is no header at all.
        if (pos == 0 && !line.isEmpty() && !isFieldLine(line) && !line.startsWith("From ") &&
            !line.startsWith(">From "))
            return 0;
        if (!line.isEmpty() && line.front() != ' ' && line.front() != '\t' && !line.contains(':')) {
            if (next >= end)
                return pos;
            qsizetype unused = 0;
            const QByteArrayView following = lineAt(next, &unused);
            const bool continuation =
                !following.isEmpty() && (following.front() == ' ' || following.front() == '\t');
            if (!continuation && !isFieldLine(following))
                return pos;
        }
        pos = next;
    }
    return -1;
}

SplitEntity splitMessage(const QByteArray &raw, const MultipartReader &reader, int maxDepth)
{
    try {
        return Splitter(raw, reader, maxDepth).root();
    } catch (...) {
        SplitEntity e;
        e.headerEnd = e.bodyBegin = e.bodyEnd = raw.size();
        return e;
    }
}

} // namespace herald::mime::internal
