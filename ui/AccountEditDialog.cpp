#include "ui/AccountEditDialog.h"

#include "core/accounts/AccountSettings.h"
#include "core/accounts/Credentials.h"
#include "core/accounts/ServerUrl.h"
#include "core/store/Store.h"
#include "ui/CacheWriter.h"
#include "ui/IdentityEditor.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QRadioButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>
#include <stdexcept>

namespace herald::ui {

namespace {
constexpr qint64 kMb = 1024 * 1024;
}

void AccountEdits::applyTo(store::Account &account) const
{
    auto settings = accounts::AccountSettings::fromJson(account.settingsJson);
    account.displayName = displayName;
    // The account's own address without a signature or name of its own needs no entry.
    settings.identities.clear();
    for (const accounts::Identity &id : identities) {
        const bool own = id.email.compare(account.email, Qt::CaseInsensitive) == 0;
        if (own && id.signature.isEmpty() && id.displayName.isEmpty())
            continue;
        accounts::setIdentity(settings, id);
    }
    settings.downloadBodies = downloadBodies;
    settings.bodyMaxAgeDays = bodyMaxAgeDays;
    settings.bodyMaxSize = bodyMaxSize;
    settings.leaveOnServer = leaveOnServer;
    settings.deleteAfterDays = deleteAfterDays;
    settings.deleteWhenDeletedInHerald = deleteWhenDeleted;
    settings.authservId = authservId;
    if (passwordNowInKeychain)
        settings.passwordSource = QStringLiteral("keychain");
    account.settingsJson = settings.toJson();
}

AccountEditDialog::AccountEditDialog(const store::Account &account, CacheWriter &writer,
                                     QWidget *parent)
    : QDialog(parent), m_account(account), m_writer(writer)
{
    setObjectName(QStringLiteral("accountEditDialog"));
    setWindowTitle(tr("Account %1").arg(account.name));
    const auto settings = accounts::AccountSettings::fromJson(account.settingsJson);
    const auto url = accounts::ServerUrl::parse(account.incomingUrl);
    m_pop3 = url && url->protocol == accounts::Protocol::Pop3;

    auto *general = new QFormLayout;
    auto *address = new QLabel(account.email, this);
    address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    general->addRow(tr("E-mail address:"), address);
    m_displayName = new QLineEdit(account.displayName, this);
    m_displayName->setObjectName(QStringLiteral("displayName"));
    m_displayName->setPlaceholderText(tr("The name others see in your messages"));
    general->addRow(tr("Your &name:"), m_displayName);

    auto *identityBox = new QGroupBox(tr("Identities and signatures"), this);
    m_identities = new IdentityEditor(account.email, identityBox);
    m_identities->setIdentities(accounts::identities(settings, account.email, account.displayName));
    (new QVBoxLayout(identityBox))->addWidget(m_identities);

    // IMAP: which bodies sync keeps offline (headers always come).
    auto *bodyBox = new QGroupBox(tr("Messages kept offline"), this);
    bodyBox->setObjectName(QStringLiteral("bodyPolicy"));
    m_bodiesAll = new QRadioButton(tr("&All messages"), bodyBox);
    m_bodiesAll->setObjectName(QStringLiteral("bodiesAll"));
    m_bodiesSome = new QRadioButton(tr("&Only recent or small messages:"), bodyBox);
    m_bodiesSome->setObjectName(QStringLiteral("bodiesSome"));
    m_bodiesNone = new QRadioButton(tr("N&one (a message is downloaded when opened)"), bodyBox);
    m_bodiesNone->setObjectName(QStringLiteral("bodiesNone"));
    m_bodyDays = new QSpinBox(bodyBox);
    m_bodyDays->setObjectName(QStringLiteral("bodyDays"));
    m_bodyDays->setRange(0, 36500);
    m_bodyDays->setSpecialValueText(tr("any age"));
    m_bodyDays->setSuffix(tr(" days"));
    m_bodyDays->setValue(settings.bodyMaxAgeDays);
    m_bodySizeMb = new QSpinBox(bodyBox);
    m_bodySizeMb->setObjectName(QStringLiteral("bodySize"));
    m_bodySizeMb->setRange(0, 100000);
    m_bodySizeMb->setSpecialValueText(tr("any size"));
    m_bodySizeMb->setSuffix(tr(" MB"));
    m_bodySizeMb->setValue(int((settings.bodyMaxSize + kMb - 1) / kMb));
    auto *bodyLayout = new QFormLayout(bodyBox);
    bodyLayout->addRow(m_bodiesAll);
    bodyLayout->addRow(m_bodiesSome);
    bodyLayout->addRow(tr("    Of the last:"), m_bodyDays);
    bodyLayout->addRow(tr("    Up to:"), m_bodySizeMb);
    bodyLayout->addRow(m_bodiesNone);
    if (!settings.downloadBodies)
        m_bodiesNone->setChecked(true);
    else if (settings.bodyMaxAgeDays > 0 || settings.bodyMaxSize > 0)
        m_bodiesSome->setChecked(true);
    else
        m_bodiesAll->setChecked(true);
    for (QRadioButton *b : {m_bodiesAll, m_bodiesSome, m_bodiesNone})
        connect(b, &QRadioButton::toggled, this, &AccountEditDialog::updateBodyFields);
    updateBodyFields();
    bodyBox->setVisible(!m_pop3);

    // POP3: what stays on the server.
    auto *popBox = new QGroupBox(tr("Messages on the server (POP3)"), this);
    popBox->setObjectName(QStringLiteral("pop3Options"));
    m_leaveOnServer = new QCheckBox(tr("&Leave messages on the server"), popBox);
    m_leaveOnServer->setObjectName(QStringLiteral("leaveOnServer"));
    m_leaveOnServer->setChecked(settings.leaveOnServer);
    m_deleteAfterDays = new QSpinBox(popBox);
    m_deleteAfterDays->setObjectName(QStringLiteral("deleteAfterDays"));
    m_deleteAfterDays->setRange(0, 36500);
    m_deleteAfterDays->setSpecialValueText(tr("never"));
    m_deleteAfterDays->setSuffix(tr(" days"));
    m_deleteAfterDays->setValue(settings.deleteAfterDays);
    m_deleteWhenDeleted =
        new QCheckBox(tr("Delete from the server &when deleted in Herald"), popBox);
    m_deleteWhenDeleted->setObjectName(QStringLiteral("deleteWhenDeleted"));
    m_deleteWhenDeleted->setChecked(settings.deleteWhenDeletedInHerald);
    auto *popLayout = new QFormLayout(popBox);
    popLayout->addRow(m_leaveOnServer);
    popLayout->addRow(tr("Delete from the server &after:"), m_deleteAfterDays);
    popLayout->addRow(m_deleteWhenDeleted);
    connect(m_leaveOnServer, &QCheckBox::toggled, m_deleteAfterDays, &QWidget::setEnabled);
    m_deleteAfterDays->setEnabled(settings.leaveOnServer);
    popBox->setVisible(m_pop3);

    auto *security = new QFormLayout;
    m_authservId = new QLineEdit(settings.authservId, this);
    m_authservId->setObjectName(QStringLiteral("authservId"));
    m_authservId->setPlaceholderText(tr("(your provider's topmost Authentication-Results)"));
    m_authservId->setToolTip(tr("The server name in the Authentication-Results headers your "
                                "provider adds; only those are trusted for sender checks."));
    security->addRow(tr("&Trusted authserv-id:"), m_authservId);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("newPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("(unchanged)"));
    m_password->setToolTip(tr("Saved in the system keychain, never in Herald's files."));
    security->addRow(tr("New &password:"), m_password);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addLayout(general);
    layout->addWidget(identityBox);
    layout->addWidget(bodyBox);
    layout->addWidget(popBox);
    layout->addLayout(security);
    layout->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->addWidget(scroll);
    outer->addWidget(buttons);
    resize(560, 640);
}

void AccountEditDialog::updateBodyFields()
{
    const bool some = m_bodiesSome->isChecked();
    m_bodyDays->setEnabled(some);
    m_bodySizeMb->setEnabled(some);
}

AccountEdits AccountEditDialog::edits() const
{
    AccountEdits e;
    e.displayName = m_displayName->text().trimmed();
    e.identities = m_identities->identities();
    e.downloadBodies = !m_bodiesNone->isChecked();
    const bool some = m_bodiesSome->isChecked();
    e.bodyMaxAgeDays = some ? m_bodyDays->value() : 0;
    e.bodyMaxSize = some ? qint64(m_bodySizeMb->value()) * kMb : 0;
    e.leaveOnServer = m_leaveOnServer->isChecked();
    e.deleteAfterDays = m_deleteAfterDays->value();
    e.deleteWhenDeleted = m_deleteWhenDeleted->isChecked();
    e.authservId = m_authservId->text().trimmed();
    return e;
}

void AccountEditDialog::accept()
{
    AccountEdits e = edits();
    if (!m_password->text().isEmpty()) {
        const auto stored = accounts::storeInKeychain(m_account.name, m_password->text());
        if (!stored.ok) {
            QMessageBox::warning(this, windowTitle(),
                                 tr("The new password could not be saved: %1").arg(stored.error));
            return;
        }
        e.passwordNowInKeychain = true;
        m_password->clear();
    }
    const qint64 id = m_account.id;
    QPointer<AccountEditDialog> self(this);
    m_writer.run(
        [id, e](store::Store &s) {
            auto fresh = s.accounts().byId(id);
            if (!fresh)
                throw std::runtime_error("the account was removed meanwhile");
            e.applyTo(*fresh);
            s.accounts().update(*fresh);
        },
        parent(),
        [self](const QString &error) {
            if (self)
                emit self->saved(error);
        });
    QDialog::accept();
}

} // namespace herald::ui
