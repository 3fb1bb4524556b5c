// Conversations in the real window after a real sync (Dovecot): a question, two answers from
// another person in INBOX and the user's own answer in Sent (delivered out of order, linked by
// Message-ID / In-Reply-To / References) are one conversation, collapsed with its count, and
// expanded — by Right, by a click — in date order with the Sent message marked; conversations
// on or off, the folder holds the same messages.
#include "core/store/Store.h"
#include "tests/support/TestSupport.h"
#include "ui/MainWindow.h"
#include "ui/MessageListModel.h"
#include "ui/MessageListOptions.h"

#include <QAction>
#include <QApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUuid>
#include <set>

using herald::test::stack;
using herald::ui::MessageListModel;
namespace store = herald::store;

class TestGuiConversations : public QObject
{
    Q_OBJECT

    QTemporaryDir m_profile;
    QString m_tag;
    QString m_subject;

    QByteArray mail(const char *from, const QString &id, const QString &subject, int hour,
                    const QStringList &references)
    {
        QByteArray eml = QByteArray("From: ") + from +
                         "\r\nTo: dave@herald.test\r\nSubject: " + subject.toUtf8() +
                         "\r\nDate: Mon, 3 Mar 2025 " +
                         QByteArray::number(hour).rightJustified(2, '0') +
                         ":00:00 +0000\r\nMessage-ID: <" + id.toUtf8() + ">\r\n";
        if (!references.isEmpty()) {
            eml += "In-Reply-To: <" + references.last().toUtf8() + ">\r\nReferences:";
            for (const QString &r : references)
                eml += " <" + r.toUtf8() + ">";
            eml += "\r\n";
        }
        return eml + "\r\nAbout the trip.\r\n";
    }
    QString id(const char *name) const { return QString::fromLatin1(name) + m_tag + "@conv.test"; }

    static bool syncAndWait(herald::ui::MainWindow &window)
    {
        QSignalSpy done(&window, &herald::ui::MainWindow::syncFinished);
        window.syncNow();
        return done.wait(60000) && done.first().first().toStringList().isEmpty();
    }
    // Rows of the open folder whose subject carries this run's tag.
    static QList<int> taggedRows(MessageListModel &model, const QString &tag)
    {
        QList<int> rows;
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.message(r) && model.message(r)->subject.contains(tag))
                rows << r;
        return rows;
    }

private slots:
    void initTestCase()
    {
        HERALD_REQUIRE_STACK();
        const auto &s = stack();
        const QString added = s.addAccountWithCli(m_profile.path(), QStringLiteral("dave"));
        QVERIFY2(added.isEmpty(), qPrintable(added));
        m_tag = QUuid::createUuid().toString(QUuid::Id128).left(12);
        m_subject = QStringLiteral("Trip %1").arg(m_tag);
        const QString re = QStringLiteral("Re: ") + m_subject;
        // The last answer arrives first; the user's answer is in Sent.
        QString error;
        QVERIFY2(
            s.deliver("dave", "INBOX",
                      mail("Erin <erin@herald.test>", id("b"), re, 13, {id("q"), id("a"), id("s")}),
                      &error),
            qPrintable(error));
        QVERIFY2(s.deliver("dave", "INBOX",
                           mail("Erin <erin@herald.test>", id("q"), m_subject, 10, {}), &error),
                 qPrintable(error));
        QVERIFY2(s.deliver("dave", "INBOX",
                           mail("Erin <erin@herald.test>", id("a"), re, 11, {id("q")}), &error),
                 qPrintable(error));
        QVERIFY2(s.deliver("dave", "Sent",
                           mail("Dave <dave@herald.test>", id("s"), re, 12, {id("q"), id("a")}),
                           &error),
                 qPrintable(error));
        QVERIFY2(s.deliver("dave", "INBOX",
                           mail("Erin <erin@herald.test>", id("x"),
                                QStringLiteral("Unrelated %1").arg(m_tag), 9, {}),
                           &error),
                 qPrintable(error));
    }

    void conversationFromTwoFoldersIsOneThread()
    {
        store::Store store(m_profile.path());
        herald::ui::MainWindow window(store);
        window.show();
        QVERIFY(syncAndWait(window));
        const qint64 account = store.accounts().list().front().id;
        const auto inbox = store.folders().byName(account, QStringLiteral("INBOX"));
        QVERIFY(inbox);
        window.openFolder(inbox->id);
        MessageListModel &model = *window.messageModel();
        QCOMPARE(taggedRows(model, m_tag).size(), 4); // conversations off: every message

        QAction *conversations = window.messageListOptions()->showConversationsAction();
        QVERIFY(!conversations->isChecked());
        conversations->trigger();
        QVERIFY(model.isThreaded());
        QList<int> rows = taggedRows(model, m_tag);
        QCOMPARE(rows.size(), 2); // the conversation, and the unrelated message
        int head = -1;
        for (int r : rows)
            if (model.index(r, 0).data(MessageListModel::ThreadCountRole).toInt() == 4)
                head = r;
        QVERIFY2(head >= 0, "no row stands for the conversation of four");
        const QModelIndex headIndex = model.index(head, MessageListModel::SubjectColumn);
        QVERIFY(headIndex.data().toString().contains(QStringLiteral("(4, 4 unread)")));
        QCOMPARE(headIndex.data(MessageListModel::MessageIdsRole).toList().size(), 4);
        // The newest message of the conversation in this folder stands for it.
        QCOMPARE(model.message(head)->messageId, id("b"));

        // Right expands: the four messages in date order, the user's answer marked with Sent.
        QTreeView *view = window.messageListView();
        view->setFocus();
        view->selectionModel()->setCurrentIndex(
            model.index(head, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QTest::keyClick(view, Qt::Key_Right);
        QVERIFY(model.index(head, 0).data(MessageListModel::ThreadExpandedRole).toBool());
        const QStringList expected{id("q"), id("a"), id("s"), id("b")};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(model.message(head + i)->messageId, expected[i]);
            QCOMPARE(model.index(head + i, 0).data(MessageListModel::ThreadChildRole).toBool(),
                     i > 0);
        }
        QCOMPARE(model.message(head + 2)->folderName, QStringLiteral("Sent"));
        QVERIFY(model.index(head + 2, MessageListModel::SubjectColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("in Sent")));
        // The message that was selected (the newest) stays selected.
        QCOMPARE(view->selectionModel()->selectedRows().value(0).row(), head + 3);

        // Left on one of its messages folds the conversation back, selecting its row.
        QTest::keyClick(view, Qt::Key_Left);
        QCOMPARE(taggedRows(model, m_tag).size(), 2);
        QVERIFY(!model.index(head, 0).data(MessageListModel::ThreadExpandedRole).toBool());
        QCOMPARE(model.message(head)->messageId, id("b"));

        // A click on the collapsed conversation expands it too.
        const QRect rect = view->visualRect(model.index(head, MessageListModel::SubjectColumn));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_VERIFY(model.index(head, 0).data(MessageListModel::ThreadExpandedRole).toBool());
        QCOMPARE(taggedRows(model, m_tag).size(), 5);

        // Remembered: a new window starts with conversations on.
        conversations->setChecked(true);
    }

    void sameMessagesWithAndWithoutConversations()
    {
        store::Store store(m_profile.path());
        herald::ui::MainWindow window(store);
        const qint64 account = store.accounts().list().front().id;
        const auto inbox = store.folders().byName(account, QStringLiteral("INBOX"));
        QVERIFY(inbox);
        window.openFolder(inbox->id);
        MessageListModel &model = *window.messageModel();
        QVERIFY2(model.isThreaded(), "Show Conversations was not remembered");

        std::set<qint64> threaded, threadedHere;
        for (int r = 0; r < model.rowCount(); ++r)
            for (const QVariant &v :
                 model.index(r, 0).data(MessageListModel::MessageIdsRole).toList())
                threaded.insert(v.toLongLong());
        window.messageListOptions()->showConversationsAction()->setChecked(false);
        QVERIFY(!model.isThreaded());
        std::set<qint64> flat;
        for (int r = 0; r < model.rowCount(); ++r)
            flat.insert(model.messageId(r));
        for (const qint64 id : threaded) {
            const auto row = store.messages().byId(id);
            QVERIFY(row);
            if (row->folderId == inbox->id)
                threadedHere.insert(id);
            else
                QCOMPARE(row->folderName, QStringLiteral("Sent")); // only the user's answers
        }
        QCOMPARE(threadedHere, flat);
        QVERIFY(threaded.size() > flat.size()); // the answer in Sent is in its conversation
    }
};

QTEST_MAIN(TestGuiConversations)
#include "tst_gui_conversations.moc"
