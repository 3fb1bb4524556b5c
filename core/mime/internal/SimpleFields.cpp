#include "core/mime/internal/SimpleFields.h"

#include "core/mime/internal/VmimeText.h"

#include <algorithm>
#include <cstring>

namespace herald::mime::internal {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

// Printable ASCII and tabs only (no control character, no byte >= 0x80: char is signed).
bool isPrintableAscii(const QByteArray &text)
{
    for (const char c : text)
        if ((c < 0x20 && c != '\t') || c > 0x7e)
            return false;
    return true;
}

// A character of a message id's left or right part that needs no quoting or comment rules.
bool isIdChar(char c)
{
    return c > 0x20 && c < 0x7f && !std::strchr("<>()\"\\,;:[]@", c);
}

// Reads `count` digits at t[pos]; -1 if any is not a digit or the text ends.
int digitsAt(const QByteArray &t, qsizetype pos, int count)
{
    if (pos + count > t.size())
        return -1;
    int n = 0;
    for (int i = 0; i < count; ++i) {
        const char c = t.at(pos + i);
        if (c < '0' || c > '9')
            return -1;
        n = n * 10 + (c - '0');
    }
    return n;
}

int monthFromName(const char *p)
{
    static const char names[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    for (int i = 0; i < 12; ++i)
        if (std::memcmp(p, names + 3 * i, 3) == 0)
            return i + 1;
    return 0;
}

bool isDayName(const char *p)
{
    static const char names[] = "MonTueWedThuFriSatSun";
    for (int i = 0; i < 7; ++i)
        if (std::memcmp(p, names + 3 * i, 3) == 0)
            return true;
    return false;
}

// RFC 2045 token: printable ASCII except space and tspecials.
bool isTokenChar(char c)
{
    return c > 0x20 && c < 0x7f && !std::strchr("()<>@,;:\\\"/[]?=", c);
}

// The token at t[pos...]; empty if none.
QByteArray tokenAt(const QByteArray &t, qsizetype &pos)
{
    const qsizetype start = pos;
    while (pos < t.size() && isTokenChar(t.at(pos)))
        ++pos;
    return t.mid(start, pos - start);
}

void skipSpace(const QByteArray &t, qsizetype &pos)
{
    while (pos < t.size() && isSpace(t.at(pos)))
        ++pos;
}

} // namespace

std::optional<QString> simpleHeaderText(const QByteArray &unfolded)
{
    if (!isPrintableAscii(unfolded) || unfolded.contains("=?"))
        return std::nullopt;
    return collapseWhiteSpace(QString::fromLatin1(unfolded));
}

bool parseSimpleMessageIds(const QByteArray &unfolded, QStringList &out)
{
    QStringList ids;
    qsizetype i = 0;
    const qsizetype n = unfolded.size();
    for (;;) {
        while (i < n && isSpace(unfolded.at(i)))
            ++i;
        if (i == n)
            break;
        if (unfolded.at(i) != '<')
            return false;
        const qsizetype start = ++i;
        qsizetype at = -1;
        while (i < n && unfolded.at(i) != '>') {
            const char c = unfolded.at(i);
            if (c == '@' && at < 0)
                at = i;
            else if (!isIdChar(c))
                return false;
            ++i;
        }
        if (i == n || at <= start || at + 1 >= i)
            return false; // unclosed, or an empty side of the "@"
        ids << QString::fromLatin1(unfolded.constData() + start, i - start);
        ++i;
    }
    if (ids.isEmpty())
        return false;
    out += ids;
    return true;
}

std::optional<QDateTime> parseSimpleDate(const QByteArray &unfolded)
{
    const QByteArray t = unfolded.trimmed();
    qsizetype pos = 0;
    if (t.size() >= 5 && t.at(3) == ',') {
        if (!isDayName(t.constData()))
            return std::nullopt;
        pos = 4;
        while (pos < t.size() && t.at(pos) == ' ')
            ++pos;
    }
    int day = digitsAt(t, pos, 2);
    if (day >= 0) {
        pos += 2;
    } else if ((day = digitsAt(t, pos, 1)) >= 0) {
        pos += 1;
    } else {
        return std::nullopt;
    }
    // " Mon YYYY HH:MM" is 15 characters, then ":SS" and " +HHMM".
    if (pos + 15 > t.size() || t.at(pos) != ' ' || t.at(pos + 4) != ' ' || t.at(pos + 9) != ' ' ||
        t.at(pos + 12) != ':')
        return std::nullopt;
    const int month = monthFromName(t.constData() + pos + 1);
    const int year = digitsAt(t, pos + 5, 4);
    const int hour = digitsAt(t, pos + 10, 2);
    const int minute = digitsAt(t, pos + 13, 2);
    pos += 15;
    int second = 0;
    if (pos < t.size() && t.at(pos) == ':') {
        second = digitsAt(t, pos + 1, 2);
        pos += 3;
    }
    if (pos + 6 != t.size() || t.at(pos) != ' ' || (t.at(pos + 1) != '+' && t.at(pos + 1) != '-'))
        return std::nullopt;
    const int zone = digitsAt(t, pos + 2, 4);
    const QDate date(year, month, day);
    const QTime time(hour, minute, second);
    if (month == 0 || year < 1900 || hour < 0 || minute < 0 || second < 0 || zone < 0 ||
        zone % 100 > 59 || !date.isValid() || !time.isValid())
        return std::nullopt;
    const int minutes = (zone / 100) * 60 + zone % 100;
    return QDateTime(date, time, Qt::OffsetFromUTC, (t.at(pos + 1) == '-' ? -60 : 60) * minutes);
}

std::optional<ContentType> parseSimpleContentType(const QByteArray &unfolded)
{
    if (!isPrintableAscii(unfolded))
        return std::nullopt;
    ContentType out;
    qsizetype pos = 0;
    skipSpace(unfolded, pos);
    const QByteArray type = tokenAt(unfolded, pos);
    if (type.isEmpty())
        return std::nullopt;
    QByteArray subtype;
    if (pos < unfolded.size() && unfolded.at(pos) == '/') {
        ++pos;
        subtype = tokenAt(unfolded, pos);
        if (subtype.isEmpty())
            return std::nullopt;
    }
    out.type = QString::fromLatin1(type).toLower();
    out.subtype = QString::fromLatin1(subtype).toLower();
    std::vector<std::pair<QByteArray, QString>> written;
    for (;;) {
        skipSpace(unfolded, pos);
        if (pos == unfolded.size())
            break;
        if (unfolded.at(pos) != ';')
            return std::nullopt;
        ++pos;
        skipSpace(unfolded, pos);
        if (pos == unfolded.size())
            break; // a trailing ";"
        const QByteArray name = tokenAt(unfolded, pos);
        if (name.isEmpty() || name.contains('*') || pos == unfolded.size() ||
            unfolded.at(pos) != '=')
            return std::nullopt; // RFC 2231 names, "name = value" and the like: the full parser
        ++pos;
        QByteArray value;
        if (pos < unfolded.size() && unfolded.at(pos) == '"') {
            const qsizetype close = unfolded.indexOf('"', pos + 1);
            if (close < 0)
                return std::nullopt;
            value = unfolded.mid(pos + 1, close - pos - 1);
            if (value.isEmpty() || value.contains('\\') || value.contains("=?") ||
                value.trimmed() != value)
                return std::nullopt; // ("" and repeated names: as VMime reads them)
            pos = close + 1;
        } else {
            value = tokenAt(unfolded, pos);
            if (value.isEmpty())
                return std::nullopt;
        }
        for (const auto &[seen, unused] : written)
            if (seen.compare(name, Qt::CaseInsensitive) == 0)
                return std::nullopt;
        written.push_back({name, QString::fromLatin1(value)});
    }
    // In the order VMime's parameter list gives them: by name as written (so "URL" before
    // "access-type"), then lower-cased.
    std::stable_sort(written.begin(), written.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    for (auto &[name, value] : written)
        out.parameters.emplace_back(QString::fromLatin1(name).toLower(), std::move(value));
    return out;
}

} // namespace herald::mime::internal
