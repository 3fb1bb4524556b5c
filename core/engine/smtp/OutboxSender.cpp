#include "core/engine/smtp/OutboxSender.h"

#include "core/accounts/OpenSession.h"
#include "core/engine/smtp/Outbox.h"
#include "core/net/Caught.h"
#include "core/smtp/SmtpSession.h"
#include "core/store/Store.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace herald::smtp {

namespace {
QString recipientState(RecipientResult::State s)
{
    switch (s) {
    case RecipientResult::State::Accepted:
        return QStringLiteral("accepted");
    case RecipientResult::State::Rejected:
        return QStringLiteral("rejected");
    case RecipientResult::State::NotTried:
        break;
    }
    return QStringLiteral("not-tried");
}

QJsonArray outcomeJson(const SendResult &r)
{
    QJsonArray out;
    for (const RecipientResult &rr : r.recipients)
        out.append(QJsonObject{{QStringLiteral("address"), rr.address},
                               {QStringLiteral("state"), recipientState(rr.state)},
                               {QStringLiteral("reply"), rr.reply.toString()}});
    return out;
}

QString title(const OutboxEntry &e)
{
    return e.subject.isEmpty() ? QStringLiteral("(no subject)")
                               : QStringLiteral("\"%1\"").arg(e.subject);
}
} // namespace

qint64 OutboxSender::backoffSeconds(int attempts)
{
    return std::min<qint64>(60LL << std::min(attempts, 6), 3600);
}

void OutboxSender::note(OutboxReport &report, const QString &line) const
{
    report.lines << line;
    say(line);
}

OutboxReport OutboxSender::flush(bool ignoreBackoff, qint64 onlyTask)
{
    OutboxReport report;
    // The engine's boundary: a cache failure ends the flush as a Storage error value.
    if (net::Error failed = net::storageErrorOf([&] {
            recoverExpiredLeases(QDateTime::currentSecsSinceEpoch());
            sendDue(ignoreBackoff, onlyTask, report);
            if (!(m_stop && m_stop->load())) // cancelled: the copies wait for the next flush
                saveSentCopies(onlyTask, report);
        }))
        report.error = failed;
    return report;
}

void OutboxSender::recoverExpiredLeases(qint64 now)
{
    for (const store::Task &t : m_store.tasks().list(m_account.id, kSendTaskKind))
        if (t.state == QLatin1String("sending") && t.nextAttemptAt < now)
            m_store.tasks().setState(t.id, QStringLiteral("maybe-sent"),
                                     QStringLiteral("Herald stopped while sending this message; "
                                                    "it may have been sent"));
}

bool OutboxSender::claim(qint64 taskId, qint64 now)
{
    // Atomic: of two senders on the same profile only one gets the message.
    return m_store.tasks().lease(taskId, now + kLeaseSeconds, now);
}

void OutboxSender::sendDue(bool ignoreBackoff, qint64 onlyTask, OutboxReport &report)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    std::vector<store::Task> due;
    for (const store::Task &t : m_store.tasks().list(m_account.id, kSendTaskKind))
        if (t.state == QLatin1String("pending") && (ignoreBackoff || t.nextAttemptAt <= now) &&
            (onlyTask == 0 || t.id == onlyTask))
            due.push_back(t);
    if (due.empty())
        return;

    auto retryLater = [&](const store::Task &t, const QString &why) {
        m_store.tasks().setState(t.id, QStringLiteral("pending"), why,
                                 now + backoffSeconds(t.attempts), true);
        ++report.retrying;
        note(report, QStringLiteral("%1: %2 queued for retry: %3")
                         .arg(m_account.name, title(Outbox::fromTask(t)), why));
    };
    auto isPending = [&](qint64 id) {
        const auto fresh = m_store.tasks().byId(id);
        return fresh && fresh->state == QLatin1String("pending");
    };
    auto giveUp = [&](const net::Error &e) {
        report.error = e;
        if (e.kind == net::Error::Kind::Cancelled)
            return; // nothing was tried: the messages stay queued as they were
        for (const store::Task &t : due)
            if (isPending(t.id)) // not taken by another sender meanwhile
                retryLater(t, e.message);
    };

    auto login = accounts::serverLogin(m_account.name, m_account.outgoingUrl,
                                       m_account.settingsJson, accounts::Protocol::Smtp);
    if (m_readTimeoutMs > 0) {
        login.options.readTimeoutMs = m_readTimeoutMs;
        login.options.connectTimeoutMs = std::min(login.options.connectTimeoutMs, m_readTimeoutMs);
    }
    SmtpSession session;
    auto open = [&] { return accounts::openSession(session, login, m_stop, m_progress); };
    if (const net::Error e = open()) {
        giveUp(e);
        return;
    }

    for (size_t i = 0; i < due.size(); ++i) {
        if (session.stopRequested())
            break; // cancelled (the window closing): what is not claimed stays queued as it was
        const store::Task &t = due[i];
        if (!claim(t.id, now))
            continue; // another sender took it
        OutboxEntry entry = Outbox::fromTask(t);
        const auto bytes = m_store.bodies().get(entry.messageRowId);
        if (!bytes) {
            m_store.tasks().setState(
                t.id, QStringLiteral("held"),
                QStringLiteral("the message's bytes are missing from the cache"));
            ++report.held;
            continue;
        }
        if (!session.isOpen()) {
            if (const net::Error e = open()) {
                giveUp(e); // the ones after this
                // This one is claimed by us: back to pending (as it was, when cancelled).
                if (e.kind == net::Error::Kind::Cancelled)
                    m_store.tasks().setState(t.id, QStringLiteral("pending"), QString(),
                                             t.nextAttemptAt);
                else
                    retryLater(t, e.message);
                break;
            }
        }
        const QJsonObject payload = QJsonDocument::fromJson(t.payloadJson.toUtf8()).object();
        Envelope envelope;
        envelope.from = entry.from;
        envelope.recipients = entry.recipients;
        envelope.requestDsn = payload.value(QStringLiteral("dsn")).toBool();
        envelope.envelopeId = entry.messageId;
        say(QStringLiteral("%1: sending %2 to %3")
                .arg(m_account.name, title(entry), entry.recipients.join(QStringLiteral(", "))));
        const SendResult r = session.send(envelope, *bytes);

        QJsonObject updated = payload;
        updated[QStringLiteral("outcome")] = outcomeJson(r);
        if (r.sent())
            updated[QStringLiteral("sent_at")] = double(QDateTime::currentSecsSinceEpoch());
        m_store.tasks().setPayload(
            t.id, QString::fromUtf8(QJsonDocument(updated).toJson(QJsonDocument::Compact)));
        const QString what = r.describe();
        switch (r.status) {
        case SendResult::Status::Sent:
            m_store.tasks().setState(t.id, QStringLiteral("sent"), QString(), 0, true);
            ++report.sent;
            note(report, QStringLiteral("%1: %2 sent to %3 (%4)")
                             .arg(m_account.name, title(entry),
                                  entry.recipients.join(QStringLiteral(", ")), r.reply.toString()));
            break;
        case SendResult::Status::TemporaryFailure:
            if (r.error.kind == net::Error::Kind::Cancelled) {
                // Stopped before the final dot: nothing went, so no backoff and no attempt.
                m_store.tasks().setState(t.id, QStringLiteral("pending"), what, now);
                note(report, QStringLiteral("%1: %2 stays in the outbox (cancelled before it "
                                            "was sent)")
                                 .arg(m_account.name, title(entry)));
                break;
            }
            retryLater(t, what);
            break;
        case SendResult::Status::PermanentFailure:
            m_store.tasks().setState(t.id, QStringLiteral("held"), what, 0, true);
            ++report.held;
            note(report, QStringLiteral("%1: %2 held, not sent: %3")
                             .arg(m_account.name, title(entry), what));
            break;
        case SendResult::Status::MaybeSent:
            m_store.tasks().setState(t.id, QStringLiteral("maybe-sent"), what, 0, true);
            ++report.maybeSent;
            note(report, QStringLiteral("%1: %2 may have been sent (not resent): %3")
                             .arg(m_account.name, title(entry), what));
            break;
        }
    }
    session.close();
}

void OutboxSender::saveSentCopies(qint64 onlyTask, OutboxReport &report)
{
    std::vector<store::Task> sent;
    for (const store::Task &t : m_store.tasks().list(m_account.id, kSendTaskKind))
        if (t.state == QLatin1String("sent") && (onlyTask == 0 || t.id == onlyTask))
            sent.push_back(t);
    if (sent.empty())
        return;
    Outbox outbox(m_store);
    const auto settings = accounts::AccountSettings::fromJson(m_account.settingsJson);
    const auto url = accounts::ServerUrl::parse(m_account.incomingUrl);
    if (settings.extra.value(QStringLiteral("server_saves_sent")).toBool() || !url ||
        url->protocol != accounts::Protocol::Imap) {
        // The server files submitted mail itself, or there is no IMAP Sent folder (POP3).
        for (const store::Task &t : sent)
            outbox.finish(t.id);
        return;
    }
    auto keep = [&](const store::Task &t, const QString &why) {
        const QString line = QStringLiteral("%1: %2 was sent, but its copy is not in Sent yet: %3")
                                 .arg(m_account.name, title(Outbox::fromTask(t)), why);
        m_store.tasks().setState(t.id, QStringLiteral("sent"), why, 0);
        report.sentCopyErrors << line;
    };
    const std::unique_ptr<SentFolder> sentFolder = m_openSentFolder();
    if (const net::Error e = sentFolder->open()) {
        for (const store::Task &t : sent)
            keep(t, e.message);
        return;
    }
    if (sentFolder->name().isEmpty()) {
        for (const store::Task &t : sent) {
            report.sentCopyErrors << QStringLiteral("%1: no Sent folder; no copy of %2 was saved")
                                         .arg(m_account.name, title(Outbox::fromTask(t)));
            outbox.finish(t.id);
        }
        sentFolder->close();
        return;
    }
    for (const store::Task &t : sent) {
        const OutboxEntry entry = Outbox::fromTask(t);
        const auto bytes = m_store.bodies().get(entry.messageRowId);
        if (!bytes) {
            outbox.finish(t.id);
            continue;
        }
        if (const net::Error e = sentFolder->append(*bytes)) {
            keep(t, e.message);
            if (e.kind != net::Error::Kind::CommandFailed)
                break; // the connection is gone
            continue;
        }
        ++report.savedToSent;
        say(QStringLiteral("%1: saved %2 in %3")
                .arg(m_account.name, title(entry), sentFolder->name()));
        outbox.finish(t.id);
    }
    sentFolder->close();
}

} // namespace herald::smtp
