#include "core/mime/MessageBuilder.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <map>
#include <vmime/addressList.hpp>
#include <vmime/body.hpp>
#include <vmime/bodyPart.hpp>
#include <vmime/contentDisposition.hpp>
#include <vmime/contentDispositionField.hpp>
#include <vmime/dateTime.hpp>
#include <vmime/emailAddress.hpp>
#include <vmime/encoding.hpp>
#include <vmime/fileAttachment.hpp>
#include <vmime/header.hpp>
#include <vmime/headerFieldFactory.hpp>
#include <vmime/htmlTextPart.hpp>
#include <vmime/mailbox.hpp>
#include <vmime/mailboxGroup.hpp>
#include <vmime/message.hpp>
#include <vmime/messageBuilder.hpp>
#include <vmime/messageId.hpp>
#include <vmime/messageIdSequence.hpp>
#include <vmime/plainTextPart.hpp>
#include <vmime/stringContentHandler.hpp>
#include <vmime/utility/outputStreamStringAdapter.hpp>

namespace herald::mime {

namespace {

struct BuildError
{
    QString message;
};

std::string toStd(const QString &s)
{
    return s.toStdString(); // UTF-8
}

std::string toStd(const QByteArray &b)
{
    return std::string(b.constData(), static_cast<size_t>(b.size()));
}

vmime::text headerText(const QString &s)
{
    // One word per run: only the non-ASCII words become RFC 2047 encoded words.
    return *vmime::text::newFromString(toStd(s), vmime::charset(vmime::charsets::UTF_8));
}

vmime::shared_ptr<vmime::mailbox> toMailbox(const Address &a)
{
    if (a.email.trimmed().isEmpty())
        throw BuildError{QStringLiteral("address without email: \"%1\"").arg(a.name)};
    return vmime::make_shared<vmime::mailbox>(headerText(a.name),
                                              vmime::emailAddress(toStd(a.email.trimmed())));
}

vmime::addressList toAddressList(const std::vector<Address> &addresses)
{
    vmime::addressList list;
    for (const Address &a : addresses)
        list.appendAddress(toMailbox(a));
    return list;
}

QString stripBrackets(QString id)
{
    id = id.trimmed();
    if (id.startsWith(QLatin1Char('<')) && id.endsWith(QLatin1Char('>')))
        id = id.mid(1, id.size() - 2);
    return id;
}

vmime::messageId toMessageId(const QString &id)
{
    const QString bare = stripBrackets(id);
    const qsizetype at = bare.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return vmime::messageId(toStd(bare), "");
    return vmime::messageId(toStd(bare.left(at)), toStd(bare.mid(at + 1)));
}

vmime::datetime toVmimeDate(QDateTime date)
{
    if (!date.isValid())
        date = QDateTime::currentDateTime();
    const int zoneMinutes = date.offsetFromUtc() / 60;
    const QDate d = date.date();
    const QTime t = date.time();
    return vmime::datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second(),
                           zoneMinutes);
}

QByteArray fileContent(const Draft::File &file)
{
    if (!file.data.isEmpty() || file.path.isEmpty())
        return file.data;
    QFile f(file.path);
    if (!f.open(QIODevice::ReadOnly))
        throw BuildError{
            QStringLiteral("cannot read attachment %1: %2").arg(file.path, f.errorString())};
    return f.readAll();
}

QString fileName(const Draft::File &file)
{
    if (!file.filename.isEmpty())
        return file.filename;
    if (!file.path.isEmpty())
        return QFileInfo(file.path).fileName();
    return QStringLiteral("attachment");
}

QString mimeTypeOf(const Draft::File &file, const QByteArray &content)
{
    if (!file.mimeType.isEmpty())
        return file.mimeType.toLower();
    static const QMimeDatabase db;
    const QMimeType type = db.mimeTypeForFileNameAndData(fileName(file), content);
    return type.isValid() ? type.name() : QStringLiteral("application/octet-stream");
}

vmime::mediaType toMediaType(const QString &mimeType)
{
    const qsizetype slash = mimeType.indexOf(QLatin1Char('/'));
    if (slash <= 0)
        return vmime::mediaType("application", "octet-stream");
    return vmime::mediaType(toStd(mimeType.left(slash)), toStd(mimeType.mid(slash + 1)));
}

vmime::shared_ptr<vmime::contentHandler> contentOf(const QByteArray &bytes)
{
    return vmime::make_shared<vmime::stringContentHandler>(toStd(bytes));
}

// Text parts: UTF-8 quoted-printable. Inline objects: the Content-ID and file name the
// caller chose (htmlTextPart generates its own ids).
struct PostProcess
{
    std::map<std::string, std::pair<QString, QString>> inlineIds; // generated → (cid, name)

    void apply(const vmime::shared_ptr<vmime::bodyPart> &part) const
    {
        const auto header = part->getHeader();
        const auto body = part->getBody();
        const vmime::mediaType type = body->getContentType();
        if (type.getType() == vmime::mediaTypes::MULTIPART) {
            for (const auto &child : body->getPartList())
                apply(child);
            return;
        }
        const bool isAttachment = header->hasField(vmime::fields::CONTENT_DISPOSITION);
        if (type.getType() == vmime::mediaTypes::TEXT && !isAttachment) {
            header->getField(vmime::fields::CONTENT_TRANSFER_ENCODING)
                ->setValue(vmime::encoding(vmime::encodingTypes::QUOTED_PRINTABLE));
        }
        if (const auto idField = header->findField(vmime::fields::CONTENT_ID)) {
            const auto id = idField->getValue<vmime::messageId>()->getId();
            const auto it = inlineIds.find(id);
            if (it != inlineIds.end()) {
                idField->setValue(toMessageId(it->second.first));
                auto disposition = header->getField<vmime::contentDispositionField>(
                    vmime::fields::CONTENT_DISPOSITION);
                disposition->setValue(
                    vmime::contentDisposition(vmime::contentDispositionTypes::INLINE));
                disposition->setFilename(
                    vmime::word(toStd(it->second.second), vmime::charset(vmime::charsets::UTF_8)));
            }
        }
    }
};

QByteArray build(const Draft &draft)
{
    vmime::messageBuilder mb;
    mb.setExpeditor(*toMailbox(draft.from));
    vmime::addressList to = toAddressList(draft.to);
    const vmime::addressList cc = toAddressList(draft.cc);
    if (to.isEmpty() && cc.isEmpty()) {
        // Only Bcc recipients (or none yet): the usual empty group keeps the header valid.
        to.appendAddress(
            vmime::make_shared<vmime::mailboxGroup>(vmime::text("undisclosed-recipients")));
    }
    mb.setRecipients(to);
    if (!cc.isEmpty())
        mb.setCopyRecipients(cc);
    mb.setSubject(headerText(draft.subject));

    const vmime::charset utf8(vmime::charsets::UTF_8);
    PostProcess post;
    std::vector<std::pair<QByteArray, const Draft::File *>> files;
    for (const Draft::File &file : draft.attachments)
        files.emplace_back(fileContent(file), &file);

    if (draft.html.isEmpty()) {
        mb.constructTextPart(
            vmime::mediaType(vmime::mediaTypes::TEXT, vmime::mediaTypes::TEXT_PLAIN));
        auto part = vmime::dynamicCast<vmime::plainTextPart>(mb.getTextPart());
        part->setCharset(utf8);
        part->setText(contentOf(draft.text.toUtf8()));
    } else {
        mb.constructTextPart(
            vmime::mediaType(vmime::mediaTypes::TEXT, vmime::mediaTypes::TEXT_HTML));
        auto part = vmime::dynamicCast<vmime::htmlTextPart>(mb.getTextPart());
        part->setCharset(utf8);
        part->setPlainText(contentOf(draft.text.toUtf8()));
        part->setText(contentOf(draft.html.toUtf8()));
        for (const auto &[content, file] : files) {
            if (file->contentId.isEmpty())
                continue;
            const auto object =
                part->addObject(contentOf(content), vmime::encoding(vmime::encodingTypes::BASE64),
                                toMediaType(mimeTypeOf(*file, content)));
            post.inlineIds[object->getId()] = {stripBrackets(file->contentId), fileName(*file)};
        }
    }
    for (const auto &[content, file] : files) {
        if (!file->contentId.isEmpty() && !draft.html.isEmpty())
            continue;
        mb.appendAttachment(vmime::make_shared<vmime::fileAttachment>(
            contentOf(content), vmime::word(toStd(fileName(*file)), utf8),
            toMediaType(mimeTypeOf(*file, content)), vmime::text(),
            vmime::encoding(vmime::encodingTypes::BASE64)));
    }

    const auto message = mb.construct();
    post.apply(message);
    const auto header = message->getHeader();
    const QString messageId =
        draft.messageId.isEmpty() ? generateMessageId(draft.from.email) : draft.messageId;
    header->getField(vmime::fields::MESSAGE_ID)->setValue(toMessageId(messageId));
    header->getField(vmime::fields::DATE)->setValue(toVmimeDate(draft.date));
    // VMime's messageBuilder never writes Bcc; a saved draft's copy keeps it (writeBcc).
    if (draft.writeBcc && !draft.bcc.empty())
        header->getField(vmime::fields::BCC)->setValue(toAddressList(draft.bcc));
    if (!draft.inReplyTo.isEmpty()) {
        vmime::messageIdSequence seq;
        seq.appendMessageId(vmime::make_shared<vmime::messageId>(toMessageId(draft.inReplyTo)));
        header->getField(vmime::fields::IN_REPLY_TO)->setValue(seq);
    }
    if (!draft.references.isEmpty()) {
        vmime::messageIdSequence seq;
        for (const QString &id : draft.references)
            seq.appendMessageId(vmime::make_shared<vmime::messageId>(toMessageId(id)));
        header->getField(vmime::fields::REFERENCES)->setValue(seq);
    }
    for (const auto &[name, value] : draft.extraHeaders) {
        const QByteArray lower = name.toLatin1().toLower();
        if (lower == "bcc")
            continue; // never in the bytes
        auto field = vmime::headerFieldFactory::getInstance()->create(toStd(name));
        field->setValue(headerText(value));
        header->appendField(field);
    }

    std::string out;
    vmime::utility::outputStreamStringAdapter stream(out);
    message->generate(stream);
    return QByteArray(out.data(), static_cast<qsizetype>(out.size()));
}

} // namespace

QString generateMessageId(const QString &fromEmail)
{
    const qsizetype at = fromEmail.lastIndexOf(QLatin1Char('@'));
    QString domain = at >= 0 ? fromEmail.mid(at + 1).trimmed() : QString();
    if (domain.isEmpty())
        domain = QStringLiteral("localhost");
    QByteArray random(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), 4);
    return QStringLiteral("<%1@%2>").arg(
        QString::fromLatin1(
            random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)),
        domain);
}

namespace {

// VMime base64-encodes a message/rfc822 attachment; RFC 2046 §5.2.1 allows only 7bit, 8bit or
// binary there. The part at `typeAt` ("\r\nContent-Type: message/rfc822") gets `raw` as it is.
QByteArray withRawRfc822Part(const QByteArray &out, qsizetype typeAt, const QByteArray &raw)
{
    const qsizetype partStart = out.lastIndexOf("\r\n--", typeAt);
    const qsizetype headerStart = partStart < 0 ? -1 : out.indexOf("\r\n", partStart + 4);
    const qsizetype headerEnd = headerStart < 0 ? -1 : out.indexOf("\r\n\r\n", typeAt);
    const qsizetype bodyEnd = headerEnd < 0 ? -1 : out.indexOf("\r\n--", headerEnd + 4);
    if (bodyEnd < 0)
        throw BuildError{QStringLiteral("cannot find the forwarded message part")};
    bool eightBit = false;
    for (const char c : raw)
        eightBit = eightBit || (static_cast<unsigned char>(c) & 0x80);
    static const QRegularExpression cte(QStringLiteral("Content-Transfer-Encoding:[ \\t]*base64"),
                                        QRegularExpression::CaseInsensitiveOption);
    QString h = QString::fromLatin1(out.mid(headerStart, headerEnd - headerStart));
    h.replace(cte, eightBit ? QStringLiteral("Content-Transfer-Encoding: 8bit")
                            : QStringLiteral("Content-Transfer-Encoding: 7bit"));
    QByteArray body = raw;
    body.replace("\r\n", "\n").replace('\n', "\r\n");
    if (body.endsWith("\r\n"))
        body.chop(2); // the CRLF before the boundary belongs to the delimiter
    return out.left(headerStart) + h.toLatin1() + "\r\n\r\n" + body + out.mid(bodyEnd);
}

QByteArray buildWithRawRfc822Parts(const Draft &draft)
{
    QByteArray out = build(draft);
    std::vector<QByteArray> messages; // the message/rfc822 attachments, in order
    for (const Draft::File &f : draft.attachments)
        if (f.mimeType.compare(QLatin1String("message/rfc822"), Qt::CaseInsensitive) == 0)
            messages.push_back(fileContent(f));
    static const QByteArray marker("\r\nContent-Type: message/rfc822");
    std::vector<qsizetype> at;
    for (qsizetype i = out.indexOf(marker); i >= 0; i = out.indexOf(marker, i + 1))
        at.push_back(i);
    if (at.size() != messages.size())
        return out; // not the shape expected: VMime's bytes are still a valid message
    for (size_t k = at.size(); k-- > 0;) // from the end: earlier offsets stay valid
        out = withRawRfc822Part(out, at[k], messages[k]);
    return out;
}

} // namespace

QByteArray buildMessage(const Draft &draft, QString *error)
{
    try {
        return buildWithRawRfc822Parts(draft);
    } catch (const BuildError &e) {
        if (error)
            *error = e.message;
    } catch (const std::exception &e) {
        if (error)
            *error =
                QStringLiteral("cannot build message: %1").arg(QString::fromLocal8Bit(e.what()));
    } catch (...) {
        if (error)
            *error = QStringLiteral("cannot build message");
    }
    return {};
}

} // namespace herald::mime
