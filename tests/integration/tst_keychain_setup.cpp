// Passwords in a real system keychain: this test runs under tests/support/with_keychain.sh
// (a private D-Bus session with GNOME Keyring unlocked). The core keeps and reads a password
// there (account creation with the keychain as its source), and the window's set-up, after
// both logins passed, puts the password there and saves the account without asking anything
// more; the password is in no file of the profile.
#include "core/accounts/AccountSettings.h"
#include "core/accounts/Credentials.h"
#include "core/store/Store.h"
#include "core/sync/AccountCreation.h"
#include "tests/integration/SetupDriver.h"
#include "tests/support/TestSupport.h"
#include "ui/AccountSetupDialog.h"

#include <QCheckBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using herald::test::anyFileContains;
using herald::test::stack;
using namespace herald;
using namespace herald::test::setup;

class TestKeychainSetup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        HERALD_REQUIRE_STACK();
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "no session bus: run this test through tests/support/with_keychain.sh");
    }

    void coreKeepsAndReadsTheKeychain()
    {
        QTemporaryDir profile;
        store::Store store(profile.path());
        accounts::NewAccount account;
        account.name = QStringLiteral("kc-core");
        account.email = QStringLiteral("alice@herald.test");
        account.incoming =
            *accounts::ServerUrl::parse(QStringLiteral("imaps://alice@mail.herald.test:993"));
        account.outgoing =
            *accounts::ServerUrl::parse(QStringLiteral("smtps://alice@mail.herald.test:465"));
        const auto created = accounts::createAccount(
            store, account,
            {accounts::PasswordChoice::Kind::Keychain, QStringLiteral("Kc-s3cret-1")});
        QVERIFY2(created.ok(), qPrintable(created.error));
        const auto settings =
            accounts::AccountSettings::fromJson(store.accounts().byId(created.id)->settingsJson);
        QCOMPARE(settings.passwordSource, QStringLiteral("keychain"));
        const auto read = accounts::readPassword(settings.passwordSource, account.name);
        QVERIFY2(read.ok, qPrintable(read.error));
        QCOMPARE(read.password, QStringLiteral("Kc-s3cret-1"));
        QVERIFY(!anyFileContains(profile.path(), "Kc-s3cret-1"));
        accounts::removeFromKeychain(account.name);
        QVERIFY(!accounts::readPassword(settings.passwordSource, account.name).ok);
    }

    // The sync workers read keychain passwords on their own threads, again and again.
    void readsFromWorkerThreads()
    {
        QVERIFY(accounts::storeInKeychain(QStringLiteral("kc-threads"), QStringLiteral("t-pw")).ok);
        for (int i = 0; i < 5; ++i) {
            accounts::CredentialResult read;
            QThread *worker = QThread::create([&] {
                read = accounts::readPassword(QStringLiteral("keychain"),
                                              QStringLiteral("kc-threads"));
            });
            QSignalSpy finished(worker, &QThread::finished);
            worker->start();
            QVERIFY2(finished.wait(10000), qPrintable(QStringLiteral("read %1 hung").arg(i)));
            delete worker;
            QVERIFY2(read.ok, qPrintable(read.error));
            QCOMPARE(read.password, QStringLiteral("t-pw"));
        }
        accounts::removeFromKeychain(QStringLiteral("kc-threads"));
    }

    void windowPutsThePasswordInTheKeychain()
    {
        const auto &s = stack();
        QTemporaryDir profile;
        store::Store store(profile.path());
        ui::AccountSetupDialog dialog(store);
        dialog.show();
        QSignalSpy added(&dialog, &ui::AccountSetupDialog::accountAdded);
        fillAddressPage(&dialog, s.email(QStringLiteral("alice")),
                        s.password(QStringLiteral("alice")));
        click(&dialog, "manualButton");
        fillServersByHand(&dialog, s.host);
        QVERIFY(checkAndWait(&dialog));
        click(&dialog, "incomingTrust");
        QVERIFY2(added.wait(30000), qPrintable(text(&dialog, "setupStatus")));
        QVERIFY(!dialog.isVisible());
        QVERIFY(!dialog.findChild<QCheckBox *>(QStringLiteral("askEachStart"))->isVisible());
        const auto account = store.accounts().byId(added.first().first().toLongLong());
        QVERIFY(account);
        const auto settings = accounts::AccountSettings::fromJson(account->settingsJson);
        QCOMPARE(settings.passwordSource, QStringLiteral("keychain"));
        const auto read = accounts::readPassword(settings.passwordSource, account->name);
        QVERIFY2(read.ok, qPrintable(read.error));
        QCOMPARE(read.password, s.password(QStringLiteral("alice")));
        QVERIFY(!anyFileContains(profile.path(), s.password(QStringLiteral("alice")).toUtf8()));
        accounts::removeFromKeychain(account->name);
    }
};

QTEST_MAIN(TestKeychainSetup)
#include "tst_keychain_setup.moc"
