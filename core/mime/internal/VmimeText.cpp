#include "core/mime/internal/VmimeText.h"

#include "core/mime/internal/Charset.h"

namespace herald::mime::internal {

QString wordToUnicode(const vmime::word &w)
{
    const std::string &buffer = w.getBuffer();
    return toUnicode(QByteArray(buffer.data(), static_cast<qsizetype>(buffer.size())),
                     QByteArray::fromStdString(w.getCharset().getName()));
}

QString textToUnicode(const vmime::text &t)
{
    QString out;
    for (size_t i = 0; i < t.getWordCount(); ++i)
        out += wordToUnicode(*t.getWordAt(i));
    return out;
}

QString collapseWhiteSpace(const QString &s)
{
    QString out;
    out.reserve(s.size());
    bool space = false;
    for (QChar c : s) {
        if (c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\r') ||
            c == QLatin1Char('\n')) {
            space = true;
            continue;
        }
        if (space && !out.isEmpty())
            out.append(QLatin1Char(' '));
        space = false;
        out.append(c);
    }
    return out;
}

} // namespace herald::mime::internal
