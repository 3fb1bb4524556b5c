#include "core/authres/RawMessage.h"

namespace herald::authres {

QByteArray HeaderField::value() const
{
    const qsizetype colon = raw.indexOf(':');
    return colon < 0 ? QByteArray() : raw.mid(colon + 1);
}

QByteArray HeaderField::unfoldedValue() const
{
    QByteArray v = value();
    v.replace("\r\n", "");
    v.replace('\n', "");
    return v.trimmed();
}

QByteArray toCrlf(const QByteArray &bytes)
{
    // Mail from IMAP and POP3 is CRLF already: then share the bytes, copy nothing.
    const char *data = bytes.constData();
    qsizetype bare = bytes.indexOf('\n');
    while (bare > 0 && data[bare - 1] == '\r')
        bare = bytes.indexOf('\n', bare + 1);
    if (bare < 0)
        return bytes;
    QByteArray out;
    out.reserve(bytes.size() + bytes.size() / 32);
    qsizetype from = 0;
    for (qsizetype nl = bare; nl >= 0; nl = bytes.indexOf('\n', nl + 1)) {
        if (nl > 0 && data[nl - 1] == '\r')
            continue;
        out.append(data + from, nl - from);
        out.append("\r\n", 2);
        from = nl + 1;
    }
    out.append(data + from, bytes.size() - from);
    return out;
}

RawMessage RawMessage::parse(const QByteArray &bytes)
{
    RawMessage msg;
    const QByteArray data = toCrlf(bytes);
    qsizetype pos = 0;
    bool first = true;
    while (pos < data.size()) {
        qsizetype eol = data.indexOf("\r\n", pos);
        if (eol < 0)
            eol = data.size();
        if (eol == pos) { // the empty line
            msg.body = data.mid(pos + 2);
            return msg;
        }
        const char c = data.at(pos);
        if ((c == ' ' || c == '\t') && !msg.headers.isEmpty()) {
            QByteArray &raw = msg.headers.last().raw;
            raw += "\r\n";
            raw += QByteArrayView(data.constData() + pos, eol - pos);
        } else if (first && data.mid(pos, 5) == "From ") {
            // mbox separator line
        } else {
            const QByteArray line = data.mid(pos, eol - pos);
            const qsizetype colon = line.indexOf(':');
            if (colon > 0) {
                HeaderField f;
                f.name = line.left(colon).trimmed();
                f.raw = line;
                msg.headers.append(f);
            }
        }
        first = false;
        pos = eol + 2;
    }
    return msg;
}

QList<const HeaderField *> RawMessage::fields(const QByteArray &name) const
{
    QList<const HeaderField *> out;
    for (const HeaderField &f : headers) {
        if (f.name.compare(name, Qt::CaseInsensitive) == 0)
            out.append(&f);
    }
    return out;
}

const HeaderField *RawMessage::first(const QByteArray &name) const
{
    for (const HeaderField &f : headers) {
        if (f.name.compare(name, Qt::CaseInsensitive) == 0)
            return &f;
    }
    return nullptr;
}

} // namespace herald::authres
