// IMAP: the response parser (whole input, and the same bytes fed in random pieces), UidSet.
#include "core/imap/ImapResponseParser.h"
#include "core/imap/UidSet.h"
#include "tests/fuzz/FuzzTargets.h"

#include <QList>

namespace herald::fuzz {

namespace {
// What must not depend on how the bytes were cut into pieces.
QByteArray summary(const imap::Response &r)
{
    QByteArray s =
        QByteArray::number(int(r.kind)) + ' ' + r.tag + ' ' + QByteArray::number(int(r.status)) +
        ' ' + r.keyword + ' ' + QByteArray::number(r.number) + ' ' + r.text.toUtf8() + ' ' +
        QByteArray::number(r.args.size()) + ' ' + QByteArray::number(r.fetch.uid.value_or(0)) +
        ' ' + r.vanished.uids.toByteArray() + ' ' + r.esearch.all.toByteArray();
    return s;
}

// Takes every response; the summaries, then the error state.
QList<QByteArray> drain(imap::ImapResponseParser &parser)
{
    QList<QByteArray> out;
    while (std::optional<imap::Response> r = parser.next()) {
        out << summary(*r);
        // Every sequence-set the server sent goes through UidSet's own operations too.
        if (!r->vanished.uids.isEmpty())
            (void)r->vanished.uids.toList(100000);
    }
    return out;
}
} // namespace

void imapResponse(const QByteArray &input)
{
    imap::ImapResponseParser parser;
    parser.feed(input);
    drain(parser);
    (void)imap::UidSet::parse(input.left(4096));
}

void imapSplit(const QByteArray &input)
{
    if (input.isEmpty())
        return;
    // The first byte seeds the cut points; the rest is the stream.
    const QByteArray stream = input.mid(1);
    quint32 state = quint8(input.at(0)) * 2654435761u + quint32(stream.size());

    imap::ImapResponseParser whole;
    whole.feed(stream);
    const QList<QByteArray> expected = drain(whole);

    imap::ImapResponseParser pieces;
    QList<QByteArray> got;
    for (qsizetype pos = 0; pos < stream.size();) {
        state = state * 1103515245u + 12345u;
        const qsizetype len = 1 + qsizetype((state >> 16) % 64);
        pieces.feed(stream.mid(pos, len));
        pos += len;
        got += drain(pieces);
    }
    if (whole.hasError() != pieces.hasError())
        fail("imap: error state depends on how the input was split");
    if (!whole.hasError() && got != expected)
        fail("imap: responses depend on how the input was split");
    // After an error the responses before it must still agree.
    if (whole.hasError() && got.size() != expected.size())
        fail("imap: number of responses before the error depends on the split");
}

} // namespace herald::fuzz
