#include "ui/Compose.h"

#include "core/engine/smtp/Drafts.h"
#include "core/engine/smtp/Outbox.h"
#include "core/store/Store.h"
#include "ui/ComposeService.h"

#include <QStringListModel>

namespace herald::ui {

Composer::Composer(store::Store &store, QObject *parent)
    : QObject(parent), m_store(store), m_service(new ComposeService(store.profileDir(), this)),
      m_addresses(new QStringListModel(this))
{
    connect(m_service, &ComposeService::queued, this, &Composer::queued);
    connect(m_service, &ComposeService::cacheChanged, this, &Composer::cacheChanged);
    connect(m_service, &ComposeService::sendFailed, this, [this](const QString &error) {
        emit failed(tr("The message could not be put in the outbox: %1").arg(error));
    });
}

Composer::~Composer()
{
    for (const QPointer<ComposeWindow> &w : m_windows)
        if (w) {
            w->close(); // posts its last save
            delete w;
        }
    delete m_service; // runs the posted saves, then stops its thread
    m_service = nullptr;
}

QList<ComposeWindow *> Composer::windows() const
{
    QList<ComposeWindow *> out;
    for (const QPointer<ComposeWindow> &w : m_windows)
        if (w)
            out << w;
    return out;
}

void Composer::refreshAddresses()
{
    m_addressesLoaded = true;
    m_service->loadAddresses(this, [this](const std::vector<store::AddressUse> &all) {
        QStringList list;
        list.reserve(int(all.size()));
        for (const store::AddressUse &a : all)
            list << (a.name.isEmpty() ? a.email : QStringLiteral("%1 <%2>").arg(a.name, a.email));
        m_addresses->setStringList(list);
    });
}

ComposeWindow *Composer::open(const ComposeWindow::Start &start)
{
    if (!m_addressesLoaded)
        refreshAddresses();
    auto *w = new ComposeWindow(m_store, *m_service, m_addresses);
    w->start(start);
    m_windows.removeAll(nullptr);
    m_windows << w;
    w->show();
    w->activateWindow();
    return w;
}

ComposeWindow *Composer::newMessage(qint64 accountId)
{
    return newMessage(mime::Draft(), accountId);
}

ComposeWindow *Composer::newMessage(const mime::Draft &fields, qint64 accountId)
{
    try {
        const auto accounts = m_store.accounts().list();
        if (accounts.empty()) {
            emit failed(tr("Add an account before writing mail."));
            return nullptr;
        }
        ComposeWindow::Start s;
        s.accountId = accountId ? accountId : accounts.front().id;
        s.draft = fields;
        // The identity's signature under the text to write; a mailto: body keeps its own.
        s.addSignature = fields.text.isEmpty();
        return open(s);
    } catch (const std::exception &e) {
        emit failed(tr("Could not start a message: %1").arg(QString::fromLocal8Bit(e.what())));
        return nullptr;
    }
}

ComposeWindow *Composer::answer(qint64 messageId, smtp::Answer kind)
{
    try {
        const auto parent = smtp::loadCached(m_store, messageId);
        const auto account = parent ? m_store.accounts().byId(parent->row.accountId) : std::nullopt;
        if (!parent || !account) {
            emit failed(tr("The message is no longer in the cache."));
            return nullptr;
        }
        const accounts::Identity identity = smtp::identityForAnswer(*account, parent->parsed);
        ComposeWindow::Start s;
        s.accountId = account->id;
        s.identityEmail = identity.email;
        s.draft = smtp::answerDraft(*account, *parent, kind, identity);
        s.answers = messageId;
        s.forwards =
            kind == smtp::Answer::ForwardInline || kind == smtp::Answer::ForwardAsAttachment;
        return open(s);
    } catch (const std::exception &e) {
        emit failed(tr("Could not answer the message: %1").arg(QString::fromLocal8Bit(e.what())));
        return nullptr;
    }
}

ComposeWindow *Composer::windowOfDraft(qint64 draftId) const
{
    for (ComposeWindow *w : windows())
        if (draftId != 0 && w->draftId() == draftId)
            return w;
    return nullptr;
}

ComposeWindow *Composer::openDraft(qint64 messageId)
{
    if (ComposeWindow *w = windowOfDraft(messageId)) {
        w->raise();
        w->activateWindow();
        return w;
    }
    try {
        const auto info = smtp::Drafts(m_store).info(messageId);
        const auto raw = info ? m_store.bodies().get(messageId) : std::nullopt;
        if (!info || !raw) {
            emit failed(tr("The draft is no longer in the cache."));
            return nullptr;
        }
        ComposeWindow::Start s;
        s.accountId = info->accountId;
        s.draft = smtp::draftFromBytes(*raw);
        s.identityEmail = s.draft.from.email;
        s.draftId = messageId;
        return open(s);
    } catch (const std::exception &e) {
        emit failed(tr("Could not open the draft: %1").arg(QString::fromLocal8Bit(e.what())));
        return nullptr;
    }
}

ComposeWindow *Composer::openOutboxMessage(qint64 taskId)
{
    try {
        const auto entry = smtp::Outbox(m_store).entry(taskId);
        const auto raw = entry ? m_store.bodies().get(entry->messageRowId) : std::nullopt;
        if (!entry || !raw) {
            emit failed(tr("The message is no longer in the outbox."));
            return nullptr;
        }
        ComposeWindow::Start s;
        s.accountId = entry->accountId;
        s.draft = smtp::draftFromBytes(*raw, entry->recipients);
        s.identityEmail = s.draft.from.email;
        s.replacesTask = taskId;
        return open(s);
    } catch (const std::exception &e) {
        emit failed(tr("Could not open the message: %1").arg(QString::fromLocal8Bit(e.what())));
        return nullptr;
    }
}

} // namespace herald::ui
