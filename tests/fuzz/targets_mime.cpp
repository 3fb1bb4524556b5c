// MIME: whole messages, single header values, and the multipart splitter.
#include "core/mime/HeaderDecoding.h"
#include "core/mime/MessageParser.h"
#include "core/mime/internal/MultipartSplitter.h"
#include "tests/fuzz/FuzzTargets.h"

namespace herald::fuzz {

namespace {
int highestIndex(const mime::Part &part)
{
    int highest = part.index;
    for (const mime::Part &child : part.children)
        highest = std::max(highest, highestIndex(child));
    return highest;
}

void checkRanges(const mime::internal::SplitEntity &e, qsizetype begin, qsizetype end)
{
    if (e.headerBegin < begin || e.headerBegin > e.headerEnd || e.headerEnd > e.bodyBegin ||
        e.bodyBegin > e.bodyEnd || e.bodyEnd > end)
        fail("mime: splitter range outside its parent");
    for (const mime::internal::SplitEntity &child : e.children)
        checkRanges(child, e.bodyBegin, e.bodyEnd);
}
} // namespace

void mimeMessage(const QByteArray &input)
{
    mime::ParseOptions options;
    options.includeAttachmentData = true;
    const mime::Message message = mime::parseMessage(input, options);
    (void)mime::snippet(message);
    // What the reader asks for afterwards: a part's bytes and text, a cid: resource. Each call
    // parses the message again (as the reader does, one part at a time), so only a few.
    const int highest = std::min(highestIndex(message.root), 2);
    for (int i = 0; i <= highest; ++i)
        (void)mime::partText(input, i);
    for (const mime::Attachment &a : message.attachments) {
        (void)mime::partData(input, a.partIndex);
        if (!a.contentId.isEmpty())
            (void)mime::partData(input, a.contentId);
        break;
    }
    // The header pass of a sync sees only the header block.
    const qsizetype blank = input.indexOf("\n\n");
    (void)mime::parseHeaderBlock(blank < 0 ? input : input.left(blank + 2));
}

void mimeHeaders(const QByteArray &input)
{
    (void)mime::unfoldHeader(input);
    (void)mime::decodeHeaderText(input);
    (void)mime::parseAddressList(input);
    (void)mime::parseDate(input);
    (void)mime::parseMessageIds(input);
    const mime::ContentType type = mime::parseContentType(input);
    (void)type.parameter(QStringLiteral("charset"));
    (void)mime::splitHeaderFields(input);
}

void mimeMultipart(const QByteArray &input)
{
    const mime::internal::SplitEntity root = mime::internal::splitMessage(input);
    checkRanges(root, 0, input.size());
    (void)mime::internal::readMultipartInfo(input, false);
}

} // namespace herald::fuzz
