#include "ui/MessageWindow.h"

#include "core/authres/AuthVerdict.h"
#include "core/authres/UnboundResolver.h"
#include "core/ingest/MessageIngest.h"
#include "core/mime/MessageParser.h"
#include "ui/MessageView.h"
#include "ui/VerdictBar.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QPointer>
#include <QThreadPool>
#include <QVBoxLayout>

namespace herald::ui {

MessageWindow::MessageWindow(QWidget *parent) : QWidget(parent, Qt::Window)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(QStringLiteral("messageWindow"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("senderCheckNote"));
    m_note->setTextFormat(Qt::PlainText);
    m_note->setWordWrap(true);
    m_note->setContentsMargins(12, 4, 12, 4);
    m_note->setAccessibleName(tr("Sender check"));
    m_view = new MessageView(this);
    m_view->setAccessibleName(tr("Message"));
    layout->addWidget(m_note);
    layout->addWidget(m_view, 1);
    resize(800, 640);
}

bool MessageWindow::openFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1 cannot be read: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray raw = file.readAll();
    if (raw.trimmed().isEmpty()) {
        *error = tr("%1 is empty: there is no message in it.").arg(path);
        return false;
    }
    m_path = QFileInfo(path).absoluteFilePath();
    showBytes(raw, QFileInfo(path).fileName());
    return true;
}

void MessageWindow::showBytes(const QByteArray &raw, const QString &name)
{
    m_raw = raw;
    m_checked = false;
    const quint64 generation = ++m_generation;
    store::MessageRow row = sync::projectMessage(mime::parseMessage(raw));
    row.authState = store::AuthState::None;
    m_view->showMessage(row, raw);
    m_view->verdictBar()->hide(); // until Herald's own check has an answer
    m_note->setText(tr("Checking the sender (SPF, DKIM, DMARC, ARC)…"));
    setWindowTitle(
        tr("%1 — %2").arg(row.subject.isEmpty() ? tr("(no subject)") : row.subject, name));

    // DNS may take seconds (or time out offline): never on the UI thread.
    QPointer<MessageWindow> self(this);
    const QString nameserver = qEnvironmentVariable("HERALD_NAMESERVER");
    QThreadPool::globalInstance()->start([self, raw, nameserver, generation] {
        QString json;
        int summary = 0;
        bool incomplete = true;
        try {
            authres::UnboundResolver resolver(nameserver);
            const authres::AuthOutcome outcome =
                authres::evaluateAuth(raw, authres::AuthOptions(), resolver);
            json = QString::fromUtf8(QJsonDocument(outcome.verdict).toJson(QJsonDocument::Compact));
            summary = int(authres::summarizeAuth(outcome.verdict));
            incomplete = outcome.incomplete;
        } catch (const std::exception &) {
            // No resolver (bad HERALD_NAMESERVER): nothing checked, said below.
        }
        QMetaObject::invokeMethod(qApp, [self, json, summary, incomplete, generation] {
            if (self && self->m_generation == generation)
                self->onVerdict(json, summary, incomplete);
        });
    });
}

void MessageWindow::onVerdict(const QString &authJson, int summary, bool incomplete)
{
    store::MessageRow row = sync::projectMessage(mime::parseMessage(m_raw));
    row.authJson = authJson;
    row.authSummary = store::AuthSummary(summary);
    // Not Incomplete: the bar would promise a check "on the next sync"; the note says it.
    row.authState = store::AuthState::Verified;
    m_checked = true;
    if (authJson.isEmpty()) {
        m_note->setText(tr("The sender could not be checked: no DNS resolver could be used."));
    } else {
        m_view->verdictBar()->showVerdict(row);
        m_view->verdictBar()->show();
        m_note->setText(incomplete ? tr("Some checks could not be made: DNS did not answer "
                                        "(offline?). The results below say which.")
                                   : QString());
    }
    m_note->setVisible(!m_note->text().isEmpty());
    emit senderCheckFinished();
}

QString MessageWindow::checkNote() const
{
    return m_note->text();
}

} // namespace herald::ui
