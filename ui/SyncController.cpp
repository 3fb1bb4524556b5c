#include "ui/SyncController.h"

#include "core/authres/UnboundResolver.h"
#include "core/engine/imap/BodyFetcher.h"
#include "core/engine/smtp/Outbox.h"
#include "core/engine/smtp/OutboxSender.h"
#include "core/store/Store.h"
#include "core/sync/AccountPass.h"
#include "core/sync/SentFolder.h"
#include "core/sync/VerdictPass.h"
#include "ui/StatusIndicator.h"

#include <algorithm>

namespace herald::ui {

SyncController::SyncController(QString profileDir, QObject *parent) : QObject(parent)
{
    m_worker = new SyncWorker(std::move(profileDir));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &SyncController::requestPass, m_worker, &SyncWorker::runPass);
    connect(this, &SyncController::requestBody, m_worker, &SyncWorker::fetchBody);
    connect(m_worker, &SyncWorker::bodyFetched, this, &SyncController::bodyFetched);
    connect(m_worker, &SyncWorker::progress, this, &SyncController::progress);
    connect(this, &SyncController::requestOutbox, m_worker, &SyncWorker::sendOutbox);
    connect(m_worker, &SyncWorker::outboxFlushed, this, &SyncController::outboxFlushed);
    connect(m_worker, &SyncWorker::untrustedCertificate, this,
            &SyncController::untrustedCertificate);
    connect(m_worker, &SyncWorker::accountActivity, this, &SyncController::accountActivity);
    connect(m_worker, &SyncWorker::counted, this, &SyncController::counted);
    connect(m_worker, &SyncWorker::finished, this, [this](const QStringList &errors) {
        m_running = false;
        emit finished(errors);
    });
    m_thread.setObjectName(QStringLiteral("herald-sync"));
    m_thread.start();
}

SyncController::~SyncController()
{
    m_worker->requestStop(); // a pass in progress ends at its next network wait
    m_thread.quit();
    m_thread.wait();
}

void SyncController::syncNow(const QList<qint64> &watched)
{
    if (m_running)
        return;
    m_running = true;
    emit started();
    emit requestPass(watched);
}

void SyncController::fetchBody(qint64 messageId)
{
    emit requestBody(messageId);
}

void SyncController::sendOutbox()
{
    emit requestOutbox();
}

void SyncWorker::sendOutbox()
{
    QStringList errors;
    try {
        store::Store store(m_profileDir);
        smtp::Outbox outbox(store);
        for (const store::Account &account : store.accounts().list()) {
            if (m_stop)
                break;
            const auto entries = outbox.list(account.id);
            if (std::none_of(entries.begin(), entries.end(), [](const smtp::OutboxEntry &e) {
                    return e.state == QLatin1String("pending") || e.state == QLatin1String("sent");
                }))
                continue;
            smtp::OutboxSender sender(store, account, sync::imapSentFolder(store, account));
            sender.setProgress([this](const QString &line) { emit progress(line); });
            sender.setStopFlag(&m_stop);
            const smtp::OutboxReport r = sender.flush(true);
            if (r.error) {
                errors << tr("%1: outbox: %2").arg(account.name, r.error.message);
                if (r.error.kind == net::Error::Kind::UntrustedCertificate)
                    emit untrustedCertificate(account.name, r.error.certificateFingerprint,
                                              r.error.message);
            }
        }
    } catch (const std::exception &e) {
        errors << QString::fromLocal8Bit(e.what());
    }
    emit outboxFlushed(errors);
}

void SyncWorker::fetchBody(qint64 messageId)
{
    QString error;
    try {
        store::Store store(m_profileDir);
        const auto row = store.messages().byId(messageId);
        const auto account = row ? store.accounts().byId(row->accountId) : std::nullopt;
        if (!account) {
            emit bodyFetched(messageId, tr("The message is no longer in the cache."));
            return;
        }
        imap::BodyFetcher fetcher(store, *account);
        if (const net::Error e = fetcher.fetch({messageId})) {
            error = e.message;
        } else if (!store.bodies().has(messageId)) {
            error = tr("The message is no longer on the server.");
        } else {
            authres::UnboundResolver dns(qEnvironmentVariable("HERALD_NAMESERVER"), 3000);
            sync::VerdictPass(store, *account, dns).run();
        }
    } catch (const std::exception &e) {
        error = QString::fromLocal8Bit(e.what());
    }
    emit bodyFetched(messageId, error);
}

void SyncWorker::runPass(const QList<qint64> &watched)
{
    QStringList errors;
    try {
        store::Store store(m_profileDir);
        // HERALD_NAMESERVER (or herald --nameserver) picks the DNS server; else the system's.
        authres::UnboundResolver dns(qEnvironmentVariable("HERALD_NAMESERVER"), 3000);
        for (const store::Account &account : store.accounts().list()) {
            // Outbox, then IMAP or POP3, then sender checks, as herald-cli sync does.
            if (m_stop)
                break;
            sync::AccountPass pass(store, account, dns);
            pass.setSyncIncoming(!watched.contains(account.id));
            pass.setStopFlag(&m_stop);
            pass.setProgress([this](const QString &line) { emit progress(line); });
            const qint64 id = account.id;
            pass.setCountReport([this, id](const imap::SyncCount &c) {
                emit counted(id, c.folder, c.bodies, c.done, c.total);
            });
            const bool incoming = !watched.contains(account.id);
            if (incoming)
                emit accountActivity(id, account.name, int(AccountActivity::Syncing), QString());
            const sync::AccountPassReport r = pass.run();
            if (incoming && r.error.kind != net::Error::Kind::Cancelled)
                emit accountActivity(id, account.name,
                                     int(!r.error ? AccountActivity::UpToDate
                                         : net::isUnreachable(r.error)
                                             ? AccountActivity::Unreachable
                                             : AccountActivity::Failed),
                                     r.error.message);
            if (r.outbox.needsUser()) {
                errors << tr("%1: outbox: %2").arg(account.name, r.outbox.error.message);
                if (r.outbox.error.kind == net::Error::Kind::UntrustedCertificate)
                    emit untrustedCertificate(account.name, r.outbox.error.certificateFingerprint,
                                              r.outbox.error.message);
            }
            if (r.imap)
                for (const QString &f : r.imap->folderErrors)
                    errors << tr("%1: %2").arg(account.name, f);
            if (r.error && (r.imap || r.pop3)) { // (other kinds of account are not synced here)
                errors << tr("%1: %2").arg(account.name, r.error.message);
                if (r.error.kind == net::Error::Kind::UntrustedCertificate)
                    emit untrustedCertificate(account.name, r.error.certificateFingerprint,
                                              r.error.message);
            }
        }
    } catch (const std::exception &e) {
        errors << QString::fromLocal8Bit(e.what());
    }
    emit finished(errors);
}

} // namespace herald::ui
