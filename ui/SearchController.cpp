#include "ui/SearchController.h"

#include "core/store/SearchQuery.h"
#include "core/store/Store.h"
#include "ui/IndexWorker.h"
#include "ui/MessageListModel.h"
#include "ui/MessageView.h"
#include "ui/SearchBox.h"
#include "ui/SearchHighlight.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMutex>
#include <QSettings>
#include <QSignalBlocker>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <memory>
#include <optional>

namespace herald::ui {

namespace {
const QString kAllFoldersKey = QStringLiteral("search/allFolders");
}

// Lives on the search thread; opens that thread's Store on the first query. Only the newest
// query asked for runs: the ones typed over meanwhile are dropped unread.
class SearchRunner : public QObject
{
public:
    struct Request
    {
        quint64 generation = 0;
        QString text;
        qint64 folderId = 0;
    };
    using Found =
        std::function<void(const Request &, const store::SearchResult &, const QString &)>;

    SearchRunner(QString profileDir, Found found)
        : m_profileDir(std::move(profileDir)), m_found(std::move(found))
    {
    }

    // From the UI thread. A query still running for older text is interrupted.
    void ask(const Request &request)
    {
        {
            QMutexLocker lock(&m_mutex);
            m_latest = request;
            if (m_running)
                m_running->interrupt();
        }
        QMetaObject::invokeMethod(this, &SearchRunner::runLatest, Qt::QueuedConnection);
    }

private:
    void runLatest()
    {
        Request r;
        {
            QMutexLocker lock(&m_mutex);
            if (!m_latest)
                return;
            r = *m_latest;
            m_latest.reset();
        }
        store::SearchResult result;
        QString error;
        try {
            if (!m_store)
                m_store = std::make_unique<store::Store>(m_profileDir);
            {
                QMutexLocker lock(&m_mutex);
                if (m_latest)
                    return; // typed over already: the newer query runs next
                m_running = &m_store->db();
            }
            result = m_store->search().find(store::SearchQuery::parse(r.text), r.folderId);
        } catch (const std::exception &e) {
            error = QString::fromLocal8Bit(e.what());
        }
        {
            QMutexLocker lock(&m_mutex);
            m_running = nullptr;
            if (m_latest)
                return; // typed over (and maybe interrupted): the newer query runs next
        }
        m_found(r, result, error);
    }

    QString m_profileDir;
    Found m_found;
    std::unique_ptr<store::Store> m_store;
    QMutex m_mutex;
    std::optional<Request> m_latest;
    store::Database *m_running = nullptr; // the connection while a query runs
};

SearchController::SearchController(const QString &profileDir, QSettings *settings,
                                   MessageListModel *model, QTreeView *list, MessageView *view,
                                   IndexWorker *indexer, QWidget *window)
    : QObject(window), m_settings(settings), m_model(model), m_list(list), m_view(view)
{
    m_box = new SearchBox(window);
    m_box->setAllFolders(m_settings->value(kAllFoldersKey, false).toBool());
    connect(m_box, &SearchBox::queryChanged, this, &SearchController::onQueryChanged);
    connect(m_box, &SearchBox::allFoldersChanged, this, [this](bool all) {
        m_settings->setValue(kAllFoldersKey, all);
        if (m_active)
            run();
    });
    connect(m_box, &SearchBox::escapePressed, this, [this] {
        m_box->clearQuietly();
        if (m_active)
            leave();
        m_list->setFocus();
    });
    connect(m_box, &SearchBox::toResults, this, [this] {
        m_list->setFocus();
        if (m_model->rowCount() > 0 && !m_list->selectionModel()->hasSelection())
            m_list->selectionModel()->setCurrentIndex(m_model->index(0, 0),
                                                      QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    });

    // A row of its own under the main toolbar: always visible, however narrow the window.
    m_toolBar = new QToolBar(tr("Search"), window);
    m_toolBar->setObjectName(QStringLiteral("searchToolBar"));
    m_toolBar->setAccessibleName(tr("Search"));
    m_toolBar->setMovable(false);
    if (auto *more = m_toolBar->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button")))
        more->setAccessibleName(tr("More search controls"));
    m_toolBar->addWidget(m_box);
    m_status = m_box->statusLabel();

    m_find = new QAction(tr("&Find Messages…"), this);
    m_find->setObjectName(QStringLiteral("findMessages"));
    m_find->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence(Qt::CTRL | Qt::Key_F)});
    connect(m_find, &QAction::triggered, this, [this] {
        m_box->field()->setFocus(Qt::ShortcutFocusReason);
        m_box->field()->selectAll();
    });

    m_delegate = new HighlightDelegate(this);
    m_list->setItemDelegateForColumn(MessageListModel::FromColumn, m_delegate);
    m_list->setItemDelegateForColumn(MessageListModel::SubjectColumn, m_delegate);

    // Opening a folder (the tree, a new account's Inbox) ends the search.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_active && !m_model->showsMessageList())
            endQuietly();
    });
    // As the index catches up: again at once when it is done, else every 1.5 s at most, so
    // the list does not jump about under the user during a big first sync.
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(1500);
    connect(m_refreshTimer, &QTimer::timeout, this, [this] {
        if (m_active)
            run();
    });
    if (indexer)
        connect(indexer, &IndexWorker::progress, this, [this](qint64 pending) {
            if (!m_active)
                return;
            if (pending == 0) {
                m_refreshTimer->stop();
                run();
            } else if (!m_refreshTimer->isActive()) {
                m_refreshTimer->start();
            }
        });

    m_runner = new SearchRunner(profileDir, [this](const SearchRunner::Request &r,
                                                   const store::SearchResult &result,
                                                   const QString &error) {
        QMetaObject::invokeMethod(
            this,
            [this, r, result, error] {
                if (r.generation != m_generation || !m_active)
                    return; // typed over, or ended
                if (!error.isEmpty()) {
                    m_status->setText(tr("Search failed: %1").arg(error));
                    return;
                }
                onFound(r.text, result);
            },
            Qt::QueuedConnection);
    });
    m_runner->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_runner, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("herald-search"));
    m_thread.start();
}

SearchController::~SearchController()
{
    m_thread.quit();
    m_thread.wait();
}

void SearchController::onQueryChanged(const QString &text)
{
    if (text.trimmed().isEmpty()) {
        if (m_active)
            leave();
        return;
    }
    if (!m_active) {
        m_active = true;
        m_baseFolder = m_model->showsMessageList() ? 0 : m_model->folderId();
        emit begun();
    }
    run();
}

void SearchController::run()
{
    const store::SearchQuery query = store::SearchQuery::parse(m_box->field()->text());
    m_terms = query.highlightTerms();
    m_problems = query.problems;
    SearchRunner::Request r;
    r.generation = ++m_generation;
    r.text = m_box->field()->text();
    r.folderId = m_box->allFolders() ? 0 : m_baseFolder;
    m_runner->ask(r);
}

void SearchController::onFound(const QString &text, const store::SearchResult &result)
{
    showStatus(result);
    if (text == m_shownText && result.ids == m_shownIds) { // the index caught up, nothing new
        emit resultsShown(m_model->rowCount());
        return;
    }
    m_shownText = text;
    m_shownIds = result.ids;
    m_delegate->setTerms(m_terms);
    m_view->setHighlightTerms(m_terms);

    // The message being read stays selected and shown if it is still a result.
    const qint64 shown = m_view->messageId();
    m_model->showMessages(result.ids);
    const int row = shown ? m_model->rowOfMessage(shown) : -1;
    if (row >= 0) {
        const QSignalBlocker block(m_list->selectionModel()); // nothing to open again
        m_list->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                  QItemSelectionModel::ClearAndSelect |
                                                      QItemSelectionModel::Rows);
    } else if (shown) {
        m_view->clear();
    }
    if (row < 0 && m_model->rowCount() > 0)
        m_list->scrollToTop();
    m_list->viewport()->update();
    emit resultsShown(m_model->rowCount());
}

void SearchController::showStatus(const store::SearchResult &result)
{
    const QLocale locale;
    const int n = int(result.ids.size());
    QString text = n == 0             ? tr("No messages found")
                   : result.truncated ? tr("The newest %Ln messages found", nullptr, n)
                   : n == 1           ? tr("1 message found")
                                      : tr("%Ln messages found", nullptr, n);
    text += m_box->allFolders() || !m_baseFolder ? tr(" in all folders") : tr(" in this folder");
    if (result.notIndexed > 0)
        text += result.notIndexed == 1
                    ? tr("; 1 message not indexed yet")
                    : tr("; %Ln messages not indexed yet", nullptr, int(result.notIndexed));
    if (!m_problems.isEmpty())
        text += QStringLiteral(". ") + m_problems.join(QLatin1Char(' '));
    m_status->setText(text);
    m_status->setToolTip(text);
}

void SearchController::endQuietly()
{
    m_active = false;
    ++m_generation; // results still on their way are dropped
    m_box->clearQuietly();
    m_terms.clear();
    m_shownIds.clear();
    m_shownText.clear();
    m_delegate->setTerms({});
    m_view->setHighlightTerms({});
    m_status->clear();
    m_status->setToolTip(QString());
}

void SearchController::leave()
{
    endQuietly();
    emit left(m_baseFolder);
}

} // namespace herald::ui
