#include "ui/AddressCompleter.h"

#include <QLineEdit>
#include <QStringListModel>

namespace herald::ui {

namespace {
// The text before the address being typed, with its separator: "a@x.org, " for "a@x.org, bo".
QString headOf(const QString &text)
{
    const qsizetype cut =
        std::max(text.lastIndexOf(QLatin1Char(',')), text.lastIndexOf(QLatin1Char(';')));
    return cut < 0 ? QString() : text.left(cut + 1) + QLatin1Char(' ');
}
} // namespace

AddressCompleter::AddressCompleter(QStringListModel *model, QLineEdit *edit)
    : QCompleter(model, edit), m_edit(edit)
{
    setCaseSensitivity(Qt::CaseInsensitive);
    setFilterMode(Qt::MatchContains); // "bob" finds "Robert <bob@…>"; the model keeps the order
    setCompletionMode(QCompleter::PopupCompletion);
    setMaxVisibleItems(10);
    // The line edit sets its text to pathFromIndex() of the choice: the addresses before it stay.
    edit->setCompleter(this);
}

QStringList AddressCompleter::splitPath(const QString &path) const
{
    const QString head = headOf(path);
    return {path.mid(head.size() - (head.isEmpty() ? 0 : 1)).trimmed()};
}

QString AddressCompleter::pathFromIndex(const QModelIndex &index) const
{
    const QString head = headOf(m_edit->text());
    return head.trimmed().isEmpty() ? index.data().toString() + QStringLiteral(", ")
                                    : head + index.data().toString() + QStringLiteral(", ");
}

} // namespace herald::ui
