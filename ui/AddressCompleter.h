#pragma once
// Completion for a To/Cc/Bcc field that holds several addresses separated by commas: the part
// after the last comma is completed from the addresses of the cache (most used first, see
// store::AddressBook), matching anywhere in the name or address; choosing one keeps what comes
// before and adds ", " for the next.

#include <QCompleter>

class QLineEdit;
class QStringListModel;

namespace herald::ui {

class AddressCompleter : public QCompleter
{
    Q_OBJECT
public:
    // `model`: "Name <address>" strings, most used first (shared by the fields of a window).
    AddressCompleter(QStringListModel *model, QLineEdit *edit);

    QStringList splitPath(const QString &path) const override;
    QString pathFromIndex(const QModelIndex &index) const override;

private:
    QLineEdit *m_edit;
};

} // namespace herald::ui
