#include "core/sync/VerdictPass.h"

#include "core/accounts/AccountSettings.h"
#include "core/accounts/ServerUrl.h"
#include "core/authres/FailFastResolver.h"
#include "core/authres/MemoResolver.h"
#include "core/store/Store.h"

#include <QHash>
#include <QJsonDocument>

namespace herald::sync {

VerdictPass::VerdictPass(store::Store &store, const store::Account &account,
                         authres::DnsResolver &dns)
    : m_store(store), m_account(account), m_dns(dns)
{
}

bool VerdictPass::isOwnMail(qint64 folderId)
{
    static const QStringList kOwn = {QStringLiteral("\\Sent"), QStringLiteral("\\Drafts"),
                                     QStringLiteral("\\Outbox")};
    const auto folder = m_store.folders().byId(folderId);
    return folder && kOwn.contains(folder->specialUse, Qt::CaseInsensitive);
}

VerdictReport VerdictPass::run(int batchSize)
{
    VerdictReport report;
    const authres::AuthOptions options = authOptionsFor(m_account);
    authres::FailFastResolver guarded(m_dns);
    authres::MemoResolver dns(guarded); // a sender's records once per pass, not per message
    QHash<qint64, bool> ownFolder;
    // The verdicts of a batch are worked out first (DNS lookups: network waits), then written
    // in one transaction, so the write lock is never held while DNS answers.
    struct Verdict
    {
        qint64 id;
        QString json;
        store::AuthSummary summary;
        store::AuthState state;
    };
    auto check = [&](const std::vector<qint64> &ids) {
        std::vector<Verdict> verdicts;
        for (const qint64 id : ids) {
            const auto row = m_store.messages().byId(id);
            if (!row)
                continue;
            const auto raw = m_store.bodies().get(id);
            if (!raw) { // a body file gone missing: keep what is known, look again next time
                verdicts.push_back(
                    {id, row->authJson, row->authSummary, store::AuthState::Incomplete});
                continue;
            }
            if (!ownFolder.contains(row->folderId))
                ownFolder.insert(row->folderId, isOwnMail(row->folderId));
            if (ownFolder.value(row->folderId)) {
                verdicts.push_back(
                    {id, QString(), store::AuthSummary::Unknown, store::AuthState::Verified});
                continue;
            }
            const authres::AuthOutcome outcome = authres::evaluateAuth(*raw, options, dns);
            const auto summary = store::AuthSummary(int(authres::summarizeAuth(outcome.verdict)));
            const bool final = !outcome.incomplete;
            verdicts.push_back(
                {id,
                 QString::fromUtf8(QJsonDocument(outcome.verdict).toJson(QJsonDocument::Compact)),
                 summary, final ? store::AuthState::Verified : store::AuthState::Incomplete});
            ++(final ? report.verified : report.incomplete);
            if (guarded.tripped()) {
                report.dnsUnreachable = true;
                break;
            }
        }
        store::Transaction tx(m_store.db());
        for (const Verdict &v : verdicts)
            m_store.messages().setAuth(v.id, v.json, v.summary, v.state);
        tx.commit();
    };
    const auto inBatches = [&](const std::vector<qint64> &all) {
        for (size_t i = 0; i < all.size() && !report.dnsUnreachable; i += size_t(batchSize))
            check({all.begin() + qsizetype(i),
                   all.begin() + qsizetype(std::min(all.size(), i + size_t(batchSize)))});
    };
    // Retries are those left incomplete by earlier passes, not by this one (same DNS answers).
    const std::vector<qint64> retries = m_store.messages().incompletelyVerified(m_account.id);
    inBatches(m_store.messages().neverVerified(m_account.id));
    inBatches(retries);
    if (m_progress && (report.verified || report.incomplete))
        m_progress(QStringLiteral("%1: checked the senders of %2 messages%3")
                       .arg(m_account.name)
                       .arg(report.verified + report.incomplete)
                       .arg(report.dnsUnreachable
                                ? QStringLiteral(" (DNS did not answer; the rest on the next sync)")
                                : QString()));
    return report;
}

} // namespace herald::sync
