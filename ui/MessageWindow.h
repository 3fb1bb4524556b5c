#pragma once
// A message file (`herald file.eml`, File > Open Message…) in a window of its own: the same
// MessageView as the main window (headers, body, attachments, the verdict bar). The sender
// check is Herald's own (SPF, DKIM, DMARC, ARC through DNS), run on a pool thread; offline, the
// note under the bar says which checks could not be made.

#include <QByteArray>
#include <QWidget>

class QLabel;

namespace herald::ui {

class MessageView;

class MessageWindow : public QWidget
{
    Q_OBJECT
public:
    explicit MessageWindow(QWidget *parent = nullptr);

    // Reads and shows the file; false with `error` set when it cannot be read or is empty.
    bool openFile(const QString &path, QString *error);
    // The same for bytes in hand (`name` in the title).
    void showBytes(const QByteArray &raw, const QString &name);

    MessageView *view() const { return m_view; }
    QString path() const { return m_path; }
    bool senderChecked() const { return m_checked; }
    QString checkNote() const;

signals:
    void senderCheckFinished();

private:
    void onVerdict(const QString &authJson, int summary, bool incomplete);

    MessageView *m_view = nullptr;
    QLabel *m_note = nullptr;
    QString m_path;
    QByteArray m_raw;
    quint64 m_generation = 0; // the check of the bytes shown now
    bool m_checked = false;
};

} // namespace herald::ui
