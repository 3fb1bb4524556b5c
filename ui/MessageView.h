#pragma once
// One message: a header area (subject, From, To, Cc, Date), a notice when remote content was
// blocked, the body (plain text, or HTML in a SafeTextBrowser) and the attachment list with
// "Save…". Reads only what it is given: the cached row and the raw bytes from the cache.

#include "core/mime/Message.h"
#include "core/store/Records.h"

#include <QByteArray>
#include <QWidget>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTreeWidget;
class QFrame;

namespace herald::ui {

class SafeTextBrowser;
class VerdictBar;

class MessageView : public QWidget
{
    Q_OBJECT
public:
    explicit MessageView(QWidget *parent = nullptr);

    void clear();
    // Text shown in the body area while no message is shown.
    void setPlaceholder(const QString &text);
    // raw: the message's bytes if the body is cached, else only the row is shown.
    void showMessage(const store::MessageRow &row, const std::optional<QByteArray> &raw);
    // Search terms to highlight in the subject and body of this and every later message
    // (ui/SearchHighlight.h); empty: none.
    void setHighlightTerms(const QStringList &terms);
    // Occurrences highlighted in the body now, for tests.
    int highlightCount() const;
    // While the shown message has no body: what is happening to it ("Downloading…", an error).
    void setMissingBodyNotice(const QString &text);

    // Writes the decoded content of the attachment at `index` (order of attachmentNames())
    // to `path`; false with errorString() set on failure.
    bool saveAttachment(int index, const QString &path);
    QString errorString() const { return m_error; }

    // What is shown, for tests and accessibility.
    qint64 messageId() const { return m_messageId; }
    QString subjectText() const;
    QString fromText() const;
    QString toText() const;
    QString ccText() const;
    QString dateText() const;
    bool showsHtml() const;
    QString bodyText() const; // the plain text of whichever body is shown
    QStringList attachmentNames() const;
    bool remoteContentNoticeShown() const;
    bool bodyShown() const { return !m_raw.isEmpty(); }
    QString missingBodyNotice() const;
    SafeTextBrowser *htmlView() const { return m_html; }
    VerdictBar *verdictBar() const { return m_verdict; }

private:
    void saveSelectedAttachment();
    void updateRemoteNotice();
    void setHeaderRow(QLabel *caption, QLabel *value, const QString &text);
    void applyHighlight();

    qint64 m_messageId = 0;
    QByteArray m_raw;
    std::vector<mime::Attachment> m_attachments;
    int m_remoteImages = 0;
    bool m_remoteNotice = false;
    QString m_error;
    QString m_placeholderText;
    QStringList m_highlightTerms;
    QString m_subjectText; // plain; the label may show it as escaped rich text

    QWidget *m_header = nullptr;
    QLabel *m_subject = nullptr;
    QLabel *m_fromCaption = nullptr, *m_from = nullptr;
    QLabel *m_toCaption = nullptr, *m_to = nullptr;
    QLabel *m_ccCaption = nullptr, *m_cc = nullptr;
    QLabel *m_dateCaption = nullptr, *m_date = nullptr;
    VerdictBar *m_verdict = nullptr;
    QFrame *m_remoteBar = nullptr;
    QLabel *m_remoteLabel = nullptr;
    QStackedWidget *m_bodyStack = nullptr;
    QLabel *m_placeholder = nullptr;
    QPlainTextEdit *m_text = nullptr;
    SafeTextBrowser *m_html = nullptr;
    QWidget *m_attachmentBox = nullptr;
    QTreeWidget *m_attachmentList = nullptr;
    QPushButton *m_saveButton = nullptr;
};

} // namespace herald::ui
