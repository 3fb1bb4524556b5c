#include "core/mime/Signature.h"

namespace herald::mime {

namespace {
const QString kDelimiter = QStringLiteral("-- ");

QString normalized(QString text)
{
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return text;
}

QString withoutTrailingLineEnds(QString text)
{
    while (text.endsWith(QLatin1Char('\n')) || text.endsWith(QLatin1Char('\r')))
        text.chop(1);
    return text;
}

// The signature's own lines, without a leading delimiter line and trailing empty lines.
QString signatureLines(const QString &signature)
{
    QString s = withoutTrailingLineEnds(normalized(signature));
    if (s == kDelimiter || s == QLatin1String("--"))
        return QString();
    if (s.startsWith(kDelimiter + QLatin1Char('\n')))
        s = s.mid(kDelimiter.size() + 1);
    else if (s.startsWith(QLatin1String("--\n")))
        s = s.mid(3);
    return withoutTrailingLineEnds(s);
}
} // namespace

QString signatureBlock(const QString &signature)
{
    const QString lines = signatureLines(signature);
    if (lines.trimmed().isEmpty())
        return QString();
    return kDelimiter + QLatin1Char('\n') + lines + QLatin1Char('\n');
}

QString appendSignature(const QString &text, const QString &signature)
{
    const QString block = signatureBlock(signature);
    if (block.isEmpty())
        return text;
    const QString body = withoutTrailingLineEnds(text);
    if (normalized(body + QLatin1Char('\n')).endsWith(block))
        return text; // already signed (a draft saved again)
    if (body.isEmpty())
        return block;
    return body + QStringLiteral("\n\n") + block;
}

QString appendHtmlSignature(const QString &html, const QString &signature)
{
    const QString lines = signatureLines(signature);
    if (lines.trimmed().isEmpty())
        return html;
    const QString div = QStringLiteral("<div class=\"herald-signature\">-- <br>\n") +
                        lines.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>\n")) +
                        QStringLiteral("</div>\n");
    if (html.contains(div))
        return html;
    const qsizetype end = html.lastIndexOf(QLatin1String("</body>"), -1, Qt::CaseInsensitive);
    if (end < 0)
        return html + div;
    return html.left(end) + div + html.mid(end);
}

QString replaceSignature(const QString &text, const QString &oldSignature,
                         const QString &newSignature)
{
    const QString oldBlock = signatureBlock(oldSignature);
    const QString newBlock = signatureBlock(newSignature);
    QString prefix = normalized(text);
    const QString signedText = withoutTrailingLineEnds(prefix) + QLatin1Char('\n');
    if (!oldBlock.isEmpty() && signedText.endsWith(oldBlock))
        prefix = signedText.left(signedText.size() - oldBlock.size());
    else if (!oldBlock.isEmpty() && newBlock.isEmpty())
        return text; // nothing of ours to take away
    if (newBlock.isEmpty())
        return prefix;
    if (prefix.trimmed().isEmpty())
        return prefix + newBlock; // the empty lines the user writes on stay above
    return appendSignature(prefix, newSignature);
}

void applySignature(Draft &draft, const QString &signature)
{
    draft.text = appendSignature(draft.text, signature);
    if (!draft.html.isEmpty())
        draft.html = appendHtmlSignature(draft.html, signature);
}

} // namespace herald::mime
