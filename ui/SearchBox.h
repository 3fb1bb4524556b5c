#pragma once
// The main window's search row: the query field, the "All folders" toggle beside it and the
// words saying what was found. Esc clears the field (escapePressed); Down or Enter goes to the
// results (toResults). What the query means and where it runs is SearchController's business.

#include <QWidget>

class QLabel;
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
    // What was found, said by SearchController (empty while not searching).
    QLabel *statusLabel() const { return m_status; }
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
    QLabel *m_status = nullptr;
};

} // namespace herald::ui
