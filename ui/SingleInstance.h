#pragma once
// One Herald per user and profile: a second `herald mailto:…` or `herald file.eml` hands its
// arguments to the running one over a local socket and exits 0. The socket lives in
// $XDG_RUNTIME_DIR (private to the user; else the temp directory with the user id in the name)
// and is named after a hash of the profile directory, so two profiles run side by side.
// Protocol: the arguments as a JSON array on one line; the running Herald answers "ok" once it
// has acted on them.

#include <QObject>
#include <QStringList>

class QLocalServer;

namespace herald::ui {

class SingleInstance : public QObject
{
    Q_OBJECT
public:
    static QString serverName(const QString &profileDir);
    // Hands `arguments` to a running Herald; true when it took them (this process may exit).
    static bool forward(const QString &serverName, const QStringList &arguments,
                        int timeoutMs = 5000);

    // Listens for later starts (a stale socket left by a crash is replaced).
    explicit SingleInstance(const QString &serverName, QObject *parent = nullptr);
    bool isListening() const;

signals:
    void argumentsReceived(const QStringList &arguments);

private:
    void onConnection();
    QLocalServer *m_server = nullptr;
};

} // namespace herald::ui
