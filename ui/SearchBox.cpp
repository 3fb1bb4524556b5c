#include "ui/SearchBox.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QToolButton>

namespace herald::ui {

SearchBox::SearchBox(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("searchBar"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(4);

    m_field = new QLineEdit(this);
    m_field->setObjectName(QStringLiteral("searchBox"));
    m_field->setAccessibleName(tr("Search messages"));
    m_field->setPlaceholderText(tr("Search (Ctrl+K)"));
    m_field->setToolTip(
        tr("Words match the start of words; \"quoted words\" match as a phrase.\n"
           "from:  to:  subject:  has:attachment  is:unread  is:read  is:flagged\n"
           "before:YYYY-MM-DD  after:YYYY-MM-DD  verdict:fail  verdict:pass  folder:NAME\n"
           "Esc clears the search and goes back to the folder."));
    m_field->setClearButtonEnabled(true);
    // Qt's clear button is a tool button of its own, unnamed unless named here.
    for (QToolButton *clear : m_field->findChildren<QToolButton *>())
        clear->setAccessibleName(tr("Clear search"));
    m_field->setMinimumWidth(300);
    m_field->setMaximumWidth(480);
    m_field->installEventFilter(this);
    layout->addWidget(m_field, 2);
    connect(m_field, &QLineEdit::textChanged, this, &SearchBox::queryChanged);
    connect(m_field, &QLineEdit::returnPressed, this, &SearchBox::toResults);

    m_allFolders = new QToolButton(this);
    m_allFolders->setObjectName(QStringLiteral("searchAllFolders"));
    m_allFolders->setText(tr("All folders"));
    m_allFolders->setCheckable(true);
    m_allFolders->setAccessibleName(tr("Search all folders of all accounts"));
    m_allFolders->setToolTip(tr("Search every folder of every account, not just this folder"));
    layout->addWidget(m_allFolders);
    connect(m_allFolders, &QToolButton::toggled, this, &SearchBox::allFoldersChanged);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->setAccessibleName(tr("Search results"));
    m_status->setContentsMargins(8, 0, 0, 0);
    // The rest of the row, however long the words: elided by the row, full in the tooltip.
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    layout->addWidget(m_status, 1);
}

bool SearchBox::allFolders() const
{
    return m_allFolders->isChecked();
}

void SearchBox::setAllFolders(bool all)
{
    m_allFolders->setChecked(all);
}

void SearchBox::clearQuietly()
{
    const QSignalBlocker block(m_field);
    m_field->clear();
}

bool SearchBox::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape) {
            emit escapePressed();
            return true;
        }
        if (key->key() == Qt::Key_Down) {
            emit toResults();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace herald::ui
