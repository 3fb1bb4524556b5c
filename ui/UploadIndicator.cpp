#include "ui/UploadIndicator.h"

#include "core/engine/imap/DraftUploader.h"
#include "core/engine/imap/ImportUploader.h"
#include "core/store/ImportUploads.h"
#include "core/store/Store.h"

namespace herald::ui {

UploadIndicator::UploadIndicator(store::Store &store, QWidget *parent)
    : QLabel(parent), m_store(store)
{
    setObjectName(QStringLiteral("uploadIndicator"));
    hide();
    refresh();
}

void UploadIndicator::refresh()
{
    m_pending = store::importsToUpload(m_store.db());
    const imap::DraftRefusals drafts = imap::refusedDrafts(m_store);
    m_refusedDrafts = drafts.count;
    setVisible(m_pending > 0 || m_refusedDrafts > 0);
    QStringList texts, tips;
    if (m_pending > 0) {
        const QString refusal = imap::lastUploadRefusal(m_store);
        if (refusal.isEmpty()) {
            texts << (m_pending == 1 ? tr("1 message to upload")
                                     : tr("%n messages to upload", nullptr, m_pending));
            tips << tr("Imported into a server folder: shown here already, on the server after "
                       "the next sync.");
        } else {
            texts << (m_pending == 1 ? tr("1 message not uploaded yet: %1")
                                     : tr("%n messages not uploaded yet: %1", nullptr, m_pending))
                         .arg(refusal);
            tips << tr("The last try to upload them failed; Herald tries again later. The "
                       "messages stay in their folder on this computer meanwhile.");
        }
    }
    if (m_refusedDrafts > 0) {
        // Short for the status bar; the server's words in the tooltip.
        texts << (m_refusedDrafts == 1
                      ? tr("1 draft not saved on the server")
                      : tr("%n drafts not saved on the server", nullptr, m_refusedDrafts));
        tips << tr("The server refused to store the draft: %1\nHerald tries again later; the "
                   "draft is kept on this computer meanwhile.")
                    .arg(drafts.words);
    }
    setText(texts.join(QStringLiteral(" \u2014 ")));
    setToolTip(tips.join(QLatin1Char('\n')));
}

} // namespace herald::ui
