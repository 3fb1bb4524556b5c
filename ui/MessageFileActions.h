#pragma once
// The File menu's message files: Open Message… (Ctrl+O, an .eml in a MessageWindow), Save As…
// (Ctrl+S, the selected message's bytes exactly as cached), Import mbox… (into a new or
// existing local folder of the selected folder's account, or into the selected server folder:
// MboxImportDialog asks; uploaded by the next sync) and Export to mbox… (the selected
// folder, local or server, from the cache). Import and export run on a thread of their own
// with their own Store (core/sync/MboxTransfer), behind a cancelable progress dialog.

#include <QObject>
#include <atomic>
#include <functional>
#include <memory>

class QAction;
class QMenu;
class QProgressDialog;
class QThread;

namespace herald::store {
class Store;
}
namespace herald::sync {
struct MboxImportResult;
}

namespace herald::ui {

class MainWindow;
class MboxImportDialog;
class MessageWindow;

class MessageFileActions : public QObject
{
    Q_OBJECT
public:
    MessageFileActions(store::Store &store, MainWindow &window);
    ~MessageFileActions() override; // stops a running transfer and waits for it

    // Puts the four actions into `menu` before `before` (nullptr: at the end).
    void addToMenu(QMenu *menu, QAction *before);

    QAction *openAction() const { return m_open; }
    QAction *saveAsAction() const { return m_saveAs; }
    QAction *importAction() const { return m_import; }
    QAction *exportAction() const { return m_export; }

    // What the actions do once their dialogs have answered (tests call them directly).
    MessageWindow *openMessageFile(const QString &path);
    bool saveMessage(qint64 messageId, const QString &path, QString *error);
    // Into the local folder `folderName` of the account (made when there is none).
    bool importMbox(const QString &path, qint64 accountId, const QString &folderName);
    // Into the server folder `folderId`: cached at once, uploaded by the next sync.
    bool importMboxToServer(const QString &path, qint64 folderId);
    // Tests: answers the import dialog once it is shown (the file dialog is skipped for
    // `path`, when set).
    void setImportAnswer(std::function<void(MboxImportDialog &)> answer,
                         const QString &path = QString())
    {
        m_answerImport = std::move(answer);
        m_importPath = path;
    }
    bool exportMbox(qint64 folderId, const QString &path);
    bool isBusy() const { return m_thread != nullptr; }
    QProgressDialog *progressDialog() const { return m_progress; }

signals:
    // An import or export ended: what it did in words; `folderId` is the import's folder.
    void transferFinished(bool ok, const QString &summary, qint64 folderId);

private:
    void chooseAndOpen();
    void chooseAndSave();
    void chooseAndImport();
    void chooseAndExport();
    void updateEnabled();
    qint64 selectedFolderId() const;
    qint64 selectedAccountId() const;
    // Runs `work` (given its own Store and the cancel flag) on the transfer thread.
    using Work = std::function<void(store::Store &, const std::atomic<bool> &cancel,
                                    MessageFileActions *self)>;
    bool startTransfer(const QString &label, Work work);
    bool startImport(const QString &path, const QString &folderName,
                     std::function<qint64(store::Store &)> folderFor);
    static QString importSummary(const sync::MboxImportResult &r, const QString &folder);
    // From the transfer thread: at most one update per permille reaches the dialog.
    void onProgressFromWorker(qint64 done, qint64 total);
    void onFinished(bool ok, const QString &summary, qint64 folderId);

    store::Store &m_store;
    MainWindow &m_window;
    QAction *m_open = nullptr;
    QAction *m_saveAs = nullptr;
    QAction *m_import = nullptr;
    QAction *m_export = nullptr;
    QThread *m_thread = nullptr;
    QProgressDialog *m_progress = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::atomic<int> m_lastPermille{-1};
    std::function<void(MboxImportDialog &)> m_answerImport;
    QString m_importPath;
};

} // namespace herald::ui
