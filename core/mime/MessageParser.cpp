#include "core/mime/MessageParser.h"

#include "core/mime/HeaderDecoding.h"
#include "core/mime/internal/BodySelection.h"
#include "core/mime/internal/Charset.h"
#include "core/mime/internal/MultipartSplitter.h"
#include "core/mime/internal/PartTree.h"

#include <functional>

namespace herald::mime {

namespace {

// The bytes before the first empty line (the whole input if there is none), or before a line
// of text that ends the header without one (internal::textLineInHeader).
QByteArray headerBlock(const QByteArray &raw)
{
    qsizetype pos = 0;
    qsizetype blank = raw.size();
    while (pos < raw.size()) {
        const qsizetype end = raw.indexOf('\n', pos);
        if (end < 0)
            break;
        const qsizetype lineLength = end - pos;
        if (lineLength == 0 || (lineLength == 1 && raw.at(pos) == '\r')) {
            blank = pos;
            break;
        }
        pos = end + 1;
    }
    const qsizetype text = internal::textLineInHeader(raw, blank);
    return raw.left(text >= 0 ? text : blank);
}

void append(std::vector<Address> &to, std::vector<Address> &&more)
{
    for (Address &a : more)
        to.push_back(std::move(a));
}

// allFields false: Message::headers gets only Content-Type and Content-Disposition, and the
// other fields the projection does not use (Received, DKIM-Signature …) are not decoded at
// all — decoding them was a fifth of a headers-first sync's CPU.
void readHeaders(const QByteArray &raw, Message &m, bool allFields = true)
{
    for (const RawHeaderField &field : splitHeaderFields(headerBlock(raw))) {
        const QByteArray lower = field.name.toLower();
        if (allFields || lower == "content-type" || lower == "content-disposition")
            m.headers.emplace_back(QString::fromLatin1(field.name), decodeHeaderText(field.value));
        if (lower == "subject" && m.subject.isEmpty()) {
            m.subject = allFields ? m.headers.back().second : decodeHeaderText(field.value);
        } else if (lower == "message-id" && m.messageId.isEmpty()) {
            const QStringList ids = parseMessageIds(field.value);
            m.messageId = ids.isEmpty() ? QString::fromLatin1(unfoldHeader(field.value)).trimmed()
                                        : ids.first();
        } else if (lower == "in-reply-to") {
            m.inReplyTo += parseMessageIds(field.value);
        } else if (lower == "references") {
            m.references += parseMessageIds(field.value);
        } else if (lower == "date" && !m.date.isValid()) {
            m.date = parseDate(field.value);
            if (!m.date.isValid()) {
                m.errors << QStringLiteral("Date \"%1\" not understood: the arrival time is used")
                                .arg(decodeHeaderText(field.value));
            }
        } else if (lower == "from") {
            append(m.from, parseAddressList(field.value));
        } else if (lower == "sender") {
            append(m.sender, parseAddressList(field.value));
        } else if (lower == "reply-to") {
            append(m.replyTo, parseAddressList(field.value));
        } else if (lower == "to") {
            append(m.to, parseAddressList(field.value));
        } else if (lower == "cc") {
            append(m.cc, parseAddressList(field.value));
        } else if (lower == "bcc") {
            append(m.bcc, parseAddressList(field.value));
        }
    }
}

// <meta charset="x"> or <meta http-equiv content="...; charset=x"> near the start of HTML.
QByteArray htmlMetaCharset(const QByteArray &html)
{
    const QByteArray head = html.left(2048).toLower();
    const qsizetype at = head.indexOf("charset=");
    if (at < 0 || head.lastIndexOf("<meta", at) < 0)
        return {};
    qsizetype pos = at + 8;
    while (pos < head.size() && (head.at(pos) == '"' || head.at(pos) == '\''))
        ++pos;
    qsizetype end = pos;
    while (end < head.size() && (QChar::isLetterOrNumber(uchar(head.at(end))) ||
                                 head.at(end) == '-' || head.at(end) == '_'))
        ++end;
    return head.mid(pos, end - pos);
}

QString decodeText(const Part &part, const QByteArray &content, QStringList &errors)
{
    QByteArray charset = part.charset.toLatin1();
    if (charset.isEmpty() && part.mimeType == QLatin1String("text/html"))
        charset = htmlMetaCharset(content);
    bool ok = true;
    QString text = internal::toUnicode(content, charset, &ok);
    if (!ok) {
        errors << QStringLiteral("part %1: text not valid in charset \"%2\"")
                      .arg(part.index)
                      .arg(QString::fromLatin1(charset));
    }
    return text;
}

const Part *findPart(const Part &root, const std::function<bool(const Part &)> &match)
{
    if (match(root))
        return &root;
    for (const Part &child : root.children) {
        if (const Part *found = findPart(child, match))
            return found;
    }
    return nullptr;
}

} // namespace

namespace {
// A UTF-8 byte order mark before the first header (MimeKit's feedback-report) hid the From
// field behind it: it is not part of the message.
QByteArray withoutByteOrderMark(const QByteArray &raw)
{
    return raw.startsWith("\xEF\xBB\xBF") ? raw.mid(3) : raw;
}
} // namespace

Message parseMessage(const QByteArray &input, ParseOptions opts)
{
    const QByteArray raw = withoutByteOrderMark(input);
    Message m;
    try {
        if (opts.headers)
            readHeaders(raw, m);
        internal::PartTree tree = internal::buildPartTree(raw, m.errors);
        m.root = std::move(tree.root);
        const internal::BodySelection selection = internal::selectBody(m.root);
        auto content = [&](int index) {
            return internal::decodedContent(tree.nodes.at(static_cast<size_t>(index)), m.errors);
        };
        if (selection.textPart >= 0) {
            const Part *part =
                findPart(m.root, [&](const Part &p) { return p.index == selection.textPart; });
            m.text = decodeText(*part, content(part->index), m.errors);
        }
        if (selection.htmlPart >= 0) {
            const Part *part =
                findPart(m.root, [&](const Part &p) { return p.index == selection.htmlPart; });
            m.html = decodeText(*part, content(part->index), m.errors);
        }
        for (const auto &entry : selection.attachments) {
            Attachment a;
            a.filename = entry.part->filename;
            a.mimeType = entry.part->mimeType;
            a.size = entry.part->size;
            a.contentId = entry.part->contentId;
            a.isInline = entry.isInline;
            a.partIndex = entry.part->index;
            if (opts.includeAttachmentData)
                a.data = content(entry.part->index);
            m.attachments.push_back(std::move(a));
        }
    } catch (const std::exception &e) {
        m.errors << QStringLiteral("parse failed: %1").arg(QString::fromLocal8Bit(e.what()));
    } catch (...) {
        m.errors << QStringLiteral("parse failed");
    }
    return m;
}

Message parseHeaderBlock(const QByteArray &input)
{
    const QByteArray headerBytes = withoutByteOrderMark(input);
    Message m;
    try {
        readHeaders(headerBytes, m, false);
    } catch (...) {
        return parseMessage(headerBytes); // let the full parser report what is wrong
    }
    const QString type = m.header(QStringLiteral("Content-Type")).trimmed();
    const QString disposition = m.header(QStringLiteral("Content-Disposition")).trimmed();
    // ("text" without subtype is text/plain: RFC 2045 §5.2)
    const bool plain = type.isEmpty() ||
                       type.startsWith(QLatin1String("text"), Qt::CaseInsensitive) ||
                       type.startsWith(QLatin1String("multipart/"), Qt::CaseInsensitive);
    if (!plain || disposition.startsWith(QLatin1String("attachment"), Qt::CaseInsensitive))
        return parseMessage(headerBytes); // a lone attachment part: let the tree say so
    return m;
}

QByteArray partData(const QByteArray &input, int partIndex)
{
    const QByteArray raw = withoutByteOrderMark(input);
    QStringList errors;
    try {
        const internal::PartTree tree = internal::buildPartTree(raw, errors);
        if (partIndex < 0 || static_cast<size_t>(partIndex) >= tree.nodes.size())
            return {};
        return internal::decodedContent(tree.nodes[static_cast<size_t>(partIndex)], errors);
    } catch (...) {
        return {};
    }
}

QByteArray partData(const QByteArray &input, const QString &contentId)
{
    const QByteArray raw = withoutByteOrderMark(input);
    QString id = contentId.trimmed();
    if (id.startsWith(QLatin1String("cid:"), Qt::CaseInsensitive))
        id = id.mid(4);
    if (id.startsWith(QLatin1Char('<')) && id.endsWith(QLatin1Char('>')))
        id = id.mid(1, id.size() - 2);
    if (id.isEmpty())
        return {};
    QStringList errors;
    try {
        const internal::PartTree tree = internal::buildPartTree(raw, errors);
        const Part *part = findPart(tree.root, [&](const Part &p) { return p.contentId == id; });
        if (!part)
            return {};
        return internal::decodedContent(tree.nodes[static_cast<size_t>(part->index)], errors);
    } catch (...) {
        return {};
    }
}

QString partText(const QByteArray &input, int partIndex)
{
    const QByteArray raw = withoutByteOrderMark(input);
    QStringList errors;
    try {
        const internal::PartTree tree = internal::buildPartTree(raw, errors);
        const Part *part = findPart(tree.root, [&](const Part &p) { return p.index == partIndex; });
        if (!part)
            return {};
        return decodeText(
            *part, internal::decodedContent(tree.nodes[static_cast<size_t>(partIndex)], errors),
            errors);
    } catch (...) {
        return {};
    }
}

} // namespace herald::mime
