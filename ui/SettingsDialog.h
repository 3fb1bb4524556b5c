#pragma once
// Edit > Settings…: Accounts (AccountSettingsPage), Reading (mark messages read when
// opened) and Language (LanguageSettingsPage). Account changes are saved when their own dialog's OK
// is pressed; the reading option applies at once.

#include <QDialog>

class QCheckBox;
class QTabWidget;

namespace herald::store {
class Store;
}

namespace herald::ui {

class AccountSettingsPage;
class CacheWriter;

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(store::Store &store, CacheWriter &writer, bool markReadOnOpen,
                   QWidget *parent = nullptr);

    AccountSettingsPage *accountsPage() const { return m_accounts; }
    QTabWidget *pages() const { return m_tabs; }
    QCheckBox *markReadOnOpenBox() const { return m_markRead; }

signals:
    void addAccountRequested();
    void accountsChanged();
    void markReadOnOpenChanged(bool on);

private:
    QTabWidget *m_tabs = nullptr;
    AccountSettingsPage *m_accounts = nullptr;
    QCheckBox *m_markRead = nullptr;
};

} // namespace herald::ui
