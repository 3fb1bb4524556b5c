#pragma once
// Settings > Accounts: the profile's accounts with Add (the set-up wizard, through
// addAccountRequested()), Edit (AccountEditDialog) and Remove (says what is deleted and asks;
// core/accounts/AccountRemoval through the cache writer).

#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;
class QMessageBox;
class QPushButton;

namespace herald::store {
class Store;
}

namespace herald::ui {

class AccountEditDialog;
class CacheWriter;

class AccountSettingsPage : public QWidget
{
    Q_OBJECT
public:
    AccountSettingsPage(store::Store &store, CacheWriter &writer, QWidget *parent = nullptr);

    // Re-reads the accounts (after the wizard added one).
    void reload();
    QListWidget *list() const { return m_list; }
    // The dialogs open window-modal without blocking and are returned for tests.
    AccountEditDialog *editAccount(int row);
    QMessageBox *removeAccount(int row);
    QString statusText() const;

signals:
    void addAccountRequested();
    // An account was saved or removed (the window reloads its folders).
    void accountsChanged();

private:
    qint64 accountIdAt(int row) const;
    void updateButtons();
    void report(const QString &text);

    store::Store &m_store;
    CacheWriter &m_writer;
    QListWidget *m_list = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_status = nullptr;
    QPointer<AccountEditDialog> m_editDialog;
};

} // namespace herald::ui
