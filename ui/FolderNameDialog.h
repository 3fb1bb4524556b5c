#pragma once
// Asks for a folder's name (New Folder…, Rename Folder…): says where the folder goes, takes the
// name, and says in words why a name cannot be used before anything is sent to the server
// (empty, the hierarchy delimiter inside it, a folder of that name already there). OK stays
// disabled until the name can be used. The server may still refuse (a folder another device
// made since the last sync): the window then shows the server's words.

#include <QDialog>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace herald::ui {

class FolderNameDialog : public QDialog
{
    Q_OBJECT
public:
    // parentPrefix: the parent's full name and the delimiter ("Projects/"), empty at the top of
    // the account. taken: the full names of the account's folders (a new name must not be one).
    FolderNameDialog(const QString &title, const QString &where, const QString &parentPrefix,
                     const QString &delimiter, const QStringList &taken,
                     const QString &currentName = QString(), QWidget *parent = nullptr);

    // The name typed, trimmed ("2025"), and the full name on the server ("Projects/2025").
    QString name() const;
    QString fullName() const;
    // Why the name cannot be used, or empty.
    QString problem() const;

    QLineEdit *nameEdit() const { return m_name; }
    QLabel *problemLabel() const { return m_problem; }
    QPushButton *okButton() const;

private:
    void check();

    QString m_parentPrefix;
    QString m_delimiter;
    QStringList m_taken;
    QString m_current;
    QLineEdit *m_name = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace herald::ui
