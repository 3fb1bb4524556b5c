#include "ui/FolderActions.h"

#include "core/accounts/ServerUrl.h"
#include "core/engine/imap/FolderManager.h"
#include "core/store/Store.h"
#include "ui/CacheWriter.h"
#include "ui/FolderNameDialog.h"
#include "ui/FolderTreeModel.h"

#include <QAction>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTreeView>
#include <memory>

namespace herald::ui {

namespace {

// Enabled with its usual tip, or disabled with the reason (tooltip and status tip).
void setAvailable(QAction *action, const QString &reason, const QString &tip)
{
    action->setEnabled(reason.isEmpty());
    action->setToolTip(reason.isEmpty() ? tip : reason);
    action->setStatusTip(reason.isEmpty() ? tip : reason);
}

QStringList namesOf(const std::vector<store::Folder> &folders)
{
    QStringList names;
    for (const store::Folder &f : folders)
        names << f.name;
    return names;
}

// The delimiter between `folder` and its subfolders.
QString delimiterOf(const store::Folder &folder, const std::vector<store::Folder> &all)
{
    return folder.delimiter.isEmpty() ? imap::accountDelimiter(all) : folder.delimiter;
}

} // namespace

FolderActions::FolderActions(store::Store &store, QTreeView *tree, FolderTreeModel *model,
                             QMainWindow *window)
    : QObject(window), m_store(store), m_tree(tree), m_model(model), m_window(window)
{
    m_worker = new CacheWriter(store.profileDir(), this);

    m_new = new QAction(tr("&New Folder…"), this);
    m_new->setObjectName(QStringLiteral("newFolder"));
    connect(m_new, &QAction::triggered, this, [this] { newFolder(); });
    m_rename = new QAction(tr("&Rename Folder…"), this);
    m_rename->setObjectName(QStringLiteral("renameFolder"));
    // F2 renames what the folder tree shows selected, only while it has the focus.
    m_rename->setShortcut(QKeySequence(Qt::Key_F2));
    m_rename->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_rename, &QAction::triggered, this, [this] { renameFolder(); });
    m_delete = new QAction(tr("&Delete Folder…"), this);
    m_delete->setObjectName(QStringLiteral("deleteFolder"));
    connect(m_delete, &QAction::triggered, this, [this] { deleteFolder(); });
    m_tree->addAction(m_rename);

    m_contextMenu = new QMenu(tr("Folder"), m_tree);
    m_contextMenu->setObjectName(QStringLiteral("folderContextMenu"));
    m_contextMenu->setToolTipsVisible(true); // a disabled action says why
    m_contextMenu->addActions({m_new, m_rename, m_delete});
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_tree->indexAt(pos);
        if (index.isValid())
            m_tree->setCurrentIndex(index);
        updateActions();
        m_contextMenu->popup(m_tree->viewport()->mapToGlobal(pos));
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &FolderActions::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FolderActions::updateActions);
    updateActions();
}

FolderActions::~FolderActions() = default;

void FolderActions::addToMenu(QMenu *menu)
{
    menu->setToolTipsVisible(true);
    QAction *before = nullptr;
    for (QAction *a : menu->actions())
        if (a->isSeparator())
            before = a;
    menu->insertActions(before, {m_new, m_rename, m_delete});
    menu->insertSeparator(m_new);
}

qint64 FolderActions::selectedAccountId() const
{
    return m_tree->currentIndex().data(FolderTreeModel::AccountIdRole).toLongLong();
}

const store::Folder *FolderActions::selectedFolder() const
{
    return m_model->folder(m_tree->currentIndex());
}

void FolderActions::updateActions()
{
    const qint64 accountId = selectedAccountId();
    const store::Folder *folder = selectedFolder();
    QString noNew, noChange;
    if (m_busy) {
        noNew = noChange = tr("A folder change is being made on the server; wait for it.");
    } else if (!accountId) {
        noNew = noChange = tr("Select an account or a folder in the folder list first.");
    } else {
        const auto account = m_store.accounts().byId(accountId);
        const auto url = account ? accounts::ServerUrl::parse(account->incomingUrl) : std::nullopt;
        if (!url || url->protocol != accounts::Protocol::Imap)
            noNew = noChange = tr("A POP3 account has only the folders Herald keeps for it; "
                                  "folders of your own need an IMAP account.");
        else if (!folder)
            noChange = tr("Select a folder (not the account) to rename or delete it.");
        else
            noChange = imap::protectedFolderReason(*folder);
    }
    setAvailable(m_new, noNew,
                 tr("Make a new folder inside the selected one, or at the top of the account"));
    setAvailable(m_rename, noChange, tr("Rename the selected folder (F2)"));
    setAvailable(m_delete, noChange,
                 tr("Delete the selected folder and its messages, on the server too"));
}

FolderNameDialog *FolderActions::newFolder()
{
    updateActions();
    const auto account = m_store.accounts().byId(selectedAccountId());
    if (!m_new->isEnabled() || !account)
        return nullptr;
    const auto all = m_store.folders().list(account->id);
    const store::Folder *parent = selectedFolder();
    const QString delimiter = imap::accountDelimiter(all);
    QString prefix;
    QString where = tr("The new folder goes at the top of the account %1.").arg(account->name);
    // Inside the selected folder, when the server has a hierarchy (Herald's own local folders
    // are not on the server: a folder made there goes to the top).
    if (parent && !parent->isLocal && !delimiterOf(*parent, all).isEmpty()) {
        prefix = parent->name + delimiterOf(*parent, all);
        where = tr("The new folder goes inside “%1” of the account %2.")
                    .arg(parent->name, account->name);
    }
    auto *dialog = new FolderNameDialog(tr("New Folder…"), where, prefix, delimiter, namesOf(all),
                                        QString(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, account = *account] {
        const QString name = dialog->fullName();
        run(
            account, [name](imap::FolderManager &m) { return m.create(name); },
            {tr("Creating the folder “%1” on the server…").arg(name),
             tr("Could not create the folder “%1”").arg(name),
             tr("Folder “%1” created.").arg(name)},
            -1);
    });
    dialog->open();
    return dialog;
}

std::optional<FolderActions::Target> FolderActions::target(QAction *action)
{
    updateActions();
    const store::Folder *selected = selectedFolder();
    const auto account = m_store.accounts().byId(selectedAccountId());
    if (!action->isEnabled() || !selected || !account)
        return std::nullopt;
    return Target{*account, *selected};
}

FolderNameDialog *FolderActions::renameFolder()
{
    const auto t = target(m_rename);
    if (!t)
        return nullptr;
    const store::Folder &folder = t->folder;
    const store::Account &account = t->account;
    const auto all = m_store.folders().list(account.id);
    const QString delimiter = delimiterOf(folder, all);
    const int cut = delimiter.isEmpty() ? -1 : int(folder.name.lastIndexOf(delimiter));
    const QString prefix = cut < 0 ? QString() : folder.name.left(cut + delimiter.size());
    const int inside = int(imap::folderSubtree(all, folder).size()) - 1;
    QString where = tr("Rename the folder “%1” of the account %2.").arg(folder.name, account.name);
    if (inside > 0)
        where += QLatin1Char(' ') +
                 (inside == 1 ? tr("The folder inside it stays inside it.")
                              : tr("The %n folders inside it stay inside it.", nullptr, inside));
    auto *dialog = new FolderNameDialog(tr("Rename Folder…"), where, prefix, delimiter,
                                        namesOf(all), folder.name.mid(prefix.size()), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, account, folder] {
        const QString from = folder.name, to = dialog->fullName();
        run(
            account, [from, to](imap::FolderManager &m) { return m.rename(from, to); },
            {tr("Renaming the folder “%1” on the server…").arg(from),
             tr("Could not rename the folder “%1”").arg(from),
             tr("Folder “%1” renamed to “%2”.").arg(from, to)},
            -1);
    });
    dialog->open();
    return dialog;
}

QMessageBox *FolderActions::deleteFolder()
{
    const auto t = target(m_delete);
    if (!t)
        return nullptr;
    const store::Folder &folder = t->folder;
    const store::Account &account = t->account;
    const auto doomed = imap::folderSubtree(m_store.folders().list(account.id), folder);
    qint64 messages = 0;
    QList<qint64> ids;
    for (const store::Folder &f : doomed) {
        messages += f.total;
        ids << f.id;
    }
    const int inside = int(doomed.size()) - 1;
    const QString what = messages == 0   ? tr("no messages")
                         : messages == 1 ? tr("1 message")
                                         : tr("%Ln messages", nullptr, int(messages));
    const QString text =
        inside == 0 ? tr("Delete the folder “%1”? %2 will be deleted with it.")
                          .arg(folder.name, what.left(1).toUpper() + what.mid(1))
        : inside == 1
            ? tr("Delete the folder “%1” and the folder inside it? %2 will be deleted with them.")
                  .arg(folder.name, what.left(1).toUpper() + what.mid(1))
            : tr("Delete the folder “%1” and the %n folders inside it? %2 will be deleted with "
                 "them.",
                 nullptr, inside)
                  .arg(folder.name, what.left(1).toUpper() + what.mid(1));
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete Folder"), text,
                                QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("deleteFolderConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->setInformativeText(tr("The folder is deleted on the server, for every device and mail "
                               "program that uses this account. This cannot be undone."));
    QPushButton *yes = box->addButton(tr("&Delete Folder"), QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("confirmDeleteFolder"));
    QPushButton *no = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(no);
    box->setEscapeButton(no);
    const qint64 open = m_tree->currentIndex().data(FolderTreeModel::FolderIdRole).toLongLong();
    connect(box, &QMessageBox::buttonClicked, this,
            [this, yes, account, folder, ids, open](QAbstractButton *clicked) {
                if (clicked != yes)
                    return;
                // The open folder goes: show the Inbox instead.
                qint64 showAfter = 0;
                if (ids.contains(open))
                    if (const auto inbox =
                            m_store.folders().byName(account.id, QStringLiteral("INBOX")))
                        showAfter = inbox->id;
                const QString name = folder.name;
                run(
                    account, [name](imap::FolderManager &m) { return m.remove(name); },
                    {tr("Deleting the folder “%1” on the server…").arg(name),
                     tr("Could not delete the folder “%1”").arg(name),
                     tr("Folder “%1” deleted.").arg(name)},
                    showAfter);
            });
    box->open();
    return box;
}

void FolderActions::run(const store::Account &account, Change change, Words words, qint64 showAfter)
{
    m_busy = true;
    updateActions();
    m_window->statusBar()->showMessage(words.working);
    auto result = std::make_shared<imap::FolderChangeResult>();
    m_worker->run(
        [account, change = std::move(change), result](store::Store &s) {
            imap::FolderManager manager(s, account);
            *result = change(manager);
        },
        this,
        [this, result, name = account.name, words, showAfter](const QString &error) {
            if (!error.isEmpty()) // the cache could not be opened or written
                result->error = net::Error::make(net::Error::Kind::Protocol, error);
            finish(*result, name, words, showAfter);
        });
}

void FolderActions::finish(const imap::FolderChangeResult &result, const QString &accountName,
                           const Words &words, qint64 showAfter)
{
    m_busy = false;
    if (result.ok() || result.deleted > 0)
        emit folderChanged(showAfter < 0 ? result.folderId : showAfter);
    updateActions();
    if (result.ok()) {
        m_window->statusBar()->showMessage(words.done, 5000);
        return;
    }
    QString text;
    if (result.needsConnection())
        text = tr("Folder changes are made on the server, and the server of %1 cannot be "
                  "reached now (%2). Try again when you are online.")
                   .arg(accountName, result.error.message);
    else if (!result.serverWords.isEmpty())
        text = tr("The server said: %1").arg(result.serverWords);
    else
        text = result.error.message;
    text += QStringLiteral("\n\n") +
            (result.deleted == 1 ? tr("One folder inside it was deleted before that.")
             : result.deleted > 1
                 ? tr("%n folders inside it were deleted before that.", nullptr, result.deleted)
                 : tr("Nothing was changed."));
    m_window->statusBar()->showMessage(words.failed);
    showFailure(words.failed, text);
    emit changeFailed(words.failed + QLatin1Char('\n') + text);
}

void FolderActions::showFailure(const QString &title, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Folder not changed"), title,
                                QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("folderChangeFailed"));
    box->setInformativeText(text);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    m_failureBox = box;
    box->open();
}

} // namespace herald::ui
