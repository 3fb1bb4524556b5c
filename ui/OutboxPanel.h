#pragma once
// What the main window shows for an account's local Outbox folder: each message waiting in the
// outbox with its state in words (waiting, sending, held with the server's words, maybe sent),
// and what the user may decide about it: open it to edit and send again, send it again as it
// is, or discard it (after a confirmation). Reads the cache (smtp::Outbox::list); the decisions
// go through the compose worker (ComposeService) like every other write of the window.

#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace herald::store {
class Store;
}

namespace herald::ui {

class Composer;

class OutboxPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column { StateColumn, SubjectColumn, RecipientsColumn, DetailsColumn };

    OutboxPanel(store::Store &store, Composer &composer, QWidget *parent = nullptr);

    // Shows the outbox of one account (0: every account) and re-reads it.
    void setAccount(qint64 accountId);
    qint64 account() const { return m_accountId; }
    void reload();
    int count() const;
    // The outbox id (task id) of the selected message, or 0.
    qint64 selectedTask() const;
    // Selects the message with this outbox id; false when it is not listed.
    bool selectTask(qint64 taskId);

    void openSelected();
    void sendAgainSelected();
    void discardSelected();
    // Asked before a discard; by default a message box (tests answer it themselves).
    void setConfirm(std::function<bool(const QString &question)> confirm);

    QTreeWidget *tree() const { return m_tree; }
    // The selected message's state and the server's words in full.
    QString detailsText() const;
    // The state of a task in words (also used for the tooltip of the folder).
    static QString stateText(const QString &state);

signals:
    void message(const QString &text); // for the status bar

private:
    void updateButtons();

    store::Store &m_store;
    Composer &m_composer;
    qint64 m_accountId = 0;
    QLabel *m_title = nullptr;
    QTreeWidget *m_tree = nullptr;
    QLabel *m_details = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_sendAgain = nullptr;
    QPushButton *m_discard = nullptr;
    std::function<bool(const QString &)> m_confirm;
};

} // namespace herald::ui
