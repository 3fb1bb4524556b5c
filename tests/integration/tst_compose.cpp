// Writing mail in the window, against the real Postfix and Dovecot: the compose window's real
// widgets are typed into, files dropped on it, Ctrl+Return pressed; what arrives in the other
// user's maildir is parsed and compared. Drafts survive a restart; mail written while the SMTP
// server is unreachable goes once it is back; a message the server refuses is held in the outbox
// with the server's words, and can be edited and sent again or discarded.
#include "core/engine/smtp/Drafts.h"
#include "core/engine/smtp/Outbox.h"
#include "core/engine/smtp/StartDraft.h"
#include "core/mime/MessageParser.h"
#include "core/store/Store.h"
#include "tests/support/TcpProxy.h"
#include "tests/support/TestSupport.h"
#include "ui/AttachmentList.h"
#include "ui/Compose.h"
#include "ui/ComposeService.h"
#include "ui/ComposeWindow.h"
#include "ui/FolderTreeModel.h"
#include "ui/MainWindow.h"
#include "ui/MessageListModel.h"
#include "ui/OutboxPanel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>
#include <QUuid>

using herald::test::stack;
using namespace herald;

namespace {

QString uniqueId(const char *what)
{
    return QStringLiteral("%1-%2").arg(QLatin1String(what),
                                       QUuid::createUuid().toString(QUuid::WithoutBraces));
}

// herald-cli account add for a user of the stack; the password comes from the environment.
bool addAccount(const QString &profile, const QString &user, quint16 submissionPort, QString *error)
{
    *error = stack().addAccountWithCli(
        profile, user, submissionPort,
        user == QLatin1String("alice") ? QStringLiteral("Alice Liddell") : user);
    return error->isEmpty();
}

// The newest message file of `user`'s INBOX containing `needle`, processing events meanwhile
// (the window's sends run from its event loop).
QString waitForDelivery(const QString &user, const QByteArray &needle, int timeoutMs = 30000)
{
    QString path;
    (void)QTest::qWaitFor(
        [&] {
            path = stack().waitForMessage(user, QStringLiteral("INBOX"), needle, 0);
            return !path.isEmpty();
        },
        timeoutMs);
    return path;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A real drop of files on a widget: drag enter, then drop, as a file manager does.
void dropFiles(QWidget *target, const QStringList &paths)
{
    QMimeData data;
    QList<QUrl> urls;
    for (const QString &p : paths)
        urls << QUrl::fromLocalFile(p);
    data.setUrls(urls);
    const QPointF pos(target->width() / 2.0, target->height() / 2.0);
    QDragEnterEvent enter(pos.toPoint(), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QDragMoveEvent move(pos.toPoint(), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &move);
    QDropEvent drop(pos, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
}

// Real key presses; a line break is the Return key.
void typeInto(QWidget *w, const QString &text)
{
    w->setFocus();
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        if (i > 0)
            QTest::keyClick(w, Qt::Key_Return);
        QTest::keyClicks(w, lines[i]);
    }
}

// The compose window opened last, once it is the active window (shortcuts such as Ctrl+Return
// act on the active window, as for a user).
ui::ComposeWindow *newestWindow(ui::MainWindow &window)
{
    const auto all = window.composer()->windows();
    if (all.isEmpty())
        return nullptr;
    ui::ComposeWindow *w = all.back();
    return QTest::qWaitForWindowActive(w) ? w : nullptr;
}

std::vector<smtp::OutboxEntry> outbox(store::Store &store)
{
    return smtp::Outbox(store).list();
}

} // namespace

class TestCompose : public QObject
{
    Q_OBJECT

    QTemporaryDir m_profile; // alice, sending straight to the real submission port
    QTemporaryDir m_attachmentDir;

    QString makeAttachment(const QString &name, int size)
    {
        QByteArray bytes(size, Qt::Uninitialized);
        for (char &c : bytes)
            c = char(QRandomGenerator::global()->bounded(256));
        const QString path = m_attachmentDir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != size)
            return QString();
        return path;
    }

    static qint64 folderOf(ui::MainWindow &window, int role)
    {
        auto *model = window.folderModel();
        for (int a = 0; a < model->rowCount(); ++a)
            for (int f = 0; f < model->rowCount(model->index(a, 0)); ++f) {
                const QModelIndex i = model->index(f, 0, model->index(a, 0));
                if (i.data(role).toBool())
                    return i.data(ui::FolderTreeModel::FolderIdRole).toLongLong();
            }
        return 0;
    }

    // A whole pass that starts now. Waits on the window's signal, not on the status bar: the
    // outbox's own progress lines may follow "Up to date" at once and replace it.
    static bool syncAndWait(ui::MainWindow &window)
    {
        QSignalSpy done(&window, &ui::MainWindow::syncFinished);
        if (window.isSyncing() && !done.wait(60000))
            return false; // a running pass may have started before what the caller waits for
        done.clear();
        window.syncNow();
        return !done.isEmpty() || done.wait(60000);
    }

private slots:
    void initTestCase()
    {
        HERALD_REQUIRE_STACK();
        QString error;
        QVERIFY2(
            addAccount(m_profile.path(), QStringLiteral("alice"), stack().submissionPort, &error),
            qPrintable(error));
    }

    // New Message, typed in the real fields, a file dropped on the body, Ctrl+Return: the
    // window closes at once, the main window sends the outbox, bob gets the attachment's bytes.
    void composeAndSendWithAttachmentReachesBob()
    {
        const QString attachment = makeAttachment(QStringLiteral("figures.bin"), 150000);
        QVERIFY(!attachment.isEmpty());
        store::Store store(m_profile.path());
        ui::MainWindow window(store);
        window.show();

        QAction *newMessage = window.composeActions().at(0);
        QCOMPARE(newMessage->shortcut(), QKeySequence(QKeySequence::New));
        newMessage->trigger();
        QCOMPARE(window.composer()->windows().size(), 1);
        ui::ComposeWindow *w = window.composer()->windows().front();
        QPointer<ui::ComposeWindow> guard(w);
        QVERIFY(QTest::qWaitForWindowActive(w));
        QVERIFY(w->fromBox()->currentText().contains(QStringLiteral("alice@herald.test")));

        const QString marker = uniqueId("send");
        typeInto(w->toEdit(), QStringLiteral("Bob <bob@herald.test>"));
        typeInto(w->subjectEdit(), QStringLiteral("Figures ") + marker);
        typeInto(w->bodyEdit(), QStringLiteral("Hello Bob,\nthe figures are attached.\n"));
        dropFiles(w->bodyEdit()->viewport(), {attachment});
        QCOMPARE(w->attachments()->files().size(), size_t(1));
        QVERIFY2(w->attachments()->listWidget()->item(0)->text().startsWith(
                     QStringLiteral("figures.bin (146")),
                 qPrintable(w->attachments()->listWidget()->item(0)->text()));
        QVERIFY(!w->bodyEdit()->toPlainText().contains(QStringLiteral("file:")));

        QTest::keyClick(w->bodyEdit(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY2(guard.isNull() || !guard->isVisible(), "the window did not close at Send");
        if (guard)
            QVERIFY2(guard->errorText().isEmpty(), qPrintable(guard->errorText()));

        const QString file = waitForDelivery(QStringLiteral("bob"), marker.toUtf8());
        QVERIFY2(!file.isEmpty(), "the message never reached bob");
        mime::ParseOptions options;
        options.includeAttachmentData = true;
        const mime::Message got = mime::parseMessage(readFile(file), options);
        QCOMPARE(got.from.front().email, QStringLiteral("alice@herald.test"));
        QCOMPARE(got.from.front().name, QStringLiteral("Alice Liddell"));
        QCOMPARE(got.to.front().email, QStringLiteral("bob@herald.test"));
        QVERIFY(got.text.contains(QStringLiteral("the figures are attached.")));
        QCOMPARE(got.attachments.size(), size_t(1));
        QCOMPARE(got.attachments.front().filename, QStringLiteral("figures.bin"));
        QCOMPARE(got.attachments.front().data, readFile(attachment));
        // It left the outbox (sent, and its copy saved in Sent).
        QVERIFY(QTest::qWaitFor([&] { return outbox(store).empty(); }, 30000));
        QVERIFY(smtp::Drafts(store).list().empty());
    }

    // Reply All and both forwards of a message synced from the server: the core's headers and
    // quote in the fields, and on the wire at the recipients.
    void replyAndForwardCarryHeadersAndQuote()
    {
        const auto &s = stack();
        const QString parentId = uniqueId("parent") + QStringLiteral("@herald.test");
        const QString subject = uniqueId("Lunch");
        const QByteArray parent =
            "From: Carol <carol@herald.test>\r\n"
            "To: Alice Liddell <alice@herald.test>\r\n"
            "Cc: Bob <bob@herald.test>\r\n"
            "Subject: " +
            subject.toUtf8() +
            "\r\n"
            "Date: Tue, 4 Mar 2025 10:15:00 +0100\r\n"
            "Message-ID: <" +
            parentId.toUtf8() +
            ">\r\n"
            "References: <root@herald.test>\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/html; charset=utf-8\r\n"
            "\r\n"
            "<html><body><p>Shall we meet at <b>noon</b>?</p><p>Caf&eacute; Rose</p>"
            "</body></html>\r\n";
        QVERIFY(s.deliver(QStringLiteral("alice"), QStringLiteral("INBOX"), parent));

        store::Store store(m_profile.path());
        ui::MainWindow window(store);
        window.show();
        QVERIFY(syncAndWait(window));
        const auto inbox =
            store.folders().byName(store.accounts().list().front().id, QStringLiteral("INBOX"));
        QVERIFY(inbox);
        window.openFolder(inbox->id);
        auto *list = window.messageModel();
        int row = -1;
        for (int r = 0; r < list->rowCount(); ++r)
            if (list->message(r) && list->message(r)->messageId == parentId)
                row = r;
        QVERIFY2(row >= 0, "the delivered message is not in the window's list");
        const qint64 parentRow = list->message(row)->id;
        window.messageListView()->selectionModel()->setCurrentIndex(
            list->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

        // Reply All (Ctrl+Shift+R): to Carol, Cc Bob, never Alice herself; HTML quoted as text.
        const QList<QAction *> actions = window.composeActions();
        QCOMPARE(actions.at(2)->objectName(), QStringLiteral("replyAll"));
        QCOMPARE(actions.at(2)->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
        QVERIFY(actions.at(2)->isEnabled());
        QTest::keyClick(window.messageListView(), Qt::Key_R,
                        Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(window.composer()->windows().size(), 1);
        ui::ComposeWindow *reply = newestWindow(window);
        QVERIFY(reply);
        QCOMPARE(reply->toEdit()->text(), QStringLiteral("Carol <carol@herald.test>"));
        QCOMPARE(reply->ccEdit()->text(), QStringLiteral("Bob <bob@herald.test>"));
        QCOMPARE(reply->subjectEdit()->text(), QStringLiteral("Re: ") + subject);
        const QString quote = reply->bodyEdit()->toPlainText();
        QVERIFY2(quote.contains(QStringLiteral("Carol <carol@herald.test> wrote:\n"
                                               "> Shall we meet at noon?\n>\n> Café Rose")),
                 qPrintable(quote));
        typeInto(reply->bodyEdit(), QStringLiteral("Yes, see you there."));
        QTest::keyClick(reply->bodyEdit(), Qt::Key_Return, Qt::ControlModifier);
        const QString atCarol =
            waitForDelivery(QStringLiteral("carol"), "<" + parentId.toUtf8() + ">");
        QVERIFY2(!atCarol.isEmpty(), "the reply never reached carol");
        const mime::Message replied = mime::parseMessage(readFile(atCarol));
        QCOMPARE(replied.subject, QStringLiteral("Re: ") + subject);
        QCOMPARE(replied.inReplyTo, QStringList{parentId});
        QCOMPARE(replied.references, (QStringList{QStringLiteral("root@herald.test"), parentId}));
        QCOMPARE(replied.cc.size(), size_t(1));
        QCOMPARE(replied.cc.front().email, QStringLiteral("bob@herald.test"));
        QVERIFY(replied.text.startsWith(QStringLiteral("Yes, see you there.")));
        QVERIFY(replied.text.contains(QStringLiteral("> Café Rose")));
        QVERIFY(!waitForDelivery(QStringLiteral("bob"), "<" + parentId.toUtf8() + ">").isEmpty());
        // The answered message is flagged \Answered here at once, and on the server after a pass.
        QTRY_VERIFY(store.messages().byId(parentRow)->flags & store::FlagAnswered);
        window.syncNow();
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (const QString &f : s.messageFiles(QStringLiteral("alice")))
                    if (readFile(f).contains(parentId.toUtf8()))
                        return f.section(QLatin1Char(','), -1).contains(QLatin1Char('R'));
                return false;
            },
            30000));
        QVERIFY2(syncAndWait(window), qPrintable(window.statusBar()->currentMessage()));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.messageListView()->selectionModel()->setCurrentIndex(
            list->index(list->rowOfMessage(parentRow), 0),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

        // Reply (Ctrl+R): only Carol.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(window.messageListView(), Qt::Key_R, Qt::ControlModifier);
        ui::ComposeWindow *single = newestWindow(window);
        QVERIFY(single);
        QCOMPARE(single->toEdit()->text(), QStringLiteral("Carol <carol@herald.test>"));
        QVERIFY(single->ccEdit()->text().isEmpty());
        single->close();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));

        // Forward inline (Ctrl+L): no recipient yet, the original's headers and text in the body.
        QTest::keyClick(window.messageListView(), Qt::Key_L, Qt::ControlModifier);
        ui::ComposeWindow *inlineFwd = newestWindow(window);
        QVERIFY(inlineFwd);
        QCOMPARE(inlineFwd->subjectEdit()->text(), QStringLiteral("Fwd: ") + subject);
        QVERIFY(inlineFwd->toEdit()->text().isEmpty());
        QVERIFY(inlineFwd->bodyEdit()->toPlainText().contains(QStringLiteral(
            "---------- Forwarded message ----------\nFrom: Carol <carol@herald.test>")));
        QVERIFY(inlineFwd->bodyEdit()->toPlainText().contains(QStringLiteral("Café Rose")));
        QVERIFY(inlineFwd->hasUnsavedChanges() == false); // nothing typed: no draft on close
        inlineFwd->close();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));

        // Forward as attachment: the whole original, byte for byte, as message/rfc822.
        actions.at(4)->trigger();
        ui::ComposeWindow *fwd = newestWindow(window);
        QVERIFY(fwd);
        QCOMPARE(fwd->subjectEdit()->text(), QStringLiteral("Fwd: ") + subject);
        QCOMPARE(fwd->attachments()->files().size(), size_t(1));
        QCOMPARE(fwd->attachments()->files().front().mimeType, QStringLiteral("message/rfc822"));
        typeInto(fwd->toEdit(), QStringLiteral("bob@herald.test"));
        fwd->sendButton()->click();
        const QString atBob =
            waitForDelivery(QStringLiteral("bob"), "Subject: Fwd: " + subject.toUtf8());
        QVERIFY2(!atBob.isEmpty(), "the forward never reached bob");
        mime::ParseOptions options;
        options.includeAttachmentData = true;
        const mime::Message forwarded = mime::parseMessage(readFile(atBob), options);
        bool found = false;
        for (const mime::Attachment &a : forwarded.attachments)
            if (a.mimeType == QLatin1String("message/rfc822"))
                found = a.data.contains("Message-ID: <" + parentId.toUtf8() + ">") &&
                        a.data.contains("Caf&eacute; Rose");
        QVERIFY2(found, "no message/rfc822 part with the original in the forward");
        QVERIFY(store.messages().byId(parentRow)->keywords.contains(QStringLiteral("$Forwarded")));
        // Carried as it is (RFC 2046 §5.2.1: never base64 there).
        const QByteArray wire = readFile(atBob);
        const qsizetype part = wire.indexOf("Content-Type: message/rfc822");
        const QByteArray partHeader = wire.mid(part, wire.indexOf("\r\n\r\n", part) - part);
        QVERIFY2(!partHeader.contains("base64"), partHeader.constData());
        QVERIFY(wire.contains("<p>Shall we meet at <b>noon</b>?</p>"));
        QVERIFY(smtp::Drafts(store).list().empty()); // drafts of sent messages are gone

        // herald-cli starts the same answer (core/smtp/StartDraft.h): recipients, subject,
        // threading and quote as in the window, the text of --body-file above the quote.
        QFile bodyFile(m_attachmentDir.filePath(QStringLiteral("cli-body.txt")));
        QVERIFY(bodyFile.open(QIODevice::WriteOnly));
        bodyFile.write("Sent from the command line.\n");
        bodyFile.close();
        QProcess cli;
        cli.start(qEnvironmentVariable("HERALD_CLI"),
                  {"--profile", m_profile.path(), "draft", "save", "--account", "alice",
                   "--reply-all", QString::number(parentRow), "--body-file", bodyFile.fileName()});
        QVERIFY(cli.waitForFinished(20000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        const qint64 cliDraft = cli.readAllStandardOutput().trimmed().toLongLong();
        const auto raw = store.bodies().get(cliDraft);
        QVERIFY(raw);
        const mime::Draft fromCli = smtp::draftFromBytes(*raw);
        QCOMPARE(fromCli.subject, QStringLiteral("Re: ") + subject);
        QCOMPARE(fromCli.to.front().email, QStringLiteral("carol@herald.test"));
        QCOMPARE(fromCli.cc.front().email, QStringLiteral("bob@herald.test"));
        QCOMPARE(fromCli.inReplyTo, parentId);
        QVERIFY2(fromCli.text.startsWith(QStringLiteral("Sent from the command line.\n\n\nOn ")) &&
                     fromCli.text.contains(QStringLiteral("> Café Rose")),
                 qPrintable(fromCli.text));
        smtp::Drafts(store).remove(cliDraft);
    }

    // A draft saved by the core survives closing the window and restarting Herald (a new Store
    // and a new main window); Enter on it in the Drafts folder opens every field again.
    void draftSurvivesCloseAndRestart()
    {
        const QString attachment = makeAttachment(QStringLiteral("plan.pdf"), 20000);
        const QString subject = uniqueId("Draft");
        qint64 draftId = 0;
        {
            store::Store store(m_profile.path());
            ui::MainWindow window(store);
            window.show();
            ui::ComposeWindow *w = window.composer()->newMessage();
            QVERIFY(w);
            w->setAutosaveDelay(200);
            QSignalSpy saved(w, &ui::ComposeWindow::draftSaved);
            typeInto(w->toEdit(), QStringLiteral("Bob <bob@herald.test>, carol@herald.test"));
            QVERIFY(saved.wait(10000)); // a few moments after the change
            draftId = saved.last().at(0).toLongLong();
            typeInto(w->ccEdit(), QStringLiteral("\"Doe, Jane\" <jane@herald.test>"));
            typeInto(w->bccEdit(), QStringLiteral("boss@herald.test"));
            typeInto(w->subjectEdit(), subject);
            typeInto(w->bodyEdit(), QStringLiteral("First line\n\nSecond paragraph"));
            QVERIFY(saved.wait(10000));
            QCOMPARE(saved.last().at(0).toLongLong(), draftId); // the same draft each time
            w->attachments()->addFiles({attachment});
            w->close(); // the last change is saved as the window closes
        }
        {
            store::Store store(m_profile.path());
            std::vector<smtp::DraftInfo> mine;
            for (const smtp::DraftInfo &d : smtp::Drafts(store).list())
                if (d.subject == subject)
                    mine.push_back(d);
            QCOMPARE(mine.size(), size_t(1)); // one draft, saved again and again
            QCOMPARE(mine.front().id, draftId);

            ui::MainWindow window(store);
            window.show();
            const qint64 draftsFolder = folderOf(window, ui::FolderTreeModel::IsDraftsRole);
            QVERIFY(draftsFolder);
            window.openFolder(draftsFolder);
            const int row = window.messageModel()->rowOfMessage(draftId);
            QVERIFY(row >= 0);
            QTreeView *list = window.messageListView();
            list->setFocus();
            list->selectionModel()->setCurrentIndex(window.messageModel()->index(row, 0),
                                                    QItemSelectionModel::ClearAndSelect |
                                                        QItemSelectionModel::Rows);
            QTest::keyClick(list, Qt::Key_Return);
            QCOMPARE(window.composer()->windows().size(), 1);
            ui::ComposeWindow *w = window.composer()->windows().front();
            QCOMPARE(w->draftId(), draftId);
            QVERIFY(w->fromBox()->currentText().contains(QStringLiteral("alice@herald.test")));
            QCOMPARE(w->toEdit()->text(),
                     QStringLiteral("Bob <bob@herald.test>, carol@herald.test"));
            QCOMPARE(w->ccEdit()->text(), QStringLiteral("\"Doe, Jane\" <jane@herald.test>"));
            QCOMPARE(w->bccEdit()->text(), QStringLiteral("boss@herald.test"));
            QCOMPARE(w->subjectEdit()->text(), subject);
            QVERIFY2(w->bodyEdit()->toPlainText().startsWith(
                         QStringLiteral("First line\n\nSecond paragraph")),
                     qPrintable(w->bodyEdit()->toPlainText()));
            QCOMPARE(w->attachments()->files().size(), size_t(1));
            QCOMPARE(w->attachments()->files().front().filename, QStringLiteral("plan.pdf"));
            QCOMPARE(w->attachments()->files().front().data, readFile(attachment));
            QVERIFY(!w->hasUnsavedChanges());
            // Thrown away for this test's neighbours: the draft leaves the cache.
            bool removed = false;
            window.composer()->service().discardDraft(0, draftId, this,
                                                      [&](const QString &) { removed = true; });
            QTRY_VERIFY(removed);
            w->close();
        }
    }

    // Written while the SMTP server cannot be reached: the message waits in the outbox, the
    // Outbox folder says so, and it goes by itself once the server is back.
    void offlineMessageGoesWhenServerIsBack()
    {
        test::TcpProxy proxy(stack().host, stack().submissionPort);
        QVERIFY2(proxy.start(), qPrintable(proxy.errorString()));
        proxy.stop(); // the port is ours, nobody answers: "offline"
        QTemporaryDir profile;
        QString error;
        QVERIFY2(addAccount(profile.path(), QStringLiteral("alice"), proxy.port(), &error),
                 qPrintable(error));

        store::Store store(profile.path());
        ui::MainWindow window(store);
        window.setOutboxRetryInterval(500);
        window.show();
        QVERIFY(window.composer()->newMessage());
        ui::ComposeWindow *w = newestWindow(window);
        QVERIFY(w);
        const QString marker = uniqueId("offline");
        typeInto(w->toEdit(), QStringLiteral("bob@herald.test"));
        typeInto(w->subjectEdit(), QStringLiteral("Written offline ") + marker);
        typeInto(w->bodyEdit(), QStringLiteral("Sent when the network came back."));
        QTest::keyClick(w->bodyEdit(), Qt::Key_Return, Qt::ControlModifier);

        // The send was tried and failed: the message waits, and the Outbox folder shows it.
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto e = outbox(store);
                return e.size() == 1 && e.front().state == QLatin1String("pending") &&
                       e.front().attempts > 0;
            },
            20000));
        const qint64 outboxFolder = folderOf(window, ui::FolderTreeModel::IsOutboxRole);
        QVERIFY(outboxFolder);
        const QModelIndex folder = window.folderModel()->indexOfFolder(outboxFolder);
        QCOMPARE(folder.data().toString(), QStringLiteral("Outbox (1)"));
        window.folderView()->setCurrentIndex(folder);
        ui::OutboxPanel *panel = window.outboxPanel();
        QVERIFY(panel->isVisible());
        QCOMPARE(panel->count(), 1);
        QCOMPARE(panel->tree()->topLevelItem(0)->text(ui::OutboxPanel::StateColumn),
                 QStringLiteral("Waiting to be sent"));
        QVERIFY2(
            stack()
                .waitForMessage(QStringLiteral("bob"), QStringLiteral("INBOX"), marker.toUtf8(), 0)
                .isEmpty(),
            "sent although the server was unreachable");

        // The network is back: the window's retry sends it, no user action needed.
        QVERIFY(proxy.start());
        // 60 s: under a loaded CI machine an attempt may still be in flight when the port reopens.
        const QString file = waitForDelivery(QStringLiteral("bob"), marker.toUtf8(), 60000);
        QVERIFY2(!file.isEmpty(), "the message written offline never went out");
        QVERIFY(proxy.connectionCount() > 0);
        QVERIFY(QTest::qWaitFor([&] { return outbox(store).empty(); }, 30000));
        QTRY_COMPARE(panel->count(), 0);
    }

    // A recipient the server refuses (550 User unknown): the message is held with the server's
    // words in the Outbox; opened, corrected and sent again it reaches bob; another held one
    // is discarded after the confirmation.
    void heldMessageShowsServerWordsAndCanBeFixed()
    {
        store::Store store(m_profile.path());
        ui::MainWindow window(store);
        window.show();
        const QString marker = uniqueId("held");
        for (const QString &subject :
             {QStringLiteral("Fix me ") + marker, QStringLiteral("Throw me away ") + marker}) {
            ui::ComposeWindow *w = window.composer()->newMessage();
            typeInto(w->toEdit(), QStringLiteral("nobody@herald.test"));
            typeInto(w->subjectEdit(), subject);
            typeInto(w->bodyEdit(), QStringLiteral("Who reads this?"));
            w->sendButton()->click();
            QVERIFY(QTest::qWaitFor(
                [&] {
                    for (const auto &e : outbox(store))
                        if (e.subject == subject)
                            return e.state == QLatin1String("held");
                    return false;
                },
                30000));
        }
        const qint64 outboxFolder = folderOf(window, ui::FolderTreeModel::IsOutboxRole);
        QVERIFY(outboxFolder);
        window.openFolder(outboxFolder);
        QTRY_COMPARE(window.folderModel()->indexOfFolder(outboxFolder).data().toString(),
                     QStringLiteral("Outbox (2)"));
        ui::OutboxPanel *panel = window.outboxPanel();
        QVERIFY(panel->isVisible());
        QCOMPARE(panel->count(), 2);
        for (int i = 0; i < 2; ++i) {
            const QTreeWidgetItem *item = panel->tree()->topLevelItem(i);
            QCOMPARE(item->text(ui::OutboxPanel::StateColumn),
                     QStringLiteral("Held: the server refused it"));
            const QString words = item->text(ui::OutboxPanel::DetailsColumn);
            QVERIFY2(words.contains(QStringLiteral("550")) &&
                         words.contains(QStringLiteral("User unknown")),
                     qPrintable(words));
        }

        panel->tree()->setCurrentItem(panel->tree()->topLevelItem(0));
        QVERIFY2(panel->detailsText().startsWith(QStringLiteral("Held: the server refused it: ")) &&
                     panel->detailsText().contains(QStringLiteral("User unknown")),
                 qPrintable(panel->detailsText()));
        if (const QString dir = qEnvironmentVariable("HERALD_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(window.grab().save(QDir(dir).filePath(QStringLiteral("outbox.png"))));

        // Open the first, correct the recipient, send: it replaces the held one.
        const auto entries = outbox(store);
        QVERIFY(panel->selectTask(entries.at(0).taskId));
        panel->openSelected();
        ui::ComposeWindow *w = newestWindow(window);
        QVERIFY(w);
        QCOMPARE(w->replacesTask(), entries.at(0).taskId);
        QCOMPARE(w->toEdit()->text(), QStringLiteral("nobody@herald.test"));
        QCOMPARE(w->subjectEdit()->text(), entries.at(0).subject);
        w->toEdit()->clear();
        typeInto(w->toEdit(), QStringLiteral("bob@herald.test"));
        QTest::keyClick(w->toEdit(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(!waitForDelivery(QStringLiteral("bob"), ("Fix me " + marker).toUtf8()).isEmpty());
        QVERIFY(QTest::qWaitFor([&] { return outbox(store).size() == 1; }, 30000));

        // Discard the other: asked first; "no" keeps it, "yes" removes it.
        QTRY_COMPARE(panel->count(), 1);
        QString asked;
        panel->setConfirm([&](const QString &q) {
            asked = q;
            return false;
        });
        panel->tree()->setCurrentItem(panel->tree()->topLevelItem(0));
        panel->discardSelected();
        QVERIFY(asked.contains(QStringLiteral("Throw me away ") + marker));
        window.composer()->service().waitForIdle();
        QCOMPARE(outbox(store).size(), size_t(1));
        panel->setConfirm([](const QString &) { return true; });
        panel->discardSelected();
        QTRY_VERIFY(outbox(store).empty());
        QTRY_COMPARE(panel->count(), 0);
        // (The tree follows the cache's change stream, merged over 100 ms.)
        QTRY_COMPARE(window.folderModel()->indexOfFolder(outboxFolder).data().toString(),
                     QStringLiteral("Outbox"));
    }
};

QTEST_MAIN(TestCompose)
#include "tst_compose.moc"
