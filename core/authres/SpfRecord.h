#pragma once
// An SPF record (RFC 7208 sections 4.6, 5, 6) parsed and syntax-checked as a whole: any
// syntax error anywhere makes the record a permerror before anything is evaluated.

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <optional>

namespace herald::authres {

enum class SpfQualifier { Pass, Fail, SoftFail, Neutral };
enum class SpfMechanismKind { All, Include, A, Mx, Ptr, Ip4, Ip6, Exists };

struct SpfMechanism
{
    SpfQualifier qualifier = SpfQualifier::Pass;
    SpfMechanismKind kind = SpfMechanismKind::All;
    QByteArray domainSpec; // unexpanded; empty = the current domain
    int cidr4 = 32;
    int cidr6 = 128;
    QHostAddress network; // ip4 / ip6
};

struct SpfRecord
{
    QList<SpfMechanism> mechanisms;
    std::optional<QByteArray> redirect;
    std::optional<QByteArray> exp;
};

// True when `text` starts an SPF record: "v=spf1" then a space or the end (case-insensitive).
bool isSpfRecord(const QByteArray &text);

// nullopt and `error` on a syntax error.
std::optional<SpfRecord> parseSpfRecord(const QByteArray &text, QString *error);

} // namespace herald::authres
