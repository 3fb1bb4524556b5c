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
#include "tests/integration/SetupDriver.h"
#include "tests/support/AutoconfigServer.h"
#include "tests/support/TestSupport.h"
#include "ui/AccountSetupDialog.h"
#include "ui/MainWindow.h"
#include "ui/MessageListModel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using herald::test::stack;
using namespace herald;
using herald::test::anyFileContains;
using ui::AccountSetupDialog;
using namespace herald::test::setup;

class TestAccountSetup : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static QString deliverWelcome(const QString &user)
    {
        const QString subject =
            QStringLiteral("Set-up test %1").arg(QUuid::createUuid().toString());
        const bool ok =
            stack().deliver(user, QStringLiteral("INBOX"),
                            "From: Dave <dave@herald.test>\r\nTo: " + stack().email(user).toUtf8() +
                                "\r\nSubject: " + subject.toUtf8() + "\r\nMessage-ID: <" +
                                QUuid::createUuid().toString(QUuid::WithoutBraces).toUtf8() +
                                "@setup.test>\r\n\r\nWelcome.\r\n");
        return ok ? subject : QString();
    }

    // An autoconfig file naming the stack's servers by the name the certificate carries.
    QString writeAutoconfig()
    {
        const auto &s = stack();
        const QString root = m_dir.filePath(QStringLiteral("autoconfig"));
        QDir().mkpath(root + QStringLiteral("/mail"));
        QFile f(root + QStringLiteral("/mail/config-v1.1.xml"));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(QStringLiteral(R"(<?xml version="1.0"?>
<clientConfig version="1.1"><emailProvider id="herald.test">
  <domain>herald.test</domain><displayName>Herald Test Mail</displayName>
  <incomingServer type="imap"><hostname>mail.herald.test</hostname><port>%1</port>
    <socketType>SSL</socketType><username>%EMAILLOCALPART%</username></incomingServer>
  <outgoingServer type="smtp"><hostname>mail.herald.test</hostname><port>%2</port>
    <socketType>SSL</socketType><username>%EMAILADDRESS%</username></outgoingServer>
</emailProvider></clientConfig>
)")
                    .arg(s.imapsPort)
                    .arg(s.submissionsPort)
                    .toUtf8());
        return root;
    }

    // From the servers page: the check fails on the stack's certificate (its CA is in no
    // system store) and shows it; trusting it passes both servers (one certificate); no
    // keychain runs, so the password is kept for the session; saved with the pin; the window
    // syncs at once and opens the Inbox, which shows `subject`.
    static void completeSetUp(ui::MainWindow &window, store::Store &store,
                              AccountSetupDialog *dialog, const QString &user,
                              const QString &subject)
    {
        const auto &s = stack();
        QVERIFY(!subject.isEmpty());
        QSignalSpy added(dialog, &AccountSetupDialog::accountAdded);
        QVERIFY(checkAndWait(dialog));
        QVERIFY2(text(dialog, "incomingResult").contains(QStringLiteral("Certificate not trusted")),
                 qPrintable(text(dialog, "incomingResult")));
        const QString certificate = text(dialog, "incomingCertificate");
        QVERIFY2(certificate.contains(QStringLiteral("localhost")), qPrintable(certificate));
        QVERIFY(certificate.contains(QStringLiteral("Herald Test Stack CA")));
        QVERIFY(certificate.contains(QStringLiteral("Valid until")));
        // Shown in two lines of 16 bytes.
        QVERIFY(QString(certificate)
                    .replace(QStringLiteral("<br>"), QStringLiteral(":"))
                    .contains(fingerprintWithColons(s.certSha256)));
        click(dialog, "incomingTrust");
        auto *askEachStart = child<QCheckBox>(dialog, "askEachStart");
        QTRY_VERIFY2_WITH_TIMEOUT(askEachStart->isVisible(),
                                  qPrintable(text(dialog, "incomingResult") + QLatin1Char('|') +
                                             text(dialog, "outgoingResult") + QLatin1Char('|') +
                                             text(dialog, "setupStatus")),
                                  30000);
        QVERIFY2(text(dialog, "incomingResult").contains(QStringLiteral("Logged in")),
                 qPrintable(text(dialog, "incomingResult")));
        QVERIFY2(text(dialog, "outgoingResult").contains(QStringLiteral("Logged in")),
                 qPrintable(text(dialog, "outgoingResult")));
        QVERIFY2(text(dialog, "keychainNotice").contains(QStringLiteral("no system keychain")),
                 qPrintable(text(dialog, "keychainNotice")));
        auto *save = child<QPushButton>(dialog, "nextButton");
        QVERIFY(!save->isEnabled()); // not before the user agreed
        askEachStart->setFocus();
        QTest::keyClick(askEachStart, Qt::Key_Space);
        QVERIFY(askEachStart->isChecked());
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(added.size(), 1);

        const auto account = store.accounts().byId(added.first().first().toLongLong());
        QVERIFY(account);
        QCOMPARE(account->email.section(QLatin1Char('@'), 0, 0), user);
        QCOMPARE(account->displayName, QStringLiteral("Alice Liddell"));
        QCOMPARE(account->name,
                 QString(account->email).replace(QLatin1Char('@'), QLatin1Char('-')));
        const auto settings = accounts::AccountSettings::fromJson(account->settingsJson);
        QCOMPARE(settings.passwordSource, QStringLiteral("session"));
        QCOMPARE(settings.pinnedCertificates.size(), 1);
        QCOMPARE(QString(settings.pinnedCertificates.front()).remove(QLatin1Char(':')).toLower(),
                 s.certSha256);

        // Synced at once; the Inbox opens and shows the message.
        QTRY_VERIFY_WITH_TIMEOUT(window.messageModel()->folderId() != 0, 60000);
        const auto inbox = store.folders().byName(account->id, QStringLiteral("INBOX"));
        QVERIFY(inbox);
        QCOMPARE(window.messageModel()->folderId(), inbox->id);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto *model = window.messageModel();
                for (int row = 0; row < model->rowCount(); ++row)
                    if (model->index(row, ui::MessageListModel::SubjectColumn).data().toString() ==
                        subject)
                        return true;
                return false;
            }(),
            60000);
        accounts::forgetSessionPassword(account->name);
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
        fillAddressPage(&dialog, stack().email(QStringLiteral("alice")),
                        QStringLiteral("wrong-pw"));
        click(&dialog, "manualButton");
        QCOMPARE(dialog.currentPage(), AccountSetupDialog::ServersPage);
        fillServersByHand(&dialog, stack().host);
        QVERIFY(checkAndWait(&dialog));
        // First the certificate (the stack's CA is in no system store), then the password.
        QVERIFY2(
            text(&dialog, "incomingResult").contains(QStringLiteral("Certificate not trusted")),
            qPrintable(text(&dialog, "incomingResult")));
        click(&dialog, "incomingTrust");
        QTRY_VERIFY_WITH_TIMEOUT(
            text(&dialog, "incomingResult").contains(QStringLiteral("Wrong user name or password")),
            30000);
        QTRY_VERIFY_WITH_TIMEOUT(
            text(&dialog, "outgoingResult").contains(QStringLiteral("Wrong user name or password")),
            30000);
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
        const QString subject = deliverWelcome(QStringLiteral("alice"));
        QTemporaryDir profile;
        store::Store store(profile.path());
        ui::MainWindow window(store);
        window.show();
        AccountSetupDialog *dialog = window.addAccount();
        QVERIFY(dialog);
        fillAddressPage(dialog, s.email(QStringLiteral("alice")),
                        s.password(QStringLiteral("alice")));
        click(dialog, "manualButton");
        fillServersByHand(dialog, s.host);
        completeSetUp(window, store, dialog, QStringLiteral("alice"), subject);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(!anyFileContains(profile.path(), s.password(QStringLiteral("alice")).toUtf8()),
                 "the password reached a file of the profile");
    }

    // From the address alone: each discovery source finds the servers (what Herald tries is
    // listed while it searches), then the same check, trust, save and sync.
    void discoveryFindsTheServers_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("domain");
        QTest::addColumn<int>("source");
        QTest::addColumn<QString>("incomingHost");
        QTest::newRow("autoconfig over https")
            << "alice"
            << "herald.test" << int(accounts::DiscoverySource::AutoconfigHttps)
            << "mail.herald.test";
        QTest::newRow("srv records")
            << "bob"
            << "herald.test" << int(accounts::DiscoverySource::Srv) << "mail.herald.test";
        QTest::newRow("guesses") << "carol"
                                 << "guess.herald.test" << int(accounts::DiscoverySource::Guess)
                                 << "imap.guess.herald.test";
    }
    void discoveryFindsTheServers()
    {
        QFETCH(QString, user);
        QFETCH(QString, domain);
        QFETCH(int, source);
        QFETCH(QString, incomingHost);
        const auto &s = stack();
        const auto kind = accounts::DiscoverySource(source);
        accounts::DiscoveryOptions options;
        options.autoconfigBaseUrl.clear();
        options.httpTimeoutMs = 5000;
        options.probeTimeoutMs = 3000;
        test::AutoconfigServer web;
        if (kind == accounts::DiscoverySource::AutoconfigHttps) {
            const quint16 port = web.start(writeAutoconfig(), true);
            QVERIFY(port);
            // As a user's environment would point it (the same variable herald reads).
            qputenv("HERALD_AUTOCONFIG_URL",
                    QStringLiteral("https://127.0.0.1:%1").arg(port).toUtf8());
            options = accounts::DiscoveryOptions();
            options.extraCaCertificates = s.caCertificates(); // the web server's CA
            qunsetenv("HERALD_AUTOCONFIG_URL");
        }
        if (kind == accounts::DiscoverySource::Guess)
            options.standardPorts = {s.imapsPort, s.imapPort,        s.pop3sPort,
                                     s.pop3Port,  s.submissionsPort, s.submissionPort};
        const QString subject = deliverWelcome(user);
        QTemporaryDir profile;
        store::Store store(profile.path());
        ui::MainWindow window(store);
        window.show();
        AccountSetupDialog *dialog = window.addAccount();
        dialog->setDiscoveryOptions(options);
        fillAddressPage(dialog, user + QLatin1Char('@') + domain, s.password(user));
        // Keyboard only: Enter in the password field is "Next".
        QTest::keyClick(child<QLineEdit>(dialog, "passwordEdit"), Qt::Key_Return);
        QCOMPARE(dialog->currentPage(), AccountSetupDialog::SearchPage);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->currentPage(), AccountSetupDialog::ServersPage, 60000);
        QVERIFY(child<QListWidget>(dialog, "searchLog")->count() > 0);
        const QString foundBy = text(dialog, "foundBy");
        QVERIFY2(foundBy.contains(accounts::describeSource(kind)), qPrintable(foundBy));
        QCOMPARE(child<QLineEdit>(dialog, "incomingHost")->text(), incomingHost);
        if (kind == accounts::DiscoverySource::AutoconfigHttps)
            QVERIFY2(web.requests().contains(QStringLiteral("GET /mail/config-v1.1.xml")),
                     qPrintable(web.requests()));
        completeSetUp(window, store, dialog, user, subject);
    }

    // An autoconfig file that came over plain http is only a suggestion: the page says so and
    // "Check and save" waits until the user confirms the settings.
    void httpAnswerMustBeConfirmed()
    {
        const auto &s = stack();
        test::AutoconfigServer web;
        const quint16 port = web.start(writeAutoconfig(), false);
        QVERIFY(port);
        accounts::DiscoveryOptions options;
        options.autoconfigBaseUrl = QStringLiteral("http://127.0.0.1:%1").arg(port);
        options.httpTimeoutMs = 5000;
        QTemporaryDir profile;
        store::Store store(profile.path());
        AccountSetupDialog dialog(store);
        dialog.setDiscoveryOptions(options);
        dialog.show();
        fillAddressPage(&dialog, s.email(QStringLiteral("alice")),
                        s.password(QStringLiteral("alice")));
        QTest::keyClick(child<QLineEdit>(&dialog, "passwordEdit"), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.currentPage(), AccountSetupDialog::ServersPage, 60000);
        const QString foundBy = text(&dialog, "foundBy");
        QVERIFY2(
            foundBy.contains(accounts::describeSource(accounts::DiscoverySource::AutoconfigHttp)),
            qPrintable(foundBy));
        QVERIFY(foundBy.contains(QStringLiteral("unencrypted connection (http)")));
        auto *confirm = child<QCheckBox>(&dialog, "confirmSettings");
        auto *check = child<QPushButton>(&dialog, "nextButton");
        QVERIFY(confirm->isVisible());
        QVERIFY(!check->isEnabled());
        confirm->setFocus();
        QTest::keyClick(confirm, Qt::Key_Space);
        QVERIFY(check->isEnabled());
    }

    // Pictures of each page for docs/screenshots (HERALD_SCREENSHOT_DIR; else a temp dir):
    // the address, the search under way (the first autoconfig server never answers, so the
    // page stays up), the servers found by SRV, the untrusted certificate, no keychain.
    void screenshots()
    {
        const auto &s = stack();
        QTemporaryDir tmp;
        const QString dir = qEnvironmentVariable("HERALD_SCREENSHOT_DIR", tmp.path());
        auto shoot = [&](QWidget *w, const QString &file) {
            const QPixmap pixmap = w->grab();
            const QString path = QDir(dir).filePath(file);
            QVERIFY2(pixmap.save(path, "PNG"), qPrintable(path));
            QCOMPARE(QImage(path).size(), pixmap.size());
        };
        QTcpServer silent; // accepts TCP, never speaks TLS: the first fetch waits
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        accounts::DiscoveryOptions options;
        options.autoconfigBaseUrl = QStringLiteral("https://127.0.0.1:%1").arg(silent.serverPort());
        options.httpTimeoutMs = 1500;
        QTemporaryDir profile;
        store::Store store(profile.path());
        AccountSetupDialog dialog(store);
        dialog.setDiscoveryOptions(options);
        dialog.show();
        fillAddressPage(&dialog, s.email(QStringLiteral("bob")), s.password(QStringLiteral("bob")));
        shoot(&dialog, QStringLiteral("setup-1-address.png"));
        QTest::keyClick(child<QLineEdit>(&dialog, "passwordEdit"), Qt::Key_Return);
        QTRY_VERIFY(child<QListWidget>(&dialog, "searchLog")->count() >= 1);
        shoot(&dialog, QStringLiteral("setup-2-searching.png"));
        QTRY_COMPARE_WITH_TIMEOUT(dialog.currentPage(), AccountSetupDialog::ServersPage, 60000);
        shoot(&dialog, QStringLiteral("setup-3-servers.png"));
        QVERIFY(checkAndWait(&dialog));
        QVERIFY(
            text(&dialog, "incomingResult").contains(QStringLiteral("Certificate not trusted")));
        shoot(&dialog, QStringLiteral("setup-certificate.png"));
        click(&dialog, "incomingTrust");
        QTRY_VERIFY_WITH_TIMEOUT(child<QCheckBox>(&dialog, "askEachStart")->isVisible(), 30000);
        shoot(&dialog, QStringLiteral("setup-no-keychain.png"));
    }
};

QTEST_MAIN(TestAccountSetup)
#include "tst_account_setup.moc"
