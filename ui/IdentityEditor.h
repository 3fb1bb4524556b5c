#pragma once
// The identities of one account in the settings: the addresses it sends from, each with its
// signature (core/accounts/Identity.h). The account's own address is always first and cannot
// be removed; its entry only carries a signature and display name.

#include "core/accounts/Identity.h"

#include <QDialog>
#include <QWidget>
#include <vector>

class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace herald::ui {

// Add or edit one identity.
class IdentityDialog : public QDialog
{
    Q_OBJECT
public:
    // `fixedEmail`: the account's own address, whose email cannot change.
    IdentityDialog(const accounts::Identity &identity, bool fixedEmail, QWidget *parent = nullptr);
    accounts::Identity identity() const;
    void accept() override; // refuses an address without '@'

private:
    QLineEdit *m_email = nullptr;
    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_signature = nullptr;
};

class IdentityEditor : public QWidget
{
    Q_OBJECT
public:
    IdentityEditor(const QString &accountEmail, QWidget *parent = nullptr);
    // Every identity, the account's own first (accounts::identities()).
    void setIdentities(const std::vector<accounts::Identity> &all);
    const std::vector<accounts::Identity> &identities() const { return m_identities; }

    // For tests: the dialogs open window-modal without blocking.
    IdentityDialog *addIdentity();
    IdentityDialog *editIdentity(int row);
    void removeIdentity(int row);
    QListWidget *list() const { return m_list; }

private:
    void refresh();
    void updateButtons();

    QString m_accountEmail;
    std::vector<accounts::Identity> m_identities;
    QListWidget *m_list = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace herald::ui
