#include "ui/PasswordDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace herald::ui {

PasswordDialog::PasswordDialog(const QString &accountName, const QString &email, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("passwordDialog"));
    setWindowTitle(tr("Password for %1").arg(email));
    auto *text = new QLabel(tr("Herald asks for the password of <b>%1</b> (account %2) each time "
                               "it starts, because no system keychain keeps it. It stays in "
                               "memory until Herald quits.")
                                .arg(email.toHtmlEscaped(), accountName.toHtmlEscaped()),
                            this);
    text->setWordWrap(true);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("sessionPasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    auto *form = new QFormLayout;
    form->addRow(tr("&Password for %1:").arg(email), m_password);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *ok = buttons->addButton(tr("&Use this password"), QDialogButtonBox::AcceptRole);
    ok->setDefault(true);
    buttons->addButton(tr("&Skip (stay offline)"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

QString PasswordDialog::password() const
{
    return m_password->text();
}

} // namespace herald::ui
