#include "core/engine/imap/FolderManager.h"

#include "core/engine/imap/AccountSync.h"
#include "core/imap/ImapSession.h"
#include "core/store/Store.h"

#include <QCoreApplication>
#include <algorithm>

namespace herald::imap {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("herald::imap::FolderManager", text);
}

// The server's own words, with the response code people look up ("[ALREADYEXISTS] …").
QString serverWordsOf(const CommandResult &r)
{
    QString words = r.text.trimmed();
    if (!r.code.name.isEmpty()) {
        QByteArray code = r.code.name;
        if (!r.code.raw.trimmed().isEmpty())
            code += ' ' + r.code.raw.trimmed();
        words = QStringLiteral("[%1] %2").arg(QString::fromUtf8(code), words).trimmed();
    }
    return words;
}

void takeFailure(FolderChangeResult &out, const CommandResult &r)
{
    out.error = r.error;
    if (r.error.kind == net::Error::Kind::CommandFailed)
        out.serverWords = serverWordsOf(r);
}

// One authenticated session of the account, closed when this goes.
struct OpenSession
{
    ImapSession session;
    net::Error error;
    OpenSession(store::Store &store, const store::Account &account, const std::atomic<bool> *stop)
    {
        AccountSync sync(store, account);
        sync.setStopFlag(stop);
        error = sync.openSession(session);
    }
    ~OpenSession()
    {
        if (!error)
            session.close();
    }
    Result<Empty> run(const std::function<void(ImapClient &, ResultCallback<Empty>)> &command)
    {
        return session.wait<Empty>([&](auto done) { command(session.client(), done); });
    }
};

int depth(const QString &name, const QString &delimiter)
{
    return delimiter.isEmpty() ? 0 : int(name.count(delimiter));
}

} // namespace

FolderChangeResult FolderManager::create(const QString &fullName)
{
    FolderChangeResult out;
    OpenSession open(m_store, m_account, m_stop);
    if ((out.error = open.error))
        return out;
    const auto created = open.run(
        [&](ImapClient &c, ResultCallback<Empty> done) { c.create(fullName, QByteArray(), done); });
    if (!created.ok()) {
        takeFailure(out, created);
        return out;
    }
    // The server's view of the new folder: its delimiter and attributes.
    store::Folder folder;
    folder.accountId = m_account.id;
    folder.name = fullName;
    folder.delimiter = accountDelimiter(m_store.folders().list(m_account.id));
    const auto listed = open.session.wait<QList<ListEntry>>(
        [&](auto done) { open.session.client().list(QString(), fullName, done); });
    for (const ListEntry &e : listed.value)
        if (e.name == fullName)
            folder = folderFromList(e, m_account.id);
    store::Transaction tx(m_store.db());
    out.folderId = m_store.folders().upsert(folder);
    tx.commit();
    return out;
}

FolderChangeResult FolderManager::rename(const QString &from, const QString &to)
{
    FolderChangeResult out;
    const auto all = m_store.folders().list(m_account.id);
    const auto cached = m_store.folders().byName(m_account.id, from);
    const QString delimiter =
        cached && !cached->delimiter.isEmpty() ? cached->delimiter : accountDelimiter(all);
    OpenSession open(m_store, m_account, m_stop);
    if ((out.error = open.error))
        return out;
    const auto renamed =
        open.run([&](ImapClient &c, ResultCallback<Empty> done) { c.rename(from, to, done); });
    if (!renamed.ok()) {
        takeFailure(out, renamed);
        return out;
    }
    store::Transaction tx(m_store.db());
    m_store.folders().renameTree(m_account.id, from, to, delimiter);
    tx.commit();
    if (const auto folder = m_store.folders().byName(m_account.id, to))
        out.folderId = folder->id;
    return out;
}

FolderChangeResult FolderManager::remove(const QString &name)
{
    FolderChangeResult out;
    const auto all = m_store.folders().list(m_account.id);
    const auto root = m_store.folders().byName(m_account.id, name);
    std::vector<store::Folder> doomed;
    if (root) {
        doomed = folderSubtree(all, *root);
    } else {
        store::Folder f; // not in the cache (yet): the server may still have it
        f.name = name;
        doomed.push_back(f);
    }
    OpenSession open(m_store, m_account, m_stop);
    if ((out.error = open.error))
        return out;
    for (const store::Folder &f : doomed) {
        const auto deleted = open.run(
            [&](ImapClient &c, ResultCallback<Empty> done) { c.deleteMailbox(f.name, done); });
        // Gone already (another device, or a \Noselect parent that went with its last child).
        const bool gone = deleted.code.name == "NONEXISTENT";
        if (!deleted.ok() && !gone) {
            takeFailure(out, deleted);
            break;
        }
        if (f.id) {
            store::Transaction tx(m_store.db());
            m_store.folders().remove(f.id);
            tx.commit();
        }
        ++out.deleted;
    }
    m_store.bodies().removeDeletedFiles();
    return out;
}

QString protectedFolderReason(const store::Folder &folder)
{
    if (folder.isLocal)
        return tr("“%1” is a folder Herald keeps on this computer; it cannot be renamed or "
                  "deleted.")
            .arg(folder.name);
    if (folder.name.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0)
        return tr("The Inbox cannot be renamed or deleted.");
    if (folder.specialUse.isEmpty())
        return QString();
    static const QList<QPair<QString, const char *>> uses = {
        {QStringLiteral("\\Sent"), QT_TRANSLATE_NOOP("herald::imap::FolderManager", "sent mail")},
        {QStringLiteral("\\Drafts"), QT_TRANSLATE_NOOP("herald::imap::FolderManager", "drafts")},
        {QStringLiteral("\\Trash"),
         QT_TRANSLATE_NOOP("herald::imap::FolderManager", "deleted mail")},
        {QStringLiteral("\\Junk"), QT_TRANSLATE_NOOP("herald::imap::FolderManager", "junk mail")},
        {QStringLiteral("\\Archive"),
         QT_TRANSLATE_NOOP("herald::imap::FolderManager", "archived mail")},
        {QStringLiteral("\\All"), QT_TRANSLATE_NOOP("herald::imap::FolderManager", "all mail")},
        {QStringLiteral("\\Flagged"),
         QT_TRANSLATE_NOOP("herald::imap::FolderManager", "flagged mail")},
    };
    QString use = folder.specialUse;
    for (const auto &[flag, words] : uses)
        if (folder.specialUse.compare(flag, Qt::CaseInsensitive) == 0)
            use = tr(words);
    return tr("“%1” is the account's folder for %2; it cannot be renamed or deleted.")
        .arg(folder.name, use);
}

std::vector<store::Folder> folderSubtree(const std::vector<store::Folder> &all,
                                         const store::Folder &root)
{
    std::vector<store::Folder> out;
    const QString prefix = root.delimiter.isEmpty() ? QString() : root.name + root.delimiter;
    for (const store::Folder &f : all)
        if (f.id == root.id || f.name == root.name ||
            (!prefix.isEmpty() && f.name.startsWith(prefix)))
            out.push_back(f);
    std::sort(out.begin(), out.end(), [&](const store::Folder &a, const store::Folder &b) {
        const int da = depth(a.name, root.delimiter), db = depth(b.name, root.delimiter);
        return da != db ? da > db : a.name > b.name;
    });
    return out;
}

QString accountDelimiter(const std::vector<store::Folder> &all)
{
    for (const store::Folder &f : all)
        if (!f.isLocal && !f.delimiter.isEmpty())
            return f.delimiter;
    return QString();
}

} // namespace herald::imap
