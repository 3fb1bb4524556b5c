#pragma once

// Private to core/mime (includes VMime): walks a parsed vmime::message into Herald's Part tree,
// parsing embedded message/rfc822 parts too, and keeps the VMime parts reachable by
// Part::index so their content can be decoded afterwards.

#include "core/mime/Message.h"

#include <QByteArray>
#include <QStringList>

#include <vmime/bodyPart.hpp>
#include <vmime/message.hpp>

#include <vector>

namespace herald::mime::internal {

struct PartTree
{
    Part root;
    // Indexed by Part::index.
    std::vector<vmime::shared_ptr<const vmime::bodyPart>> nodes;
    // Embedded messages parsed from message/rfc822 bodies; kept alive for `nodes`.
    std::vector<vmime::shared_ptr<vmime::message>> embedded;
};

// Parses `raw` with VMime. Never throws; on failure returns an empty message.
vmime::shared_ptr<vmime::message> parseVmimeMessage(const QByteArray &raw, QStringList &errors);

// Builds the tree of `message`. Never throws; what fails to decode is reported in `errors`.
PartTree buildPartTree(const vmime::shared_ptr<const vmime::message> &message,
                       QStringList &errors);

// The part's body with its Content-Transfer-Encoding removed. Never throws: undecodable
// content is returned as it was written and reported in `errors`.
QByteArray decodedContent(const vmime::bodyPart &part, QStringList &errors);

} // namespace herald::mime::internal
