#pragma once

// Private to core/mime: RFC 2046 allows white space after a boundary delimiter line
// ("--frontier  "); VMime 0.9.2 does not recognise such lines. This removes that white space
// on lines that are delimiters of a boundary declared in the message, and nowhere else (so
// a "-- " signature separator is left alone).

#include <QByteArray>

namespace herald::mime::internal {

QByteArray trimBoundaryLines(const QByteArray &raw);

} // namespace herald::mime::internal
