// Decoding of one framed response into a typed Response (status responses, response codes and
// the untagged data responses other than FETCH items, which live in FetchDecoder.cpp).
#include "core/imap/ImapDecode.h"
#include "core/imap/ModifiedUtf7.h"

namespace herald::imap::detail {

namespace {

std::optional<Response::Status> statusOf(const QByteArray &word)
{
    const QByteArray w = word.toUpper();
    if (w == "OK")
        return Response::Status::Ok;
    if (w == "NO")
        return Response::Status::No;
    if (w == "BAD")
        return Response::Status::Bad;
    if (w == "PREAUTH")
        return Response::Status::PreAuth;
    if (w == "BYE")
        return Response::Status::Bye;
    return std::nullopt;
}

quint32 toU32(const std::optional<quint64> &n)
{
    if (!n || *n > 0xFFFFFFFFull)
        throw ImapParseError("number out of range");
    return quint32(*n);
}

UidSet toSet(const QByteArray &text)
{
    auto s = UidSet::parse(text);
    if (!s)
        throw ImapParseError("malformed sequence set");
    return *s;
}

void decodeCodeArgs(ResponseCode &code)
{
    std::vector<Segment> segs{Segment{code.raw, false}};
    ImapCursor c(segs);
    std::vector<Value> args;
    while (true) {
        c.skipSpaces();
        if (c.atEnd())
            break;
        args.push_back(c.readValue());
    }
    auto num = [&](size_t i) -> std::optional<quint64> {
        return i < args.size() ? args[i].number() : std::nullopt;
    };
    const QByteArray &n = code.name;
    if (n == "UIDVALIDITY")
        code.uidValidity = toU32(num(0));
    else if (n == "UIDNEXT")
        code.uidNext = toU32(num(0));
    else if (n == "UNSEEN")
        code.unseen = toU32(num(0));
    else if (n == "HIGHESTMODSEQ") {
        if (!num(0))
            throw ImapParseError("malformed HIGHESTMODSEQ");
        code.highestModSeq = num(0);
    } else if (n == "CAPABILITY") {
        for (const Value &v : args)
            code.capabilities << v.bytes().toUpper();
    } else if (n == "PERMANENTFLAGS") {
        if (!args.empty() && args[0].isList())
            for (const Value &v : args[0].list)
                code.permanentFlags << v.bytes();
    } else if (n == "APPENDUID") {
        code.validity = toU32(num(0));
        code.destinationUids = toSet(args.size() > 1 ? args[1].bytes() : QByteArray());
    } else if (n == "COPYUID") {
        code.validity = toU32(num(0));
        code.sourceUids = toSet(args.size() > 1 ? args[1].bytes() : QByteArray());
        code.destinationUids = toSet(args.size() > 2 ? args[2].bytes() : QByteArray());
    } else if (n == "MODIFIED") {
        code.modified = toSet(args.empty() ? QByteArray() : args[0].bytes());
    }
}

void decodeRespText(ImapCursor &c, Response &r)
{
    c.skipSpaces();
    if (c.skip('[')) {
        r.code.name = c.readAtom(false).toUpper();
        if (c.skip(' '))
            r.code.raw = c.readUntil(']');
        c.expect(']');
        try {
            decodeCodeArgs(r.code);
        } catch (const ImapParseError &) {
            // Keep the raw text of codes we cannot type; only known codes matter.
            if (r.code.name == "UIDVALIDITY" || r.code.name == "UIDNEXT" ||
                r.code.name == "HIGHESTMODSEQ" || r.code.name == "APPENDUID" ||
                r.code.name == "COPYUID")
                throw;
        }
        c.skipSpaces();
    }
    r.text = QString::fromUtf8(c.restOfLine());
}

QChar delimiterOf(const Value &v)
{
    if (v.isNil() || v.data.isEmpty())
        return QChar();
    return QChar::fromLatin1(v.data.at(0));
}

void decodeNamespaceList(const Value &v, QList<NamespaceEntry> &out)
{
    if (!v.isList())
        return;
    for (const Value &e : v.list) {
        if (!e.isList() || e.list.size() < 2)
            throw ImapParseError("malformed NAMESPACE");
        out << NamespaceEntry{ModifiedUtf7::decodeLenient(e.list[0].bytes()),
                              delimiterOf(e.list[1])};
    }
}

void decodeUntaggedData(ImapCursor &c, Response &r)
{
    const QByteArray &k = r.keyword;
    auto space = [&] { c.expect(' '); };
    if (k == "CAPABILITY" || k == "ENABLED" || k == "FLAGS") {
        if (k == "FLAGS") {
            c.skipSpaces();
            const Value v = c.readValue();
            for (const Value &f : v.list)
                r.atoms << f.bytes();
            return;
        }
        while (c.skip(' ')) {
            if (c.peek() == 0)
                break;
            r.atoms << c.readAtom(false).toUpper();
        }
    } else if (k == "LIST" || k == "LSUB" || k == "XLIST") {
        space();
        const Value flags = c.readValue();
        if (!flags.isList())
            throw ImapParseError("malformed LIST flags");
        for (const Value &f : flags.list)
            r.list.flags << f.bytes();
        space();
        r.list.delimiter = delimiterOf(c.readValue());
        space();
        r.list.rawName = c.readString();
        r.list.name = ModifiedUtf7::decodeLenient(r.list.rawName);
    } else if (k == "STATUS") {
        space();
        r.statusData.rawMailbox = c.readString();
        r.statusData.mailbox = ModifiedUtf7::decodeLenient(r.statusData.rawMailbox);
        c.skipSpaces();
        const Value items = c.readValue();
        if (!items.isList())
            throw ImapParseError("malformed STATUS");
        for (size_t i = 0; i + 1 < items.list.size(); i += 2) {
            const auto n = items.list[i + 1].number();
            if (!n)
                throw ImapParseError("malformed STATUS item");
            r.statusData.items.insert(items.list[i].bytes().toUpper(), *n);
        }
    } else if (k == "SEARCH" || k == "SORT") {
        while (c.skip(' ')) {
            if (c.peek() == 0)
                break;
            if (c.peek() == '(') {
                const Value v = c.readValue();
                if (v.list.size() == 2 && v.list[0].bytes().toUpper() == "MODSEQ")
                    r.search.modseq = v.list[1].number();
                continue;
            }
            r.search.ids << toU32(c.readNumber());
        }
    } else if (k == "ESEARCH") {
        c.skipSpaces();
        if (c.peek() == '(') {
            const Value corr = c.readValue();
            if (corr.list.size() == 2 && corr.list[0].bytes().toUpper() == "TAG")
                r.esearch.tag = corr.list[1].bytes();
        }
        while (true) {
            c.skipSpaces();
            if (c.atEnd() || c.peek() == 0)
                break;
            const QByteArray name = c.readAtom(false).toUpper();
            if (name == "UID") {
                r.esearch.uid = true;
                continue;
            }
            space();
            const Value v = c.readValue();
            if (name == "MIN")
                r.esearch.min = toU32(v.number());
            else if (name == "MAX")
                r.esearch.max = toU32(v.number());
            else if (name == "COUNT")
                r.esearch.count = v.number();
            else if (name == "MODSEQ")
                r.esearch.modseq = v.number();
            else if (name == "ALL")
                r.esearch.all = toSet(v.bytes());
        }
    } else if (k == "VANISHED") {
        space();
        if (c.peek() == '(') {
            const Value tag = c.readValue();
            r.vanished.earlier = tag.list.size() == 1 && tag.list[0].bytes().toUpper() == "EARLIER";
            space();
        }
        r.vanished.uids = toSet(c.readAtom(false));
    } else if (k == "NAMESPACE") {
        space();
        decodeNamespaceList(c.readValue(), r.ns.personal);
        space();
        decodeNamespaceList(c.readValue(), r.ns.otherUsers);
        space();
        decodeNamespaceList(c.readValue(), r.ns.shared);
    } else if (k == "ID") {
        space();
        const Value v = c.readValue();
        if (v.isList())
            for (size_t i = 0; i + 1 < v.list.size(); i += 2)
                r.id << qMakePair(v.list[i].bytes(), v.list[i + 1].bytes());
    } else {
        while (true) {
            c.skipSpaces();
            if (c.atEnd() || c.peek() == 0)
                break;
            r.args.push_back(c.readValue());
        }
    }
}

} // namespace

Response decodeResponse(const std::vector<Segment> &segments)
{
    ImapCursor c(segments);
    Response r;
    if (c.skip('+')) {
        r.kind = Response::Kind::Continuation;
        c.skip(' ');
        r.text = QString::fromUtf8(c.restOfLine());
        return r;
    }
    if (c.skip('*')) {
        r.kind = Response::Kind::Untagged;
        c.expect(' ');
        if (const auto n = c.readNumber()) {
            r.number = toU32(n);
            c.expect(' ');
            r.keyword = c.readAtom(false).toUpper();
            if (r.keyword == "FETCH") {
                c.expect(' ');
                r.fetch = decodeFetch(r.number, c.readValue());
            } else if (r.keyword != "EXISTS" && r.keyword != "EXPUNGE" && r.keyword != "RECENT") {
                throw ImapParseError("unknown numbered response");
            }
            return r;
        }
        r.keyword = c.readAtom(false).toUpper();
        if (const auto st = statusOf(r.keyword)) {
            r.status = *st;
            decodeRespText(c, r);
            return r;
        }
        decodeUntaggedData(c, r);
        return r;
    }
    r.kind = Response::Kind::Tagged;
    r.tag = c.readAtom(false);
    c.expect(' ');
    const auto st = statusOf(c.readAtom(false));
    if (!st || *st == Response::Status::PreAuth || *st == Response::Status::Bye)
        throw ImapParseError("malformed tagged response");
    r.status = *st;
    r.keyword = r.status == Response::Status::Ok   ? "OK"
                : r.status == Response::Status::No ? "NO"
                                                   : "BAD";
    decodeRespText(c, r);
    return r;
}

} // namespace herald::imap::detail
