#include "ui/AccountSettingsPage.h"

#include "core/store/Store.h"
#include "core/sync/AccountRemoval.h"
#include "ui/AccountEditDialog.h"
#include "ui/CacheWriter.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace herald::ui {

AccountSettingsPage::AccountSettingsPage(store::Store &store, CacheWriter &writer, QWidget *parent)
    : QWidget(parent), m_store(store), m_writer(writer)
{
    auto *title = new QLabel(tr("&Accounts:"), this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("accountList"));
    title->setBuddy(m_list); // Alt+A; item views take no name from a buddy:
    m_list->setAccessibleName(tr("Accounts"));
    m_add = new QPushButton(tr("A&dd…"), this);
    m_add->setObjectName(QStringLiteral("addAccount"));
    m_add->setAccessibleName(tr("Add account"));
    m_edit = new QPushButton(tr("&Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editAccount"));
    m_edit->setAccessibleName(tr("Edit account"));
    m_remove = new QPushButton(tr("&Remove…"), this);
    m_remove->setObjectName(QStringLiteral("removeAccount"));
    m_remove->setAccessibleName(tr("Remove account"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("accountStatus"));
    m_status->setWordWrap(true);
    connect(m_add, &QPushButton::clicked, this, &AccountSettingsPage::addAccountRequested);
    connect(m_edit, &QPushButton::clicked, this, [this] { editAccount(m_list->currentRow()); });
    connect(m_remove, &QPushButton::clicked, this, [this] { removeAccount(m_list->currentRow()); });
    connect(m_list, &QListWidget::currentRowChanged, this, &AccountSettingsPage::updateButtons);
    connect(m_list, &QListWidget::itemActivated, this,
            [this] { editAccount(m_list->currentRow()); });

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(row);
    layout->addWidget(m_status);
    reload();
}

void AccountSettingsPage::reload()
{
    const int row = m_list->currentRow();
    m_list->clear();
    try {
        for (const store::Account &a : m_store.accounts().list()) {
            auto *item = new QListWidgetItem(
                a.displayName.isEmpty() ? tr("%1 — %2").arg(a.name, a.email)
                                        : tr("%1 — %2 <%3>").arg(a.name, a.displayName, a.email),
                m_list);
            item->setData(Qt::UserRole, a.id);
        }
    } catch (const std::exception &e) {
        report(tr("Could not read the accounts: %1").arg(QString::fromLocal8Bit(e.what())));
    }
    if (m_list->count() == 0)
        report(tr("No accounts yet. Press Add to set one up."));
    m_list->setCurrentRow(std::min(std::max(row, 0), m_list->count() - 1));
    updateButtons();
}

qint64 AccountSettingsPage::accountIdAt(int row) const
{
    const QListWidgetItem *item = m_list->item(row);
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

void AccountSettingsPage::updateButtons()
{
    const bool selected = accountIdAt(m_list->currentRow()) != 0;
    m_edit->setEnabled(selected);
    m_remove->setEnabled(selected);
}

void AccountSettingsPage::report(const QString &text)
{
    m_status->setText(text);
}

QString AccountSettingsPage::statusText() const
{
    return m_status->text();
}

AccountEditDialog *AccountSettingsPage::editAccount(int row)
{
    const auto account = m_store.accounts().byId(accountIdAt(row));
    if (!account)
        return nullptr;
    if (m_editDialog)
        m_editDialog->deleteLater();
    m_editDialog = new AccountEditDialog(*account, m_writer, this);
    const QString name = account->name;
    connect(m_editDialog, &AccountEditDialog::saved, this, [this, name](const QString &error) {
        if (!error.isEmpty()) {
            report(tr("Could not save the settings of %1: %2").arg(name, error));
            return;
        }
        report(tr("Saved the settings of %1; they apply from the next sync.").arg(name));
        reload();
        emit accountsChanged();
    });
    m_editDialog->open();
    return m_editDialog;
}

QMessageBox *AccountSettingsPage::removeAccount(int row)
{
    const auto account = m_store.accounts().byId(accountIdAt(row));
    if (!account)
        return nullptr;
    const auto summary = accounts::describeRemoval(m_store, *account);
    const auto &c = summary.contents;
    QString text =
        tr("<p>Remove the account <b>%1</b> (%2)?</p>"
           "<p>This deletes from this computer: %3 cached messages, of them %4 drafts and %5 "
           "messages in the outbox that were not sent yet%6.</p>"
           "<p>Nothing is deleted on the server.</p>")
            .arg(account->name.toHtmlEscaped(), account->email.toHtmlEscaped())
            .arg(c.messages)
            .arg(c.drafts)
            .arg(c.unsent)
            .arg(summary.passwordInKeychain ? tr(", and the password saved in the system keychain")
                                            : QString());
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Remove Account"), text,
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmRemoval"));
    QPushButton *confirm = box->addButton(tr("&Remove Account"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmRemove"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const store::Account target = *account;
    connect(box, &QMessageBox::buttonClicked, this, [this, confirm, target](QAbstractButton *b) {
        if (b != confirm)
            return;
        report(tr("Removing %1…").arg(target.name));
        m_writer.run([target](store::Store &s) { accounts::removeAccount(s, target); }, this,
                     [this, target](const QString &error) {
                         if (!error.isEmpty())
                             report(tr("Could not remove %1: %2").arg(target.name, error));
                         else
                             report(tr("Removed the account %1.").arg(target.name));
                         reload();
                         emit accountsChanged();
                     });
    });
    box->open();
    return box;
}

} // namespace herald::ui
