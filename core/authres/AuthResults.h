#pragma once
// The Authentication-Results header field (RFC 8601) as data: one header carries the
// authserv-id of the server that wrote it, an optional version and zero or more results.

#include <QList>
#include <QString>

namespace herald::authres {

struct AuthResProperty
{
    QString ptype;    // "smtp", "header", "body", "policy"; empty for a lenient "name=value"
    QString property; // "mailfrom", "d", "i", ...
    QString value;    // unquoted
};

struct AuthResult
{
    QString method;        // lower case: "spf", "dkim", "dmarc", "arc", ...
    QString methodVersion; // "" when absent
    QString result;        // lower case: "pass", "fail", ...
    QString reason;        // unquoted reason= value, "" when absent
    QList<AuthResProperty> props;

    // Value of "ptype.property" (e.g. "header.d"), or of "property" for a ptype-less one.
    QString prop(const QString &dotted) const;
};

struct AuthResHeader
{
    QString authservId;
    QString version; // "" when absent
    QList<AuthResult> results;
};

} // namespace herald::authres
