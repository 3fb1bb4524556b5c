#include "ui/ComposeWindow.h"

#include "core/engine/smtp/StartDraft.h"
#include "core/mime/AddressInput.h"
#include "core/mime/Signature.h"
#include "core/store/Store.h"
#include "ui/AddressCompleter.h"
#include "ui/AttachmentList.h"
#include "ui/ComposeService.h"
#include "ui/Icons.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStringListModel>
#include <QStyle>
#include <QTime>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <functional>

namespace herald::ui {

namespace {

enum ItemRole { AccountRole = Qt::UserRole + 1, EmailRole, NameRole, SignatureRole };

// The body: files dropped on it become attachments instead of their paths as text.
class BodyEdit : public QPlainTextEdit
{
public:
    using QPlainTextEdit::QPlainTextEdit;
    std::function<void(const QStringList &)> onFiles;

protected:
    bool canInsertFromMimeData(const QMimeData *source) const override
    {
        return !AttachmentList::localFiles(source).isEmpty() ||
               QPlainTextEdit::canInsertFromMimeData(source);
    }
    void insertFromMimeData(const QMimeData *source) override
    {
        const QStringList files = AttachmentList::localFiles(source);
        if (!files.isEmpty() && onFiles)
            onFiles(files);
        else
            QPlainTextEdit::insertFromMimeData(source);
    }
};

QString joined(const std::vector<mime::Address> &list)
{
    QStringList parts;
    for (const mime::Address &a : list) {
        QString name = a.name;
        if (name.contains(QLatin1Char(',')) || name.contains(QLatin1Char(';')))
            name = QLatin1Char('"') + name + QLatin1Char('"');
        parts << (name.isEmpty() ? a.email : QStringLiteral("%1 <%2>").arg(name, a.email));
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

ComposeWindow::ComposeWindow(store::Store &store, ComposeService &service,
                             QStringListModel *addresses, QWidget *parent)
    : QWidget(parent, Qt::Window), m_store(store), m_service(service),
      m_session(ComposeService::newSession())
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowIcon(icons::appIcon());
    setObjectName(QStringLiteral("composeWindow"));

    m_sendButton =
        new QPushButton(style()->standardIcon(QStyle::SP_DialogYesButton), tr("&Send"), this);
    m_sendButton->setObjectName(QStringLiteral("send"));
    m_sendButton->setToolTip(tr("Send (Ctrl+Return)"));
    m_saveButton = new QPushButton(style()->standardIcon(QStyle::SP_DialogSaveButton),
                                   tr("Save &Draft"), this);
    m_saveButton->setObjectName(QStringLiteral("saveDraft"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("composeStatus"));
    auto *sendAction = new QAction(tr("Send"), this);
    sendAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    addAction(sendAction);
    auto *saveAction = new QAction(tr("Save Draft"), this);
    saveAction->setShortcut(QKeySequence::Save);
    addAction(saveAction);
    connect(sendAction, &QAction::triggered, this, &ComposeWindow::send);
    connect(m_sendButton, &QPushButton::clicked, this, &ComposeWindow::send);
    connect(saveAction, &QAction::triggered, this, [this] {
        m_dirty = true; // an explicit save always saves
        saveDraft();
    });
    connect(m_saveButton, &QPushButton::clicked, saveAction, &QAction::trigger);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("composeError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b00020; font-weight: bold; }"));
    m_error->hide();

    m_from = new QComboBox(this);
    m_from->setObjectName(QStringLiteral("from"));
    // Named itself, not by its current item; its pop-up list too (seen over AT-SPI).
    m_from->setAccessibleName(tr("From"));
    m_from->view()->setAccessibleName(tr("Identities"));
    auto makeAddressEdit = [&](const char *name) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QString::fromLatin1(name));
        edit->setClearButtonEnabled(true);
        for (QToolButton *clear : edit->findChildren<QToolButton *>())
            clear->setAccessibleName(tr("Clear"));
        new AddressCompleter(addresses, edit);
        return edit;
    };
    m_to = makeAddressEdit("to");
    m_cc = makeAddressEdit("cc");
    m_bcc = makeAddressEdit("bcc");
    m_to->setPlaceholderText(tr("name@example.org, another@example.org"));
    m_subject = new QLineEdit(this);
    m_subject->setObjectName(QStringLiteral("subject"));

    auto *body = new BodyEdit(this);
    body->onFiles = [this](const QStringList &files) { m_attachments->addFiles(files); };
    m_body = body;
    m_body->setObjectName(QStringLiteral("body"));
    m_body->setAccessibleName(tr("Message text"));
    m_body->setTabChangesFocus(true);
    m_body->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    QFont mono = m_body->font();
    mono.setStyleHint(QFont::TypeWriter);
    mono.setFamily(QStringLiteral("monospace"));
    m_body->setFont(mono);

    m_attachments = new AttachmentList(this);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To:"), m_to);
    form->addRow(tr("&Cc:"), m_cc);
    form->addRow(tr("&Bcc:"), m_bcc);
    form->addRow(tr("S&ubject:"), m_subject);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_sendButton);
    buttons->addWidget(m_saveButton);
    buttons->addStretch();
    buttons->addWidget(m_status);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_error);
    layout->addLayout(form);
    layout->addWidget(m_body, 1);
    layout->addWidget(m_attachments);

    m_autosave = new QTimer(this);
    m_autosave->setSingleShot(true);
    m_autosave->setInterval(3000);
    connect(m_autosave, &QTimer::timeout, this, &ComposeWindow::saveDraft);

    for (QLineEdit *edit : {m_to, m_cc, m_bcc, m_subject})
        connect(edit, &QLineEdit::textChanged, this, &ComposeWindow::markChanged);
    connect(m_subject, &QLineEdit::textChanged, this, &ComposeWindow::updateTitle);
    connect(m_body, &QPlainTextEdit::textChanged, this, &ComposeWindow::markChanged);
    connect(m_attachments, &AttachmentList::changed, this, &ComposeWindow::markChanged);

    fillFromBox();
    connect(m_from, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &ComposeWindow::onIdentityChanged);
    setAcceptDrops(true);
    resize(760, 640);
    updateTitle();
}

ComposeWindow::~ComposeWindow() = default;

void ComposeWindow::fillFromBox()
{
    const auto accounts = m_store.accounts().list();
    for (const store::Account &account : accounts)
        for (const accounts::Identity &i : smtp::accountIdentities(account)) {
            QString text = i.displayName.isEmpty()
                               ? i.email
                               : QStringLiteral("%1 <%2>").arg(i.displayName, i.email);
            if (accounts.size() > 1)
                text = tr("%1 (account %2)").arg(text, account.name);
            m_from->addItem(text);
            const int row = m_from->count() - 1;
            m_from->setItemData(row, account.id, AccountRole);
            m_from->setItemData(row, i.email, EmailRole);
            m_from->setItemData(row, i.displayName, NameRole);
            m_from->setItemData(row, i.signature, SignatureRole);
        }
    m_identityIndex = m_from->currentIndex();
}

void ComposeWindow::start(const Start &s)
{
    m_loading = true;
    int pick = -1;
    for (int row = 0; row < m_from->count(); ++row) {
        if (m_from->itemData(row, AccountRole).toLongLong() != s.accountId)
            continue;
        if (pick < 0)
            pick = row; // the account's default identity
        if (!s.identityEmail.isEmpty() &&
            m_from->itemData(row, EmailRole)
                    .toString()
                    .compare(s.identityEmail, Qt::CaseInsensitive) == 0) {
            pick = row;
            break;
        }
    }
    if (pick >= 0)
        m_from->setCurrentIndex(pick);
    m_identityIndex = m_from->currentIndex();

    m_base = s.draft;
    m_draftId = s.draftId;
    m_replacesTask = s.replacesTask;
    m_answers = s.answers;
    m_forwards = s.forwards;
    m_to->setText(joined(s.draft.to));
    m_cc->setText(joined(s.draft.cc));
    m_bcc->setText(joined(s.draft.bcc));
    m_subject->setText(s.draft.subject);
    m_body->setPlainText(s.addSignature
                             ? QStringLiteral("\n\n") + mime::signatureBlock(currentSignature())
                             : s.draft.text);
    m_attachments->setFiles(s.draft.attachments);
    QTextCursor cursor = m_body->textCursor();
    cursor.movePosition(QTextCursor::Start);
    m_body->setTextCursor(cursor);
    m_loading = false;
    m_dirty = false;
    updateTitle();
    if (m_to->text().isEmpty() && m_cc->text().isEmpty() && m_bcc->text().isEmpty())
        m_to->setFocus();
    else
        m_body->setFocus();
}

qint64 ComposeWindow::accountId() const
{
    return m_from->currentData(AccountRole).toLongLong();
}

QString ComposeWindow::currentSignature() const
{
    return m_from->currentData(SignatureRole).toString();
}

void ComposeWindow::setAutosaveDelay(int ms)
{
    m_autosave->setInterval(ms);
}

void ComposeWindow::onIdentityChanged()
{
    const QString old = m_identityIndex >= 0
                            ? m_from->itemData(m_identityIndex, SignatureRole).toString()
                            : QString();
    m_identityIndex = m_from->currentIndex();
    const QString text = m_body->toPlainText();
    const QString signedText = mime::replaceSignature(text, old, currentSignature());
    if (signedText != text) {
        // One undoable edit; the cursor stays where the user was writing.
        const int position = m_body->textCursor().position();
        QTextCursor all(m_body->document());
        all.select(QTextCursor::Document);
        all.insertText(signedText);
        QTextCursor back = m_body->textCursor();
        back.setPosition(std::min(position, int(signedText.size())));
        m_body->setTextCursor(back);
    }
    markChanged();
}

void ComposeWindow::markChanged()
{
    if (m_loading || m_sent)
        return;
    m_dirty = true;
    m_autosave->start();
}

void ComposeWindow::updateTitle()
{
    const QString subject = m_subject->text().trimmed();
    setWindowTitle(subject.isEmpty() ? tr("New Message") : tr("%1 — Herald").arg(subject));
}

mime::Draft ComposeWindow::draft() const
{
    mime::Draft d = m_base;
    d.html.clear(); // the window writes plain text; an HTML part would say something else
    d.messageId.clear();
    d.date = QDateTime();
    d.writeBcc = false;
    d.from = {
        m_from->currentData(NameRole).toString(), m_from->currentData(EmailRole).toString(), {}};
    d.to = mime::parseAddressInput(m_to->text()).addresses;
    d.cc = mime::parseAddressInput(m_cc->text()).addresses;
    d.bcc = mime::parseAddressInput(m_bcc->text()).addresses;
    d.subject = m_subject->text();
    d.text = m_body->toPlainText();
    d.attachments = m_attachments->files();
    return d;
}

void ComposeWindow::showError(const QString &text, QWidget *focus)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    if (focus)
        focus->setFocus();
}

QString ComposeWindow::errorText() const
{
    return m_error->text(); // cleared when Send goes through
}

bool ComposeWindow::send()
{
    if (m_sent)
        return false;
    if (m_from->count() == 0) {
        showError(tr("There is no account to send from. Add an account first."), nullptr);
        return false;
    }
    int recipients = 0;
    const std::pair<QLineEdit *, QString> fields[] = {
        {m_to, tr("To")}, {m_cc, tr("Cc")}, {m_bcc, tr("Bcc")}};
    for (const auto &[edit, label] : fields) {
        const mime::AddressInput in = mime::parseAddressInput(edit->text());
        if (!in.invalid.isEmpty()) {
            showError(tr("“%1” in %2 is not an e-mail address. Write addresses like "
                         "name@example.org, separated by commas.")
                          .arg(in.invalid.join(QStringLiteral("”, “")), label),
                      edit);
            return false;
        }
        recipients += int(in.addresses.size());
    }
    if (recipients == 0) {
        showError(tr("Add at least one recipient in To, Cc or Bcc."), m_to);
        return false;
    }
    for (const mime::Draft::File &f : m_attachments->files())
        if (f.data.isEmpty() && !f.path.isEmpty() && !QFileInfo(f.path).isReadable()) {
            showError(tr("The attached file %1 can no longer be read. Remove it or attach it "
                         "again.")
                          .arg(f.path),
                      m_attachments);
            return false;
        }
    showError(QString(), nullptr);
    m_autosave->stop();
    m_sent = true;
    // Into the outbox on the worker; the main window sends it (SyncController) from there.
    ComposeService::Sending sending;
    sending.draftId = m_draftId;
    sending.replacesTask = m_replacesTask;
    sending.answers = m_answers;
    sending.forwards = m_forwards;
    m_service.send(m_session, accountId(), draft(), sending, nullptr, nullptr);
    emit queued();
    close();
    return true;
}

void ComposeWindow::saveDraft()
{
    m_autosave->stop();
    if (!m_dirty || m_sent || m_from->count() == 0)
        return;
    m_dirty = false;
    m_status->setText(tr("Saving draft…"));
    m_service.saveDraft(
        m_session, accountId(), draft(), m_draftId, this, [this](qint64 id, const QString &error) {
            if (!error.isEmpty()) {
                m_dirty = true;
                m_status->setText(tr("Draft not saved: %1").arg(error));
                emit saveFailed(error);
                return;
            }
            m_draftId = id;
            m_status->setText(
                tr("Draft saved at %1")
                    .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
            emit draftSaved(id);
        });
}

void ComposeWindow::closeEvent(QCloseEvent *event)
{
    saveDraft(); // the last change, if any (runs on the worker after the window is gone)
    event->accept();
}

void ComposeWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!AttachmentList::localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void ComposeWindow::dropEvent(QDropEvent *event)
{
    const QStringList files = AttachmentList::localFiles(event->mimeData());
    if (files.isEmpty())
        return;
    m_attachments->addFiles(files);
    event->acceptProposedAction();
}

} // namespace herald::ui
