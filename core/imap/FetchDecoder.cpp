// Decoding of FETCH data items: ENVELOPE (with groups), BODYSTRUCTURE, INTERNALDATE, sections.
#include "core/imap/ImapDecode.h"

#include <QTime>
#include <cstring>

namespace herald::imap::detail {

namespace {

const Value &at(const Value &list, size_t i)
{
    static const Value nil;
    return i < list.list.size() ? list.list[i] : nil;
}

QList<Address> decodeAddresses(const Value &v)
{
    QList<Address> out;
    if (!v.isList())
        return out;
    QByteArray group;
    bool groupEmpty = false;
    for (const Value &a : v.list) {
        if (!a.isList() || a.list.size() < 4)
            throw ImapParseError("malformed address");
        Address addr;
        addr.name = a.list[0].bytes();
        addr.route = a.list[1].bytes();
        addr.mailbox = a.list[2].bytes();
        addr.host = a.list[3].bytes();
        if (a.list[3].isNil()) {
            if (a.list[2].isNil()) { // end of group
                if (groupEmpty) {
                    Address empty;
                    empty.group = group;
                    out << empty;
                }
                group.clear();
            } else { // start of group
                group = addr.mailbox;
                groupEmpty = true;
            }
            continue;
        }
        addr.group = group;
        groupEmpty = false;
        out << addr;
    }
    return out;
}

ParamList decodeParams(const Value &v)
{
    ParamList out;
    if (!v.isList())
        return out;
    for (size_t i = 0; i + 1 < v.list.size(); i += 2)
        out << qMakePair(v.list[i].bytes().toLower(), v.list[i + 1].bytes());
    return out;
}

void decodeDisposition(BodyPart &p, const Value &v)
{
    if (!v.isList())
        return;
    p.disposition = at(v, 0).bytes().toLower();
    p.dispositionParams = decodeParams(at(v, 1));
}

void decodeLanguage(BodyPart &p, const Value &v)
{
    if (v.isList()) {
        for (const Value &l : v.list)
            p.language << l.bytes();
    } else if (v.isText()) {
        p.language << v.data;
    }
}

QByteArray childId(const QByteArray &parent, size_t index)
{
    const QByteArray n = QByteArray::number(qulonglong(index + 1));
    return parent.isEmpty() ? n : parent + '.' + n;
}

// 1..12 for "Jan".."Dec" in any case at p[0..2]; 0 otherwise.
int monthNumber(const char *p)
{
    static const char names[] = "janfebmaraprmayjunjulaugsepoctnovdec";
    const char lower[3] = {char(p[0] | 0x20), char(p[1] | 0x20), char(p[2] | 0x20)};
    for (int i = 0; i < 12; ++i)
        if (memcmp(lower, names + 3 * i, 3) == 0)
            return i + 1;
    return 0;
}

// The decimal number of `count` digits at p, or -1.
int digits(const char *p, int count)
{
    int n = 0;
    for (int i = 0; i < count; ++i) {
        if (p[i] < '0' || p[i] > '9')
            return -1;
        n = n * 10 + (p[i] - '0');
    }
    return n;
}

} // namespace

Envelope decodeEnvelope(const Value &v)
{
    if (!v.isList() || v.list.size() < 10)
        throw ImapParseError("malformed ENVELOPE");
    Envelope e;
    e.date = v.list[0].bytes();
    e.subject = v.list[1].bytes();
    e.from = decodeAddresses(v.list[2]);
    e.sender = decodeAddresses(v.list[3]);
    e.replyTo = decodeAddresses(v.list[4]);
    e.to = decodeAddresses(v.list[5]);
    e.cc = decodeAddresses(v.list[6]);
    e.bcc = decodeAddresses(v.list[7]);
    e.inReplyTo = v.list[8].bytes();
    e.messageId = v.list[9].bytes();
    return e;
}

BodyPart decodeBodyStructure(const Value &v, const QByteArray &partId)
{
    if (!v.isList() || v.list.empty())
        throw ImapParseError("malformed BODYSTRUCTURE");
    BodyPart p;
    p.partId = partId;
    if (v.list[0].isList()) { // multipart
        size_t i = 0;
        while (i < v.list.size() && v.list[i].isList()) {
            p.children.push_back(decodeBodyStructure(v.list[i], childId(partId, i)));
            ++i;
        }
        p.type = "multipart";
        p.subtype = at(v, i++).bytes().toLower();
        p.params = decodeParams(at(v, i++));
        decodeDisposition(p, at(v, i++));
        decodeLanguage(p, at(v, i++));
        p.location = at(v, i++).bytes();
        return p;
    }
    if (v.list.size() < 7)
        throw ImapParseError("malformed body part");
    if (partId.isEmpty())
        p.partId = "1";
    p.type = v.list[0].bytes().toLower();
    p.subtype = v.list[1].bytes().toLower();
    p.params = decodeParams(v.list[2]);
    p.id = v.list[3].bytes();
    p.description = v.list[4].bytes();
    p.encoding = v.list[5].bytes();
    p.size = v.list[6].number().value_or(0);
    size_t i = 7;
    if (p.type == "message" && (p.subtype == "rfc822" || p.subtype == "global") &&
        v.list.size() >= 10 && v.list[7].isList()) {
        p.envelope = std::make_shared<Envelope>(decodeEnvelope(v.list[7]));
        const Value &inner = v.list[8];
        // The inner body of message p: its parts are p.1, p.2 ... (a single part is p.1).
        BodyPart body = decodeBodyStructure(inner, p.partId);
        if (!body.isMultipart())
            body.partId = p.partId + ".1";
        p.children.push_back(std::move(body));
        p.lines = v.list[9].number().value_or(0);
        i = 10;
    } else if (p.type == "text") {
        p.lines = at(v, 7).number().value_or(0);
        i = 8;
    }
    p.md5 = at(v, i++).bytes();
    decodeDisposition(p, at(v, i++));
    decodeLanguage(p, at(v, i++));
    p.location = at(v, i++).bytes();
    return p;
}

std::optional<QDateTime> parseInternalDate(const QByteArray &text)
{
    // "17-Jul-1996 02:44:25 -0700", the day may be space-padded (" 7-Jul-1996 ..."). Read by
    // position: one arrives with every message of a header pass.
    QByteArray t = text.trimmed();
    if (t.size() == 25)
        t.prepend('0');
    if (t.size() != 26 || t[2] != '-' || t[6] != '-' || t[11] != ' ' || t[14] != ':' ||
        t[17] != ':' || t[20] != ' ' || (t[21] != '+' && t[21] != '-'))
        return std::nullopt;
    const char *p = t.constData();
    const int day = digits(p, 2), year = digits(p + 7, 4), hour = digits(p + 12, 2),
              minute = digits(p + 15, 2), second = digits(p + 18, 2), zone = digits(p + 22, 4);
    const QDate date(year, monthNumber(p + 3), day);
    if (!date.isValid() || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 ||
        second > 59 || zone < 0 || zone % 100 > 59)
        return std::nullopt;
    const int offset = (p[21] == '-' ? -1 : 1) * ((zone / 100) * 3600 + (zone % 100) * 60);
    const qint64 secs = (date.toJulianDay() - QDate(1970, 1, 1).toJulianDay()) * 86400 +
                        hour * 3600 + minute * 60 + second - offset;
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
}

FetchData decodeFetch(quint32 seq, const Value &items)
{
    if (!items.isList() || items.list.size() % 2 != 0)
        throw ImapParseError("malformed FETCH");
    FetchData f;
    f.seq = seq;
    for (size_t i = 0; i + 1 < items.list.size(); i += 2) {
        const QByteArray name = items.list[i].bytes().toUpper();
        const Value &v = items.list[i + 1];
        if (name.isEmpty())
            throw ImapParseError("malformed FETCH item");
        if (name == "UID") {
            const auto n = v.number();
            if (!n || *n == 0 || *n > 0xFFFFFFFFull)
                throw ImapParseError("malformed UID");
            f.uid = quint32(*n);
        } else if (name == "FLAGS") {
            if (!v.isList())
                throw ImapParseError("malformed FLAGS");
            QList<QByteArray> flags;
            for (const Value &fl : v.list)
                flags << fl.bytes();
            f.flags = flags;
        } else if (name == "MODSEQ") {
            if (!v.isList() || v.list.size() != 1 || !v.list[0].number())
                throw ImapParseError("malformed MODSEQ");
            f.modseq = *v.list[0].number();
        } else if (name == "INTERNALDATE") {
            f.internalDate = parseInternalDate(v.bytes());
        } else if (name == "RFC822.SIZE") {
            f.size = v.number();
        } else if (name == "ENVELOPE") {
            f.envelope = decodeEnvelope(v);
        } else if (name == "BODYSTRUCTURE" || name == "BODY") {
            f.bodyStructure = decodeBodyStructure(v);
        } else if (name.startsWith("BODY[") || name.startsWith("BINARY[") ||
                   name.startsWith("RFC822")) {
            QByteArray key = name;
            const qsizetype origin = key.lastIndexOf('<');
            if (origin > 0 && key.endsWith('>') && key.lastIndexOf(']') < origin)
                key.truncate(origin);
            f.sections.insert(key, v.bytes());
        } else {
            f.other.insert(name, v);
        }
    }
    return f;
}

} // namespace herald::imap::detail
