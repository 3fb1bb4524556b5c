// The compose window on its own (no server): every control has an accessible name, From lists
// every identity of every account and switches the signature, recipients are checked with a
// clear message, attachments come and go (button, Del), completion offers the most used
// addresses first, nothing is saved when nothing was written, and the UI thread never waits on
// the cache's write lock. With HERALD_SCREENSHOT_DIR set it also saves compose.png there.
#include "core/accounts/AccountSettings.h"
#include "core/engine/smtp/Drafts.h"
#include "core/engine/smtp/Outbox.h"
#include "core/ingest/MessageIngest.h"
#include "core/store/Store.h"
#include "ui/AddressCompleter.h"
#include "ui/AttachmentList.h"
#include "ui/Compose.h"
#include "ui/ComposeService.h"
#include "ui/ComposeWindow.h"
#include "ui/OutboxPanel.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace herald;

namespace {
const QByteArray kParent = "From: Robert Miller <bob@herald.test>\r\n"
                           "To: Alice Liddell <me@herald.test>\r\n"
                           "Cc: Carol Jones <carol@herald.test>\r\n"
                           "Subject: Quarterly budget: numbers for Friday\r\n"
                           "Date: Mon, 1 Dec 2025 09:12:00 +0100\r\n"
                           "Message-ID: <budget-q4@herald.test>\r\n"
                           "MIME-Version: 1.0\r\n"
                           "Content-Type: text/plain; charset=utf-8\r\n"
                           "\r\n"
                           "Hi Alice,\r\n"
                           "\r\n"
                           "could you send me the updated spreadsheet before Friday's meeting?\r\n"
                           "Marketing's line is still missing, and I would like to check the\r\n"
                           "travel costs against last quarter.\r\n"
                           "\r\n"
                           "Thanks,\r\n"
                           "Robert\r\n";
} // namespace

class TestComposeWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Store> m_store;
    qint64 m_me = 0, m_work = 0, m_parent = 0;

    ui::ComposeWindow *activeNewest(ui::Composer &composer)
    {
        ui::ComposeWindow *w = composer.windows().isEmpty() ? nullptr : composer.windows().back();
        return w && QTest::qWaitForWindowActive(w) ? w : nullptr;
    }

    std::vector<smtp::DraftInfo> drafts() { return smtp::Drafts(*m_store).list(); }

    QString file(const QString &name, int size)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return QString();
        f.write(QByteArray(size, 'x'));
        return path;
    }

private slots:
    void initTestCase()
    {
        m_store = std::make_unique<store::Store>(m_dir.path());
        store::Account me;
        me.name = QStringLiteral("home");
        me.email = QStringLiteral("me@herald.test");
        me.displayName = QStringLiteral("Alice Liddell");
        me.incomingUrl = QStringLiteral("imaps://me@127.0.0.1:1");
        me.outgoingUrl = QStringLiteral("smtps://me@127.0.0.1:2");
        accounts::AccountSettings settings;
        accounts::setIdentity(settings, {me.email, QString(), QStringLiteral("Alice\nat home")});
        accounts::setIdentity(settings,
                              {QStringLiteral("alias@herald.test"), QStringLiteral("Alice (club)"),
                               QStringLiteral("Chess club secretary")});
        me.settingsJson = settings.toJson();
        m_me = m_store->accounts().add(me);
        store::Account work;
        work.name = QStringLiteral("work");
        work.email = QStringLiteral("alice@work.test");
        work.incomingUrl = QStringLiteral("pop3s://alice@127.0.0.1:3");
        work.outgoingUrl = QStringLiteral("smtps://alice@127.0.0.1:4");
        m_work = m_store->accounts().add(work);

        // Correspondents: Robert three times, Carol once, Boris once.
        store::Folder inbox;
        inbox.accountId = m_me;
        inbox.name = QStringLiteral("INBOX");
        sync::IncomingMessage meta;
        meta.accountId = m_me;
        meta.folderId = m_store->folders().upsert(inbox);
        m_parent = sync::MessageIngest(*m_store).addMessage(meta, kParent);
        for (const char *from : {"Robert Miller <bob@herald.test>", "bob@herald.test",
                                 "Carol Jones <carol@herald.test>", "Boris <boris@herald.test>"})
            sync::MessageIngest(*m_store).addMessage(meta, QByteArray("From: ") + from +
                                                               "\r\nSubject: x\r\n\r\nx\r\n");
    }

    // Each test starts without drafts or outbox messages (a failed one may leave some).
    void cleanup()
    {
        for (const auto &d : drafts())
            smtp::Drafts(*m_store).remove(d.id);
        for (const auto &e : smtp::Outbox(*m_store).list())
            smtp::Outbox(*m_store).discard(e.taskId);
    }

    void everyControlHasAnAccessibleName()
    {
        ui::Composer composer(*m_store);
        ui::ComposeWindow *w = composer.newMessage(m_me);
        QVERIFY(w);
        w->attachments()->addFiles({file(QStringLiteral("a.txt"), 10)});
        w->toEdit()->setText(QStringLiteral("bob@herald.test")); // shows its clear button
        ui::OutboxPanel panel(*m_store, composer);
        panel.show();
        QStringList unnamed;
        for (QWidget *root : {static_cast<QWidget *>(w), static_cast<QWidget *>(&panel)})
            for (QWidget *c : root->findChildren<QWidget *>()) {
                const bool control = qobject_cast<QLineEdit *>(c) || qobject_cast<QComboBox *>(c) ||
                                     qobject_cast<QPlainTextEdit *>(c) ||
                                     qobject_cast<QAbstractButton *>(c) ||
                                     qobject_cast<QAbstractItemView *>(c);
                if (!control || !c->isVisibleTo(root) || c->inherits("QComboBoxListView"))
                    continue;
                QAccessibleInterface *a = QAccessible::queryAccessibleInterface(c);
                if (!a || a->text(QAccessible::Name).trimmed().isEmpty())
                    unnamed << QStringLiteral("%1 %2").arg(
                        QString::fromLatin1(c->metaObject()->className()), c->objectName());
            }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
        QAccessibleInterface *to = QAccessible::queryAccessibleInterface(w->toEdit());
        QCOMPARE(to->text(QAccessible::Name), QStringLiteral("To:"));
        w->close();
    }

    void fromListsEveryIdentityAndSwitchesTheSignature()
    {
        ui::Composer composer(*m_store);
        ui::ComposeWindow *w = composer.newMessage(m_me);
        QComboBox *from = w->fromBox();
        QCOMPARE(from->count(), 3);
        QCOMPARE(from->itemText(0),
                 QStringLiteral("Alice Liddell <me@herald.test> (account home)"));
        QCOMPARE(from->itemText(1),
                 QStringLiteral("Alice (club) <alias@herald.test> (account home)"));
        QCOMPARE(from->itemText(2), QStringLiteral("alice@work.test (account work)"));
        QCOMPARE(w->bodyEdit()->toPlainText(), QStringLiteral("\n\n-- \nAlice\nat home\n"));

        w->bodyEdit()->setFocus();
        QTest::keyClicks(w->bodyEdit(), QStringLiteral("Dear members,"));
        from->setCurrentIndex(1);
        QCOMPARE(w->bodyEdit()->toPlainText(),
                 QStringLiteral("Dear members,\n\n-- \nChess club secretary\n"));
        QCOMPARE(w->draft().from.email, QStringLiteral("alias@herald.test"));
        QCOMPARE(w->draft().from.name, QStringLiteral("Alice (club)"));
        from->setCurrentIndex(2); // no signature there
        QCOMPARE(w->bodyEdit()->toPlainText(), QStringLiteral("Dear members,\n\n"));
        QCOMPARE(w->accountId(), m_work);
        from->setCurrentIndex(0);
        QCOMPARE(w->bodyEdit()->toPlainText(),
                 QStringLiteral("Dear members,\n\n-- \nAlice\nat home\n"));
        // The user's text stays where it was typed: still at the top.
        QVERIFY(w->bodyEdit()->textCursor().position() <=
                int(QStringLiteral("Dear members,").size()));
        w->close();
    }

    void answersComeFromTheIdentityTheMailWasFor()
    {
        ui::Composer composer(*m_store);
        ui::ComposeWindow *w = composer.answer(m_parent, smtp::Answer::ReplyAll);
        QVERIFY(w);
        QCOMPARE(w->fromBox()->currentIndex(), 0);
        QCOMPARE(w->toEdit()->text(), QStringLiteral("Robert Miller <bob@herald.test>"));
        QCOMPARE(w->ccEdit()->text(), QStringLiteral("Carol Jones <carol@herald.test>"));
        QVERIFY(w->bodyEdit()->toPlainText().endsWith(QStringLiteral("-- \nAlice\nat home\n")));
        QCOMPARE(w->windowTitle(),
                 QStringLiteral("Re: Quarterly budget: numbers for Friday — Herald"));
        w->close();
    }

    void recipientsAreChecked_data()
    {
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("cc");
        QTest::addColumn<QString>("bcc");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("focus");
        QTest::newRow("none") << ""
                              << ""
                              << ""
                              << "Add at least one recipient in To, Cc or Bcc."
                              << "to";
        QTest::newRow("name without address")
            << "Bob"
            << ""
            << ""
            << "“Bob” in To is not an e-mail address. Write addresses like name@example.org, "
               "separated by commas."
            << "to";
        QTest::newRow("bad cc among good")
            << "bob@herald.test"
            << "carol@herald.test, dave@"
            << ""
            << "“dave@” in Cc is not an e-mail address. Write addresses like name@example.org, "
               "separated by commas."
            << "cc";
        QTest::newRow("space in bcc") << ""
                                      << ""
                                      << "eve @herald.test"
                                      << "“eve @herald.test” in Bcc is not an e-mail address. "
                                         "Write addresses like name@example.org, separated by "
                                         "commas."
                                      << "bcc";
    }
    void recipientsAreChecked()
    {
        QFETCH(QString, to);
        QFETCH(QString, cc);
        QFETCH(QString, bcc);
        QFETCH(QString, error);
        QFETCH(QString, focus);
        ui::Composer composer(*m_store);
        QSignalSpy queued(&composer, &ui::Composer::queued);
        ui::ComposeWindow *w = composer.newMessage(m_me);
        QVERIFY(activeNewest(composer) == w);
        w->toEdit()->setText(to);
        w->ccEdit()->setText(cc);
        w->bccEdit()->setText(bcc);
        w->subjectEdit()->setText(QStringLiteral("Checked"));
        QTest::keyClick(w->subjectEdit(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(w->errorText(), error);
        QVERIFY(w->isVisible()); // nothing is lost: the window stays open
        QCOMPARE(QApplication::focusWidget()->objectName(), focus);
        composer.service().waitForIdle();
        QCOMPARE(queued.count(), 0);
        QVERIFY(smtp::Outbox(*m_store).list().empty());
        w->close();
    }

    void attachmentsComeAndGo()
    {
        ui::Composer composer(*m_store);
        ui::ComposeWindow *w = composer.newMessage(m_me);
        ui::AttachmentList *list = w->attachments();
        const QStringList refused = list->addFiles(
            {file(QStringLiteral("one.txt"), 2048), file(QStringLiteral("two.txt"), 10),
             m_dir.filePath(QStringLiteral("missing.txt")), m_dir.path()});
        QCOMPARE(refused.size(), 2); // no such file; a folder
        QCOMPARE(list->listWidget()->count(), 2);
        QCOMPARE(list->listWidget()->item(0)->text(), QStringLiteral("one.txt (2.00 KiB)"));
        QCOMPARE(list->listWidget()->item(1)->text(), QStringLiteral("two.txt (10 bytes)"));
        list->listWidget()->setFocus();
        list->listWidget()->setCurrentRow(0);
        QTest::keyClick(list->listWidget(), Qt::Key_Delete);
        QCOMPARE(list->files().size(), size_t(1));
        QCOMPARE(list->files().front().filename, QStringLiteral("two.txt"));
        list->listWidget()->setCurrentRow(0);
        QVERIFY(list->removeButton()->isEnabled());
        list->removeButton()->click();
        QVERIFY(list->files().empty());
        QVERIFY(w->hasUnsavedChanges());
        w->close();
    }

    void completionOffersTheMostUsedFirst()
    {
        ui::Composer composer(*m_store);
        ui::ComposeWindow *w = composer.newMessage(m_me);
        auto *completer = qobject_cast<ui::AddressCompleter *>(w->toEdit()->completer());
        QVERIFY(completer);
        QTRY_VERIFY(completer->model()->rowCount() > 0); // loaded on the worker
        w->toEdit()->setText(QStringLiteral("Carol Jones <carol@herald.test>, bo"));
        completer->setCompletionPrefix(completer->splitPath(w->toEdit()->text()).front());
        QAbstractItemModel *matches = completer->completionModel();
        QCOMPARE(matches->rowCount(), 2);
        QCOMPARE(matches->index(0, 0).data().toString(),
                 QStringLiteral("Robert Miller <bob@herald.test>")); // 3 messages
        QCOMPARE(matches->index(1, 0).data().toString(),
                 QStringLiteral("Boris <boris@herald.test>"));
        QCOMPARE(
            completer->pathFromIndex(matches->index(0, 0)),
            QStringLiteral("Carol Jones <carol@herald.test>, Robert Miller <bob@herald.test>, "));
        w->close();
    }

    void nothingWrittenNothingSaved()
    {
        ui::Composer composer(*m_store);
        composer.answer(m_parent, smtp::Answer::Reply)->close();
        composer.newMessage(m_me)->close();
        composer.service().waitForIdle();
        QVERIFY(drafts().empty());
    }

    // A sync holds the write lock (BEGIN IMMEDIATE) across network waits: saving a draft and
    // sending return to the event loop at once; the writes happen when the lock is free.
    void uiThreadNeverWaitsOnTheWriteLock()
    {
        ui::Composer composer(*m_store);
        ui::ComposeWindow *draftWindow = composer.newMessage(m_me);
        draftWindow->subjectEdit()->setText(QStringLiteral("Locked draft"));
        ui::ComposeWindow *sendWindow = composer.newMessage(m_me);
        sendWindow->toEdit()->setText(QStringLiteral("bob@herald.test"));
        sendWindow->subjectEdit()->setText(QStringLiteral("Locked send"));
        QSignalSpy saved(draftWindow, &ui::ComposeWindow::draftSaved);
        QSignalSpy queued(&composer, &ui::Composer::queued);

        store::Database sync(store::Store::databasePath(m_dir.path()));
        sync.exec("BEGIN IMMEDIATE");
        QElapsedTimer clock;
        clock.start();
        draftWindow->saveDraft();
        QVERIFY(sendWindow->send());
        const qint64 callsMs = clock.elapsed();
        // The event loop keeps turning while the lock is held.
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, [&] { ++ticks; });
        ticker.start(20);
        QTest::qWait(600);
        QVERIFY2(ticks >= 15, qPrintable(QStringLiteral("%1 ticks in 600 ms").arg(ticks)));
        QCOMPARE(saved.count(), 0);
        QVERIFY(drafts().empty()); // readers are not blocked either (WAL)
        sync.exec("COMMIT");
        QVERIFY(saved.wait(15000));
        QTRY_COMPARE_WITH_TIMEOUT(queued.count(), 1, 15000);
        QVERIFY2(callsMs < 100, qPrintable(QStringLiteral("save + send took %1 ms").arg(callsMs)));
        const auto out = smtp::Outbox(*m_store).list();
        QCOMPARE(out.size(), size_t(1));
        QCOMPARE(out.front().subject, QStringLiteral("Locked send"));
        draftWindow->close();
        for (const auto &d : drafts())
            smtp::Drafts(*m_store).remove(d.id);
    }

    // Each state of the outbox in words; a "maybe sent" message opens for editing with its Bcc
    // (which sent bytes do not carry) and replaces itself when sent again.
    void outboxStatesInWords()
    {
        ui::Composer composer(*m_store);
        ui::OutboxPanel panel(*m_store, composer);
        const auto account = m_store->accounts().byId(m_me);
        mime::Draft d;
        d.to = {{QStringLiteral("Robert Miller"), QStringLiteral("bob@herald.test"), {}}};
        d.bcc = {{QString(), QStringLiteral("boss@herald.test"), {}}};
        d.subject = QStringLiteral("Minutes");
        d.text = QStringLiteral("Attached.");
        smtp::Outbox outbox(*m_store);
        const qint64 waiting = outbox.enqueue(*account, d).taskId;
        const qint64 maybe = outbox.enqueue(*account, d).taskId;
        m_store->tasks().setState(maybe, QStringLiteral("maybe-sent"),
                                  QStringLiteral("the connection ended after the message was "
                                                 "sent, before the server confirmed it"));
        panel.setAccount(m_me);
        QCOMPARE(panel.count(), 2);
        QVERIFY(panel.selectTask(waiting));
        QCOMPARE(panel.tree()->currentItem()->text(ui::OutboxPanel::StateColumn),
                 QStringLiteral("Waiting to be sent"));
        QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("outboxOpen"))->isEnabled());
        QVERIFY(panel.findChild<QPushButton *>(QStringLiteral("outboxDiscard"))->isEnabled());
        QVERIFY(panel.selectTask(maybe));
        QCOMPARE(panel.tree()->currentItem()->text(ui::OutboxPanel::StateColumn),
                 QStringLiteral("Maybe sent: the connection broke at the end"));
        QVERIFY(panel.detailsText().contains(QStringLiteral("before the server confirmed it")));
        QVERIFY(panel.findChild<QPushButton *>(QStringLiteral("outboxOpen"))->isEnabled());
        QVERIFY(panel.findChild<QPushButton *>(QStringLiteral("outboxSendAgain"))->isEnabled());

        panel.openSelected();
        ui::ComposeWindow *w = activeNewest(composer);
        QVERIFY(w);
        QCOMPARE(w->replacesTask(), maybe);
        QCOMPARE(w->toEdit()->text(), QStringLiteral("Robert Miller <bob@herald.test>"));
        QCOMPARE(w->bccEdit()->text(), QStringLiteral("boss@herald.test"));
        QCOMPARE(w->subjectEdit()->text(), QStringLiteral("Minutes"));
        QVERIFY(w->send());
        composer.service().waitForIdle();
        const auto left = outbox.list();
        QCOMPARE(left.size(), size_t(2)); // the waiting one, and the new one in place of "maybe"
        for (const auto &e : left) {
            QVERIFY(e.taskId != maybe);
            QCOMPARE(e.state, QStringLiteral("pending"));
            QVERIFY(e.recipients.contains(QStringLiteral("boss@herald.test")));
        }
    }

    // A reply with an attachment as a user sees it (docs/screenshots/compose.png).
    void screenshot()
    {
        ui::Composer composer(*m_store);
        ui::ComposeWindow *w = composer.answer(m_parent, smtp::Answer::ReplyAll);
        QVERIFY(w);
        w->resize(820, 680);
        QVERIFY(QTest::qWaitForWindowExposed(w));
        w->attachments()->addFiles({file(QStringLiteral("budget-2025-Q4.ods"), 48213),
                                    file(QStringLiteral("travel-costs.pdf"), 1236402)});
        w->bodyEdit()->setFocus();
        QTest::keyClicks(w->bodyEdit(), QStringLiteral("Hi Robert,"));
        QTest::keyClick(w->bodyEdit(), Qt::Key_Return);
        QTest::keyClick(w->bodyEdit(), Qt::Key_Return);
        QTest::keyClicks(w->bodyEdit(),
                         QStringLiteral("here are both files; marketing's line is in now."));
        QTest::keyClick(w->bodyEdit(), Qt::Key_Return);
        QTest::keyClicks(w->bodyEdit(), QStringLiteral("Travel is 4% below last quarter."));
        QTest::qWait(50);
        const QImage shot = w->grab().toImage();
        QVERIFY(!shot.isNull());
        const QString dir = qEnvironmentVariable("HERALD_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(shot.save(QDir(dir).filePath(QStringLiteral("compose.png"))));
        w->close();
    }
};

QTEST_MAIN(TestComposeWindow)
#include "tst_compose_window.moc"
