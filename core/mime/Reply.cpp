#include "core/mime/Reply.h"

#include "core/mime/MessageParser.h"

#include <QLocale>
#include <QRegularExpression>
#include <QSet>

namespace herald::mime {

namespace {
QString stripPrefixes(QString subject, const QRegularExpression &prefix)
{
    subject = subject.trimmed();
    while (true) {
        const auto m = prefix.match(subject);
        if (!m.hasMatch())
            return subject;
        subject = subject.mid(m.capturedLength(0)).trimmed();
    }
}

QString displayList(const std::vector<Address> &list)
{
    QStringList parts;
    for (const Address &a : list)
        parts << a.display();
    return parts.join(QStringLiteral(", "));
}

QString bodyText(const Message &m)
{
    QString text = m.text.isEmpty() ? htmlToPlainText(m.html) : m.text;
    return text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
}

QString bracketed(const QString &id)
{
    const QString t = id.trimmed();
    return t.startsWith(QLatin1Char('<')) ? t : QStringLiteral("<%1>").arg(t);
}
} // namespace

QString replySubject(const QString &subject)
{
    // "Re:", "RE :", "Re[2]:", and the German/Nordic "Aw:", "Sv:" that mean the same.
    static const QRegularExpression prefix(QStringLiteral("^(re|aw|sv|antw)\\s*(\\[\\d+\\])?\\s*:"),
                                           QRegularExpression::CaseInsensitiveOption);
    return QStringLiteral("Re: ") + stripPrefixes(subject, prefix);
}

QString forwardSubject(const QString &subject)
{
    static const QRegularExpression prefix(QStringLiteral("^(fwd?|wg)\\s*(\\[\\d+\\])?\\s*:"),
                                           QRegularExpression::CaseInsensitiveOption);
    return QStringLiteral("Fwd: ") + stripPrefixes(subject, prefix);
}

QString quoteText(const QString &text)
{
    QString t = text;
    t.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    while (t.endsWith(QLatin1Char('\n')))
        t.chop(1);
    QStringList lines = t.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = line.startsWith(QLatin1Char('>')) ? QLatin1Char('>') + line
               : line.isEmpty()                  ? QStringLiteral(">")
                                                 : QStringLiteral("> ") + line;
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString attributionLine(const Message &parent)
{
    const QString who =
        parent.from.empty() ? QStringLiteral("someone") : parent.from.front().display();
    if (!parent.date.isValid())
        return QStringLiteral("%1 wrote:").arg(who);
    return QStringLiteral("On %1, %2 wrote:")
        .arg(QLocale::c().toString(parent.date, QStringLiteral("ddd, d MMM yyyy HH:mm")), who);
}

void applyReplyHeaders(const Message &parent, Draft &draft)
{
    QStringList refs = parent.references;
    if (refs.isEmpty() && !parent.inReplyTo.isEmpty())
        refs << parent.inReplyTo.first();
    if (!parent.messageId.isEmpty()) {
        refs << parent.messageId;
        draft.inReplyTo = bracketed(parent.messageId);
    }
    // Keep the thread's root and the most recent ids (RFC 5322 §3.6.4 allows trimming).
    if (refs.size() > 20)
        refs = QStringList{refs.first()} + refs.mid(refs.size() - 19);
    draft.references.clear();
    for (const QString &r : refs)
        draft.references << bracketed(r);
}

Draft makeReply(const Message &parent, const Address &self, const ReplyOptions &options)
{
    QSet<QString> own;
    own.insert(self.email.trimmed().toLower());
    for (const QString &a : options.ownAddresses)
        own.insert(a.trimmed().toLower());
    auto isOwn = [&](const Address &a) { return own.contains(a.email.trimmed().toLower()); };

    Draft d;
    d.from = self;
    d.subject = replySubject(parent.subject);
    const bool fromUs = !parent.from.empty() && isOwn(parent.from.front());
    const std::vector<Address> &primary = !parent.replyTo.empty() ? parent.replyTo
                                          : fromUs                ? parent.to
                                                                  : parent.from;
    QSet<QString> taken;
    for (const Address &a : primary) {
        if (a.email.isEmpty() || taken.contains(a.email.toLower()) || (isOwn(a) && !fromUs))
            continue;
        taken.insert(a.email.toLower());
        d.to.push_back({a.name, a.email, {}});
    }
    if (options.all) {
        for (const auto *list : {&parent.from, &parent.to, &parent.cc})
            for (const Address &a : *list) {
                if (a.email.isEmpty() || isOwn(a) || taken.contains(a.email.toLower()))
                    continue;
                taken.insert(a.email.toLower());
                d.cc.push_back({a.name, a.email, {}});
            }
    }
    d.text = QStringLiteral("\n\n") + attributionLine(parent) + QLatin1Char('\n') +
             quoteText(bodyText(parent));
    applyReplyHeaders(parent, d);
    return d;
}

Draft makeForwardInline(const Message &parent, const QByteArray &parentRaw, const Address &self)
{
    Draft d;
    d.from = self;
    d.subject = forwardSubject(parent.subject);
    QString header = QStringLiteral("\n\n---------- Forwarded message ----------\n");
    header += QStringLiteral("From: %1\n").arg(displayList(parent.from));
    if (parent.date.isValid())
        header += QStringLiteral("Date: %1\n")
                      .arg(QLocale::c().toString(parent.date,
                                                 QStringLiteral("ddd, d MMM yyyy HH:mm:ss t")));
    header += QStringLiteral("Subject: %1\n").arg(parent.subject);
    header += QStringLiteral("To: %1\n").arg(displayList(parent.to));
    if (!parent.cc.empty())
        header += QStringLiteral("Cc: %1\n").arg(displayList(parent.cc));
    d.text = header + QLatin1Char('\n') + bodyText(parent);
    for (const Attachment &a : parent.attachments) {
        if (a.isInline)
            continue;
        Draft::File f;
        f.data = a.data.isEmpty() ? partData(parentRaw, a.partIndex) : a.data;
        f.filename = a.filename.isEmpty() ? QStringLiteral("attachment") : a.filename;
        f.mimeType = a.mimeType;
        d.attachments.push_back(f);
    }
    return d;
}

Draft makeForwardAsAttachment(const Message &parent, const QByteArray &parentRaw,
                              const Address &self)
{
    Draft d;
    d.from = self;
    d.subject = forwardSubject(parent.subject);
    Draft::File f;
    f.data = parentRaw;
    QString name = parent.subject.trimmed();
    name.replace(QRegularExpression(QStringLiteral("[/\\\\:*?\"<>|\\x00-\\x1f]")),
                 QStringLiteral("_"));
    f.filename =
        (name.isEmpty() ? QStringLiteral("message") : name.left(80)) + QStringLiteral(".eml");
    f.mimeType = QStringLiteral("message/rfc822");
    d.attachments.push_back(f);
    return d;
}

QByteArray buildForwardAsAttachment(const Draft &draft, const QByteArray &parentRaw, QString *error)
{
    // buildMessage() carries every message/rfc822 attachment unencoded; the part's data is
    // the original already (makeForwardAsAttachment), `parentRaw` stands in when it is not.
    Draft d = draft;
    for (Draft::File &f : d.attachments)
        if (f.mimeType == QLatin1String("message/rfc822") && f.data.isEmpty() && f.path.isEmpty())
            f.data = parentRaw;
    return buildMessage(d, error);
}

} // namespace herald::mime
