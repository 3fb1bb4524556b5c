#pragma once
// Asks for the password of an account whose user chose "Ask for the password each time Herald
// starts" (no system keychain). The answer lives only in memory (accounts::SessionPasswords).

#include <QDialog>

class QLineEdit;

namespace herald::ui {

class PasswordDialog : public QDialog
{
    Q_OBJECT
public:
    PasswordDialog(const QString &accountName, const QString &email, QWidget *parent = nullptr);
    QString password() const;
    QLineEdit *passwordEdit() const { return m_password; }

private:
    QLineEdit *m_password = nullptr;
};

} // namespace herald::ui
