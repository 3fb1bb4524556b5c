#include "ui/TrayIcon.h"

#include "ui/Icons.h"

#include <QAction>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>
#include <QWidget>

namespace herald::ui {

TrayIcon::TrayIcon(QWidget *window, QObject *parent)
    : QObject(parent), m_window(window), m_menu(new QMenu(window))
{
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    QAction *show = m_menu->addAction(tr("&Show Herald"), this, &TrayIcon::showWindow);
    show->setObjectName(QStringLiteral("trayShow"));
    QAction *check = m_menu->addAction(tr("&Check Mail"), this, &TrayIcon::checkMailRequested);
    check->setObjectName(QStringLiteral("trayCheckMail"));
    m_menu->addSeparator();
    QAction *quit = m_menu->addAction(tr("&Quit"), this, &TrayIcon::quitRequested);
    quit->setObjectName(QStringLiteral("trayQuit"));
}

TrayIcon::~TrayIcon() = default;

bool TrayIcon::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayIcon::setEnabled(bool on)
{
    if (!on || !isAvailable()) {
        if (m_tray)
            m_tray->hide();
        return;
    }
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(this);
        m_tray->setContextMenu(m_menu);
        connect(m_tray, &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason reason) {
                    if (reason == QSystemTrayIcon::Trigger ||
                        reason == QSystemTrayIcon::DoubleClick)
                        toggleWindow();
                });
    }
    m_tray->setIcon(iconWithCount(m_unread));
    m_tray->setToolTip(toolTip());
    m_tray->show();
}

bool TrayIcon::isVisible() const
{
    return m_tray && m_tray->isVisible();
}

void TrayIcon::setUnreadCount(qint64 unread)
{
    if (unread == m_unread)
        return;
    m_unread = unread;
    if (m_tray) {
        m_tray->setIcon(iconWithCount(unread));
        m_tray->setToolTip(toolTip());
    }
}

QString TrayIcon::toolTip() const
{
    if (m_unread == 0)
        return tr("Herald: no unread mail");
    return m_unread == 1 ? tr("Herald: 1 unread message")
                         : tr("Herald: %n unread messages", nullptr, int(m_unread));
}

QIcon TrayIcon::iconWithCount(qint64 unread)
{
    const QIcon app = icons::appIcon();
    if (unread <= 0)
        return app;
    QIcon out;
    for (const int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap = app.pixmap(size, size);
        if (pixmap.isNull())
            continue;
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        const QString text = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
        QFont font = p.font();
        font.setBold(true);
        font.setPixelSize(std::max(7, size * 9 / 16));
        p.setFont(font);
        const QFontMetrics metrics(font);
        const int height = metrics.height();
        const int width = std::max(height, metrics.horizontalAdvance(text) + height / 2);
        const QRectF badge(size - width, size - height, width, height);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xd0, 0x21, 0x2c)); // the red of "unread", readable on light and dark
        p.drawRoundedRect(badge, height / 2.0, height / 2.0);
        p.setPen(Qt::white);
        p.drawText(badge, Qt::AlignCenter, text);
        p.end();
        out.addPixmap(pixmap);
    }
    return out;
}

void TrayIcon::showWindow()
{
    m_window->show();
    m_window->setWindowState((m_window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    m_window->raise();
    m_window->activateWindow();
}

void TrayIcon::toggleWindow()
{
    if (m_window->isVisible() && m_window->isActiveWindow())
        m_window->hide();
    else
        showWindow();
}

} // namespace herald::ui
