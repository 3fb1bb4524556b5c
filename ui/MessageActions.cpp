#include "ui/MessageActions.h"

#include "core/store/Sqlite.h"
#include "core/store/Store.h"
#include "core/sync/LocalActions.h"
#include "ui/CacheWriter.h"
#include "ui/MessageListModel.h"

#include <QAction>
#include <QDateTime>
#include <QKeySequence>
#include <QLabel>
#include <QTimer>
#include <algorithm>

namespace herald::ui {

namespace {
constexpr size_t kUndoDepth = 20; // older changes can no longer be undone
}

MessageActions::MessageActions(CacheWriter &writer, MessageListModel &list, QObject *parent)
    : QObject(parent), m_writer(writer), m_list(list)
{
    m_undoAction = new QAction(tr("&Undo"), this);
    m_undoAction->setObjectName(QStringLiteral("undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    connect(m_undoAction, &QAction::triggered, this, &MessageActions::undo);

    m_notice = new QLabel;
    m_notice->setObjectName(QStringLiteral("undoNotice"));
    m_notice->setTextFormat(Qt::RichText);
    m_notice->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_notice->setAccessibleName(tr("Last change"));
    m_notice->hide();
    connect(m_notice, &QLabel::linkActivated, this, &MessageActions::undo);
    connect(this, &QObject::destroyed, m_notice, [notice = m_notice] {
        if (!notice->parent())
            delete notice; // never put in a status bar
    });
    m_noticeTimer = new QTimer(this);
    m_noticeTimer->setSingleShot(true);
    connect(m_noticeTimer, &QTimer::timeout, m_notice, &QWidget::hide);
    updateUndoAction();
}

QString MessageActions::count(int n)
{
    return n == 1 ? tr("1 message") : tr("%n messages", nullptr, n);
}

void MessageActions::setFlag(const QList<qint64> &ids, int flag, bool on, bool undoable)
{
    const QString name =
        flag == store::FlagSeen ? QStringLiteral("\\Seen") : QStringLiteral("\\Flagged");
    const QStringList add = on ? QStringList{name} : QStringList();
    const QStringList remove = on ? QStringList() : QStringList{name};
    // Shown now; the list keeps showing it over reloads until the write is reported.
    QList<qint64> shown;
    for (const qint64 id : ids)
        if (const store::MessageRow *m = m_list.message(m_list.rowOfMessage(id))) {
            m_list.setPendingFlags(id, on ? (m->flags | flag) : (m->flags & ~flag), m->keywords);
            shown << id;
        }
    QString what, notice;
    const QString n = count(int(ids.size()));
    if (flag == store::FlagSeen) {
        what = on ? tr("Mark as Read of %1").arg(n) : tr("Mark as Unread of %1").arg(n);
        notice = on ? tr("Marked %1 as read").arg(n) : tr("Marked %1 as unread").arg(n);
    } else {
        what = on ? tr("Flag of %1").arg(n) : tr("Remove Flag of %1").arg(n);
        notice = on ? tr("Flagged %1").arg(n) : tr("Removed the flag of %1").arg(n);
    }
    apply(
        ids, false, undoable, what, notice, tr("Could not change the message: %1"),
        [add, remove](sync::LocalActions &a, qint64 id) { a.changeFlags(id, add, remove); },
        [this, shown] {
            for (const qint64 id : shown)
                m_list.forgetPendingFlags(id);
        });
}

void MessageActions::move(const QList<qint64> &ids, const QString &folderName)
{
    const QString n = count(int(ids.size()));
    apply(ids, true, true, tr("Move of %1").arg(n), tr("Moved %1 to %2").arg(n, folderName),
          tr("Could not move the message: %1"),
          [folderName](sync::LocalActions &a, qint64 id) { a.move(id, folderName); });
}

void MessageActions::remove(const QList<qint64> &ids)
{
    const QString n = count(int(ids.size()));
    apply(ids, true, true, tr("Delete of %1").arg(n), tr("Deleted %1").arg(n),
          tr("Could not delete the message: %1"),
          [](sync::LocalActions &a, qint64 id) { a.remove(id); });
}

void MessageActions::copy(const QList<qint64> &ids, const QString &folderName)
{
    apply(ids, false, false, QString(), QString(), tr("Could not copy the message: %1"),
          [folderName](sync::LocalActions &a, qint64 id) { a.copy(id, folderName); });
}

void MessageActions::apply(const QList<qint64> &ids, bool hide, bool undoable, const QString &what,
                           const QString &notice, const QString &failure, Change change,
                           std::function<void()> afterWrite)
{
    if (ids.isEmpty())
        return;
    if (hide)
        for (const qint64 id : ids)
            m_list.hideMessage(id);
    auto record = std::make_shared<sync::ChangeRecord>();
    const qint64 holdUntil =
        undoable && m_undoWindow > 0 ? QDateTime::currentSecsSinceEpoch() + m_undoWindow : 0;
    // One transaction: all of the messages change, or none (and the record is whole).
    m_writer.run(
        [ids, record, holdUntil, undoable, change = std::move(change)](store::Store &s) {
            store::Transaction tx(s.db());
            sync::LocalActions actions(s);
            actions.holdTasksUntil(holdUntil);
            if (undoable)
                actions.recordInto(record.get());
            for (const qint64 id : ids)
                change(actions, id);
            tx.commit();
        },
        this,
        [this, ids, hide, record, what, notice, failure,
         afterWrite = std::move(afterWrite)](const QString &error) {
            if (afterWrite)
                afterWrite();
            if (hide)
                for (const qint64 id : ids)
                    m_list.forgetHidden(id);
            if (!error.isEmpty()) {
                emit failed(failure.arg(error));
                return;
            }
            if (!record->isEmpty())
                push({what, notice, record, hide});
            emit written();
        });
}

void MessageActions::push(Entry entry)
{
    m_notice->setText(tr("%1 — <a href=\"undo\">Undo</a>").arg(entry.notice.toHtmlEscaped()));
    m_notice->setAccessibleName(tr("%1. Undo with Ctrl+Z").arg(entry.notice));
    m_notice->show();
    m_noticeTimer->start(std::max(m_undoWindow, 5) * 1000);
    m_undo.push_back(std::move(entry));
    while (m_undo.size() > kUndoDepth)
        m_undo.pop_front();
    updateUndoAction();
}

void MessageActions::updateUndoAction()
{
    const bool any = !m_undo.empty();
    m_undoAction->setEnabled(any);
    m_undoAction->setText(any ? tr("&Undo %1").arg(m_undo.back().what) : tr("&Undo"));
    m_undoAction->setToolTip(m_undoAction->text().remove(QLatin1Char('&')) +
                             QStringLiteral(" (Ctrl+Z)"));
}

void MessageActions::undo()
{
    if (m_undo.empty())
        return;
    const Entry entry = std::move(m_undo.back());
    m_undo.pop_back();
    updateUndoAction();
    m_noticeTimer->stop();
    m_notice->hide();
    auto outcome = std::make_shared<sync::UndoOutcome>();
    m_writer.run(
        [record = entry.record, outcome](store::Store &s) {
            *outcome = sync::LocalActions(s).undo(*record);
        },
        this,
        [this, what = entry.what, rowsLeft = entry.rowsLeft, outcome](const QString &error) {
            if (!error.isEmpty()) {
                emit failed(tr("Could not undo the %1: %2").arg(what, error));
                return;
            }
            QList<qint64> ids;
            if (rowsLeft)
                ids = QList<qint64>(outcome->messageIds.begin(), outcome->messageIds.end());
            emit undone(ids, outcome->problems.isEmpty()
                                 ? tr("Undone: %1").arg(what)
                                 : tr("Undone in part: %1 (%2)")
                                       .arg(what, outcome->problems.join(QStringLiteral("; "))));
        });
}

} // namespace herald::ui
