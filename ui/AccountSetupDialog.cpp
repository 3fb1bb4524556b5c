#include "ui/AccountSetupDialog.h"

#include "core/accounts/Credentials.h"
#include "core/store/Store.h"
#include "core/sync/AccountCheck.h"
#include "core/sync/AccountCreation.h"
#include "core/sync/ResolverDiscoveryDns.h"
#include "ui/ServerFieldsBox.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QThread>
#include <QVBoxLayout>

namespace herald::ui {

namespace {

// Discovery through Herald's own resolver (so --nameserver / HERALD_NAMESERVER apply).
std::optional<accounts::DiscoveredServers>
findServers(const QString &email, accounts::DiscoveryOptions options, const std::atomic<bool> &stop,
            const accounts::DiscoveryProgress &progress, QString *error)
{
    options.stop = &stop;
    try {
        sync::ResolverDiscoveryDns dns;
        return accounts::discoverServers(email, dns, options, progress, error);
    } catch (const std::exception &e) {
        *error = QString::fromLocal8Bit(e.what());
        return std::nullopt;
    }
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 1.25);
    f.setBold(true);
    label->setFont(f);
    label->setWordWrap(true);
    return label;
}

QLabel *paragraph(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

} // namespace

AccountSetupDialog::AccountSetupDialog(store::Store &store, QWidget *parent)
    : QDialog(parent), m_store(store)
{
    setObjectName(QStringLiteral("accountSetup"));
    setWindowTitle(tr("Add a Mail Account"));
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildAddressPage());
    m_pages->addWidget(buildSearchPage());
    m_pages->addWidget(buildServersPage());

    m_back = new QPushButton(tr("< &Back"), this);
    m_back->setObjectName(QStringLiteral("backButton"));
    m_next = new QPushButton(tr("Next >"), this);
    m_next->setObjectName(QStringLiteral("nextButton"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    for (QPushButton *b : {m_back, m_cancel})
        b->setAutoDefault(false);
    m_next->setDefault(true); // Enter = Next (and "Check and save" on the last page)
    connect(m_back, &QPushButton::clicked, this, &AccountSetupDialog::back);
    connect(m_next, &QPushButton::clicked, this, &AccountSetupDialog::next);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject); // Esc too

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_back);
    buttons->addStretch(1);
    buttons->addWidget(m_next);
    buttons->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addLayout(buttons);
    resize(780, 640);
    showPage(AddressPage);
}

AccountSetupDialog::~AccountSetupDialog()
{
    stopWorker();
}

void AccountSetupDialog::done(int result)
{
    stopWorker(); // Cancel during a check must not save the account when the check passes later
    QDialog::done(result);
}

QWidget *AccountSetupDialog::buildAddressPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("addressPage"));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(heading(tr("Your e-mail address"), page));
    layout->addWidget(paragraph(tr("Herald finds your provider's servers from your address. "
                                   "Your password is only sent to them, over an encrypted "
                                   "connection."),
                                page));
    auto *form = new QFormLayout;
    m_name = new QLineEdit(page);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("Alice Liddell"));
    form->addRow(tr("Your &name:"), m_name);
    m_email = new QLineEdit(page);
    m_email->setObjectName(QStringLiteral("emailEdit"));
    m_email->setPlaceholderText(tr("alice@example.org"));
    form->addRow(tr("&E-mail address:"), m_email);
    m_password = new QLineEdit(page);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Password:"), m_password);
    layout->addLayout(form);
    m_addressError = new QLabel(page);
    m_addressError->setObjectName(QStringLiteral("addressError"));
    m_addressError->setWordWrap(true);
    m_addressError->setStyleSheet(QStringLiteral("color: #a40000;"));
    layout->addWidget(m_addressError);
    layout->addStretch(1);
    m_manual = new QPushButton(tr("&Manual set-up…"), page);
    m_manual->setObjectName(QStringLiteral("manualButton"));
    m_manual->setAutoDefault(false);
    m_manual->setToolTip(tr("Enter the servers yourself instead of letting Herald search."));
    connect(m_manual, &QPushButton::clicked, this, &AccountSetupDialog::startManualSetUp);
    layout->addWidget(m_manual, 0, Qt::AlignLeft);
    return page;
}

QWidget *AccountSetupDialog::buildSearchPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("searchPage"));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(heading(tr("Looking for your servers"), page));
    auto *what = new QLabel(tr("&What Herald tries:"), page);
    layout->addWidget(what);
    m_searchLog = new QListWidget(page);
    m_searchLog->setObjectName(QStringLiteral("searchLog"));
    m_searchLog->setWordWrap(true);
    what->setBuddy(m_searchLog);
    m_searchLog->setAccessibleName(tr("What Herald tries"));
    layout->addWidget(m_searchLog, 1);
    m_stopSearch = new QPushButton(tr("&Stop and enter the servers myself"), page);
    m_stopSearch->setObjectName(QStringLiteral("stopSearchButton"));
    m_stopSearch->setAutoDefault(false);
    connect(m_stopSearch, &QPushButton::clicked, this, &AccountSetupDialog::stopSearch);
    layout->addWidget(m_stopSearch, 0, Qt::AlignLeft);
    return page;
}

QWidget *AccountSetupDialog::buildServersPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("serversPage"));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(heading(tr("Your servers"), page));
    m_foundBy = paragraph(QString(), page);
    m_foundBy->setObjectName(QStringLiteral("foundBy"));
    layout->addWidget(m_foundBy);
    m_confirm = new QCheckBox(tr("I have checked these settings &with my provider"), page);
    m_confirm->setObjectName(QStringLiteral("confirmSettings"));
    m_confirm->setVisible(false);
    connect(m_confirm, &QCheckBox::toggled, this, &AccountSetupDialog::updateButtons);
    layout->addWidget(m_confirm);

    m_incoming = new ServerFieldsBox(ServerFieldsBox::Kind::Incoming, tr("Incoming mail"),
                                     QStringLiteral("incoming"), page);
    m_outgoing = new ServerFieldsBox(ServerFieldsBox::Kind::Outgoing, tr("Outgoing mail (SMTP)"),
                                     QStringLiteral("outgoing"), page);
    auto *boxes = new QHBoxLayout;
    boxes->addWidget(m_incoming, 1, Qt::AlignTop);
    boxes->addWidget(m_outgoing, 1, Qt::AlignTop);
    layout->addLayout(boxes);
    for (ServerFieldsBox *box : {m_incoming, m_outgoing}) {
        connect(box, &ServerFieldsBox::trustRequested, this, &AccountSetupDialog::trust);
        connect(box, &ServerFieldsBox::edited, this, [this] {
            m_checkPassed = false; // what passed was other settings
            updateButtons();
        });
    }

    m_keychainNotice = paragraph(QString(), page);
    m_keychainNotice->setObjectName(QStringLiteral("keychainNotice"));
    m_keychainNotice->setVisible(false);
    layout->addWidget(m_keychainNotice);
    m_askEachStart = new QCheckBox(tr("&Ask for the password each time Herald starts"), page);
    m_askEachStart->setObjectName(QStringLiteral("askEachStart"));
    m_askEachStart->setVisible(false);
    connect(m_askEachStart, &QCheckBox::toggled, this, &AccountSetupDialog::updateButtons);
    layout->addWidget(m_askEachStart);
    layout->addStretch(1);
    m_status = paragraph(QString(), page);
    m_status->setObjectName(QStringLiteral("setupStatus"));
    layout->addWidget(m_status);
    return page;
}

AccountSetupDialog::Page AccountSetupDialog::currentPage() const
{
    return Page(m_pages->currentIndex());
}

void AccountSetupDialog::showPage(Page page)
{
    m_pages->setCurrentIndex(page);
    switch (page) {
    case AddressPage:
        (m_name->text().isEmpty()    ? m_name
         : m_email->text().isEmpty() ? m_email
                                     : m_password)
            ->setFocus();
        break;
    case SearchPage:
        m_stopSearch->setFocus();
        break;
    case ServersPage:
        m_incoming->focusFirstField();
        break;
    }
    updateButtons();
}

void AccountSetupDialog::updateButtons()
{
    const Page page = currentPage();
    m_back->setEnabled(page != AddressPage && !m_busy);
    m_manual->setEnabled(!m_busy);
    if (page == ServersPage) {
        const bool saveOnly = m_checkPassed && m_keychainMissing;
        m_next->setText(saveOnly ? tr("&Save") : tr("&Check and save"));
        m_next->setEnabled(!m_busy && (!m_needsConfirmation || m_confirm->isChecked()) &&
                           (!saveOnly || m_askEachStart->isChecked()));
    } else {
        m_next->setText(tr("Next >")); // Enter; Alt+N is "Your name"
        m_next->setEnabled(page == AddressPage && !m_busy);
    }
}

QString AccountSetupDialog::email() const
{
    return m_email->text().trimmed();
}

void AccountSetupDialog::next()
{
    switch (currentPage()) {
    case AddressPage:
        startSearch();
        break;
    case SearchPage:
        break;
    case ServersPage:
        if (m_checkPassed && m_keychainMissing)
            save(false);
        else
            startCheck();
        break;
    }
}

void AccountSetupDialog::back()
{
    stopWorker();
    showPage(AddressPage);
}

void AccountSetupDialog::stopWorker()
{
    if (!m_worker)
        return;
    *m_stop = true;
    m_worker->wait(); // the check and the search stop within 0.1 s of the flag
    delete m_worker;
    m_worker = nullptr;
    ++m_generation; // what it may still have queued is ignored
    m_busy = false;
}

// Page 1 -> 2 ---------------------------------------------------------------------------

void AccountSetupDialog::startSearch()
{
    const QString address = email();
    const int at = address.indexOf(QLatin1Char('@'));
    QString problem;
    if (at <= 0 || at == address.size() - 1 || address.contains(QLatin1Char(' ')))
        problem = tr("Enter your e-mail address, like alice@example.org.");
    else if (m_password->text().isEmpty())
        problem = tr("Enter your password.");
    m_addressError->setText(problem);
    if (!problem.isEmpty())
        return;
    stopWorker();
    m_searchLog->clear();
    m_stop = std::make_shared<std::atomic<bool>>(false);
    m_busy = true;
    showPage(SearchPage);
    auto stop = m_stop;
    const quint64 generation = ++m_generation;
    m_worker = QThread::create([this, address, stop, generation, options = m_discoveryOptions] {
        QString error;
        auto progress = [this, generation](const QString &line) {
            QMetaObject::invokeMethod(
                this,
                [this, line, generation] {
                    if (generation == m_generation)
                        onSearchLine(line);
                },
                Qt::QueuedConnection);
        };
        const auto found = findServers(address, options, *stop, progress, &error);
        if (*stop)
            return; // stopped: the user went on without it
        QMetaObject::invokeMethod(
            this,
            [this, found, error, generation] {
                if (generation == m_generation)
                    onSearchFinished(found, error);
            },
            Qt::QueuedConnection);
    });
    m_worker->start();
}

void AccountSetupDialog::onSearchLine(const QString &line)
{
    m_searchLog->addItem(line);
    m_searchLog->scrollToBottom();
}

void AccountSetupDialog::stopSearch()
{
    stopWorker();
    fillFromAddress();
    m_foundBy->setText(tr("The search was stopped. Enter your servers below."));
    showPage(ServersPage);
}

void AccountSetupDialog::onSearchFinished(const std::optional<accounts::DiscoveredServers> &found,
                                          const QString &error)
{
    m_worker->wait();
    delete m_worker;
    m_worker = nullptr;
    m_busy = false;
    m_checkPassed = false;
    m_needsConfirmation = false;
    m_confirm->setChecked(false);
    if (!found || found->incoming.empty()) {
        fillFromAddress();
        m_foundBy->setText(tr("Herald could not find your servers (%1). Enter them below; your "
                              "provider's help pages list them.")
                               .arg(error.isEmpty() ? tr("no answer") : error));
    } else {
        fillFromAddress(); // the outgoing server when discovery named none
        m_incoming->setServer(found->incoming.front());
        if (!found->outgoing.empty())
            m_outgoing->setServer(found->outgoing.front());
        QString by = tr("Found through %1").arg(accounts::describeSource(found->source));
        if (!found->providerName.isEmpty())
            by = tr("%1 (%2)").arg(by, found->providerName);
        if (!found->detail.isEmpty())
            by += QStringLiteral(": ") + found->detail;
        by += QLatin1Char('.');
        if (found->outgoing.empty())
            by += QStringLiteral("\n") + tr("No outgoing server was found; the one below is a "
                                            "guess, check it.");
        m_needsConfirmation = found->needsConfirmation;
        if (m_needsConfirmation)
            by += QStringLiteral("\n") +
                  tr("This answer came over an unencrypted connection (http), so anyone on the "
                     "way could have changed it. Check the servers below and confirm them.");
        m_foundBy->setText(by);
        m_confirm->setVisible(m_needsConfirmation);
    }
    showPage(ServersPage);
}

void AccountSetupDialog::startManualSetUp()
{
    stopWorker();
    fillFromAddress();
    m_foundBy->setText(tr("Enter your servers as your provider gives them."));
    showPage(ServersPage);
}

void AccountSetupDialog::fillFromAddress()
{
    const QString address = email();
    const QString domain = address.section(QLatin1Char('@'), 1);
    m_needsConfirmation = false;
    m_confirm->setVisible(false);
    accounts::ServerUrl in;
    in.host = domain.isEmpty() ? QString() : QStringLiteral("imap.") + domain;
    in.user = address;
    accounts::ServerUrl out;
    out.protocol = accounts::Protocol::Smtp;
    out.host = domain.isEmpty() ? QString() : QStringLiteral("smtp.") + domain;
    out.user = address;
    m_incoming->setServer(in);
    m_outgoing->setServer(out);
}

// Page 3: check, trust, save -----------------------------------------------------------

void AccountSetupDialog::startCheck()
{
    for (ServerFieldsBox *box : {m_incoming, m_outgoing}) {
        if (const QString missing = box->missingField(); !missing.isEmpty()) {
            m_status->setText(missing);
            return;
        }
    }
    stopWorker();
    m_accountName = accounts::accountNameForAddress(m_store, email());
    sync::AccountCheckRequest request;
    request.incoming = m_incoming->server();
    request.outgoing = m_outgoing->server();
    request.password = m_password->text();
    request.settings = m_settings;
    m_incoming->showChecking();
    m_outgoing->showChecking();
    m_keychainMissing = false;
    m_keychainNotice->setVisible(false);
    m_askEachStart->setVisible(false);
    m_status->setText(tr("Logging in to both servers…"));
    m_checkPassed = false;
    m_busy = true;
    updateButtons();
    m_stop = std::make_shared<std::atomic<bool>>(false);
    auto stop = m_stop;
    const quint64 generation = ++m_generation;
    m_worker = QThread::create([this, request, stop, generation, name = m_accountName] {
        const auto result = sync::checkAccount(request, stop.get());
        // Only a password that works goes to the keychain; here, so the window never waits
        // on it (a locked keyring may ask its owner first).
        accounts::CredentialResult stored;
        if (result.ok() && !*stop)
            stored = accounts::storeInKeychain(name, request.password);
        if (*stop)
            return;
        QMetaObject::invokeMethod(
            this,
            [this, result, stored, generation] {
                if (generation == m_generation)
                    onCheckFinished(result, stored);
            },
            Qt::QueuedConnection);
    });
    m_worker->start();
}

void AccountSetupDialog::onCheckFinished(const sync::AccountCheckResult &result,
                                         const accounts::CredentialResult &stored)
{
    m_worker->wait();
    delete m_worker;
    m_worker = nullptr;
    m_busy = false;
    m_incoming->showResult(result.incoming);
    m_outgoing->showResult(result.outgoing);
    m_checkPassed = result.ok();
    if (!m_checkPassed) {
        m_status->setText(tr("Nothing was saved. Correct what is marked above and check again."));
        updateButtons();
        return;
    }
    if (stored.ok) {
        save(true);
        return;
    }
    m_status->setText(tr("Both servers accepted the login."));
    m_keychainNotice->setText(
        tr("Herald cannot keep your password: no system keychain (such as GNOME Keyring or "
           "KWallet) is running (%1). Herald never writes passwords into its own files. It can "
           "instead ask for the password each time it starts.")
            .arg(stored.error));
    m_keychainMissing = true;
    m_keychainNotice->setVisible(true);
    m_askEachStart->setVisible(true);
    m_askEachStart->setFocus();
    updateButtons();
}

void AccountSetupDialog::trust(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return;
    const QString pin = sync::summarizeCertificate(certificate).sha256;
    if (!m_settings.pinnedCertificates.contains(pin))
        m_settings.pinnedCertificates << pin;
    startCheck();
}

void AccountSetupDialog::save(bool inKeychain)
{
    accounts::NewAccount account;
    account.name = m_accountName;
    account.email = email();
    account.displayName = m_name->text().trimmed();
    account.incoming = m_incoming->server();
    account.outgoing = m_outgoing->server();
    account.settings = m_settings;
    using Kind = accounts::PasswordChoice::Kind;
    const auto created = accounts::createAccount(
        m_store, account, {inKeychain ? Kind::InKeychain : Kind::Session, m_password->text()});
    if (!created.ok()) {
        m_status->setText(tr("The account could not be saved: %1").arg(created.error));
        return;
    }
    m_password->clear();
    emit accountAdded(created.id);
    accept();
}

} // namespace herald::ui
