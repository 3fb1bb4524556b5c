#pragma once

// Private to core/mime: which parts of a Part tree a mail client shows as the body and which
// as attachments. Works on the model only (no VMime).

#include "core/mime/Message.h"

#include <vector>

namespace herald::mime::internal {

struct BodySelection
{
    int textPart = -1; // Part::index of the text/plain body, -1 if none
    int htmlPart = -1; // Part::index of the text/html body, -1 if none
    struct Entry
    {
        const Part *part;
        bool isInline;
    };
    std::vector<Entry> attachments; // in tree order
};

// multipart/alternative: the first text/plain and the first text/html alternative (searching
// nested multiparts); multipart/related: its root (the first part; the "start" parameter is not
// honoured) is the body, the other parts are inline resources; other multiparts (mixed, signed,
// ...): the first inline text/plain and text/html in order. Every other leaf and every
// message/rfc822 part is an attachment. Unchosen text alternatives are not attachments.
BodySelection selectBody(const Part &root);

} // namespace herald::mime::internal
