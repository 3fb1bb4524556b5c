#include "ui/MessageFileActions.h"

#include "core/store/Store.h"
#include "core/sync/MboxTransfer.h"
#include "ui/FolderTreeModel.h"
#include "ui/MainWindow.h"
#include "ui/MboxImportDialog.h"
#include "ui/MessageView.h"
#include "ui/MessageWindow.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStatusBar>
#include <QThread>
#include <QTreeView>

namespace herald::ui {

MessageFileActions::MessageFileActions(store::Store &store, MainWindow &window)
    : QObject(&window), m_store(store), m_window(window)
{
    m_open = new QAction(tr("&Open Message…"), this);
    m_open->setObjectName(QStringLiteral("openMessage"));
    m_open->setShortcut(QKeySequence::Open);
    connect(m_open, &QAction::triggered, this, &MessageFileActions::chooseAndOpen);
    m_saveAs = new QAction(tr("Sa&ve As…"), this);
    m_saveAs->setObjectName(QStringLiteral("saveMessageAs"));
    m_saveAs->setShortcut(QKeySequence::Save);
    connect(m_saveAs, &QAction::triggered, this, &MessageFileActions::chooseAndSave);
    m_import = new QAction(tr("&Import mbox…"), this);
    m_import->setObjectName(QStringLiteral("importMbox"));
    connect(m_import, &QAction::triggered, this, &MessageFileActions::chooseAndImport);
    m_export = new QAction(tr("E&xport to mbox…"), this);
    m_export->setObjectName(QStringLiteral("exportMbox"));
    connect(m_export, &QAction::triggered, this, &MessageFileActions::chooseAndExport);
    window.addActions({m_open, m_saveAs});
}

MessageFileActions::~MessageFileActions()
{
    if (m_thread) {
        m_cancel->store(true); // the transfer stops after its current message
        m_thread->wait();
    }
}

void MessageFileActions::addToMenu(QMenu *menu, QAction *before)
{
    menu->insertActions(before, {m_open, m_saveAs});
    menu->insertSeparator(before);
    menu->insertActions(before, {m_import, m_export});
    menu->insertSeparator(before);
    connect(menu, &QMenu::aboutToShow, this, &MessageFileActions::updateEnabled);
}

void MessageFileActions::updateEnabled()
{
    // (Save As stays enabled: its shortcut must work whatever the menu saw last; with no
    // message shown it does nothing.)
    m_export->setEnabled(selectedFolderId() != 0 && !m_thread);
    m_import->setEnabled(!m_store.accounts().list().empty() && !m_thread);
}

qint64 MessageFileActions::selectedFolderId() const
{
    return m_window.folderView()->currentIndex().data(FolderTreeModel::FolderIdRole).toLongLong();
}

qint64 MessageFileActions::selectedAccountId() const
{
    const qint64 id =
        m_window.folderView()->currentIndex().data(FolderTreeModel::AccountIdRole).toLongLong();
    if (id)
        return id;
    const auto accounts = m_store.accounts().list();
    return accounts.empty() ? 0 : accounts.front().id;
}

// ---- one message -------------------------------------------------------------------------

MessageWindow *MessageFileActions::openMessageFile(const QString &path)
{
    auto *w = new MessageWindow(&m_window);
    QString error;
    if (!w->openFile(path, &error)) {
        delete w;
        QMessageBox::warning(&m_window, tr("Open Message"), error);
        return nullptr;
    }
    w->show();
    w->raise();
    w->activateWindow();
    return w;
}

void MessageFileActions::chooseAndOpen()
{
    const QString path = QFileDialog::getOpenFileName(&m_window, tr("Open Message"), QString(),
                                                      tr("Messages (*.eml);;All files (*)"));
    if (!path.isEmpty())
        openMessageFile(path);
}

bool MessageFileActions::saveMessage(qint64 messageId, const QString &path, QString *error)
{
    const std::optional<QByteArray> raw = m_store.bodies().get(messageId);
    if (!raw) {
        *error = tr("This message has not been downloaded yet. Herald downloads it while it is "
                    "shown when the account is online; save it once its text is shown.");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*raw) != raw->size() || !file.commit()) {
        *error = tr("%1 could not be written: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void MessageFileActions::chooseAndSave()
{
    MessageView *view = m_window.messageView();
    if (!view->messageId())
        return;
    QString name = view->subjectText().left(60);
    name.replace(QRegularExpression(QStringLiteral("[/\\\\:*?\"<>|\\x00-\\x1f]")),
                 QStringLiteral("_"));
    const QString path = QFileDialog::getSaveFileName(
        &m_window, tr("Save Message"),
        (name.trimmed().isEmpty() ? tr("message") : name.trimmed()) + QStringLiteral(".eml"),
        tr("Messages (*.eml)"));
    if (path.isEmpty())
        return;
    QString error;
    if (saveMessage(view->messageId(), path, &error))
        m_window.statusBar()->showMessage(tr("Saved to %1").arg(path), 5000);
    else
        QMessageBox::warning(&m_window, tr("Save Message"), error);
}

// ---- mbox ----------------------------------------------------------------------------------

void MessageFileActions::chooseAndImport()
{
    const qint64 accountId = selectedAccountId();
    if (!accountId)
        return;
    const QString path =
        !m_importPath.isEmpty()
            ? m_importPath
            : QFileDialog::getOpenFileName(&m_window, tr("Import mbox"), QString(),
                                           tr("mbox files (*.mbox *.mbx);;All files (*)"));
    if (path.isEmpty())
        return;
    // The selected folder is offered when the messages can be uploaded into it.
    const qint64 folderId = selectedFolderId();
    const auto folder = folderId ? m_store.folders().byId(folderId) : std::nullopt;
    const bool offerServer = folder && sync::importUploads(m_store, *folder);
    MboxImportDialog dialog(QFileInfo(path).fileName(), offerServer ? folder->name : QString(),
                            QFileInfo(path).completeBaseName(), &m_window);
    if (m_answerImport)
        QMetaObject::invokeMethod(
            &dialog, [this, &dialog] { m_answerImport(dialog); }, Qt::QueuedConnection);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.intoServerFolder())
        importMboxToServer(path, folderId);
    else
        importMbox(path, accountId, dialog.localName());
}

void MessageFileActions::chooseAndExport()
{
    const qint64 folderId = selectedFolderId();
    const auto folder = folderId ? m_store.folders().byId(folderId) : std::nullopt;
    if (!folder)
        return;
    QString suggested = folder->name;
    suggested.replace(QLatin1Char('/'), QLatin1Char('-'));
    const QString path = QFileDialog::getSaveFileName(&m_window, tr("Export to mbox"),
                                                      suggested + QStringLiteral(".mbox"),
                                                      tr("mbox files (*.mbox)"));
    if (!path.isEmpty())
        exportMbox(folderId, path);
}

bool MessageFileActions::importMbox(const QString &path, qint64 accountId,
                                    const QString &folderName)
{
    return startImport(path, folderName, [accountId, folderName](store::Store &store) {
        return sync::localImportFolder(store, accountId, folderName);
    });
}

bool MessageFileActions::importMboxToServer(const QString &path, qint64 folderId)
{
    const auto folder = m_store.folders().byId(folderId);
    if (!folder)
        return false;
    return startImport(path, folder->name, [folderId](store::Store &) { return folderId; });
}

bool MessageFileActions::startImport(const QString &path, const QString &folderName,
                                     std::function<qint64(store::Store &)> folderFor)
{
    return startTransfer(
        tr("Importing %1…").arg(QFileInfo(path).fileName()),
        [path, folderName, folderFor](store::Store &store, const std::atomic<bool> &cancel,
                                      MessageFileActions *self) {
            qint64 folderId = 0;
            try {
                folderId = folderFor(store);
            } catch (const std::exception &e) {
                const QString why = QString::fromUtf8(e.what());
                QMetaObject::invokeMethod(self, [self, why] {
                    self->onFinished(false, tr("Nothing was imported: %1.").arg(why), 0);
                });
                return;
            }
            const sync::MboxImportResult r =
                sync::importMbox(store, path, folderId, [self, &cancel](qint64 done, qint64 total) {
                    self->onProgressFromWorker(done, total);
                    return !cancel.load();
                });
            const QString summary = importSummary(r, folderName.trimmed());
            const bool ok = r.error.isEmpty();
            QMetaObject::invokeMethod(
                self, [self, ok, summary, folderId] { self->onFinished(ok, summary, folderId); });
        });
}

QString MessageFileActions::importSummary(const sync::MboxImportResult &r, const QString &folder)
{
    QString summary = (r.added == 1 ? tr("Imported 1 message into “%1”.")
                                    : tr("Imported %n messages into “%1”.", nullptr, r.added))
                          .arg(folder);
    if (r.alreadyThere)
        summary += QLatin1Char(' ') + (r.alreadyThere == 1 ? tr("1 message was there already.")
                                                           : tr("%n messages were there already.",
                                                                nullptr, r.alreadyThere));
    if (r.toUpload)
        summary += QLatin1Char(' ') + tr("They are uploaded to the server by the next sync.");
    if (r.cancelled)
        summary += QLatin1Char(' ') + tr("Stopped before the end of the file: importing it "
                                         "again adds the rest.");
    if (!r.error.isEmpty())
        summary += QLatin1Char(' ') + tr("The file could not be read to its end: %1.").arg(r.error);
    return summary;
}

bool MessageFileActions::exportMbox(qint64 folderId, const QString &path)
{
    return startTransfer(
        tr("Exporting to %1…").arg(QFileInfo(path).fileName()),
        [path, folderId](store::Store &store, const std::atomic<bool> &cancel,
                         MessageFileActions *self) {
            const sync::MboxExportResult r =
                sync::exportMbox(store, folderId, path, [self, &cancel](qint64 done, qint64 total) {
                    self->onProgressFromWorker(done, total);
                    return !cancel.load();
                });
            QString summary;
            if (r.cancelled)
                summary = tr("Export stopped: no file was written.");
            else if (!r.error.isEmpty())
                summary = tr("The export failed: %1.").arg(r.error);
            else
                summary = (r.written == 1 ? tr("Exported 1 message to %1.")
                                          : tr("Exported %n messages to %1.", nullptr, r.written))
                              .arg(path);
            if (r.withoutBody && !r.cancelled && r.error.isEmpty())
                summary += QLatin1Char(' ') +
                           (r.withoutBody == 1
                                ? tr("1 message was left out: not downloaded yet. Download it "
                                     "(Sync Now while online) and export again.")
                                : tr("%n messages were left out: not downloaded yet. Download "
                                     "them (Sync Now while online) and export again.",
                                     nullptr, r.withoutBody));
            const bool ok = !r.cancelled && r.error.isEmpty();
            QMetaObject::invokeMethod(
                self, [self, ok, summary, folderId] { self->onFinished(ok, summary, folderId); });
        });
}

bool MessageFileActions::startTransfer(const QString &label, Work work)
{
    if (m_thread) {
        QMessageBox::information(&m_window, tr("Herald"),
                                 tr("An import or export is running; wait for it to finish."));
        return false;
    }
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_lastPermille = -1;
    m_progress = new QProgressDialog(label, tr("Cancel"), 0, 1000, &m_window);
    m_progress->setObjectName(QStringLiteral("mboxProgress"));
    m_progress->setWindowTitle(tr("Herald"));
    m_progress->setAccessibleName(label);
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setValue(0);
    const auto cancel = m_cancel;
    connect(m_progress, &QProgressDialog::canceled, this, [cancel] { cancel->store(true); });

    const QString profileDir = m_store.profileDir();
    m_thread = QThread::create([profileDir, work, cancel, this] {
        try {
            store::Store store(profileDir); // one connection per thread
            work(store, *cancel, this);
        } catch (const std::exception &e) {
            const QString why = QString::fromUtf8(e.what());
            QMetaObject::invokeMethod(this, [this, why] {
                onFinished(false, tr("The cache could not be used: %1").arg(why), 0);
            });
        }
    });
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->start();
    return true;
}

void MessageFileActions::onProgressFromWorker(qint64 done, qint64 total)
{
    const int permille = total > 0 ? int(done * 1000 / total) : 0;
    if (permille == m_lastPermille.exchange(permille))
        return; // a thousand updates at most, whatever the size
    QMetaObject::invokeMethod(this, [this, permille] {
        if (m_progress)
            m_progress->setValue(permille);
    });
}

void MessageFileActions::onFinished(bool ok, const QString &summary, qint64 folderId)
{
    if (m_progress) {
        m_progress->close();
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    if (m_thread) {
        m_thread->wait(); // it has nothing left to do but return
        m_thread = nullptr;
    }
    m_window.reloadFromCache();
    m_window.statusBar()->showMessage(summary, 15000);
    if (!ok) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Herald"), summary, QMessageBox::Ok,
                                    &m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    emit transferFinished(ok, summary, folderId);
}

} // namespace herald::ui
