#pragma once
// The search box of the main window's toolbar: the query field and the "All folders" toggle
// beside it. Esc clears the field (escapePressed); Down or Enter goes to the results
// (toResults). What the query means and where it runs is SearchController's business.

#include <QWidget>

class QLineEdit;
class QToolButton;

namespace herald::ui {

class SearchBox : public QWidget
{
    Q_OBJECT
public:
    explicit SearchBox(QWidget *parent = nullptr);

    QLineEdit *field() const { return m_field; }
    QToolButton *allFoldersButton() const { return m_allFolders; }
    bool allFolders() const;
    void setAllFolders(bool all);
    // Empties the field without reporting it as an edit.
    void clearQuietly();

signals:
    void queryChanged(const QString &text);
    void allFoldersChanged(bool all);
    void escapePressed();
    void toResults();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLineEdit *m_field = nullptr;
    QToolButton *m_allFolders = nullptr;
};

} // namespace herald::ui
