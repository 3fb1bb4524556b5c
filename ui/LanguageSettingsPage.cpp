#include "ui/LanguageSettingsPage.h"

#include "ui/Language.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace herald::ui {

LanguageSettingsPage::LanguageSettingsPage(const QString &profileDir, QWidget *parent)
    : QWidget(parent), m_profileDir(profileDir), m_running(language::saved(profileDir))
{
    setObjectName(QStringLiteral("languagePage"));
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("language"));
    for (const language::Choice &c : language::choices())
        m_language->addItem(c.name, c.code);
    m_language->setCurrentIndex(qMax(0, m_language->findData(m_running)));
    m_language->setAccessibleName(tr("Language"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    auto *hint = new QLabel(tr("Dates, numbers and sizes follow the language too. "
                               "“System default” uses the language of your desktop."),
                            this);
    hint->setWordWrap(true);
    m_restartHint = new QLabel(tr("Herald shows the new language when it is started again."), this);
    m_restartHint->setObjectName(QStringLiteral("languageRestartHint"));
    m_restartHint->setWordWrap(true);
    m_restartHint->setVisible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_restartHint);
    layout->addStretch();
    connect(m_language, &QComboBox::currentIndexChanged, this, &LanguageSettingsPage::onChosen);
}

void LanguageSettingsPage::onChosen(int index)
{
    const QString code = m_language->itemData(index).toString();
    language::save(m_profileDir, code);
    m_restartHint->setVisible(code != m_running);
}

} // namespace herald::ui
