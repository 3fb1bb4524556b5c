#include "core/store/Threading.h"

#include <QRegularExpression>
#include <algorithm>
#include <vector>

namespace herald::store {

namespace {
// Reply and forward prefixes of the languages mail clients write them in (English, German
// AW/WG, Scandinavian SV/VS/Vs, Dutch Antw/Doorst, French TR/RE, Italian R/RIF/I, Spanish RV,
// Polish Odp/PD, Finnish VL/VS, Turkish YNT/İLT), with an optional count: "Re[2]:", "Re(2):".
const QRegularExpression &prefixPattern()
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*(?:\\[[^\\]]*\\]\\s*)?"
                       "(?:re|fwd?|aw|wg|sv|vs|antw|doorst|tr|r|rif|i|rv|odp|pd|vl|ynt|ilt|"
                       "réf|ref|απ|ΣΧΕΤ|回复|转发|答复)"
                       "\\s*(?:\\[\\d+\\]|\\(\\d+\\))?\\s*[:：]\\s*"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

QString idKey(QString id)
{
    id = id.trimmed();
    if (id.startsWith(QLatin1Char('<')) && id.endsWith(QLatin1Char('>')))
        id = id.mid(1, id.size() - 2);
    return id.isEmpty() ? QString() : QLatin1Char('<') + id + QLatin1Char('>');
}
} // namespace

QString normalizedSubject(const QString &subject, bool *isReply)
{
    QString s = subject.simplified();
    bool reply = false;
    for (;;) {
        const QRegularExpressionMatch m = prefixPattern().match(s);
        if (!m.hasMatch() || m.capturedLength() == 0)
            break;
        reply = true;
        s = s.mid(m.capturedLength());
    }
    // A list tag left in front of the real subject ("[dev] Hello") is not part of it either.
    static const QRegularExpression tag(QStringLiteral("^\\[[^\\]]*\\]\\s*"));
    if (const auto m = tag.match(s); m.hasMatch() && m.capturedLength() < s.size())
        s = s.mid(m.capturedLength());
    if (isReply)
        *isReply = reply;
    return s.trimmed().toCaseFolded();
}

qint64 Threader::add(const ThreadInput &message)
{
    std::vector<QString> keys;
    const auto addKey = [&keys](const QString &raw) {
        const QString key = idKey(raw);
        if (!key.isEmpty() && std::find(keys.begin(), keys.end(), key) == keys.end())
            keys.push_back(key);
    };
    addKey(message.messageId);
    for (const QString &parent : message.parents)
        addKey(parent);
    const bool hasReferences = keys.size() > (idKey(message.messageId).isEmpty() ? 0u : 1u);

    std::vector<qint64> threads;
    for (const QString &key : keys)
        if (const auto t = m_index.threadOfKey(key))
            if (std::find(threads.begin(), threads.end(), *t) == threads.end())
                threads.push_back(*t);

    bool isReply = false;
    const QString subject = normalizedSubject(message.subject, &isReply);
    const QString subjectKey = subject.isEmpty() ? QString() : QStringLiteral("s:") + subject;
    if (threads.empty() && !hasReferences && isReply && !subjectKey.isEmpty())
        if (const auto t = m_index.threadOfKey(subjectKey))
            threads.push_back(*t);

    // The oldest thread id survives a merge, so ids stay stable for the threads people saw.
    const qint64 thread =
        threads.empty() ? message.rowId : *std::min_element(threads.begin(), threads.end());
    for (const qint64 other : threads)
        if (other != thread)
            m_index.mergeThreads(other, thread);
    for (const QString &key : keys)
        m_index.setKey(key, thread);
    // The latest conversation of a subject is where a reply without references most likely goes.
    if (!subjectKey.isEmpty())
        m_index.setKey(subjectKey, thread);
    return thread;
}

} // namespace herald::store
