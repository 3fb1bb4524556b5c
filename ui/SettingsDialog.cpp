#include "ui/SettingsDialog.h"

#include "core/store/Store.h"
#include "ui/AccountSettingsPage.h"
#include "ui/LanguageSettingsPage.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace herald::ui {

SettingsDialog::SettingsDialog(store::Store &store, CacheWriter &writer, bool markReadOnOpen,
                               QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("settingsPages"));
    m_tabs->setAccessibleName(tr("Settings pages"));

    m_accounts = new AccountSettingsPage(store, writer, m_tabs);
    m_tabs->addTab(m_accounts, tr("&Accounts"));
    connect(m_accounts, &AccountSettingsPage::addAccountRequested, this,
            &SettingsDialog::addAccountRequested);
    connect(m_accounts, &AccountSettingsPage::accountsChanged, this,
            &SettingsDialog::accountsChanged);

    auto *reading = new QWidget(m_tabs);
    reading->setObjectName(QStringLiteral("readingPage"));
    m_markRead = new QCheckBox(tr("&Mark messages read when opened"), reading);
    m_markRead->setObjectName(QStringLiteral("markReadOnOpen"));
    m_markRead->setChecked(markReadOnOpen);
    auto *hint = new QLabel(tr("When off, a message stays unread until you mark it (M)."), reading);
    hint->setWordWrap(true);
    auto *readingLayout = new QVBoxLayout(reading);
    readingLayout->addWidget(m_markRead);
    readingLayout->addWidget(hint);
    readingLayout->addStretch();
    m_tabs->addTab(reading, tr("&Reading"));
    m_tabs->addTab(new LanguageSettingsPage(store.profileDir(), m_tabs), tr("&Language"));
    connect(m_markRead, &QCheckBox::toggled, this, &SettingsDialog::markReadOnOpenChanged);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeSettings"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    resize(620, 420);
}

} // namespace herald::ui
