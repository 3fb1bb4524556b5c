#include "ui/IdentityEditor.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace herald::ui {

IdentityDialog::IdentityDialog(const accounts::Identity &identity, bool fixedEmail, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(identity.email.isEmpty() ? tr("Add Identity") : tr("Edit Identity"));
    setObjectName(QStringLiteral("identityDialog"));
    auto *form = new QFormLayout;
    m_email = new QLineEdit(identity.email, this);
    m_email->setObjectName(QStringLiteral("identityEmail"));
    m_email->setReadOnly(fixedEmail);
    form->addRow(tr("&E-mail address:"), m_email);
    m_name = new QLineEdit(identity.displayName, this);
    m_name->setObjectName(QStringLiteral("identityName"));
    m_name->setPlaceholderText(tr("(the account's name)"));
    form->addRow(tr("&Name:"), m_name);
    m_signature = new QPlainTextEdit(identity.signature, this);
    m_signature->setObjectName(QStringLiteral("identitySignature"));
    m_signature->setTabChangesFocus(true);
    m_signature->setPlaceholderText(tr("Added below \"-- \" at the end of new messages"));
    form->addRow(tr("&Signature:"), m_signature);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(460, 300);
}

accounts::Identity IdentityDialog::identity() const
{
    return {m_email->text().trimmed(), m_name->text().trimmed(),
            m_signature->toPlainText().trimmed()};
}

void IdentityDialog::accept()
{
    const QString email = m_email->text().trimmed();
    if (!email.contains(QLatin1Char('@')) || email.startsWith(QLatin1Char('@')) ||
        email.endsWith(QLatin1Char('@'))) {
        QMessageBox::warning(this, windowTitle(),
                             tr("\"%1\" is not an e-mail address.").arg(email));
        return;
    }
    QDialog::accept();
}

IdentityEditor::IdentityEditor(const QString &accountEmail, QWidget *parent)
    : QWidget(parent), m_accountEmail(accountEmail)
{
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("identityList"));
    m_list->setAccessibleName(tr("Identities"));
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 6); // a few lines; most have one
    m_add = new QPushButton(tr("&Add…"), this);
    m_add->setObjectName(QStringLiteral("addIdentity"));
    m_add->setAccessibleName(tr("Add identity"));
    m_edit = new QPushButton(tr("&Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editIdentity"));
    m_edit->setAccessibleName(tr("Edit identity"));
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeIdentity"));
    m_remove->setAccessibleName(tr("Remove identity"));
    connect(m_add, &QPushButton::clicked, this, [this] { addIdentity(); });
    connect(m_edit, &QPushButton::clicked, this, [this] { editIdentity(m_list->currentRow()); });
    connect(m_remove, &QPushButton::clicked, this,
            [this] { removeIdentity(m_list->currentRow()); });
    connect(m_list, &QListWidget::currentRowChanged, this, &IdentityEditor::updateButtons);
    connect(m_list, &QListWidget::itemActivated, this,
            [this] { editIdentity(m_list->currentRow()); });

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    updateButtons();
}

void IdentityEditor::setIdentities(const std::vector<accounts::Identity> &all)
{
    m_identities = all;
    refresh();
}

void IdentityEditor::refresh()
{
    const int row = m_list->currentRow();
    m_list->clear();
    for (const accounts::Identity &id : m_identities) {
        QString text = id.displayName.isEmpty()
                           ? id.email
                           : QStringLiteral("%1 <%2>").arg(id.displayName, id.email);
        if (!id.signature.isEmpty())
            text += tr(" — with signature");
        m_list->addItem(text);
    }
    m_list->setCurrentRow(std::min(std::max(row, 0), m_list->count() - 1));
    updateButtons();
}

void IdentityEditor::updateButtons()
{
    const int row = m_list->currentRow();
    m_edit->setEnabled(row >= 0);
    // The account's own address is the default identity: it stays.
    m_remove->setEnabled(row > 0);
}

IdentityDialog *IdentityEditor::addIdentity()
{
    auto *dialog = new IdentityDialog(accounts::Identity(), false, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const accounts::Identity added = dialog->identity();
        for (accounts::Identity &existing : m_identities)
            if (existing.email.compare(added.email, Qt::CaseInsensitive) == 0) {
                existing = added; // the same address again: an edit
                refresh();
                return;
            }
        m_identities.push_back(added);
        refresh();
        m_list->setCurrentRow(m_list->count() - 1);
    });
    dialog->open();
    return dialog;
}

IdentityDialog *IdentityEditor::editIdentity(int row)
{
    if (row < 0 || row >= int(m_identities.size()))
        return nullptr;
    auto *dialog = new IdentityDialog(m_identities[size_t(row)], row == 0, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, row] {
        if (row < int(m_identities.size()))
            m_identities[size_t(row)] = dialog->identity();
        refresh();
    });
    dialog->open();
    return dialog;
}

void IdentityEditor::removeIdentity(int row)
{
    if (row <= 0 || row >= int(m_identities.size()))
        return;
    m_identities.erase(m_identities.begin() + row);
    refresh();
}

} // namespace herald::ui
