#pragma once
// Herald in the desktop's system tray (where there is one: QSystemTrayIcon::
// isSystemTrayAvailable()): the app icon with the unread count of every Inbox drawn on it and
// in its tooltip; a click shows or hides the window; its menu: Show Herald, Check Mail, Quit.

#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace herald::ui {

class TrayIcon : public QObject
{
    Q_OBJECT
public:
    explicit TrayIcon(QWidget *window, QObject *parent = nullptr);
    ~TrayIcon() override;

    static bool isAvailable();
    // Shows the icon when `on` and the desktop has a tray; hides it otherwise.
    void setEnabled(bool on);
    bool isVisible() const;
    void setUnreadCount(qint64 unread);
    qint64 unreadCount() const { return m_unread; }
    QString toolTip() const;
    QMenu *menu() const { return m_menu; }
    // The icon with the count drawn on it (also what tests look at).
    static QIcon iconWithCount(qint64 unread);

signals:
    void checkMailRequested();
    void quitRequested();

private:
    void toggleWindow();
    void showWindow();

    QWidget *m_window;
    QSystemTrayIcon *m_tray = nullptr; // made when first shown
    QMenu *m_menu = nullptr;
    qint64 m_unread = 0;
};

} // namespace herald::ui
