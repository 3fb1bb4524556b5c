#pragma once
// Where File > Import mbox… puts the messages: into a folder on this computer (new or
// existing, named here; the default, as an mbox is usually an archive), or — offered when the
// selected folder is a server folder of an IMAP account — into that server folder, where they
// are cached at once and uploaded by the next sync (core/sync/MboxTransfer.h). OK stays
// disabled while the local choice has no name.

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace herald::ui {

class MboxImportDialog : public QDialog
{
    Q_OBJECT
public:
    // serverFolder: the selected server folder's name, empty when there is none to offer.
    MboxImportDialog(const QString &fileName, const QString &serverFolder, const QString &localName,
                     QWidget *parent = nullptr);

    bool intoServerFolder() const;
    QString localName() const; // trimmed

    QRadioButton *localChoice() const { return m_local; }
    QRadioButton *serverChoice() const { return m_server; } // nullptr when not offered
    QLineEdit *nameEdit() const { return m_name; }
    QPushButton *okButton() const;

private:
    void update();

    QRadioButton *m_local = nullptr;
    QRadioButton *m_server = nullptr;
    QLineEdit *m_name = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace herald::ui
