#include "ui/FolderNameDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace herald::ui {

FolderNameDialog::FolderNameDialog(const QString &title, const QString &where,
                                   const QString &parentPrefix, const QString &delimiter,
                                   const QStringList &taken, const QString &currentName,
                                   QWidget *parent)
    : QDialog(parent), m_parentPrefix(parentPrefix), m_delimiter(delimiter), m_taken(taken),
      m_current(currentName)
{
    setObjectName(QStringLiteral("folderNameDialog"));
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    auto *whereLabel = new QLabel(where, this);
    whereLabel->setObjectName(QStringLiteral("folderLocation"));
    whereLabel->setWordWrap(true);
    layout->addWidget(whereLabel);

    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("folderName"));
    m_name->setText(currentName);
    m_name->selectAll();
    form->addRow(tr("Folder &name:"), m_name); // the label is the field's buddy: its name
    layout->addLayout(form);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("folderNameProblem"));
    m_problem->setWordWrap(true);
    m_problem->setMinimumWidth(360);
    layout->addWidget(m_problem);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setText(title.endsWith(QStringLiteral("…")) ? title.chopped(1) : title);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &FolderNameDialog::check);
    check();
}

QString FolderNameDialog::name() const
{
    return m_name->text().trimmed();
}

QString FolderNameDialog::fullName() const
{
    return m_parentPrefix + name();
}

QPushButton *FolderNameDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QString FolderNameDialog::problem() const
{
    const QString n = name();
    if (n.isEmpty())
        return tr("Type a name for the folder.");
    if (!m_delimiter.isEmpty() && n.contains(m_delimiter))
        return tr("A folder name cannot contain “%1”: the server uses it between a folder and "
                  "its subfolders. Make the outer folder first, then this one inside it.")
            .arg(m_delimiter);
    if (n == m_current)
        return tr("Type the new name.");
    const QString full = fullName();
    for (const QString &t : m_taken)
        if (t == full || (full.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0 &&
                          t.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0))
            return tr("There is already a folder named “%1” here.").arg(n);
    return QString();
}

void FolderNameDialog::check()
{
    const QString p = problem();
    m_problem->setText(p);
    okButton()->setEnabled(p.isEmpty());
}

} // namespace herald::ui
