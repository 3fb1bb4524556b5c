#include "core/mime/internal/PartTree.h"

#include "core/mime/HeaderDecoding.h"
#include "core/mime/internal/MultipartSplitter.h"
#include "core/mime/internal/TransferDecoding.h"
#include "core/mime/internal/VmimeText.h"

#include <vmime/contentDisposition.hpp>
#include <vmime/encoding.hpp>
#include <vmime/exception.hpp>
#include <vmime/header.hpp>
#include <vmime/headerField.hpp>
#include <vmime/mediaType.hpp>
#include <vmime/messageId.hpp>
#include <vmime/parameterizedHeaderField.hpp>
#include <vmime/utility/encoder/encoderFactory.hpp>
#include <vmime/utility/inputStreamStringAdapter.hpp>
#include <vmime/utility/outputStreamStringAdapter.hpp>

namespace herald::mime::internal {

namespace {

constexpr int kMaxEmbeddingDepth = 8;

QString fromStd(const std::string &s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QString parameterValue(const vmime::parameterizedHeaderField &field, const char *name)
{
    for (const auto &p : field.getParameterList()) {
        if (QString::fromStdString(p->getName())
                .compare(QLatin1String(name), Qt::CaseInsensitive) != 0)
            continue;
        QString value = wordToUnicode(p->getValue());
        if (value.contains(QLatin1String("=?"))) {
            // RFC 2047 inside a quoted parameter: not allowed, but common (Outlook, Gmail).
            vmime::text t;
            vmime::text::decodeAndUnfold(value.toStdString(), &t);
            value = textToUnicode(t);
        }
        return value.trimmed();
    }
    return {};
}

vmime::shared_ptr<const vmime::headerField> findField(const vmime::header &header, const char *name)
{
    try {
        return header.findField(name);
    } catch (...) {
        return nullptr;
    }
}

// A message/rfc822 body is treated as a message only when it starts with a header field;
// mail-parser and most clients show anything else as an opaque attachment.
bool looksLikeMessage(const QByteArray &data)
{
    qsizetype lineEnd = data.indexOf('\n');
    // An mbox "From sender date" line before the header (Apple Mail forwards so): the header
    // starts on the next line (the header parser skips that line).
    if ((data.startsWith("From ") || data.startsWith(">From ")) && lineEnd > 0)
        return looksLikeMessage(data.mid(lineEnd + 1));
    const QByteArray first = (lineEnd < 0 ? data : data.left(lineEnd)).trimmed();
    const qsizetype colon = first.indexOf(':');
    if (colon <= 0)
        return false;
    for (qsizetype i = 0; i < colon; ++i) {
        const char c = first.at(i);
        if (c <= ' ' || c > '~')
            return false;
    }
    return true;
}

vmime::shared_ptr<vmime::header> parseHeader(const QByteArray &source, qsizetype begin,
                                             qsizetype end, QStringList &errors)
{
    // Only the Content-* fields shape the tree (readHeader); VMime parsing every Received and
    // DKIM-Signature field of every message as well was a third of a body parse.
    std::string contentFields;
    for (const RawHeaderField &field : splitHeaderFields(source.mid(begin, end - begin))) {
        if (field.name.size() > 8 && qstrnicmp(field.name.constData(), "content-", 8) == 0)
            contentFields.append(field.name.constData(), size_t(field.name.size()))
                .append(":")
                .append(field.value.constData(), size_t(field.value.size()))
                .append("\r\n");
    }
    auto header = vmime::make_shared<vmime::header>();
    try {
        header->parse(contentFields);
    } catch (const std::exception &e) {
        errors << QStringLiteral("unreadable header: %1").arg(QString::fromLocal8Bit(e.what()));
    } catch (...) {
        errors << QStringLiteral("unreadable header");
    }
    return header;
}

class TreeBuilder
{
public:
    TreeBuilder(PartTree &tree, QStringList &errors) : m_tree(tree), m_errors(errors) {}

    void walkMessage(const QByteArray &source, Part &out, int embeddingDepth)
    {
        const SplitEntity root = splitMessage(source);
        walk(source, root, out, QStringLiteral("text/plain"), embeddingDepth);
    }

private:
    // VMime loses the subtype of "image/ jpeg" and chokes on comments: take type/subtype from
    // HeaderDecoding's parser when it finds both.
    static void fixMimeType(const QByteArray &headerBlock, Part &out, const QString &defaultType)
    {
        for (const RawHeaderField &field : splitHeaderFields(headerBlock)) {
            if (field.name.compare("content-type", Qt::CaseInsensitive) != 0)
                continue;
            const ContentType type = parseContentType(field.value);
            if (!type.type.isEmpty() && !type.subtype.isEmpty())
                out.mimeType = type.mimeType();
            else if (type.type == QLatin1String("text"))
                out.mimeType = defaultType; // "text" alone is invalid: RFC 2045 §5.2's default
            else if (!type.type.isEmpty())  // "application-x-gzip; name=…": a file, not text
                out.mimeType = QStringLiteral("application/octet-stream");
            return;
        }
    }

    void walk(const QByteArray &source, const SplitEntity &entity, Part &out,
              const QString &defaultType, int depth)
    {
        out.index = static_cast<int>(m_tree.nodes.size());
        m_tree.nodes.push_back({source, entity.bodyBegin, entity.bodyEnd, QString()});
        const auto header = parseHeader(source, entity.headerBegin, entity.headerEnd, m_errors);
        readHeader(*header, out, defaultType);
        fixMimeType(source.mid(entity.headerBegin, entity.headerEnd - entity.headerBegin), out,
                    defaultType);
        out.terminated = entity.terminated;
        m_tree.nodes.back().transferEncoding = out.transferEncoding;

        if (entity.isMultipart) {
            const QString childDefault = out.mimeType == QLatin1String("multipart/digest")
                                             ? QStringLiteral("message/rfc822")
                                             : QStringLiteral("text/plain");
            for (const SplitEntity &child : entity.children) {
                out.children.emplace_back();
                walk(source, child, out.children.back(), childDefault, depth);
            }
            return;
        }
        const QByteArray content =
            decodedContent(m_tree.nodes[static_cast<size_t>(out.index)], m_errors);
        out.size = content.size();
        if (out.mimeType == QLatin1String("message/rfc822") ||
            out.mimeType == QLatin1String("message/global")) {
            if (depth >= kMaxEmbeddingDepth) {
                m_errors << QStringLiteral("message/rfc822 nested too deeply; not parsed");
                return;
            }
            if (!looksLikeMessage(content))
                return;
            out.children.emplace_back();
            walkMessage(content, out.children.back(), depth + 1);
        }
    }

    void readHeader(const vmime::header &header, Part &out, const QString &defaultType)
    {
        out.mimeType = defaultType;
        if (const auto field = findField(header, "Content-Type")) {
            try {
                const auto type = field->getValue<vmime::mediaType>();
                const QString t = fromStd(type->getType()).trimmed().toLower();
                const QString s = fromStd(type->getSubType()).trimmed().toLower();
                if (!t.isEmpty() && !s.isEmpty())
                    out.mimeType = t + QLatin1Char('/') + s;
                const auto params =
                    vmime::dynamicCast<const vmime::parameterizedHeaderField>(field);
                if (params) {
                    out.charset = parameterValue(*params, "charset").toLower();
                    out.filename = parameterValue(*params, "name");
                }
            } catch (...) {
                m_errors << QStringLiteral("unreadable Content-Type");
            }
        }
        if (const auto field = findField(header, "Content-Disposition")) {
            try {
                const auto disp = field->getValue<vmime::contentDisposition>();
                out.disposition = fromStd(disp->getName()).trimmed().toLower();
                const auto params =
                    vmime::dynamicCast<const vmime::parameterizedHeaderField>(field);
                if (params) {
                    const QString name = parameterValue(*params, "filename");
                    if (!name.isEmpty())
                        out.filename = name;
                }
            } catch (...) {
                m_errors << QStringLiteral("unreadable Content-Disposition");
            }
        }
        if (const auto field = findField(header, "Content-ID")) {
            try {
                out.contentId = fromStd(field->getValue<vmime::messageId>()->getId());
            } catch (...) {
            }
        }
        if (const auto field = findField(header, "Content-Transfer-Encoding")) {
            try {
                out.transferEncoding =
                    fromStd(field->getValue<vmime::encoding>()->getName()).trimmed().toLower();
            } catch (...) {
            }
        }
    }

    PartTree &m_tree;
    QStringList &m_errors;
};

QByteArray decodeWithVmime(const std::string &encoding, const QByteArray &raw)
{
    const auto encoder = vmime::utility::encoder::encoderFactory::getInstance()->create(encoding);
    std::string out;
    const std::string input = raw.toStdString();
    vmime::utility::inputStreamStringAdapter in(input);
    vmime::utility::outputStreamStringAdapter stream(out);
    encoder->decode(in, stream);
    return QByteArray(out.data(), static_cast<qsizetype>(out.size()));
}

} // namespace

PartTree buildPartTree(const QByteArray &raw, QStringList &errors)
{
    PartTree tree;
    try {
        TreeBuilder(tree, errors).walkMessage(raw, tree.root, 0);
    } catch (const std::exception &e) {
        errors << QStringLiteral("MIME structure error: %1").arg(QString::fromLocal8Bit(e.what()));
    } catch (...) {
        errors << QStringLiteral("MIME structure error");
    }
    return tree;
}

QByteArray decodedContent(const PartNode &node, QStringList &errors)
{
    const QByteArray raw = node.source.mid(node.bodyBegin, node.bodyEnd - node.bodyBegin);
    const QString &encoding = node.transferEncoding;
    if (encoding.isEmpty() || encoding == QLatin1String("7bit") ||
        encoding == QLatin1String("8bit") || encoding == QLatin1String("binary"))
        return raw;
    if (encoding == QLatin1String("quoted-printable"))
        return decodeQuotedPrintable(raw);
    if (encoding == QLatin1String("base64")) {
        bool ok = false;
        const QByteArray decoded = decodeBase64(raw, &ok);
        if (ok)
            return decoded;
        errors << QStringLiteral("invalid base64; kept as written");
        return raw;
    }
    try {
        return decodeWithVmime(encoding.toStdString(), raw); // x-uuencode and the like
    } catch (...) {
        errors << QStringLiteral("undecodable transfer encoding \"%1\"; kept as written")
                      .arg(encoding);
        return raw;
    }
}

} // namespace herald::mime::internal
