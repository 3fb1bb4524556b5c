#include "ui/UploadIndicator.h"

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
    setVisible(m_pending > 0);
    if (!m_pending)
        return;
    const QString refusal = imap::lastUploadRefusal(m_store);
    if (refusal.isEmpty()) {
        setText(m_pending == 1 ? tr("1 message to upload")
                               : tr("%n messages to upload", nullptr, m_pending));
        setToolTip(tr("Imported into a server folder: shown here already, on the server after "
                      "the next sync."));
    } else {
        setText((m_pending == 1 ? tr("1 message not uploaded yet: %1")
                                : tr("%n messages not uploaded yet: %1", nullptr, m_pending))
                    .arg(refusal));
        setToolTip(tr("The last try to upload them failed; Herald tries again later. The "
                      "messages stay in their folder on this computer meanwhile."));
    }
}

} // namespace herald::ui
