#include "ui/SyncController.h"

#include "core/accounts/ServerUrl.h"
#include "core/imap/AccountSync.h"
#include "core/store/Store.h"

namespace herald::ui {

SyncController::SyncController(QString profileDir, QObject *parent) : QObject(parent)
{
    m_worker = new SyncWorker(std::move(profileDir));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &SyncController::requestPass, m_worker, &SyncWorker::runPass);
    connect(m_worker, &SyncWorker::progress, this, &SyncController::progress);
    connect(m_worker, &SyncWorker::untrustedCertificate, this,
            &SyncController::untrustedCertificate);
    connect(m_worker, &SyncWorker::finished, this, [this](const QStringList &errors) {
        m_running = false;
        emit finished(errors);
    });
    m_thread.setObjectName(QStringLiteral("herald-sync"));
    m_thread.start();
}

SyncController::~SyncController()
{
    // A pass in progress ends at its next network step (the socket closes with the thread).
    m_thread.quit();
    m_thread.wait();
}

void SyncController::syncNow()
{
    if (m_running)
        return;
    m_running = true;
    emit started();
    emit requestPass();
}

void SyncWorker::runPass()
{
    QStringList errors;
    try {
        store::Store store(m_profileDir);
        for (const store::Account &account : store.accounts().list()) {
            const auto url = accounts::ServerUrl::parse(account.incomingUrl);
            if (!url || url->protocol != accounts::Protocol::Imap)
                continue;
            imap::AccountSync sync(store, account);
            sync.setProgress([this](const QString &line) { emit progress(line); });
            imap::AccountSyncReport report;
            if (const net::Error e = sync.run(report)) {
                errors << tr("%1: %2").arg(account.name, e.message);
                if (e.kind == net::Error::Kind::UntrustedCertificate)
                    emit untrustedCertificate(account.name, e.certificateFingerprint, e.message);
            }
            for (const QString &f : report.folderErrors)
                errors << tr("%1: %2").arg(account.name, f);
        }
    } catch (const std::exception &e) {
        errors << QString::fromLocal8Bit(e.what());
    }
    emit finished(errors);
}

} // namespace herald::ui
