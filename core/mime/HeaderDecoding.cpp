#include "core/mime/HeaderDecoding.h"

#include "core/mime/internal/Charset.h"
#include "core/mime/internal/ObsoleteAddress.h"
#include "core/mime/internal/SimpleAddress.h"
#include "core/mime/internal/SimpleFields.h"
#include "core/mime/internal/VmimeText.h"

#include <QRegularExpression>
#include <tuple>
#include <vmime/addressList.hpp>
#include <vmime/dateTime.hpp>
#include <vmime/headerFieldFactory.hpp>
#include <vmime/mailbox.hpp>
#include <vmime/mailboxGroup.hpp>
#include <vmime/mediaType.hpp>
#include <vmime/messageIdSequence.hpp>
#include <vmime/parameterizedHeaderField.hpp>
#include <vmime/platform.hpp>
#include <vmime/text.hpp>
#include <vmime/word.hpp>

namespace herald::mime {

using internal::collapseWhiteSpace;
using internal::textToUnicode;
using internal::wordToUnicode;

namespace {

std::string toStd(const QByteArray &bytes)
{
    return std::string(bytes.constData(), static_cast<size_t>(bytes.size()));
}

QByteArray fromStd(const std::string &s)
{
    return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

void appendMailbox(std::vector<Address> &out, const vmime::mailbox &mb, const QString &group,
                   const QByteArray &raw)
{
    Address a;
    a.name = collapseWhiteSpace(textToUnicode(mb.getName()));
    const QString local = wordToUnicode(mb.getEmail().getLocalName());
    QString domain = wordToUnicode(mb.getEmail().getDomainName());
    // For an address without "@" (e.g. <http://…> in List-* fields) VMime appends the local
    // host name as the domain: keep only a domain that was written.
    bool inventedDomain = false;
    if (!domain.isEmpty() && !raw.contains('@' + domain.toUtf8())) {
        const std::string host = vmime::platform::getHandler()->getHostName();
        inventedDomain = domain == QString::fromStdString(host) ||
                         domain == QString::fromStdString(host.substr(0, host.find('.')));
    }
    // VMime's placeholder for an empty address ("MAILER DAEMON <>", or a comment after a
    // group read as a mailbox): no address, the name stays.
    if (local == QLatin1String("invalid") && domain == QLatin1String("invalid") &&
        !raw.contains("invalid@invalid")) {
        a.group = group;
        if (!a.name.isEmpty())
            out.push_back(std::move(a));
        return;
    }
    if (inventedDomain) {
        a.email = local;
        a.group = group;
        if (!a.email.isEmpty())
            out.push_back(std::move(a));
        return;
    }
    if (!domain.isEmpty())
        a.email = local + QLatin1Char('@') + domain;
    else if (a.name.isEmpty())
        a.name = local; // "To: Someone" – a bare word is a name, not an address
    else
        a.email = local;
    a.group = group;
    if (!a.name.isEmpty() || !a.email.isEmpty())
        out.push_back(std::move(a));
}

// RFC 5322 comments (nested, with quoted pairs) removed; each becomes one space.
QByteArray withoutComments(const QByteArray &in, bool *closed)
{
    QByteArray out;
    out.reserve(in.size());
    int depth = 0;
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        if (depth > 0 && c == '\\') {
            ++i;
        } else if (c == '(') {
            if (depth++ == 0)
                out.append(' ');
        } else if (c == ')' && depth > 0) {
            --depth;
        } else if (depth == 0) {
            out.append(c);
        }
    }
    *closed = depth == 0;
    return out;
}

// "type/subtype" before the parameters: comments and white space around the parts removed.
std::pair<QString, QString> typeAndSubtype(const QByteArray &value)
{
    bool closed = true;
    qsizetype end = value.indexOf(';');
    const QByteArray bare = withoutComments(end < 0 ? value : value.left(end), &closed);
    const qsizetype slash = bare.indexOf('/');
    const QByteArray type = (slash < 0 ? bare : bare.left(slash)).trimmed();
    QByteArray subtype = slash < 0 ? QByteArray() : bare.mid(slash + 1).trimmed();
    for (qsizetype i = 0; i < subtype.size(); ++i) {
        if (subtype.at(i) == ' ' || subtype.at(i) == '\t') {
            subtype.truncate(i); // "type/subtype name=value" without ";"
            break;
        }
    }
    return {QString::fromUtf8(type).toLower(), QString::fromUtf8(subtype).toLower()};
}

} // namespace

QByteArray unfoldHeader(const QByteArray &raw)
{
    QByteArray out;
    out.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw.at(i);
        if (c == '\r' || c == '\n')
            continue; // folding: the white space of the next line stays
        out.append(c);
    }
    return out;
}

QString decodeHeaderText(const QByteArray &raw)
{
    const QByteArray unfolded = unfoldHeader(raw);
    if (auto simple = internal::simpleHeaderText(unfolded))
        return *simple;
    return internal::decodeHeaderTextFully(raw);
}

namespace {
// "=?utf-8?B?VEVTVA=?=": base64 encoded words with too little (or no) padding are padded
// (VMime dropped the last group; Python and mail clients read "TEST").
QByteArray withBase64Padding(const QByteArray &unfolded)
{
    if (!unfolded.contains("?=") || !(unfolded.contains("?B?") || unfolded.contains("?b?")))
        return unfolded;
    static const QRegularExpression word(
        QStringLiteral("(=\\?[^?\\s]+\\?[Bb]\\?)([A-Za-z0-9+/]*)=*\\?="));
    QString text = QString::fromLatin1(unfolded);
    QString out;
    qsizetype last = 0;
    auto it = word.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        QString data = match.captured(2);
        if (data.size() % 4 == 1)
            data.chop(1); // one lone character carries no byte
        while (data.size() % 4 != 0)
            data += QLatin1Char('=');
        out += text.mid(last, match.capturedStart() - last) + match.captured(1) + data +
               QLatin1String("?=");
        last = match.capturedEnd();
    }
    out += text.mid(last);
    return out.toLatin1();
}
} // namespace

QString internal::decodeHeaderTextFully(const QByteArray &raw)
{
    const QByteArray unfolded = withBase64Padding(unfoldHeader(raw));
    try {
        vmime::text t;
        vmime::text::decodeAndUnfold(toStd(unfolded), &t);
        return collapseWhiteSpace(textToUnicode(t));
    } catch (...) {
        return collapseWhiteSpace(internal::toUnicode(unfolded, QByteArray()));
    }
}

std::vector<Address> parseAddressList(const QByteArray &raw)
{
    std::vector<Address> out;
    if (internal::parseSimpleAddressList(unfoldHeader(raw).trimmed(), out))
        return out;
    return internal::parseAddressListFully(raw);
}

std::vector<Address> internal::parseAddressListFully(const QByteArray &raw)
{
    std::vector<Address> out;
    // "To: Mary Smith": names without any address (VMime made "Mary" an address). Each
    // comma-separated name is a recipient without address.
    const QByteArray unfolded = unfoldHeader(raw);
    if (!unfolded.contains('@') && !unfolded.contains('<') && !unfolded.contains(':') &&
        !unfolded.contains('"')) {
        for (const QByteArray &piece : unfolded.split(',')) {
            Address a;
            a.name = decodeHeaderText(piece);
            if (!a.name.isEmpty())
                out.push_back(std::move(a));
        }
        return out;
    }
    try {
        vmime::addressList list;
        list.parse(toStd(internal::repairObsoleteAddressList(unfoldHeader(raw))));
        for (size_t i = 0; i < list.getAddressCount(); ++i) {
            const auto addr = list.getAddressAt(i);
            if (addr->isGroup()) {
                const auto group = vmime::dynamicCast<vmime::mailboxGroup>(addr);
                const QString name = collapseWhiteSpace(textToUnicode(group->getName()));
                for (size_t j = 0; j < group->getMailboxCount(); ++j)
                    appendMailbox(out, *group->getMailboxAt(j), name, raw);
            } else {
                appendMailbox(out, *vmime::dynamicCast<vmime::mailbox>(addr), QString(), raw);
            }
        }
    } catch (...) {
    }
    return out;
}

QDateTime parseDate(const QByteArray &raw)
{
    if (auto simple = internal::parseSimpleDate(unfoldHeader(raw)))
        return *simple;
    return internal::parseDateFully(raw);
}

QDateTime internal::parseDateFully(const QByteArray &raw)
{
    bool closed = true;
    QByteArray value = withoutComments(unfoldHeader(raw), &closed).simplified();
    if (const qsizetype semicolon = value.lastIndexOf(';'); semicolon >= 0)
        value = value.mid(semicolon + 1).trimmed(); // "...; date" as in Received fields
    // RFC 5322's obsolete syntax allows white space around the colons of the time
    // ("09 :   55  :  06", RFC 2822 A.6.3).
    static const QRegularExpression spacedColon(QStringLiteral("(\\d)\\s*:\\s*(?=\\d)"));
    value = QString::fromLatin1(value).replace(spacedColon, QStringLiteral("\\1:")).toLatin1();
    // An unclosed comment or no hh:mm time: not a date (VMime would return midnight). A time
    // that is none ("59:10") makes no date either.
    static const QRegularExpression time(
        QStringLiteral("(?:^|\\s)(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s+(\\S+))?"));
    const auto timeMatch = time.match(QString::fromLatin1(value));
    if (value.isEmpty() || !closed || !timeMatch.hasMatch() || timeMatch.captured(1).toInt() > 23 ||
        timeMatch.captured(2).toInt() > 59 || timeMatch.captured(3).toInt() > 60)
        return {};
    // RFC 5322 §4.3: a zone other than +-hhmm and the named US zones (military letters, "H0500")
    // is treated as -0000: the time is read as UTC. ("EST5EDT" is EST.)
    static const QRegularExpression knownZone(QStringLiteral("^(?:[+-]\\d{4}|UT|GMT|[ECMP][SD]T)"),
                                              QRegularExpression::CaseInsensitiveOption);
    const QString zoneToken = timeMatch.captured(4);
    const bool zoneKnown = zoneToken.isEmpty() || knownZone.match(zoneToken).hasMatch();
    // "29 paX 2007": VMime reads a month name it does not know as January.
    static const QRegularExpression dayMonth(
        QStringLiteral("(?:^|[\\s,])\\d{1,2}\\s*-?\\s*([A-Za-z]+)\\b"));
    static const QRegularExpression month(
        QStringLiteral("^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"),
        QRegularExpression::CaseInsensitiveOption);
    if (const auto m = dayMonth.match(QString::fromLatin1(value));
        m.hasMatch() && !month.match(m.captured(1)).hasMatch())
        return {};
    try {
        vmime::datetime d;
        d.parse(toStd(value));
        const QDate date(d.getYear(), d.getMonth(), d.getDay());
        const QTime time(d.getHour(), d.getMinute(), d.getSecond());
        if (!date.isValid() || !time.isValid())
            return {};
        if (date == QDate(1970, 1, 1) && !value.contains("1970"))
            return {}; // what VMime returns when it reads no date
        // RFC 5322 zones are at most +-99:59; a larger one (a hostile "-99999999" overflowed
        // the multiplication) carries no information, like "-0000": read the time as UTC.
        const qint64 zoneMinutes = d.getZone();
        const bool zoneValid =
            zoneKnown && zoneMinutes >= -(99 * 60 + 59) && zoneMinutes <= 99 * 60 + 59;
        return QDateTime(date, time, Qt::OffsetFromUTC, zoneValid ? int(zoneMinutes * 60) : 0);
    } catch (...) {
        return {};
    }
}

QStringList parseMessageIds(const QByteArray &raw)
{
    QStringList out;
    if (internal::parseSimpleMessageIds(unfoldHeader(raw), out))
        return out;
    return internal::parseMessageIdsFully(raw);
}

QStringList internal::parseMessageIdsFully(const QByteArray &raw)
{
    QStringList out;
    const QByteArray value = internal::repairObsoleteMessageIds(unfoldHeader(raw));
    try {
        vmime::messageIdSequence ids;
        ids.parse(toStd(value));
        for (size_t i = 0; i < ids.getMessageIdCount(); ++i) {
            const QString id = QString::fromUtf8(fromStd(ids.getMessageIdAt(i)->getId()));
            if (!id.isEmpty())
                out.append(id);
        }
    } catch (...) {
    }
    return out;
}

QString ContentType::parameter(const QString &name) const
{
    for (const auto &p : parameters) {
        if (p.first.compare(name, Qt::CaseInsensitive) == 0)
            return p.second;
    }
    return {};
}

ContentType parseContentType(const QByteArray &raw)
{
    if (auto simple = internal::parseSimpleContentType(unfoldHeader(raw)))
        return *simple;
    return internal::parseContentTypeFully(raw);
}

ContentType internal::parseContentTypeFully(const QByteArray &raw)
{
    ContentType out;
    try {
        auto field = vmime::headerFieldFactory::getInstance()->create("Content-Type",
                                                                      toStd(unfoldHeader(raw)));
        std::tie(out.type, out.subtype) = typeAndSubtype(unfoldHeader(raw));
        const auto params = vmime::dynamicCast<vmime::parameterizedHeaderField>(field);
        if (params) {
            for (const auto &p : params->getParameterList()) {
                const QString name = QString::fromStdString(p->getName()).toLower();
                QString value = wordToUnicode(p->getValue());
                if (value.contains(QLatin1String("=?")))
                    value = decodeHeaderText(value.toUtf8());
                out.parameters.emplace_back(name, value);
            }
        }
    } catch (...) {
    }
    return out;
}

} // namespace herald::mime

namespace herald::mime {

std::vector<RawHeaderField> splitHeaderFields(const QByteArray &block)
{
    std::vector<RawHeaderField> out;
    bool inField = false;
    qsizetype pos = 0;
    while (pos < block.size()) {
        qsizetype end = block.indexOf('\n', pos);
        if (end < 0)
            end = block.size();
        QByteArray line = block.mid(pos, end - pos);
        const bool firstLine = pos == 0;
        pos = end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            break; // end of the header block
        if (line.at(0) == ' ' || line.at(0) == '\t') {
            if (inField) {
                out.back().value += "\r\n" + line;
                continue;
            }
            if (!firstLine)
                continue;
            // The message's first line indented (" From: …", enmime's bad-header-start): a
            // field all the same, nothing to continue.
            line = line.trimmed();
        }
        const qsizetype colon = line.indexOf(':');
        inField = colon > 0;
        if (!inField)
            continue;
        RawHeaderField field;
        field.name = line.left(colon).trimmed();
        field.value = line.mid(colon + 1);
        inField = !field.name.isEmpty() && !field.name.contains(' ');
        if (inField)
            out.push_back(std::move(field));
    }
    return out;
}

} // namespace herald::mime
