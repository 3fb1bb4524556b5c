#pragma once

// Private to core/mime: splits a message's bytes into its MIME entity tree (byte ranges only;
// headers are decoded afterwards by VMime, see PartTree.cpp). No VMime here.
//
// Rules (those of the mail-parser/Dovecot corpus in tests/data/mime-mail-parser-stalwart):
//  - A delimiter line starts with "--" + boundary (byte-exact, case-sensitive); whatever follows
//    the boundary on that line is ignored, except "--" right after it, which closes the multipart.
//    So a boundary also matches lines of longer boundaries it is a prefix of.
//  - Only the innermost open multipart's boundary is looked for. A multipart is opened only when
//    its first delimiter line (searched before the enclosing boundary's next delimiter, its own
//    boundary winning on the same line) is an opening one; otherwise it is kept as one leaf.
//  - A part's header block ends at the first empty line (delimiter lines inside it are header
//    junk). A part of a multipart whose header block has no empty line before the end is dropped.
//  - A multipart without a close delimiter ends where its enclosing body ends. A leaf that no
//    delimiter line ends is cut at "--" + boundary found in the middle of a line (e.g.
//    "text--b--"), else it runs to the end and is marked unterminated.
//  - The line break before a delimiter line belongs to the delimiter.
//  - Multipart nesting deeper than `maxDepth` is kept as leaves. Time is linear in the input.

#include <QByteArray>
#include <QByteArrayView>
#include <functional>
#include <vector>

namespace herald::mime::internal {

struct SplitEntity
{
    qsizetype headerBegin = 0;
    qsizetype headerEnd = 0; // the header block, without the empty line that ends it
    qsizetype bodyBegin = 0;
    qsizetype bodyEnd = 0;
    bool isMultipart = false; // split into `children`
    // False for a part of a multipart that no delimiter ended (it ran to the end of the
    // enclosing body: the message was probably cut off).
    bool terminated = true;
    std::vector<SplitEntity> children;
};

struct MultipartInfo
{
    bool isMultipart = false;
    bool isDigest = false;
    QByteArray boundary; // the boundary parameter; empty if none
};

// Reads an entity's header block; `inDigest`: the entity is a part of a multipart/digest
// (its default type is message/rfc822, so it is never a multipart by default).
using MultipartReader = std::function<MultipartInfo(QByteArrayView header, bool inDigest)>;

// Reads the first Content-Type field of a header block (through HeaderDecoding.h).
MultipartInfo readMultipartInfo(QByteArrayView header, bool inDigest);

// A message's header block that a line of text ends with no empty line before it (CPython's
// msg_35, enmime's qp-utf8-header-no-break): the first line before `end` (the empty line, or
// the size) that is no field, no folded continuation and has no colon, and that is followed by
// no field and no continuation. Its start (where the body begins, as mail readers show it:
// nothing lost), or -1. 0 when the first line is no field (CPython's msg_19: no header). A stray
// line between fields ("__" in RFC 2822's A.6.3, "quite Delivered-To: …") is skipped instead, as
// before.
qsizetype textLineInHeader(const QByteArray &raw, qsizetype end);

constexpr int kMaxMultipartDepth = 64;

// The entity tree of `raw`; the root covers the whole input. Never throws.
SplitEntity splitMessage(const QByteArray &raw, const MultipartReader &reader = readMultipartInfo,
                         int maxDepth = kMaxMultipartDepth);

} // namespace herald::mime::internal
