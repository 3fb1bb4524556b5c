#include "core/mime/internal/PartTree.h"

#include "core/mime/internal/BoundaryLines.h"
#include "core/mime/internal/TransferDecoding.h"
#include "core/mime/internal/VmimeText.h"

#include <vmime/body.hpp>
#include <vmime/contentDisposition.hpp>
#include <vmime/contentHandler.hpp>
#include <vmime/encoding.hpp>
#include <vmime/exception.hpp>
#include <vmime/header.hpp>
#include <vmime/headerField.hpp>
#include <vmime/mediaType.hpp>
#include <vmime/messageId.hpp>
#include <vmime/parameterizedHeaderField.hpp>
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
        if (QString::fromStdString(p->getName()).compare(QLatin1String(name),
                                                         Qt::CaseInsensitive) != 0)
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

vmime::shared_ptr<const vmime::headerField> findField(const vmime::header &header,
                                                     const char *name)
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

class TreeBuilder
{
public:
    TreeBuilder(PartTree &tree, QStringList &errors) : m_tree(tree), m_errors(errors) {}

    void walk(const vmime::shared_ptr<const vmime::bodyPart> &bodyPart, Part &out,
              const QString &defaultType, int depth)
    {
        out.index = static_cast<int>(m_tree.nodes.size());
        m_tree.nodes.push_back(bodyPart);
        const vmime::header &header = *bodyPart->getHeader();
        readHeader(header, out, defaultType);

        if (out.mimeType.startsWith(QLatin1String("multipart/"))) {
            const QString childDefault = out.mimeType == QLatin1String("multipart/digest")
                                             ? QStringLiteral("message/rfc822")
                                             : QStringLiteral("text/plain");
            const auto body = bodyPart->getBody();
            for (size_t i = 0; i < body->getPartCount(); ++i) {
                out.children.emplace_back();
                walk(body->getPartAt(i), out.children.back(), childDefault, depth);
            }
            return;
        }
        const QByteArray content = decodedContent(*bodyPart, m_errors);
        out.size = content.size();
        if (out.mimeType == QLatin1String("message/rfc822") ||
            out.mimeType == QLatin1String("message/global")) {
            if (depth >= kMaxEmbeddingDepth) {
                m_errors << QStringLiteral("message/rfc822 nested too deeply; not parsed");
                return;
            }
            if (!looksLikeMessage(content))
                return;
            auto embedded = parseVmimeMessage(content, m_errors);
            m_tree.embedded.push_back(embedded);
            out.children.emplace_back();
            walk(embedded, out.children.back(), QStringLiteral("text/plain"), depth + 1);
        }
    }

private:
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

} // namespace

vmime::shared_ptr<vmime::message> parseVmimeMessage(const QByteArray &raw, QStringList &errors)
{
    auto message = vmime::make_shared<vmime::message>();
    try {
        const QByteArray input = trimBoundaryLines(raw);
        message->parse(std::string(input.constData(), static_cast<size_t>(input.size())));
    } catch (const std::exception &e) {
        errors << QStringLiteral("MIME parse error: %1").arg(QString::fromLocal8Bit(e.what()));
        message = vmime::make_shared<vmime::message>();
    } catch (...) {
        errors << QStringLiteral("MIME parse error");
        message = vmime::make_shared<vmime::message>();
    }
    return message;
}

PartTree buildPartTree(const vmime::shared_ptr<const vmime::message> &message,
                       QStringList &errors)
{
    PartTree tree;
    try {
        TreeBuilder(tree, errors).walk(message, tree.root, QStringLiteral("text/plain"), 0);
    } catch (const std::exception &e) {
        errors << QStringLiteral("MIME structure error: %1")
                      .arg(QString::fromLocal8Bit(e.what()));
    } catch (...) {
        errors << QStringLiteral("MIME structure error");
    }
    return tree;
}

QByteArray decodedContent(const vmime::bodyPart &part, QStringList &errors)
{
    std::string out;
    try {
        const auto body = part.getBody();
        const auto contents = body->getContents();
        const std::string encoding = body->getEncoding().getName();
        vmime::utility::outputStreamStringAdapter stream(out);
        if (encoding == vmime::encodingTypes::QUOTED_PRINTABLE ||
            encoding == vmime::encodingTypes::BASE64) {
            contents->extractRaw(stream);
            const QByteArray raw(out.data(), static_cast<qsizetype>(out.size()));
            if (encoding == vmime::encodingTypes::QUOTED_PRINTABLE)
                return decodeQuotedPrintable(raw);
            bool ok = false;
            const QByteArray decoded = decodeBase64(raw, &ok);
            if (ok)
                return decoded;
            errors << QStringLiteral("invalid base64; kept as written");
            return raw;
        }
        try {
            contents->extract(stream);
        } catch (...) {
            errors << QStringLiteral("undecodable transfer encoding; kept as written");
            out.clear();
            contents->extractRaw(stream);
        }
    } catch (...) {
        errors << QStringLiteral("unreadable part content");
    }
    return QByteArray(out.data(), static_cast<qsizetype>(out.size()));
}

} // namespace herald::mime::internal
