#pragma once

// Private to core/mime (includes VMime): builds Herald's Part tree from a message's bytes.
// MultipartSplitter finds the entities (byte ranges); VMime parses each entity's header block
// (Content-Type, RFC 2231 parameters, encoded words). Embedded message/rfc822 parts are parsed
// the same way from their decoded content. Bodies are decoded here (TransferDecoding.h), not by
// VMime.

#include "core/mime/Message.h"

#include <QByteArray>
#include <QStringList>
#include <vector>

namespace herald::mime::internal {

// Where one Part's content lives: a range of `source` (the message's bytes, or the decoded
// content of an embedded message/rfc822 part; implicitly shared, never copied).
struct PartNode
{
    QByteArray source;
    qsizetype bodyBegin = 0;
    qsizetype bodyEnd = 0;
    QString transferEncoding; // lower case; empty for none
};

struct PartTree
{
    Part root;
    std::vector<PartNode> nodes; // indexed by Part::index
};

// Builds the tree of `raw`. Never throws; what fails to decode is reported in `errors`.
PartTree buildPartTree(const QByteArray &raw, QStringList &errors);

// The part's body with its Content-Transfer-Encoding removed. Never throws: undecodable
// content is returned as it was written and reported in `errors`.
QByteArray decodedContent(const PartNode &node, QStringList &errors);

} // namespace herald::mime::internal
