#pragma once
// The main window's ways into writing mail: a new message, an answer to a cached message
// (reply, reply all, forward inline or as attachment, by core/smtp/StartDraft.h), a draft of the
// Drafts folder or a message of the outbox opened again. Each opens a ComposeWindow; all of
// them share one ComposeService (the worker that writes to the cache) and one address list.
//
// An entry point that cannot open (no such message, a forward without a cached body) returns
// nullptr and says why through failed().

#include "core/engine/smtp/StartDraft.h"
#include "ui/ComposeWindow.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QStringListModel;

namespace herald::store {
class Store;
}

namespace herald::ui {

class ComposeService;

class Composer : public QObject
{
    Q_OBJECT
public:
    explicit Composer(store::Store &store, QObject *parent = nullptr);
    // Closes the open compose windows (each saves its last change) and waits for the worker.
    ~Composer() override;

    // A new message from the account's default identity (0: the first account).
    ComposeWindow *newMessage(qint64 accountId = 0);
    // A new message with these fields filled (a mailto: link); From the account's default.
    ComposeWindow *newMessage(const mime::Draft &fields, qint64 accountId = 0);
    // Reply, reply all or forward message `messageId` of the cache.
    ComposeWindow *answer(qint64 messageId, smtp::Answer kind);
    // Draft `messageId` (a message of a Drafts folder), with every field it was saved with.
    ComposeWindow *openDraft(qint64 messageId);
    // A message of the outbox (held or maybe sent) to edit and send again in its place.
    ComposeWindow *openOutboxMessage(qint64 taskId);
    // The draft's window if one is open.
    ComposeWindow *windowOfDraft(qint64 draftId) const;

    QList<ComposeWindow *> windows() const;
    ComposeService &service() { return *m_service; }
    // Re-reads the completion list (after a sync brought new correspondents).
    void refreshAddresses();

signals:
    void queued();       // a message went into the outbox: time to send
    void cacheChanged(); // drafts or the outbox changed
    void failed(const QString &message);

private:
    ComposeWindow *open(const ComposeWindow::Start &start);

    store::Store &m_store;
    ComposeService *m_service = nullptr;
    QStringListModel *m_addresses = nullptr;
    bool m_addressesLoaded = false;
    QList<QPointer<ComposeWindow>> m_windows;
};

} // namespace herald::ui
