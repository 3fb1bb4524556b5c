#include "core/accounts/AccountSettings.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace herald::accounts {

namespace {
const QString kPasswordSource = QStringLiteral("password_source");
const QString kCaFile = QStringLiteral("ca_file");
const QString kAuthservId = QStringLiteral("authserv_id");
const QString kTrustedHops = QStringLiteral("trusted_hops");
const QString kDownloadBodies = QStringLiteral("download_bodies");
const QString kBodyMaxAgeDays = QStringLiteral("body_max_age_days");
const QString kBodyMaxSize = QStringLiteral("body_max_size");
const QString kLeaveOnServer = QStringLiteral("leave_on_server");
const QString kDeleteAfterDays = QStringLiteral("delete_after_days");
const QString kDeleteWhenDeleted = QStringLiteral("delete_when_deleted");
const QString kPreferApop = QStringLiteral("prefer_apop");
const QString kPinned = QStringLiteral("pinned_certificates");
const QString kIdentities = QStringLiteral("identities");
} // namespace

AccountSettings AccountSettings::fromJson(const QString &json)
{
    AccountSettings s;
    QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    s.passwordSource = o.take(kPasswordSource).toString();
    s.caFile = o.take(kCaFile).toString();
    s.authservId = o.take(kAuthservId).toString();
    s.trustedHops = qMax(0, o.take(kTrustedHops).toInt(0));
    s.downloadBodies = o.take(kDownloadBodies).toBool(true);
    s.bodyMaxAgeDays = qMax(0, o.take(kBodyMaxAgeDays).toInt(0));
    s.bodyMaxSize = qMax<qint64>(0, o.take(kBodyMaxSize).toInteger(0));
    s.leaveOnServer = o.take(kLeaveOnServer).toBool(true);
    s.deleteAfterDays = o.take(kDeleteAfterDays).toInt(0);
    s.deleteWhenDeletedInHerald = o.take(kDeleteWhenDeleted).toBool(false);
    s.preferApop = o.take(kPreferApop).toBool(false);
    for (const auto &v : o.take(kPinned).toArray())
        s.pinnedCertificates << v.toString();
    for (const auto &v : o.take(kIdentities).toArray())
        s.identities.push_back(Identity::fromJson(v.toObject()));
    s.extra = o;
    return s;
}

QString AccountSettings::toJson() const
{
    QJsonObject o = extra;
    o[kPasswordSource] = passwordSource;
    if (!caFile.isEmpty())
        o[kCaFile] = caFile;
    if (!authservId.isEmpty())
        o[kAuthservId] = authservId;
    if (trustedHops > 0)
        o[kTrustedHops] = trustedHops;
    if (!downloadBodies)
        o[kDownloadBodies] = false;
    if (bodyMaxAgeDays > 0)
        o[kBodyMaxAgeDays] = bodyMaxAgeDays;
    if (bodyMaxSize > 0)
        o[kBodyMaxSize] = bodyMaxSize;
    o[kLeaveOnServer] = leaveOnServer;
    o[kDeleteAfterDays] = deleteAfterDays;
    if (deleteWhenDeletedInHerald)
        o[kDeleteWhenDeleted] = true;
    if (preferApop)
        o[kPreferApop] = true;
    o[kPinned] = QJsonArray::fromStringList(pinnedCertificates);
    if (!identities.empty()) {
        QJsonArray list;
        for (const Identity &i : identities)
            list.append(i.toJson());
        o[kIdentities] = list;
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace herald::accounts
