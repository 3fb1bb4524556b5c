#include "ui/ComposeService.h"

#include "core/engine/smtp/Drafts.h"
#include "core/engine/smtp/Outbox.h"
#include "core/store/Store.h"
#include "core/sync/LocalActions.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QSemaphore>
#include <sqlite3.h>

namespace herald::ui {

namespace {
// Each attempt already waits the Store's busy timeout (10 s) for the lock.
constexpr int kBusyAttempts = 6;

QString what(const std::exception &e)
{
    return QString::fromLocal8Bit(e.what());
}

// Runs `f`; a lock held by a long sync (SQLITE_BUSY after the busy timeout) is waited out a few
// more times before it counts as a failure.
template <class F> void retryBusy(F f)
{
    for (int attempt = 1;; ++attempt) {
        try {
            f();
            return;
        } catch (const store::SqliteError &e) {
            if ((e.code() & 0xff) != SQLITE_BUSY || attempt >= kBusyAttempts)
                throw;
        }
    }
}

store::Account requireAccount(store::Store &store, qint64 accountId)
{
    const auto account = store.accounts().byId(accountId);
    if (!account)
        throw std::runtime_error("the account no longer exists");
    return *account;
}
} // namespace

ComposeService::ComposeService(QString profileDir, QObject *parent)
    : QObject(parent), m_profileDir(std::move(profileDir))
{
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("herald-compose"));
    m_thread.start();
}

ComposeService::~ComposeService()
{
    // Queued after every job posted so far: the last saves run before the thread ends.
    QMetaObject::invokeMethod(
        m_worker,
        [this] {
            m_store.reset();
            m_thread.quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
}

quint64 ComposeService::newSession()
{
    static QAtomicInteger<quint64> next(0);
    return ++next;
}

void ComposeService::post(std::function<void(store::Store &)> job)
{
    QMetaObject::invokeMethod(
        m_worker,
        [this, job = std::move(job)] {
            if (!m_store) {
                try {
                    m_store = std::make_unique<store::Store>(m_profileDir);
                } catch (const std::exception &e) {
                    qWarning("compose: cannot open the cache: %s", e.what());
                    return;
                }
            }
            job(*m_store);
        },
        Qt::QueuedConnection);
}

void ComposeService::reply(const QPointer<QObject> &guard, std::function<void()> fn)
{
    QMetaObject::invokeMethod(
        this,
        [guard, fn = std::move(fn)] {
            if (guard)
                fn();
        },
        Qt::QueuedConnection);
}

void ComposeService::saveDraft(quint64 session, qint64 accountId, const mime::Draft &draft,
                               qint64 draftId, QObject *context, SavedFn done)
{
    const QPointer<QObject> guard(context); // made here: the UI thread owns `context`
    post([=](store::Store &store) {
        qint64 saved = 0;
        QString error;
        try {
            retryBusy([&] {
                const store::Account account = requireAccount(store, accountId);
                smtp::Drafts drafts(store);
                qint64 id = m_sessionDrafts.count(session) ? m_sessionDrafts[session] : draftId;
                if (id != 0) {
                    const auto info = drafts.info(id);
                    if (!info) {
                        id = 0; // sent or deleted elsewhere: a new draft keeps the text
                    } else if (info->accountId != accountId) {
                        drafts.remove(id); // From moved to another account
                        id = 0;
                    }
                }
                saved = drafts.save(account, draft, id);
                m_sessionDrafts[session] = saved;
            });
        } catch (const std::exception &e) {
            error = what(e);
        }
        reply(guard, [done, saved, error] { done(saved, error); });
        if (saved)
            QMetaObject::invokeMethod(this, &ComposeService::cacheChanged, Qt::QueuedConnection);
    });
}

void ComposeService::send(quint64 session, qint64 accountId, const mime::Draft &draft,
                          const Sending &sending, QObject *context, DoneFn done)
{
    const QPointer<QObject> guard(context); // made here: the UI thread owns `context`
    post([=](store::Store &store) {
        QString error;
        const qint64 draftId =
            m_sessionDrafts.count(session) ? m_sessionDrafts[session] : sending.draftId;
        try {
            // Retried as a whole while a sync holds the lock: each step commits on its own and
            // doing it again does no harm (the same draft saved again, then sent once).
            retryBusy([&] {
                const store::Account account = requireAccount(store, accountId);
                smtp::Drafts drafts(store);
                const auto info = draftId ? drafts.info(draftId) : std::nullopt;
                if (info && info->accountId == account.id) {
                    drafts.save(account, draft, draftId); // what the user sees now
                    drafts.send(account, draftId);
                } else {
                    if (info)
                        drafts.remove(draftId);
                    smtp::Outbox(store).enqueue(account, draft);
                }
            });
            m_sessionDrafts.erase(session);
        } catch (const std::exception &e) {
            error = what(e);
            // Nothing the user wrote is lost: it stays (or becomes) a draft.
            try {
                const store::Account account = requireAccount(store, accountId);
                const bool exists = draftId && smtp::Drafts(store).info(draftId);
                m_sessionDrafts[session] =
                    smtp::Drafts(store).save(account, draft, exists ? draftId : 0);
                error = tr("%1; the message was kept in Drafts").arg(error);
            } catch (const std::exception &) {
            }
        }
        // Follow-ups of a queued message, each on its own: a failure here must not queue the
        // message twice.
        if (error.isEmpty() && sending.replacesTask) {
            try {
                retryBusy([&] { smtp::Outbox(store).discard(sending.replacesTask); });
            } catch (const std::exception &) {
                // already gone (sent or discarded meanwhile): nothing to replace
            }
        }
        if (error.isEmpty() && sending.answers) {
            try {
                retryBusy([&] {
                    if (store.messages().byId(sending.answers))
                        sync::LocalActions(store).changeFlags(sending.answers,
                                                              {sending.forwards
                                                                   ? QStringLiteral("$Forwarded")
                                                                   : QStringLiteral("\\Answered")},
                                                              {});
                });
            } catch (const std::exception &e) {
                qWarning("compose: could not flag the answered message: %s", e.what());
            }
        }
        if (done)
            reply(guard, [done, error] { done(error); });
        QMetaObject::invokeMethod(this, &ComposeService::cacheChanged, Qt::QueuedConnection);
        if (error.isEmpty())
            QMetaObject::invokeMethod(this, &ComposeService::queued, Qt::QueuedConnection);
        else
            QMetaObject::invokeMethod(
                this, [this, error] { emit sendFailed(error); }, Qt::QueuedConnection);
    });
}

void ComposeService::outboxDecision(qint64 taskId, bool sendsAgain, QObject *context, DoneFn done)
{
    const QPointer<QObject> guard(context); // made here: the UI thread owns `context`
    post([=](store::Store &store) {
        QString error;
        try {
            retryBusy([&] {
                smtp::Outbox outbox(store);
                if (sendsAgain)
                    outbox.retryNow(taskId);
                else
                    outbox.discard(taskId);
            });
        } catch (const std::exception &e) {
            error = what(e);
        }
        reply(guard, [done, error] { done(error); });
        QMetaObject::invokeMethod(this, &ComposeService::cacheChanged, Qt::QueuedConnection);
        if (sendsAgain && error.isEmpty())
            QMetaObject::invokeMethod(this, &ComposeService::queued, Qt::QueuedConnection);
    });
}

void ComposeService::discardDraft(quint64 session, qint64 draftId, QObject *context, DoneFn done)
{
    const QPointer<QObject> guard(context); // made here: the UI thread owns `context`
    post([=](store::Store &store) {
        QString error;
        const qint64 id = m_sessionDrafts.count(session) ? m_sessionDrafts[session] : draftId;
        m_sessionDrafts.erase(session);
        try {
            if (id)
                retryBusy([&] { smtp::Drafts(store).remove(id); });
        } catch (const std::exception &e) {
            error = what(e);
        }
        reply(guard, [done, error] { done(error); });
        QMetaObject::invokeMethod(this, &ComposeService::cacheChanged, Qt::QueuedConnection);
    });
}

void ComposeService::loadAddresses(QObject *context,
                                   std::function<void(const std::vector<store::AddressUse> &)> done)
{
    const QPointer<QObject> guard(context); // made here: the UI thread owns `context`
    post([=](store::Store &store) {
        std::vector<store::AddressUse> all;
        try {
            all = store::AddressBook(store.db()).mostUsed();
        } catch (const std::exception &) {
            // completion is a convenience: without it the fields still work
        }
        reply(guard, [done, all] { done(all); });
    });
}

void ComposeService::waitForIdle()
{
    QSemaphore done;
    QMetaObject::invokeMethod(
        m_worker, [&done] { done.release(); }, Qt::QueuedConnection);
    done.acquire();
    QCoreApplication::processEvents(); // deliver the replies posted meanwhile
}

} // namespace herald::ui
