// The account set-up without servers: every control has an accessible name; the keyboard
// alone works (Enter = Next, Esc = Cancel); bad input is said in words on page 1; manual
// set-up suggests servers from the address, with only TLS and STARTTLS to choose; and the main
// window asks at start for the password of an account whose password lives in memory only.
#include "core/accounts/SessionPasswords.h"
#include "core/store/Store.h"
#include "core/sync/AccountCreation.h"
#include "ui/AccountSetupDialog.h"
#include "ui/MainWindow.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace herald;
using ui::AccountSetupDialog;

namespace {

QString accessibleName(QWidget *w)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
    return iface ? iface->text(QAccessible::Name) : QString();
}

// Input controls and buttons under `root` without an accessible name.
QStringList unnamedControls(QWidget *root)
{
    QStringList unnamed;
    const auto widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        const bool control = qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w) ||
                             qobject_cast<QComboBox *>(w) || qobject_cast<QSpinBox *>(w) ||
                             qobject_cast<QListWidget *>(w);
        if (!control || qobject_cast<QLineEdit *>(w->parentWidget()) ||
            qobject_cast<QSpinBox *>(w->parentWidget()) ||
            qobject_cast<QComboBox *>(w->parentWidget()))
            continue; // the line edit inside a spin box is named through the spin box
        if (accessibleName(w).trimmed().isEmpty())
            unnamed << QStringLiteral("%1 (%2)").arg(w->objectName(), w->metaObject()->className());
    }
    return unnamed;
}

} // namespace

class TestAccountSetupDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_profile;

private slots:
    void everyControlHasAnAccessibleName()
    {
        store::Store store(m_profile.path());
        AccountSetupDialog dialog(store);
        dialog.show();
        const QStringList unnamed = unnamedControls(&dialog);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
        QCOMPARE(accessibleName(dialog.findChild<QLineEdit *>(QStringLiteral("emailEdit"))),
                 QStringLiteral("E-mail address:"));
        QCOMPARE(accessibleName(dialog.findChild<QSpinBox *>(QStringLiteral("outgoingPort"))),
                 QStringLiteral("Port:"));
    }

    void keyboardOnly()
    {
        store::Store store(m_profile.path());
        AccountSetupDialog dialog(store);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QApplication::setActiveWindow(&dialog);
        QTRY_VERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->hasFocus());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Alice"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("not an address"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); // Enter = Next
        QCOMPARE(dialog.currentPage(), AccountSetupDialog::AddressPage);
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("addressError"))
                    ->text()
                    .contains(QStringLiteral("Enter your e-mail address")));
        auto *email = dialog.findChild<QLineEdit *>(QStringLiteral("emailEdit"));
        email->selectAll();
        QTest::keyClicks(email, QStringLiteral("alice@example.org"));
        QTest::keyClick(email, Qt::Key_Return);
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("addressError"))
                    ->text()
                    .contains(QStringLiteral("Enter your password")));
        // Manual set-up by its mnemonic: servers suggested from the address.
        // Through the window, as a real key press comes (shortcuts and mnemonics see it).
        QTest::keyClick(dialog.windowHandle(), Qt::Key_M, Qt::AltModifier);
        // A mnemonic "animates" the click: the button is released a moment later.
        QTRY_COMPARE(dialog.currentPage(), AccountSetupDialog::ServersPage);
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("incomingHost"))->text(),
                 QStringLiteral("imap.example.org"));
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("outgoingHost"))->text(),
                 QStringLiteral("smtp.example.org"));
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("incomingUser"))->text(),
                 QStringLiteral("alice@example.org"));
        QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("incomingPort"))->value(), 993);
        QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("outgoingPort"))->value(), 465);
        // Esc = Cancel.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!dialog.isVisible());
    }

    // Only TLS and STARTTLS; switching protocol or security follows the standard ports.
    void securityChoicesAndStandardPorts()
    {
        store::Store store(m_profile.path());
        AccountSetupDialog dialog(store);
        dialog.show();
        dialog.findChild<QLineEdit *>(QStringLiteral("emailEdit"))
            ->setText(QStringLiteral("a@b.org"));
        QTest::mouseClick(dialog.findChild<QAbstractButton *>(QStringLiteral("manualButton")),
                          Qt::LeftButton);
        auto *security = dialog.findChild<QComboBox *>(QStringLiteral("incomingSecurity"));
        QCOMPARE(security->count(), 2);
        QCOMPARE(security->itemText(0), QStringLiteral("TLS"));
        QCOMPARE(security->itemText(1), QStringLiteral("STARTTLS"));
        auto *port = dialog.findChild<QSpinBox *>(QStringLiteral("incomingPort"));
        security->setCurrentIndex(1);
        QCOMPARE(port->value(), 143);
        dialog.findChild<QComboBox *>(QStringLiteral("incomingProtocol"))->setCurrentIndex(1);
        QCOMPARE(port->value(), 110);
        auto *outSecurity = dialog.findChild<QComboBox *>(QStringLiteral("outgoingSecurity"));
        outSecurity->setCurrentIndex(1);
        QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("outgoingPort"))->value(), 587);
    }

    // The search lists what it tries and can be stopped: here the first autoconfig server
    // accepts the connection and never answers, so the search is still waiting.
    void searchCanBeStopped()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        accounts::DiscoveryOptions options;
        options.autoconfigBaseUrl = QStringLiteral("https://127.0.0.1:%1").arg(silent.serverPort());
        options.httpTimeoutMs = 60000;
        store::Store store(m_profile.path());
        AccountSetupDialog dialog(store);
        dialog.setDiscoveryOptions(options);
        dialog.show();
        dialog.findChild<QLineEdit *>(QStringLiteral("emailEdit"))
            ->setText(QStringLiteral("a@example.org"));
        auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
        password->setText(QStringLiteral("pw"));
        QTest::keyClick(password, Qt::Key_Return);
        QCOMPARE(dialog.currentPage(), AccountSetupDialog::SearchPage);
        auto *log = dialog.findChild<QListWidget *>(QStringLiteral("searchLog"));
        QTRY_VERIFY(log->count() >= 1);
        QVERIFY2(
            log->item(0)->text().contains(QStringLiteral("127.0.0.1:%1").arg(silent.serverPort())),
            qPrintable(log->item(0)->text()));
        QElapsedTimer stopping;
        stopping.start();
        QTest::mouseClick(dialog.findChild<QAbstractButton *>(QStringLiteral("stopSearchButton")),
                          Qt::LeftButton);
        QVERIFY2(stopping.elapsed() < 2000, qPrintable(QString::number(stopping.elapsed())));
        QCOMPARE(dialog.currentPage(), AccountSetupDialog::ServersPage);
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("foundBy"))
                    ->text()
                    .contains(QStringLiteral("The search was stopped")));
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("incomingHost"))->text(),
                 QStringLiteral("imap.example.org"));
    }

    // Esc while the check waits on a server that never answers: the dialog closes at once
    // (the check stops within 0.1 s) and nothing is saved.
    void cancelDuringTheCheck()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QTemporaryDir profile;
        store::Store store(profile.path());
        AccountSetupDialog dialog(store);
        dialog.show();
        dialog.findChild<QLineEdit *>(QStringLiteral("emailEdit"))
            ->setText(QStringLiteral("a@example.org"));
        dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))
            ->setText(QStringLiteral("pw"));
        QTest::mouseClick(dialog.findChild<QAbstractButton *>(QStringLiteral("manualButton")),
                          Qt::LeftButton);
        for (const char *host : {"incomingHost", "outgoingHost"})
            dialog.findChild<QLineEdit *>(QString::fromLatin1(host))
                ->setText(QStringLiteral("127.0.0.1"));
        for (const char *port : {"incomingPort", "outgoingPort"})
            dialog.findChild<QSpinBox *>(QString::fromLatin1(port))->setValue(silent.serverPort());
        auto *check = dialog.findChild<QAbstractButton *>(QStringLiteral("nextButton"));
        QTest::mouseClick(check, Qt::LeftButton);
        QVERIFY(!check->isEnabled());                // checking
        QTRY_VERIFY(silent.hasPendingConnections()); // connected, waiting for the TLS handshake
        QElapsedTimer closing;
        closing.start();
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
        QVERIFY2(closing.elapsed() < 2000, qPrintable(QString::number(closing.elapsed())));
        QCoreApplication::processEvents();
        QVERIFY(store.accounts().list().empty());
    }

    // An empty profile: the window offers "Add Account…" where the list would be, and the
    // button opens the set-up (window-modal, deleted when closed).
    void emptyWindowOffersToAddAnAccount()
    {
        QTemporaryDir profile;
        store::Store store(profile.path());
        ui::MainWindow window(store);
        window.show();
        auto *add = window.findChild<QAbstractButton *>(QStringLiteral("addAccountButton"));
        QVERIFY(add);
        QVERIFY(add->isVisible());
        QCOMPARE(accessibleName(add), QStringLiteral("Add Account…"));
        QVERIFY(!window.messageListView()->isVisible());
        QTemporaryDir tmp;
        const QString dir = qEnvironmentVariable("HERALD_SCREENSHOT_DIR", tmp.path());
        QVERIFY(
            window.grab().save(QDir(dir).filePath(QStringLiteral("main-window-no-accounts.png"))));
        QTest::mouseClick(add, Qt::LeftButton);
        auto *dialog = window.findChild<AccountSetupDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->currentPage(), AccountSetupDialog::AddressPage);
        QPointer<AccountSetupDialog> alive(dialog);
        dialog->reject();
        QTRY_VERIFY(alive.isNull());
    }

    // An account whose password is asked at each start: the window asks (a dialog whose field
    // has an accessible name) and keeps the answer in memory for the sync.
    void windowAsksForSessionPasswordsAtStart()
    {
        QTemporaryDir profile;
        store::Store store(profile.path());
        accounts::NewAccount account;
        account.name = QStringLiteral("mem");
        account.email = QStringLiteral("mem@example.org");
        account.incoming =
            *accounts::ServerUrl::parse(QStringLiteral("imaps://mem@imap.example.org"));
        account.outgoing =
            *accounts::ServerUrl::parse(QStringLiteral("smtps://mem@smtp.example.org"));
        QVERIFY(accounts::createAccount(
                    store, account, {accounts::PasswordChoice::Kind::Session, QStringLiteral("x")})
                    .ok());
        accounts::forgetSessionPassword(QStringLiteral("mem")); // as after a restart
        ui::MainWindow window(store);
        window.show();
        QString fieldName;
        QTimer::singleShot(0, this, [&] {
            QWidget *modal = QApplication::activeModalWidget();
            QVERIFY(modal);
            auto *edit = modal->findChild<QLineEdit *>(QStringLiteral("sessionPasswordEdit"));
            QVERIFY(edit);
            fieldName = accessibleName(edit);
            QTest::keyClicks(edit, QStringLiteral("typed at start"));
            QTest::keyClick(edit, Qt::Key_Return);
        });
        window.askForSessionPasswords();
        QCOMPARE(fieldName, QStringLiteral("Password for mem@example.org:"));
        QCOMPARE(accounts::sessionPassword(QStringLiteral("mem")).value_or(QString()),
                 QStringLiteral("typed at start"));
        auto *enter = window.findChild<QAction *>(QStringLiteral("enterPasswords"));
        QVERIFY(enter);
        QVERIFY(!enter->isVisible()); // every password is known

        // Skipped at start (Esc): File > Enter Passwords… asks again.
        accounts::forgetSessionPassword(QStringLiteral("mem"));
        QTimer::singleShot(0, this, [] {
            QWidget *modal = QApplication::activeModalWidget();
            QVERIFY(modal);
            QTest::keyClick(modal, Qt::Key_Escape);
        });
        window.askForSessionPasswords();
        QVERIFY(!accounts::sessionPassword(QStringLiteral("mem")));
        QVERIFY(enter->isVisible());
        QTimer::singleShot(0, this, [] {
            QWidget *modal = QApplication::activeModalWidget();
            QVERIFY(modal);
            auto *edit = modal->findChild<QLineEdit *>(QStringLiteral("sessionPasswordEdit"));
            QVERIFY(edit);
            QTest::keyClicks(edit, QStringLiteral("typed later"));
            QTest::keyClick(edit, Qt::Key_Return);
        });
        enter->trigger();
        QCOMPARE(accounts::sessionPassword(QStringLiteral("mem")).value_or(QString()),
                 QStringLiteral("typed later"));
        QVERIFY(!enter->isVisible());
        accounts::forgetSessionPassword(QStringLiteral("mem"));
    }
};

QTEST_MAIN(TestAccountSetupDialog)
#include "tst_account_setup_dialog.moc"
