#include "ui/SafeTextBrowser.h"

#include "core/mime/MessageParser.h"

#include <QDesktopServices>
#include <QTextDocument>

namespace herald::ui {

SafeTextBrowser::SafeTextBrowser(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    connect(this, &QTextBrowser::anchorClicked, this, &SafeTextBrowser::openClickedLink);
}

void SafeTextBrowser::setMessageSource(const QByteArray &raw)
{
    m_raw = raw;
    m_served = 0;
    m_blocked.clear();
}

bool SafeTextBrowser::isRemote(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https") ||
        scheme == QLatin1String("ftp") || scheme == QLatin1String("ws") ||
        scheme == QLatin1String("wss"))
        return true;
    // "//host/x.gif" parses as a relative URL with a host.
    return scheme.isEmpty() && !url.host().isEmpty();
}

QVariant SafeTextBrowser::loadResource(int type, const QUrl &name)
{
    if (name.scheme().compare(QLatin1String("cid"), Qt::CaseInsensitive) == 0 && !m_raw.isEmpty()) {
        const QByteArray data = mime::partData(m_raw, name.path());
        if (!data.isEmpty()) {
            ++m_served;
            if (type == QTextDocument::ImageResource)
                return data;
            return QString::fromUtf8(data);
        }
    }
    // Everything else is refused. An empty but non-null value also keeps QTextDocument from
    // trying its own fallbacks (local files).
    m_blocked.push_back(name);
    emit resourceBlocked(name, isRemote(name));
    if (type == QTextDocument::ImageResource)
        return QByteArray();
    return QString(QLatin1String(""));
}

void SafeTextBrowser::openClickedLink(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    // Only what the user clicked, and only schemes a desktop handles sensibly.
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https") ||
        scheme == QLatin1String("mailto"))
        QDesktopServices::openUrl(url);
}

} // namespace herald::ui
