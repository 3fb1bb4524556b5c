#include "ui/MessageView.h"

#include "core/mime/MessageParser.h"
#include "ui/SafeTextBrowser.h"
#include "ui/SearchHighlight.h"
#include "ui/VerdictBar.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScopeGuard>
#include <QSet>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QTextBlock>
#include <QTextDocument>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace herald::ui {

namespace {
QString joinAddresses(const std::vector<mime::Address> &list)
{
    QStringList out;
    for (const auto &a : list)
        out << a.display();
    return out.join(QStringLiteral(", "));
}

QString formatDate(const QDateTime &date)
{
    if (!date.isValid())
        return QString();
    const QDateTime local = date.toLocalTime();
    const QLocale locale;
    return locale.toString(local.date(), QLocale::LongFormat) + QStringLiteral(", ") +
           locale.toString(local.time(), QLocale::ShortFormat);
}

// Remote image URLs of a rich-text document: what QTextBrowser would ask loadResource for.
QSet<QString> remoteImages(const QTextDocument *doc)
{
    QSet<QString> out;
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat fmt = it.fragment().charFormat();
            if (!fmt.isImageFormat())
                continue;
            const QString name = fmt.toImageFormat().name();
            if (SafeTextBrowser::isRemote(QUrl(name)))
                out.insert(name);
        }
    }
    return out;
}
} // namespace

MessageView::MessageView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    // Header.
    m_header = new QWidget(this);
    m_header->setBackgroundRole(QPalette::Base);
    m_header->setAutoFillBackground(true);
    auto *headerLayout = new QVBoxLayout(m_header);
    headerLayout->setContentsMargins(12, 10, 12, 10);
    headerLayout->setSpacing(6);
    m_subject = new QLabel(m_header);
    m_subject->setTextFormat(Qt::PlainText);
    m_subject->setWordWrap(true);
    m_subject->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont subjectFont = m_subject->font();
    subjectFont.setBold(true);
    subjectFont.setPointSizeF(subjectFont.pointSizeF() * 1.3);
    m_subject->setFont(subjectFont);
    headerLayout->addWidget(m_subject);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(2);
    grid->setColumnStretch(1, 1);
    auto addRow = [&](int row, const QString &caption, QLabel *&captionLabel, QLabel *&value) {
        captionLabel = new QLabel(caption, m_header);
        captionLabel->setAlignment(Qt::AlignRight | Qt::AlignTop);
        QPalette pal = captionLabel->palette();
        pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
        captionLabel->setPalette(pal);
        value = new QLabel(m_header);
        value->setTextFormat(Qt::PlainText); // header text is never interpreted as markup
        value->setWordWrap(true);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        grid->addWidget(captionLabel, row, 0);
        grid->addWidget(value, row, 1);
    };
    addRow(0, tr("From:"), m_fromCaption, m_from);
    addRow(1, tr("To:"), m_toCaption, m_to);
    addRow(2, tr("Cc:"), m_ccCaption, m_cc);
    addRow(3, tr("Date:"), m_dateCaption, m_date);
    headerLayout->addLayout(grid);
    layout->addWidget(m_header);

    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);

    m_verdict = new VerdictBar(this);
    layout->addWidget(m_verdict);

    // Remote content notice.
    m_remoteBar = new QFrame(this);
    m_remoteBar->setObjectName(QStringLiteral("remoteContentBar"));
    m_remoteBar->setStyleSheet(QStringLiteral(
        "#remoteContentBar { background: #fff4ce; border-bottom: 1px solid #e6d08a; }"
        "#remoteContentBar QLabel { color: #4d3d00; }"));
    auto *barLayout = new QHBoxLayout(m_remoteBar);
    barLayout->setContentsMargins(12, 6, 12, 6);
    auto *barIcon = new QLabel(m_remoteBar);
    barIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(16, 16));
    barLayout->addWidget(barIcon);
    m_remoteLabel = new QLabel(m_remoteBar);
    m_remoteLabel->setWordWrap(true);
    m_remoteLabel->setTextFormat(Qt::PlainText);
    barLayout->addWidget(m_remoteLabel, 1);
    m_remoteBar->hide();
    layout->addWidget(m_remoteBar);

    // Body.
    m_bodyStack = new QStackedWidget(this);
    m_placeholder = new QLabel(tr("No message selected"), m_bodyStack);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setBackgroundRole(QPalette::Base);
    m_placeholder->setAutoFillBackground(true);
    QPalette placeholderPalette = m_placeholder->palette();
    placeholderPalette.setColor(QPalette::WindowText,
                                placeholderPalette.color(QPalette::PlaceholderText));
    m_placeholder->setPalette(placeholderPalette);
    m_text = new QPlainTextEdit(m_bodyStack);
    m_text->setAccessibleName(tr("Message text"));
    m_text->setReadOnly(true);
    m_text->setFrameShape(QFrame::NoFrame);
    m_text->document()->setDocumentMargin(12);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard |
                                    Qt::LinksAccessibleByMouse);
    m_html = new SafeTextBrowser(m_bodyStack);
    m_html->setAccessibleName(tr("Message text"));
    m_html->setFrameShape(QFrame::NoFrame);
    m_html->document()->setDocumentMargin(12);
    m_bodyStack->addWidget(m_placeholder);
    m_bodyStack->addWidget(m_text);
    m_bodyStack->addWidget(m_html);
    layout->addWidget(m_bodyStack, 1);
    connect(m_html, &SafeTextBrowser::resourceBlocked, this, [this](const QUrl &, bool remote) {
        if (remote && !m_remoteNotice) {
            m_remoteImages = qMax(1, m_remoteImages);
            updateRemoteNotice();
        }
    });

    // Attachments.
    m_attachmentBox = new QFrame(this);
    auto *attLayout = new QVBoxLayout(m_attachmentBox);
    attLayout->setContentsMargins(8, 6, 8, 8);
    attLayout->setSpacing(4);
    auto *attTop = new QHBoxLayout;
    auto *attTitle = new QLabel(tr("Attachments"), m_attachmentBox);
    QFont titleFont = attTitle->font();
    titleFont.setBold(true);
    attTitle->setFont(titleFont);
    attTop->addWidget(attTitle);
    attTop->addStretch(1);
    m_saveButton = new QPushButton(style()->standardIcon(QStyle::SP_DialogSaveButton), tr("Save…"),
                                   m_attachmentBox);
    m_saveButton->setEnabled(false);
    attTop->addWidget(m_saveButton);
    attLayout->addLayout(attTop);
    m_attachmentList = new QTreeWidget(m_attachmentBox);
    m_attachmentList->setAccessibleName(tr("Attachments"));
    m_attachmentList->setColumnCount(3);
    m_attachmentList->setHeaderLabels({tr("Name"), tr("Type"), tr("Size")});
    m_attachmentList->setRootIsDecorated(false);
    m_attachmentList->setUniformRowHeights(true);
    m_attachmentList->header()->setStretchLastSection(false);
    m_attachmentList->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_attachmentList->header()->resizeSection(1, 180);
    m_attachmentList->header()->resizeSection(2, 80);
    attLayout->addWidget(m_attachmentList);
    layout->addWidget(m_attachmentBox);
    connect(m_attachmentList, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_saveButton->setEnabled(!m_attachmentList->selectedItems().isEmpty()); });
    connect(m_attachmentList, &QTreeWidget::itemActivated, this,
            [this] { saveSelectedAttachment(); });
    connect(m_saveButton, &QPushButton::clicked, this, &MessageView::saveSelectedAttachment);

    clear();
}

void MessageView::setHeaderRow(QLabel *caption, QLabel *value, const QString &text)
{
    value->setText(text);
    caption->setVisible(!text.isEmpty());
    value->setVisible(!text.isEmpty());
}

void MessageView::clear()
{
    m_messageId = 0;
    m_raw.clear();
    m_attachments.clear();
    m_remoteImages = 0;
    m_remoteNotice = false;
    m_header->hide();
    m_subject->setTextFormat(Qt::PlainText); // applyHighlight() may have made it rich text
    m_verdict->hide();
    m_remoteBar->hide();
    m_attachmentBox->hide();
    m_attachmentList->clear();
    m_text->clear();
    m_html->setMessageSource(QByteArray());
    m_html->clear();
    m_placeholder->setText(m_placeholderText.isEmpty() ? tr("No message selected")
                                                       : m_placeholderText);
    m_bodyStack->setCurrentWidget(m_placeholder);
}

void MessageView::setMissingBodyNotice(const QString &text)
{
    if (m_messageId != 0 && m_raw.isEmpty())
        m_placeholder->setText(text);
}

QString MessageView::missingBodyNotice() const
{
    return m_messageId != 0 && m_raw.isEmpty() ? m_placeholder->text() : QString();
}

void MessageView::setPlaceholder(const QString &text)
{
    m_placeholderText = text;
    if (m_messageId == 0)
        m_placeholder->setText(text.isEmpty() ? tr("No message selected") : text);
}

void MessageView::showMessage(const store::MessageRow &row, const std::optional<QByteArray> &raw)
{
    clear();
    const auto highlight = qScopeGuard([this] { applyHighlight(); });
    m_messageId = row.id;
    m_raw = raw.value_or(QByteArray());

    mime::Message msg;
    if (raw)
        msg = mime::parseMessage(*raw);

    const QString rowFrom =
        row.fromName.isEmpty()
            ? row.fromAddr
            : (row.fromAddr.isEmpty() ? row.fromName
                                      : QStringLiteral("%1 <%2>").arg(row.fromName, row.fromAddr));
    const QString subject = !msg.subject.isEmpty() ? msg.subject : row.subject;
    m_subject->setText(subject.isEmpty() ? tr("(no subject)") : subject);
    setHeaderRow(m_fromCaption, m_from,
                 raw && !msg.from.empty() ? joinAddresses(msg.from) : rowFrom);
    setHeaderRow(m_toCaption, m_to, raw && !msg.to.empty() ? joinAddresses(msg.to) : row.to);
    setHeaderRow(m_ccCaption, m_cc, raw && !msg.cc.empty() ? joinAddresses(msg.cc) : row.cc);
    setHeaderRow(m_dateCaption, m_date, formatDate(msg.date.isValid() ? msg.date : row.date));
    m_header->show();
    m_verdict->showVerdict(row);

    if (!raw) {
        m_placeholder->setText(
            tr("The body of this message has not been downloaded yet.") +
            (row.snippet.isEmpty() ? QString() : QStringLiteral("\n\n") + row.snippet));
        m_bodyStack->setCurrentWidget(m_placeholder);
        return;
    }

    if (!msg.html.isEmpty()) {
        m_html->setMessageSource(m_raw);
        m_html->setHtml(msg.html);
        m_remoteImages = int(remoteImages(m_html->document()).size());
        updateRemoteNotice();
        m_bodyStack->setCurrentWidget(m_html);
    } else if (!msg.text.isEmpty()) {
        m_text->setPlainText(msg.text);
        m_bodyStack->setCurrentWidget(m_text);
    } else {
        m_placeholder->setText(tr("This message has no text."));
        m_bodyStack->setCurrentWidget(m_placeholder);
    }

    const QLocale locale;
    for (const auto &a : msg.attachments) {
        if (a.isInline && !msg.html.isEmpty())
            continue; // shown in the body
        m_attachments.push_back(a);
        const QString name = a.filename.isEmpty() ? tr("(unnamed)") : a.filename;
        auto *item = new QTreeWidgetItem(m_attachmentList,
                                         {name, a.mimeType, locale.formattedDataSize(a.size)});
        item->setIcon(0, style()->standardIcon(QStyle::SP_FileIcon));
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    }
    // As high as its rows (up to four), no empty space below them.
    if (!m_attachments.empty()) {
        const int rowHeight = qMax(m_attachmentList->sizeHintForRow(0), 18);
        const int rows = qMin(int(m_attachments.size()), 4);
        m_attachmentList->setFixedHeight(m_attachmentList->header()->sizeHint().height() +
                                         rows * rowHeight + 2 * m_attachmentList->frameWidth() + 2);
    }
    m_attachmentBox->setVisible(!m_attachments.empty());
}

void MessageView::updateRemoteNotice()
{
    m_remoteNotice = m_remoteImages > 0;
    m_remoteLabel->setText(
        m_remoteImages == 1
            ? tr("Remote content blocked: this message refers to an image on another server. "
                 "Herald does not load it, so the sender cannot tell when you read the message.")
            : tr("Remote content blocked: this message refers to %n images on other servers. "
                 "Herald does not load them, so the sender cannot tell when you read the message.",
                 nullptr, m_remoteImages));
    m_remoteBar->setVisible(m_remoteNotice);
}

bool MessageView::saveAttachment(int index, const QString &path)
{
    m_error.clear();
    if (index < 0 || index >= int(m_attachments.size())) {
        m_error = tr("There is no such attachment.");
        return false;
    }
    const QByteArray data = mime::partData(m_raw, m_attachments[size_t(index)].partIndex);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        m_error =
            tr("Could not save “%1”: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

void MessageView::saveSelectedAttachment()
{
    const QList<QTreeWidgetItem *> selected = m_attachmentList->selectedItems();
    if (selected.isEmpty())
        return;
    const int index = m_attachmentList->indexOfTopLevelItem(selected.first());
    // Never trust the sender's name as a path: keep only its last component.
    QString suggested = QFileInfo(m_attachments[size_t(index)].filename).fileName();
    if (suggested.isEmpty() || suggested.startsWith(QLatin1Char('.')))
        suggested = tr("attachment");
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save Attachment"), QDir(dir).filePath(suggested));
    if (path.isEmpty())
        return;
    if (!saveAttachment(index, path))
        QMessageBox::warning(this, tr("Save Attachment"), m_error);
}

QString MessageView::subjectText() const
{
    return m_subject->textFormat() == Qt::RichText ? m_subjectText : m_subject->text();
}

void MessageView::setHighlightTerms(const QStringList &terms)
{
    if (terms == m_highlightTerms)
        return;
    m_highlightTerms = terms;
    if (m_messageId)
        applyHighlight();
}

void MessageView::applyHighlight()
{
    m_subjectText = subjectText();
    const bool inSubject = !matchSpans(m_subjectText, m_highlightTerms).isEmpty();
    // Escaped by highlightedHtml: the subject never becomes markup.
    m_subject->setTextFormat(inSubject ? Qt::RichText : Qt::PlainText);
    m_subject->setText(inSubject ? highlightedHtml(m_subjectText, m_highlightTerms)
                                 : m_subjectText);
    highlightTerms(m_text, m_highlightTerms);
    highlightTerms(m_html, m_highlightTerms);
}

int MessageView::highlightCount() const
{
    return int((m_bodyStack->currentWidget() == m_html ? m_html->extraSelections()
                                                       : m_text->extraSelections())
                   .size());
}
QString MessageView::fromText() const
{
    return m_from->text();
}
QString MessageView::toText() const
{
    return m_to->text();
}
QString MessageView::ccText() const
{
    return m_cc->text();
}
QString MessageView::dateText() const
{
    return m_date->text();
}

bool MessageView::showsHtml() const
{
    return m_bodyStack->currentWidget() == m_html;
}

QString MessageView::bodyText() const
{
    if (m_bodyStack->currentWidget() == m_html)
        return m_html->toPlainText();
    if (m_bodyStack->currentWidget() == m_text)
        return m_text->toPlainText();
    return m_placeholder->text();
}

QStringList MessageView::attachmentNames() const
{
    QStringList out;
    for (const auto &a : m_attachments)
        out << a.filename;
    return out;
}

bool MessageView::remoteContentNoticeShown() const
{
    return m_remoteNotice && !m_remoteBar->isHidden();
}

} // namespace herald::ui
