#pragma once
// The status bar's word on messages imported into a server folder that are not on the server
// yet: "12 messages to upload", and when the server refused them (quota, folder gone) its
// words: "12 messages not uploaded yet: <the server's words>" (core/imap/ImportUploader: the task
// and the rows stay and are tried again); likewise a draft the server refused ("1 draft not
// saved on the server", its words in the tooltip; imap::refusedDrafts). Hidden when there is
// nothing to say. Reads the
// cache (a count over an index) when the window reloads. (A label: its text is its accessible
// name.)

#include <QLabel>

namespace herald::store {
class Store;
}

namespace herald::ui {

class UploadIndicator : public QLabel
{
    Q_OBJECT
public:
    UploadIndicator(store::Store &store, QWidget *parent = nullptr);
    void refresh();
    int pending() const { return m_pending; }
    int refusedDrafts() const { return m_refusedDrafts; }

private:
    store::Store &m_store;
    int m_pending = 0;
    int m_refusedDrafts = 0;
};

} // namespace herald::ui
