#pragma once
// Settings of one account: its name, identities and signatures, which bodies sync keeps
// offline (IMAP), what stays on the server (POP3), the trusted authserv-id, a new password.
// OK saves through the cache writer (the account row re-read and updated there, so a pin
// added meanwhile is kept); the next pass uses the new settings.

#include "core/accounts/Identity.h"
#include "core/store/Records.h"

#include <QDialog>

class QCheckBox;
class QGroupBox;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace herald::ui {

class CacheWriter;
class IdentityEditor;

// What the dialog changes, applied to a freshly read account row.
struct AccountEdits
{
    QString displayName;
    std::vector<accounts::Identity> identities; // every identity, the account's own first
    bool downloadBodies = true;
    int bodyMaxAgeDays = 0;
    qint64 bodyMaxSize = 0;
    bool leaveOnServer = true;
    int deleteAfterDays = 0;
    bool deleteWhenDeleted = false;
    QString authservId;
    bool passwordNowInKeychain = false;

    void applyTo(store::Account &account) const;
};

class AccountEditDialog : public QDialog
{
    Q_OBJECT
public:
    AccountEditDialog(const store::Account &account, CacheWriter &writer,
                      QWidget *parent = nullptr);
    AccountEdits edits() const;
    IdentityEditor *identityEditor() const { return m_identities; }
    bool isPop3() const { return m_pop3; }
    void accept() override;

signals:
    // After the writer stored the settings; error empty on success.
    void saved(const QString &error);

private:
    void updateBodyFields();

    store::Account m_account;
    CacheWriter &m_writer;
    bool m_pop3 = false;
    QLineEdit *m_displayName = nullptr;
    IdentityEditor *m_identities = nullptr;
    QRadioButton *m_bodiesAll = nullptr;
    QRadioButton *m_bodiesSome = nullptr;
    QRadioButton *m_bodiesNone = nullptr;
    QSpinBox *m_bodyDays = nullptr;
    QSpinBox *m_bodySizeMb = nullptr;
    QCheckBox *m_leaveOnServer = nullptr;
    QSpinBox *m_deleteAfterDays = nullptr;
    QCheckBox *m_deleteWhenDeleted = nullptr;
    QLineEdit *m_authservId = nullptr;
    QLineEdit *m_password = nullptr;
};

} // namespace herald::ui
