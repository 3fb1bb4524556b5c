#include "ui/MailNotifier.h"

#include "core/store/Store.h"
#include "ui/DesktopNotifications.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTimer>
#include <algorithm>

namespace herald::ui {

namespace {
const QString kEnabledKey = QStringLiteral("notifications/enabled");

QString senderOf(const store::MessageRow &m)
{
    return m.fromName.isEmpty() ? m.fromAddr : m.fromName;
}

QString subjectOf(const store::MessageRow &m)
{
    return m.subject.isEmpty() ? MailNotifier::tr("(no subject)") : m.subject;
}

// The sender check has had its say: final, or as far as DNS allowed.
bool verdictSettled(const store::MessageRow &m)
{
    return m.authState == store::AuthState::Verified || m.authState == store::AuthState::Incomplete;
}

// Tokens given to DesktopNotifications: "<accountId>:<messageId>", message 0 for a group.
QString tokenFor(qint64 accountId, qint64 messageId)
{
    return QStringLiteral("%1:%2").arg(accountId).arg(messageId);
}
} // namespace

MailNotifier::MailNotifier(store::Store &store, QSettings &settings, DesktopNotifications &desktop,
                           QObject *parent)
    : QObject(parent), m_store(store), m_settings(settings), m_desktop(desktop),
      m_again(new QTimer(this))
{
    m_again->setSingleShot(true);
    m_again->setInterval(250);
    connect(m_again, &QTimer::timeout, this, &MailNotifier::check);
    connect(&m_desktop, &DesktopNotifications::activated, this, [this](const QString &token) {
        emit openRequested(token.section(QLatin1Char(':'), 1).toLongLong(),
                           token.section(QLatin1Char(':'), 0, 0).toLongLong());
    });
}

bool MailNotifier::isEnabled() const
{
    return m_settings.value(kEnabledKey, true).toBool();
}

void MailNotifier::setEnabled(bool on)
{
    m_settings.setValue(kEnabledKey, on);
}

bool MailNotifier::watchesAccount(qint64 accountId) const
{
    return m_settings.contains(markKey(accountId));
}

QString MailNotifier::markKey(qint64 accountId) const
{
    return QStringLiteral("notifications/lastId/%1").arg(accountId);
}

void MailNotifier::check()
{
    for (const store::Account &account : m_store.accounts().list()) {
        const QString key = markKey(account.id);
        if (!m_settings.contains(key)) {
            // Not looked at before: what its INBOX holds after the first sync is old mail.
            const auto inbox = m_store.folders().byName(account.id, QStringLiteral("INBOX"));
            if (inbox && (inbox->uidValidity || inbox->isLocal))
                m_settings.setValue(key, m_store.messages().maxInboxId(account.id));
            continue;
        }
        const qint64 mark = m_settings.value(key).toLongLong();
        const std::vector<store::MessageRow> fresh =
            m_store.messages().unseenInboxAfter(account.id, mark);
        if (fresh.empty()) {
            m_waiting.remove(account.id);
            continue;
        }
        // Give the sender check a moment, so a forged sender is flagged in the notification.
        const bool settled = std::all_of(fresh.begin(), fresh.end(), verdictSettled);
        if (!settled && isEnabled()) {
            auto it = m_waiting.find(account.id);
            if (it == m_waiting.end()) {
                it = m_waiting.insert(account.id, QElapsedTimer());
                it->start();
            }
            if (it->elapsed() < kVerdictWaitMs) {
                m_again->start();
                continue;
            }
        }
        m_waiting.remove(account.id);
        m_settings.setValue(key, fresh.back().id);
        if (isEnabled())
            announce(account, fresh);
    }
}

void MailNotifier::announce(const store::Account &account,
                            const std::vector<store::MessageRow> &messages)
{
    if (messages.size() > size_t(kGroupAbove)) {
        const Text text = describe(account, messages);
        m_desktop.notify(text.summary, text.body, tokenFor(account.id, 0));
        return;
    }
    for (const store::MessageRow &m : messages) {
        const Text text = describe(account, {m});
        m_desktop.notify(text.summary, text.body, tokenFor(account.id, m.id));
    }
}

MailNotifier::Text MailNotifier::describe(const store::Account &account,
                                          const std::vector<store::MessageRow> &messages)
{
    Text text;
    if (messages.size() == 1) {
        const store::MessageRow &m = messages.front();
        text.summary = tr("New mail from %1").arg(senderOf(m));
        text.body = subjectOf(m);
        if (const QString warning = verdictWarning(m); !warning.isEmpty())
            text.body += QLatin1Char('\n') + warning;
        return text;
    }
    const QString where = account.email.isEmpty() ? account.name : account.email;
    text.summary = tr("%n new messages in %1", nullptr, int(messages.size())).arg(where);
    // The newest first, as the list shows them.
    QStringList lines;
    constexpr int kShown = 3;
    for (auto it = messages.rbegin(); it != messages.rend() && lines.size() < kShown; ++it) {
        QString line = QStringLiteral("%1: %2").arg(senderOf(*it), subjectOf(*it));
        if (const QString warning = verdictWarning(*it); !warning.isEmpty())
            line += QStringLiteral(" (%1)").arg(warning);
        lines << line;
    }
    if (messages.size() > size_t(kShown))
        lines << tr("and %n more", nullptr, int(messages.size() - size_t(kShown)));
    text.body = lines.join(QLatin1Char('\n'));
    return text;
}

QString MailNotifier::verdictWarning(const store::MessageRow &message)
{
    if (message.authSummary != store::AuthSummary::Fail)
        return QString();
    const QJsonObject dmarc = QJsonDocument::fromJson(message.authJson.toUtf8())
                                  .object()
                                  .value(QLatin1String("dmarc"))
                                  .toObject();
    QString domain = dmarc.value(QLatin1String("domain")).toString();
    if (domain.isEmpty())
        domain = message.fromAddr.section(QLatin1Char('@'), 1);
    if (dmarc.value(QLatin1String("result")).toString() == QLatin1String("fail"))
        return tr("⚠ DMARC failed: may not be from %1").arg(domain);
    return tr("⚠ Sender not verified: may not be from %1").arg(domain);
}

} // namespace herald::ui
