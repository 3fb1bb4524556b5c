#include "core/mime/internal/Charset.h"

#include <QStringDecoder>
#include <vmime/charset.hpp>
#include <vmime/charsetConverter.hpp>
#include <vmime/exception.hpp>

namespace herald::mime::internal {

namespace {

bool isAscii(const QByteArray &bytes)
{
    for (char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

QString decodeWindows1252(const QByteArray &bytes)
{
    // windows-1252 is a superset of the printable part of iso-8859-1 and what unlabelled 8-bit
    // mail usually is. Qt 6.4 has no decoder for it without ICU, so map it by hand.
    static const char16_t cp1252High[32] = {
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    QString out;
    out.reserve(bytes.size());
    for (char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 && u < 0xA0)
            out.append(QChar(cp1252High[u - 0x80]));
        else
            out.append(QChar(u));
    }
    return out;
}

QString fallbackDecode(const QByteArray &bytes)
{
    if (isValidUtf8(bytes))
        return QString::fromUtf8(bytes);
    return decodeWindows1252(bytes);
}

bool isUtf8Name(const QByteArray &name)
{
    return name == "utf-8" || name == "utf8";
}

bool isAsciiName(const QByteArray &name)
{
    return name.isEmpty() || name == "us-ascii" || name == "ascii" || name == "ansi_x3.4-1968";
}

// Charsets in which ASCII bytes mean ASCII (not UTF-16/32, UTF-7 or ISO-2022-*).
bool isAsciiCompatible(const QByteArray &name)
{
    return isAsciiName(name) || isUtf8Name(name) || name.startsWith("iso-8859") ||
           name.startsWith("windows-") || name.startsWith("koi8") || name == "gb2312" ||
           name == "gbk" || name == "gb18030" || name == "big5" || name == "euc-jp" ||
           name == "euc-kr" || name == "shift_jis" || name == "latin1";
}

} // namespace

bool isValidUtf8(const QByteArray &bytes)
{
    auto decoder = QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString s = decoder.decode(bytes);
    return !decoder.hasError();
}

QString toUnicode(const QByteArray &bytes, const QByteArray &charset, bool *ok)
{
    if (ok)
        *ok = true;
    const QByteArray name = charset.trimmed().toLower();
    if (bytes.isEmpty())
        return {};
    if (isAscii(bytes) && isAsciiCompatible(name))
        return QString::fromLatin1(bytes);
    if (isAsciiName(name)) {
        // 8-bit data labelled ASCII (or not labelled at all): guess.
        if (ok)
            *ok = false;
        return fallbackDecode(bytes);
    }
    if (isUtf8Name(name)) {
        if (ok)
            *ok = isValidUtf8(bytes);
        return QString::fromUtf8(bytes);
    }
    if (name == "iso-8859-1" || name == "latin1" || name == "iso8859-1" || name == "latin-1")
        return decodeWindows1252(bytes); // as browsers and mail clients do
    try {
        vmime::charsetConverterOptions options;
        options.silentlyReplaceInvalidSequences = true;
        options.invalidSequence = "\xEF\xBF\xBD"; // U+FFFD
        auto converter = vmime::charsetConverter::create(
            vmime::charset(name.toStdString()), vmime::charset(vmime::charsets::UTF_8), options);
        std::string out;
        converter->convert(std::string(bytes.constData(), static_cast<size_t>(bytes.size())), out);
        return QString::fromUtf8(out.data(), static_cast<qsizetype>(out.size()));
    } catch (...) {
        if (ok)
            *ok = false;
        return fallbackDecode(bytes);
    }
}

} // namespace herald::mime::internal
