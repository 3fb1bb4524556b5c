#pragma once
// Account set-up for someone who knows their address and password and nothing else.
//  1. Name, e-mail address, password ("Manual set-up" skips the search).
//  2. What Herald tries to find the servers, line by line (discovery on a worker thread),
//     cancellable.
//  3. What was found, all editable; "Check and save" logs in to both servers on a worker
//     thread and says in words what failed next to the server it concerns. An untrusted
//     certificate can be trusted for this account (a pin in its settings), then it checks again.
// Only after both servers accepted the login: the password goes to the system keychain (or,
// when none runs and the user agrees, is kept in memory and asked at each start), the account
// is saved, accountAdded() is emitted and the dialog closes.

#include "core/accounts/AccountSettings.h"
#include "core/accounts/Credentials.h"
#include "core/accounts/Discovery.h"

#include <QDialog>
#include <QSslCertificate>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QThread;

namespace herald::store {
class Store;
}
namespace herald::sync {
struct AccountCheckResult;
}

namespace herald::ui {

class ServerFieldsBox;

class AccountSetupDialog : public QDialog
{
    Q_OBJECT
public:
    enum Page { AddressPage, SearchPage, ServersPage };

    explicit AccountSetupDialog(store::Store &store, QWidget *parent = nullptr);
    ~AccountSetupDialog() override; // stops the worker threads (each stops within 0.1 s)

    Page currentPage() const;
    // How discovery searches: extra CAs for the HTTPS autoconfig fetch (a company CA), the
    // ports guesses try, timeouts. Default: DiscoveryOptions() ($HERALD_AUTOCONFIG_URL).
    void setDiscoveryOptions(const accounts::DiscoveryOptions &options)
    {
        m_discoveryOptions = options;
    }
    // The account's settings as they stand (the pins the user accepted so far).
    const accounts::AccountSettings &pendingSettings() const { return m_settings; }

    void done(int result) override;

signals:
    void accountAdded(qint64 accountId);

private:
    QWidget *buildAddressPage();
    QWidget *buildSearchPage();
    QWidget *buildServersPage();
    void showPage(Page page);
    void next();
    void back();
    void startSearch();
    void stopSearch();
    void onSearchLine(const QString &line);
    void onSearchFinished(const std::optional<accounts::DiscoveredServers> &found,
                          const QString &error);
    void startManualSetUp();
    void fillFromAddress(); // manual set-up and "nothing found": the address's domain
    void startCheck();
    void onCheckFinished(const sync::AccountCheckResult &result,
                         const accounts::CredentialResult &stored);
    void trust(const QSslCertificate &certificate);
    void save(bool inKeychain);
    void updateButtons();
    void stopWorker();
    QString email() const;

    store::Store &m_store;
    accounts::AccountSettings m_settings;
    accounts::DiscoveryOptions m_discoveryOptions;
    QString m_accountName;
    bool m_checkPassed = false;
    bool m_needsConfirmation = false;
    bool m_busy = false;
    bool m_keychainMissing = false; // the last passing check could not store the password

    QStackedWidget *m_pages = nullptr;
    // page 1
    QLineEdit *m_name = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_addressError = nullptr;
    QPushButton *m_manual = nullptr;
    // page 2
    QListWidget *m_searchLog = nullptr;
    QPushButton *m_stopSearch = nullptr;
    // page 3
    QLabel *m_foundBy = nullptr;
    QCheckBox *m_confirm = nullptr;
    ServerFieldsBox *m_incoming = nullptr;
    ServerFieldsBox *m_outgoing = nullptr;
    QLabel *m_keychainNotice = nullptr;
    QCheckBox *m_askEachStart = nullptr;
    QLabel *m_status = nullptr;
    // buttons
    QPushButton *m_back = nullptr;
    QPushButton *m_next = nullptr;
    QPushButton *m_cancel = nullptr;

    QThread *m_worker = nullptr;
    // Which worker's results count: a stopped one's queued results are ignored, so nothing a
    // cancelled check found can be saved.
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic<bool>> m_stop;
};

} // namespace herald::ui
