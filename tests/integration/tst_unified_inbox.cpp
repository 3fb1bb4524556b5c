// All Inboxes against the real servers: two stack users (alice, bob) in one profile, the
// window watching both INBOXes; mail delivered to each shows in the unified inbox, newest
// first, with its account; reading, moving and replying from the unified view reach the right
// account (the server sees the read flag and the move).
#include "core/store/Store.h"
#include "tests/support/TestSupport.h"
#include "ui/ComposeWindow.h"
#include "ui/FolderTreeModel.h"
#include "ui/MailNotifier.h"
#include "ui/MainWindow.h"
#include "ui/MessageListModel.h"
#include "ui/MessageView.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QMenu>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUuid>

using herald::test::stack;
using namespace herald;

class TestUnifiedInbox : public QObject
{
    Q_OBJECT

    QTemporaryDir m_profile;

    static QByteArray mail(const QString &from, const QString &subject, const QString &messageId)
    {
        return ("From: " + from + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + messageId +
                ">\r\nDate: " + QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date) +
                "\r\n\r\nHello.\r\n")
            .toUtf8();
    }

    static bool seenOnServer(const QString &user, const QString &messageId)
    {
        for (const QString &file : stack().messageFiles(user)) {
            QFile f(file);
            if (f.open(QIODevice::ReadOnly) && f.readAll().contains(messageId.toUtf8()))
                return file.section(QLatin1Char(','), -1).contains(QLatin1Char('S'));
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        HERALD_REQUIRE_STACK();
        for (const char *user : {"alice", "bob"}) {
            const QString error =
                stack().addAccountWithCli(m_profile.path(), QString::fromLatin1(user));
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
    }

    void unifiedInboxShowsNewMailOfTwoAccounts()
    {
        const auto &s = stack();
        store::Store store(m_profile.path());
        ui::MainWindow window(store);
        window.show();
        window.startWatching();
        const qint64 alice = store.accounts().byName(QStringLiteral("alice"))->id;
        const qint64 bob = store.accounts().byName(QStringLiteral("bob"))->id;
        // Both INBOXes synced once (the notifier sets its marks then).
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return window.mailNotifier()->watchesAccount(alice) &&
                                window.mailNotifier()->watchesAccount(bob);
                     },
                     60000),
                 "the watchers did not sync both INBOXes");

        // Clicked in the tree, as a user does.
        QTreeView *tree = window.folderView();
        const QModelIndex node =
            window.folderModel()->indexOfScope(store::ListScope::view(store::UnifiedView::Inboxes));
        QVERIFY(node.isValid());
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(node).center());
        auto *list = window.messageModel();
        QCOMPARE(list->scope(), store::ListScope::view(store::UnifiedView::Inboxes));

        const QString forAlice =
            QUuid::createUuid().toString(QUuid::WithoutBraces) + "@unified.test";
        const QString forBob = QUuid::createUuid().toString(QUuid::WithoutBraces) + "@unified.test";
        QVERIFY(s.deliver(QStringLiteral("alice"), QStringLiteral("INBOX"),
                          mail(QStringLiteral("Frank <frank@herald.test>"),
                               QStringLiteral("For Alice"), forAlice)));
        QVERIFY(s.deliver(
            QStringLiteral("bob"), QStringLiteral("INBOX"),
            mail(QStringLiteral("Grace <grace@herald.test>"), QStringLiteral("For Bob"), forBob)));
        const auto rowOf = [&](const QString &messageId) {
            for (int r = 0; r < list->rowCount(); ++r)
                if (list->message(r)->messageId == messageId)
                    return r;
            return -1;
        };
        QVERIFY2(QTest::qWaitFor([&] { return rowOf(forAlice) >= 0 && rowOf(forBob) >= 0; }, 10000),
                 "new mail of both accounts not in All Inboxes");
        // Newest first over both accounts, each row with its account.
        for (int r = 1; r < list->rowCount(); ++r)
            QVERIFY(list->message(r - 1)->date >= list->message(r)->date);
        QVERIFY(rowOf(forAlice) < 2 && rowOf(forBob) < 2);
        const int account = ui::MessageListModel::AccountColumn;
        QCOMPARE(list->index(rowOf(forAlice), account).data().toString(), QStringLiteral("alice"));
        QCOMPARE(list->index(rowOf(forBob), account).data().toString(), QStringLiteral("bob"));
        QVERIFY(!window.messageListView()->isColumnHidden(account));
        QTRY_COMPARE(window.folderModel()
                         ->indexOfScope(list->scope())
                         .data(ui::FolderTreeModel::UnreadRole)
                         .toLongLong(),
                     store.messages().countIn(list->scope(), true));

        // Read Bob's message here: read on Bob's server.
        const auto select = [&](int row) {
            window.messageListView()->selectionModel()->setCurrentIndex(
                list->index(row, 0),
                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        };
        select(rowOf(forBob));
        QCOMPARE(window.messageView()->subjectText(), QStringLiteral("For Bob"));
        QVERIFY2(
            QTest::qWaitFor([&] { return seenOnServer(QStringLiteral("bob"), forBob); }, 10000),
            "read in the unified inbox, not on bob's server");

        // Reply from the unified view: written from Bob's address.
        window.findChild<QAction *>(QStringLiteral("reply"))->trigger();
        ui::ComposeWindow *compose = nullptr;
        QTRY_VERIFY((compose = [] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *c = qobject_cast<ui::ComposeWindow *>(w); c && c->isVisible())
                    return c;
            return static_cast<ui::ComposeWindow *>(nullptr);
        }()));
        QVERIFY2(compose->fromBox()->currentText().contains(s.email(QStringLiteral("bob"))),
                 qPrintable(compose->fromBox()->currentText()));
        compose->close();

        // Move Alice's message to her Archive from the unified view: the server sees it.
        select(rowOf(forAlice));
        auto *move = window.findChild<QMenu *>(QStringLiteral("moveMenu"));
        emit move->aboutToShow(); // fills it with the selected message's account's folders
        QAction *archive = move->findChild<QAction *>(QStringLiteral("moveTo:Archive"));
        QVERIFY(archive);
        archive->trigger();
        QCOMPARE(rowOf(forAlice), -1);
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return !s.waitForMessage(QStringLiteral("alice"),
                                                  QStringLiteral("Archive"), forAlice.toUtf8(), 0)
                                     .isEmpty();
                     },
                     // (the move waits out the 10 s undo window, then the watcher sends it)
                     25000),
                 "moved in the unified inbox, not in alice's Archive on the server");
    }
};

QTEST_MAIN(TestUnifiedInbox)
#include "tst_unified_inbox.moc"
