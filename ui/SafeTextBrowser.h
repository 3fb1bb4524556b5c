#pragma once
// The HTML mail view (DESIGN.md, "HTML mail"): a QTextBrowser whose loadResource serves only
// the message's own cid: parts and refuses every other URL. It has no network code at all, so a
// remote image (a tracking pixel) can never tell the sender that the mail was opened, and no
// file: URL can read the local disk. Links open only when the user clicks them, outside.

#include <QByteArray>
#include <QTextBrowser>
#include <QUrl>
#include <vector>

namespace herald::ui {

class SafeTextBrowser : public QTextBrowser
{
    Q_OBJECT
public:
    explicit SafeTextBrowser(QWidget *parent = nullptr);

    // The raw message the cid: parts are read from; call before setHtml(). Resets the counters.
    void setMessageSource(const QByteArray &raw);

    QVariant loadResource(int type, const QUrl &name) override;

    // True for URLs that would reach another machine (http, https, ftp, protocol-relative).
    static bool isRemote(const QUrl &url);

    int servedCount() const { return m_served; }
    int blockedCount() const { return int(m_blocked.size()); }
    const std::vector<QUrl> &blockedUrls() const { return m_blocked; }

signals:
    // A URL was refused; remote tells whether it pointed at another machine.
    void resourceBlocked(const QUrl &url, bool remote);

private:
    void openClickedLink(const QUrl &url);

    QByteArray m_raw;
    int m_served = 0;
    std::vector<QUrl> m_blocked;
};

} // namespace herald::ui
