#pragma once
// The compose window's attachments: a list with each file's name and size, "Attach Files…" to
// add, "Remove" (or the Del key) to take the selected ones out, and files dropped on it added.
// Files are read when the message is built; data already in memory (a draft opened again, an
// inline forward) is kept as it is.

#include "core/mime/MessageBuilder.h"

#include <QWidget>
#include <vector>

class QListWidget;
class QMimeData;
class QPushButton;

namespace herald::ui {

class AttachmentList : public QWidget
{
    Q_OBJECT
public:
    explicit AttachmentList(QWidget *parent = nullptr);

    // Adds local files; returns the paths that are not readable files (not added).
    QStringList addFiles(const QStringList &paths);
    void addFile(const mime::Draft::File &file);
    void setFiles(const std::vector<mime::Draft::File> &files);
    const std::vector<mime::Draft::File> &files() const { return m_files; }
    // Removes the selected attachments.
    void removeSelected();
    // Local file paths in a drag (file URLs only).
    static QStringList localFiles(const QMimeData *data);

    QListWidget *listWidget() const { return m_list; }
    QPushButton *attachButton() const { return m_attach; }
    QPushButton *removeButton() const { return m_remove; }

signals:
    void changed();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void chooseFiles();
    void refresh();

    std::vector<mime::Draft::File> m_files;
    QListWidget *m_list = nullptr;
    QPushButton *m_attach = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace herald::ui
