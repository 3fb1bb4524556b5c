#include "core/mime/AddressInput.h"

#include <QRegularExpression>

namespace herald::mime {

namespace {

QStringList splitOutsideQuotes(const QString &text)
{
    QStringList pieces;
    QString current;
    bool quoted = false;
    int angle = 0;
    for (const QChar c : text) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (!quoted && c == QLatin1Char('<'))
            ++angle;
        else if (!quoted && c == QLatin1Char('>') && angle > 0)
            --angle;
        if (!quoted && angle == 0 && (c == QLatin1Char(',') || c == QLatin1Char(';'))) {
            pieces << current;
            current.clear();
            continue;
        }
        current += c;
    }
    pieces << current;
    return pieces;
}

} // namespace

bool isPlausibleEmail(const QString &email)
{
    const qsizetype at = email.lastIndexOf(QLatin1Char('@'));
    if (at <= 0 || at == email.size() - 1)
        return false;
    const QString local = email.left(at);
    const QString domain = email.mid(at + 1);
    for (const QChar c : email)
        if (c.isSpace() || c == QLatin1Char('<') || c == QLatin1Char('>') ||
            c == QLatin1Char(',') || c == QLatin1Char(';'))
            return false;
    if (!local.startsWith(QLatin1Char('"')) && local.contains(QLatin1Char('@')))
        return false;
    if (domain.contains(QLatin1Char('"')) || domain.startsWith(QLatin1Char('.')) ||
        domain.endsWith(QLatin1Char('.')) || domain.contains(QLatin1String("..")))
        return false;
    return true;
}

bool parseOneAddress(const QString &text, Address *out)
{
    static const QRegularExpression named(QStringLiteral("^\\s*(.*?)\\s*<([^<>]*)>\\s*$"),
                                          QRegularExpression::DotMatchesEverythingOption);
    Address a;
    const auto m = named.match(text);
    if (m.hasMatch()) {
        a.name = m.captured(1).trimmed();
        if (a.name.size() >= 2 && a.name.startsWith(QLatin1Char('"')) &&
            a.name.endsWith(QLatin1Char('"')))
            a.name = a.name.mid(1, a.name.size() - 2)
                         .replace(QLatin1String("\\\""), QLatin1String("\""));
        a.email = m.captured(2).trimmed();
    } else {
        a.email = text.trimmed();
    }
    if (!isPlausibleEmail(a.email))
        return false;
    if (out)
        *out = a;
    return true;
}

AddressInput parseAddressInput(const QString &text)
{
    AddressInput result;
    for (const QString &piece : splitOutsideQuotes(text)) {
        const QString trimmed = piece.trimmed();
        if (trimmed.isEmpty())
            continue;
        Address a;
        if (parseOneAddress(trimmed, &a))
            result.addresses.push_back(a);
        else
            result.invalid << trimmed;
    }
    return result;
}

} // namespace herald::mime
