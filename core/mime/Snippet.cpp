#include "core/mime/Snippet.h"

#include <QRegularExpression>

namespace herald::mime {

namespace {

QString decodeEntity(const QString &entity)
{
    static const std::pair<const char *, char16_t> named[] = {
        {"amp", u'&'},     {"lt", u'<'},      {"gt", u'>'},     {"quot", u'"'},
        {"apos", u'\''},   {"nbsp", u' '},    {"copy", u'\u00A9'}, {"reg", u'\u00AE'},
        {"hellip", u'\u2026'}, {"mdash", u'\u2014'}, {"ndash", u'\u2013'}, {"rsquo", u'\u2019'},
        {"lsquo", u'\u2018'},  {"rdquo", u'\u201D'}, {"ldquo", u'\u201C'}, {"euro", u'\u20AC'}};
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
    static const QRegularExpression blockTag(
        QStringLiteral("<(br|/p|/div|/tr|/h[1-6]|/li)\\b[^>]*>"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    static const QRegularExpression entity(QStringLiteral("&(#?[A-Za-z0-9]{1,10});"));

    QString s = html;
    s.remove(dropped);
    s.replace(blockTag, QStringLiteral("\n"));
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
    return out;
}

QString snippet(const Message &message, int maxChars)
{
    // Collapsing a long body whole just to keep its start cost 7% of a body sync: collapse a
    // prefix, and the whole text only when the prefix collapses to too little to decide.
    const qsizetype prefix = qsizetype(qMax(maxChars, 0)) * 8 + 64;
    QString text = collapse(message.text.size() > prefix ? message.text.left(prefix) : message.text);
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
