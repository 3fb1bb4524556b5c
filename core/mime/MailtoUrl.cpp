#include "core/mime/MailtoUrl.h"

#include "core/mime/AddressInput.h"
#include "core/mime/HeaderDecoding.h"

#include <QRegularExpression>
#include <cctype>

namespace herald::mime {

namespace {

// RFC 6068 §2: octets, percent-encoded, read as UTF-8 ('+' is not a space in mailto).
// A '%' without two hex digits stays as written.
QString decode(const QByteArray &encoded)
{
    QByteArray out;
    out.reserve(encoded.size());
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        if (encoded[i] == '%' && i + 2 < encoded.size() && isxdigit(uchar(encoded[i + 1])) &&
            isxdigit(uchar(encoded[i + 2]))) {
            out += char(encoded.mid(i + 1, 2).toInt(nullptr, 16));
            i += 2;
        } else {
            out += encoded[i];
        }
    }
    return QString::fromUtf8(out);
}

// "Name <a@b>" with the name quoted when it holds a separator, so the field splits again the
// same way (Address::display() leaves quotes out).
QString fieldText(const Address &a)
{
    if (a.name.isEmpty())
        return a.email;
    static const QRegularExpression specials(QStringLiteral("[,;\"<>@()\\[\\]:]"));
    QString name = a.name;
    if (name.contains(specials))
        name = QLatin1Char('"') + name.replace(QLatin1Char('"'), QLatin1String("\\\"")) +
               QLatin1Char('"');
    return QStringLiteral("%1 <%2>").arg(name, a.email);
}

void appendAddresses(QStringList &field, const QString &decoded)
{
    const AddressInput input = parseAddressInput(decoded);
    for (const Address &a : input.addresses)
        field << fieldText(a);
    field << input.invalid; // kept as written: the user sees them and fixes them
}

// One line of header text: a line break in a subject would start a header of its own.
QString oneLine(const QString &text)
{
    static const QRegularExpression breaks(QStringLiteral("[\\r\\n]+"));
    return QString(text).replace(breaks, QStringLiteral(" ")).trimmed();
}

std::vector<Address> toAddresses(const QStringList &field)
{
    std::vector<Address> out;
    for (const QString &text : field) {
        Address a;
        if (!parseOneAddress(text, &a))
            a.email = text;
        out.push_back(a);
    }
    return out;
}

} // namespace

std::optional<MailtoFields> parseMailto(const QString &url)
{
    static const QLatin1String scheme("mailto:");
    if (!url.startsWith(scheme, Qt::CaseInsensitive))
        return std::nullopt;
    const QByteArray rest = url.mid(scheme.size()).toUtf8();
    const qsizetype question = rest.indexOf('?');
    MailtoFields fields;
    appendAddresses(fields.to, decode(rest.left(question < 0 ? rest.size() : question)));
    if (question < 0)
        return fields;

    bool haveSubject = false, haveBody = false;
    for (const QByteArray &pair : rest.mid(question + 1).split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QString name = decode(eq < 0 ? pair : pair.left(eq)).trimmed().toLower();
        const QString value = eq < 0 ? QString() : decode(pair.mid(eq + 1));
        if (name == QLatin1String("to"))
            appendAddresses(fields.to, value);
        else if (name == QLatin1String("cc"))
            appendAddresses(fields.cc, value);
        else if (name == QLatin1String("bcc"))
            appendAddresses(fields.bcc, value);
        else if (name == QLatin1String("subject") && !haveSubject) {
            haveSubject = true;
            // §2: encoded-words may appear in a subject; decoded like any header text.
            fields.subject = decodeHeaderText(oneLine(value).toUtf8());
        } else if (name == QLatin1String("body") && !haveBody) {
            haveBody = true;
            fields.body = QString(value)
                              .replace(QLatin1String("\r\n"), QLatin1String("\n"))
                              .replace(QLatin1Char('\r'), QLatin1Char('\n'));
        } else if (name == QLatin1String("in-reply-to") && fields.inReplyTo.isEmpty())
            fields.inReplyTo = oneLine(value);
        else if (!name.isEmpty() && !fields.ignored.contains(name))
            fields.ignored << name;
    }
    return fields;
}

Draft draftFromMailto(const MailtoFields &fields)
{
    Draft d;
    d.to = toAddresses(fields.to);
    d.cc = toAddresses(fields.cc);
    d.bcc = toAddresses(fields.bcc);
    d.subject = fields.subject;
    d.text = fields.body;
    d.inReplyTo = fields.inReplyTo;
    if (!fields.inReplyTo.isEmpty())
        d.references << fields.inReplyTo;
    return d;
}

} // namespace herald::mime
