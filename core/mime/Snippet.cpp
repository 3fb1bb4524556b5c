#include "core/mime/Snippet.h"

#include <QRegularExpression>

namespace herald::mime {

namespace {

// HTML 4's Latin-1 entities, code points 160 to 255 in order.
const char *const kLatin1Entities[] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",
    "copy",   "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn",
    "sup2",   "sup3",   "acute",  "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",
    "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",  "Atilde",
    "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave",
    "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde",
    "Ouml",   "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",
    "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil",
    "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",   "eth",
    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave",
    "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

QString decodeEntity(const QString &entity)
{
    static const std::pair<const char *, char16_t> named[] = {
        {"amp", u'&'},        {"lt", u'<'},         {"gt", u'>'},          {"quot", u'"'},
        {"apos", u'\''},      {"nbsp", u' '},       {"hellip", u'\u2026'}, {"mdash", u'\u2014'},
        {"ndash", u'\u2013'}, {"rsquo", u'\u2019'}, {"lsquo", u'\u2018'},  {"rdquo", u'\u201D'},
        {"ldquo", u'\u201C'}, {"euro", u'\u20AC'},  {"bull", u'\u2022'},   {"trade", u'\u2122'}};
    if (entity.startsWith(QLatin1Char('#'))) {
        bool ok = false;
        const uint code = entity.startsWith(QLatin1String("#x"), Qt::CaseInsensitive)
                              ? entity.mid(2).toUInt(&ok, 16)
                              : entity.mid(1).toUInt(&ok, 10);
        if (ok && code > 0 && code <= 0x10FFFF) {
            const char32_t c = code;
            return QString::fromUcs4(&c, 1);
        }
        return {};
    }
    for (const auto &[name, ch] : named) {
        if (entity == QLatin1String(name))
            return QString(QChar(ch));
    }
    for (int i = 0; i < int(std::size(kLatin1Entities)); ++i)
        if (entity == QLatin1String(kLatin1Entities[i]))
            return QString(QChar(char16_t(160 + i)));
    return QLatin1Char('&') + entity + QLatin1Char(';');
}

QString collapse(const QString &s)
{
    return s.simplified();
}

} // namespace

QString htmlToPlainText(const QString &html)
{
    static const QRegularExpression dropped(
        QStringLiteral("<(head|style|script|title)\\b.*?</\\1\\s*>|<!--.*?-->"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    // White space in HTML source is not layout: runs become one space, as a browser shows them.
    static const QRegularExpression space(QStringLiteral("\\s+"));
    static const QRegularExpression lineBreak(QStringLiteral("<br\\b[^>]*>"),
                                              QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression blockEnd(
        QStringLiteral("</?(p|div|tr|h[1-6]|li|ul|ol|table|blockquote|pre)\\b[^>]*>|<hr\\b[^>]*>"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    static const QRegularExpression entity(QStringLiteral("&(#?[A-Za-z0-9]{1,10});"));
    static const QRegularExpression lineEdges(QStringLiteral("[ \\t]*\n[ \\t]*"));
    static const QRegularExpression manyBreaks(QStringLiteral("\n{3,}"));

    QString s = html;
    s.remove(dropped);
    s.replace(space, QStringLiteral(" "));
    s.replace(lineBreak, QStringLiteral("\n"));
    s.replace(blockEnd, QStringLiteral("\n\n"));
    s.remove(tag);
    QString out;
    qsizetype last = 0;
    auto it = entity.globalMatch(s);
    while (it.hasNext()) {
        const auto m = it.next();
        out += QStringView(s).mid(last, m.capturedStart() - last);
        out += decodeEntity(m.captured(1));
        last = m.capturedEnd();
    }
    out += QStringView(s).mid(last);
    out.replace(lineEdges, QStringLiteral("\n"));
    out.replace(manyBreaks, QStringLiteral("\n\n"));
    return out.trimmed();
}

QString snippet(const Message &message, int maxChars)
{
    // Collapsing a long body whole just to keep its start cost 7% of a body sync: collapse a
    // prefix, and the whole text only when the prefix collapses to too little to decide.
    const qsizetype prefix = qsizetype(qMax(maxChars, 0)) * 8 + 64;
    QString text =
        collapse(message.text.size() > prefix ? message.text.left(prefix) : message.text);
    if (text.size() <= maxChars && message.text.size() > prefix)
        text = collapse(message.text);
    if (text.isEmpty() && !message.html.isEmpty())
        text = collapse(htmlToPlainText(message.html));
    if (maxChars <= 0)
        return {};
    if (text.size() <= maxChars)
        return text;
    qsizetype cut = text.lastIndexOf(QLatin1Char(' '), maxChars - 1);
    if (cut < maxChars / 2)
        cut = maxChars - 1;
    return text.left(cut).trimmed() + QChar(0x2026);
}

} // namespace herald::mime
