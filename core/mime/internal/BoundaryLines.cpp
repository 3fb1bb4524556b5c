#include "core/mime/internal/BoundaryLines.h"

#include <QList>
#include <QRegularExpression>

namespace herald::mime::internal {

namespace {

QList<QByteArray> declaredBoundaries(const QByteArray &raw)
{
    static const QRegularExpression param(
        QStringLiteral("boundary\\s*=\\s*(?:\"([^\"\\r\\n]+)\"|([^\\s;\"]+))"),
        QRegularExpression::CaseInsensitiveOption);
    QList<QByteArray> out;
    auto it = param.globalMatch(QString::fromLatin1(raw));
    while (it.hasNext()) {
        const auto m = it.next();
        const QString b = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
        if (!b.isEmpty())
            out << b.toLatin1();
    }
    return out;
}

bool isDelimiter(const QByteArray &trimmedLine, const QList<QByteArray> &boundaries)
{
    for (const QByteArray &b : boundaries) {
        if (trimmedLine.size() == b.size() + 2 && trimmedLine.endsWith(b))
            return true;
        if (trimmedLine.size() == b.size() + 4 && trimmedLine.endsWith("--") &&
            trimmedLine.mid(2, b.size()) == b)
            return true;
    }
    return false;
}

} // namespace

QByteArray trimBoundaryLines(const QByteArray &raw)
{
    if (!raw.contains("-- ") && !raw.contains("--\t") && !raw.contains(" \n") &&
        !raw.contains("\t\n") && !raw.contains(" \r\n"))
        return raw;
    const QList<QByteArray> boundaries = declaredBoundaries(raw);
    if (boundaries.isEmpty())
        return raw;
    QByteArray out;
    out.reserve(raw.size());
    qsizetype pos = 0;
    while (pos < raw.size()) {
        qsizetype end = raw.indexOf('\n', pos);
        const qsizetype next = end < 0 ? raw.size() : end + 1;
        qsizetype contentEnd = end < 0 ? raw.size() : end;
        if (contentEnd > pos && raw.at(contentEnd - 1) == '\r')
            --contentEnd;
        qsizetype trimmedEnd = contentEnd;
        while (trimmedEnd > pos && (raw.at(trimmedEnd - 1) == ' ' || raw.at(trimmedEnd - 1) == '\t'))
            --trimmedEnd;
        if (trimmedEnd < contentEnd && raw.at(pos) == '-' &&
            isDelimiter(raw.mid(pos, trimmedEnd - pos), boundaries)) {
            out.append(raw.constData() + pos, trimmedEnd - pos);
            out.append(raw.constData() + contentEnd, next - contentEnd);
        } else {
            out.append(raw.constData() + pos, next - pos);
        }
        pos = next;
    }
    return out;
}

} // namespace herald::mime::internal
