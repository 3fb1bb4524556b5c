#pragma once
// The window to write one message: From (every identity of every account), To, Cc, Bcc with
// completion, Subject, a plain-text body, attachments. What it shows is saved as a draft by the
// core (smtp::Drafts, the same draft each time) a few seconds after each change and when it
// closes; Send (Ctrl+Return) checks the recipients, queues the message in the outbox and closes
// at once. Every write goes through ComposeService's worker thread, never the UI thread.

#include "core/mime/MessageBuilder.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStringListModel;
class QTimer;

namespace herald::store {
class Store;
}

namespace herald::ui {

class AttachmentList;
class ComposeService;

class ComposeWindow : public QWidget
{
    Q_OBJECT
public:
    struct Start
    {
        qint64 accountId = 0;
        QString identityEmail;   // empty: the account's default identity
        mime::Draft draft;       // the fields to show; its text already signed
        qint64 draftId = 0;      // an existing draft being edited
        qint64 replacesTask = 0; // an outbox message being edited (sent again in its place)
        // The cached message this answers: flagged \Answered (a reply) or $Forwarded once the
        // answer is in the outbox.
        qint64 answers = 0;
        bool forwards = false;
        // A new message: the identity's signature goes under two empty lines to write on.
        bool addSignature = false;
    };

    // `addresses` ("Name <address>", most used first) is shared by every compose window.
    ComposeWindow(store::Store &store, ComposeService &service, QStringListModel *addresses,
                  QWidget *parent = nullptr);
    ~ComposeWindow() override;

    void start(const Start &start);

    // The message as the fields say (recipients that are not addresses left out).
    mime::Draft draft() const;
    qint64 accountId() const;
    qint64 draftId() const { return m_draftId; }
    qint64 replacesTask() const { return m_replacesTask; }
    bool hasUnsavedChanges() const { return m_dirty; }
    // Milliseconds from a change to its automatic save (default 3000).
    void setAutosaveDelay(int ms);

    // Checks the recipients and queues the message; false (and the reason shown) otherwise.
    bool send();
    // Saves now if anything changed since the last save.
    void saveDraft();
    // The reason shown when Send refused, or empty.
    QString errorText() const;

    QComboBox *fromBox() const { return m_from; }
    QLineEdit *toEdit() const { return m_to; }
    QLineEdit *ccEdit() const { return m_cc; }
    QLineEdit *bccEdit() const { return m_bcc; }
    QLineEdit *subjectEdit() const { return m_subject; }
    QPlainTextEdit *bodyEdit() const { return m_body; }
    AttachmentList *attachments() const { return m_attachments; }
    QPushButton *sendButton() const { return m_sendButton; }

signals:
    void draftSaved(qint64 draftId);
    void saveFailed(const QString &error);
    void queued(); // Send accepted the message; the window is closing
    void sendFailed(const QString &error);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void fillFromBox();
    void onIdentityChanged();
    void markChanged();
    void showError(const QString &text, QWidget *focus);
    void updateTitle();
    QString currentSignature() const;

    store::Store &m_store;
    ComposeService &m_service;
    quint64 m_session;
    mime::Draft m_base; // what the fields do not show (In-Reply-To, References, HTML)
    qint64 m_draftId = 0;
    qint64 m_replacesTask = 0;
    qint64 m_answers = 0;
    bool m_forwards = false;
    bool m_dirty = false;
    bool m_sent = false;
    bool m_loading = false;
    int m_identityIndex = -1;

    QComboBox *m_from = nullptr;
    QLineEdit *m_to = nullptr;
    QLineEdit *m_cc = nullptr;
    QLineEdit *m_bcc = nullptr;
    QLineEdit *m_subject = nullptr;
    QPlainTextEdit *m_body = nullptr;
    AttachmentList *m_attachments = nullptr;
    QPushButton *m_sendButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_autosave = nullptr;
};

} // namespace herald::ui
