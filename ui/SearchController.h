#pragma once
// Search in the main window: the SearchBox's query (store::SearchQuery) runs as the user types
// on a thread of its own with its own cache connection — the newest query only, the UI thread
// never waits — and its results replace the message list (MessageListModel::showMessages),
// newest first, with the matched words highlighted in the list (HighlightDelegate on From and
// Subject) and in the message view. Scope: the folder open when the search began, or every
// folder of every account (the "All folders" toggle, remembered). A status label says how many
// were found, what in the query was not understood, and how many messages the index has not
// caught up with yet; the search runs again as the IndexWorker catches up. Esc (or an empty
// field) ends the search and asks for the folder again (left()); opening another folder ends
// it too.

#include <QObject>
#include <QStringList>
#include <QThread>
#include <vector>

class QAction;
class QLabel;
class QSettings;
class QTimer;
class QToolBar;
class QTreeView;
class QWidget;

namespace herald::store {
struct SearchResult;
}

namespace herald::ui {

class HighlightDelegate;
class IndexWorker;
class MessageListModel;
class MessageView;
class SearchBox;
class SearchRunner;

class SearchController : public QObject
{
    Q_OBJECT
public:
    // `window` owns the controller and, until it places them, its widgets.
    SearchController(const QString &profileDir, QSettings *settings, MessageListModel *model,
                     QTreeView *list, MessageView *view, IndexWorker *indexer, QWidget *window);
    ~SearchController() override;

    // The search row (box, toggle, status words) for the window to add under its toolbar.
    QToolBar *toolBar() const { return m_toolBar; }
    SearchBox *searchBox() const { return m_box; }
    // What was found (empty while not searching).
    QLabel *statusLabel() const { return m_status; }
    // Edit > Find (Ctrl+K, Ctrl+F): focuses the search box.
    QAction *findAction() const { return m_find; }
    bool isActive() const { return m_active; }
    // The terms highlighted now (empty when not searching).
    QStringList highlightTerms() const { return m_terms; }

signals:
    // A search began: the message list must be visible (not, say, the Outbox panel).
    void begun();
    // The search ended (Esc, or the field emptied): show this folder (0: none) again.
    void left(qint64 folderId);
    // Results of the current query are in the list (after each run, also a refresh).
    void resultsShown(int count);

private:
    void onQueryChanged(const QString &text);
    void run();
    void onFound(const QString &text, const store::SearchResult &result);
    void leave();
    void endQuietly(); // another folder was opened
    void showStatus(const store::SearchResult &result);

    QSettings *m_settings;
    MessageListModel *m_model;
    QTreeView *m_list;
    MessageView *m_view;
    SearchBox *m_box = nullptr;
    QLabel *m_status = nullptr;
    QToolBar *m_toolBar = nullptr;
    QAction *m_find = nullptr;
    HighlightDelegate *m_delegate = nullptr;
    QThread m_thread;
    SearchRunner *m_runner = nullptr;
    QTimer *m_refreshTimer = nullptr;

    bool m_active = false;
    qint64 m_baseFolder = 0;  // the folder open when the search began
    quint64 m_generation = 0; // of the newest query asked for
    QStringList m_terms;
    QStringList m_problems;
    QString m_shownText; // the query of the list shown
    std::vector<qint64> m_shownIds;
};

} // namespace herald::ui
