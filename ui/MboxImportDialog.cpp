#include "ui/MboxImportDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace herald::ui {

MboxImportDialog::MboxImportDialog(const QString &fileName, const QString &serverFolder,
                                   const QString &localName, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Import mbox"));
    setObjectName(QStringLiteral("mboxImportDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Import the messages of “%1”:").arg(fileName), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_local = new QRadioButton(tr("Into a folder on &this computer:"), this);
    m_local->setObjectName(QStringLiteral("importLocal"));
    m_local->setChecked(true);
    layout->addWidget(m_local);
    m_name = new QLineEdit(localName, this);
    m_name->setObjectName(QStringLiteral("importFolderName"));
    m_name->setAccessibleName(tr("Name of the folder on this computer"));
    m_name->setToolTip(tr("An existing folder keeps its messages and gets only those it does "
                          "not have."));
    layout->addWidget(m_name);

    if (!serverFolder.isEmpty()) {
        m_server = new QRadioButton(tr("Into “%1” on the &server").arg(serverFolder), this);
        m_server->setObjectName(QStringLiteral("importServer"));
        layout->addWidget(m_server);
        auto *note = new QLabel(tr("The messages show in the folder at once and are uploaded "
                                   "to the server by the next sync. Messages the folder has "
                                   "already are not added again."),
                                this);
        note->setWordWrap(true);
        note->setIndent(24);
        layout->addWidget(note);
        connect(m_server, &QRadioButton::toggled, this, &MboxImportDialog::update);
    }

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    okButton()->setText(tr("&Import"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_local, &QRadioButton::toggled, this, &MboxImportDialog::update);
    connect(m_name, &QLineEdit::textChanged, this, &MboxImportDialog::update);
    update();
}

bool MboxImportDialog::intoServerFolder() const
{
    return m_server && m_server->isChecked();
}

QString MboxImportDialog::localName() const
{
    return m_name->text().trimmed();
}

QPushButton *MboxImportDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void MboxImportDialog::update()
{
    m_name->setEnabled(!intoServerFolder());
    okButton()->setEnabled(intoServerFolder() || !localName().isEmpty());
}

} // namespace herald::ui
