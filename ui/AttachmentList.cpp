#include "ui/AttachmentList.h"

#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QListWidget>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>
#include <algorithm>

namespace herald::ui {

namespace {
QString displayName(const mime::Draft::File &f)
{
    return f.filename.isEmpty() ? QFileInfo(f.path).fileName() : f.filename;
}

qint64 sizeOf(const mime::Draft::File &f)
{
    return f.data.isEmpty() && !f.path.isEmpty() ? QFileInfo(f.path).size() : f.data.size();
}
} // namespace

AttachmentList::AttachmentList(QWidget *parent) : QWidget(parent)
{
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("attachments"));
    m_list->setAccessibleName(tr("Attachments"));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setFlow(QListView::LeftToRight);
    m_list->setWrapping(true);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setSpacing(2);
    m_list->setAcceptDrops(false); // drops go to this widget (files, not list items)
    m_list->installEventFilter(this);
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 4 + 12);

    m_attach =
        new QPushButton(style()->standardIcon(QStyle::SP_FileIcon), tr("&Attach Files…"), this);
    m_attach->setObjectName(QStringLiteral("attachButton"));
    m_remove = new QPushButton(tr("Re&move"), this);
    m_remove->setObjectName(QStringLiteral("removeAttachment"));
    m_remove->setToolTip(tr("Remove the selected attachments (Del)"));
    for (QPushButton *b : {m_attach, m_remove})
        b->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    connect(m_attach, &QPushButton::clicked, this, &AttachmentList::chooseFiles);
    connect(m_remove, &QPushButton::clicked, this, &AttachmentList::removeSelected);
    connect(m_list, &QListWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_list->selectedItems().isEmpty()); });

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_attach);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    layout->addStretch(0); // without attachments the button keeps its size, on the left
    setAcceptDrops(true);
    refresh();
}

QStringList AttachmentList::localFiles(const QMimeData *data)
{
    QStringList paths;
    if (!data || !data->hasUrls())
        return paths;
    for (const QUrl &url : data->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            paths << url.toLocalFile();
    return paths;
}

QStringList AttachmentList::addFiles(const QStringList &paths)
{
    QStringList refused;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.isFile() || !info.isReadable()) {
            refused << path;
            continue;
        }
        mime::Draft::File f;
        f.path = info.absoluteFilePath();
        f.filename = info.fileName();
        m_files.push_back(f);
    }
    refresh();
    if (refused.size() < paths.size())
        emit changed();
    return refused;
}

void AttachmentList::addFile(const mime::Draft::File &file)
{
    m_files.push_back(file);
    refresh();
    emit changed();
}

void AttachmentList::setFiles(const std::vector<mime::Draft::File> &files)
{
    m_files = files;
    refresh();
}

void AttachmentList::removeSelected()
{
    std::vector<int> rows;
    for (const QListWidgetItem *item : m_list->selectedItems())
        rows.push_back(m_list->row(item));
    if (rows.empty())
        return;
    std::sort(rows.rbegin(), rows.rend());
    for (const int row : rows)
        m_files.erase(m_files.begin() + row);
    refresh();
    if (m_list->count() > 0) {
        const int next = std::min(rows.back(), m_list->count() - 1);
        m_list->setCurrentRow(next);
    }
    emit changed();
}

void AttachmentList::refresh()
{
    m_list->clear();
    const QLocale locale;
    for (const mime::Draft::File &f : m_files) {
        const QString size = locale.formattedDataSize(sizeOf(f)); // as the message view shows them
        auto *item = new QListWidgetItem(style()->standardIcon(QStyle::SP_FileIcon),
                                         tr("%1 (%2)").arg(displayName(f), size), m_list);
        item->setToolTip(f.path.isEmpty() ? displayName(f) : f.path);
    }
    m_remove->setEnabled(!m_list->selectedItems().isEmpty());
    m_list->setVisible(!m_files.empty());
    m_remove->setVisible(!m_files.empty());
}

void AttachmentList::chooseFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Attach Files"));
    addFiles(paths);
}

void AttachmentList::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void AttachmentList::dropEvent(QDropEvent *event)
{
    const QStringList paths = localFiles(event->mimeData());
    if (paths.isEmpty())
        return;
    addFiles(paths);
    event->acceptProposedAction();
}

bool AttachmentList::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) {
            removeSelected();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace herald::ui
