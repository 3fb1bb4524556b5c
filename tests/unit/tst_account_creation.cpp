// Account creation shared by `herald-cli account add` and the window's set-up, and the
// "session" password source (asked at each start, kept in memory only).
#include "core/accounts/Credentials.h"
#include "core/accounts/SessionPasswords.h"
#include "core/store/Store.h"
#include "core/sync/AccountCreation.h"
#include "tests/support/TestSupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;
using herald::test::anyFileContains;

namespace {

accounts::NewAccount sample(const QString &name)
{
    accounts::NewAccount a;
    a.name = name;
    a.email = QStringLiteral("alice@herald.test");
    a.displayName = QStringLiteral("Alice");
    a.incoming = *accounts::ServerUrl::parse(QStringLiteral("imaps://alice@mail.herald.test:993"));
    a.outgoing = *accounts::ServerUrl::parse(QStringLiteral("smtps://alice@mail.herald.test:465"));
    return a;
}

} // namespace

class TestAccountCreation : public QObject
{
    Q_OBJECT

private slots:
    void sessionPasswordsLiveInMemoryOnly()
    {
        const QString source = accounts::sessionPasswordSource();
        QCOMPARE(source, QStringLiteral("session"));
        auto missing = accounts::readPassword(source, QStringLiteral("nobody"));
        QVERIFY(!missing.ok);
        QVERIFY2(missing.error.contains(QStringLiteral("asks for the password")),
                 qPrintable(missing.error));
        accounts::setSessionPassword(QStringLiteral("work"), QStringLiteral("pa55 word"));
        auto read = accounts::readPassword(source, QStringLiteral("work"));
        QVERIFY(read.ok);
        QCOMPARE(read.password, QStringLiteral("pa55 word"));
        QVERIFY(!accounts::readPassword(source, QStringLiteral("other")).ok);
        accounts::forgetSessionPassword(QStringLiteral("work"));
        QVERIFY(!accounts::readPassword(source, QStringLiteral("work")).ok);
    }

    void createWithASessionPasswordWritesNoPassword()
    {
        QTemporaryDir dir;
        {
            store::Store store(dir.path());
            const auto created = accounts::createAccount(
                store, sample(QStringLiteral("alice")),
                {accounts::PasswordChoice::Kind::Session, QStringLiteral("Sekr1t-passw0rd")});
            QVERIFY2(created.ok(), qPrintable(created.error));
            const auto row = store.accounts().byId(created.id);
            QVERIFY(row);
            QCOMPARE(row->name, QStringLiteral("alice"));
            QCOMPARE(row->incomingUrl, QStringLiteral("imaps://alice@mail.herald.test:993"));
            const auto settings = accounts::AccountSettings::fromJson(row->settingsJson);
            QCOMPARE(settings.passwordSource, QStringLiteral("session"));
            const auto read = accounts::readPassword(settings.passwordSource, row->name);
            QVERIFY(read.ok);
            QCOMPARE(read.password, QStringLiteral("Sekr1t-passw0rd"));
        }
        QVERIFY2(!anyFileContains(dir.path(), "Sekr1t-passw0rd"), "the password reached a file");
        accounts::forgetSessionPassword(QStringLiteral("alice"));
    }

    void badAccountsAreRefusedInWords_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("incoming");
        QTest::addColumn<QString>("says");
        QTest::newRow("bad name") << "my account"
                                  << "a@b.c"
                                  << "imaps://a@h"
                                  << "letters, digits";
        QTest::newRow("no @") << "x"
                              << "alice.herald.test"
                              << "imaps://a@h"
                              << "not an email address";
        QTest::newRow("smtp as incoming") << "x"
                                          << "a@b.c"
                                          << "smtps://a@h"
                                          << "IMAP or POP3";
        QTest::newRow("taken") << "taken"
                               << "a@b.c"
                               << "imaps://a@h"
                               << "already exists";
    }
    void badAccountsAreRefusedInWords()
    {
        QFETCH(QString, name);
        QFETCH(QString, email);
        QFETCH(QString, incoming);
        QFETCH(QString, says);
        QTemporaryDir dir;
        store::Store store(dir.path());
        QVERIFY(
            accounts::createAccount(store, sample(QStringLiteral("taken")),
                                    {accounts::PasswordChoice::Kind::Env, QStringLiteral("PATH")})
                .ok());
        auto account = sample(name);
        account.email = email;
        account.incoming = *accounts::ServerUrl::parse(incoming);
        const auto created = accounts::createAccount(
            store, account, {accounts::PasswordChoice::Kind::Session, QStringLiteral("pw")});
        QVERIFY(!created.ok());
        QVERIFY2(created.error.contains(says), qPrintable(created.error));
        QCOMPARE(store.accounts().list().size(), size_t(1));
        QVERIFY(!accounts::sessionPassword(name)); // nothing kept for a refused account
    }

    void namesFromAddressesAreValidAndUnique()
    {
        QTemporaryDir dir;
        store::Store store(dir.path());
        QCOMPARE(accounts::accountNameForAddress(store, QStringLiteral("alice@herald.test")),
                 QStringLiteral("alice-herald.test"));
        const QString odd =
            accounts::accountNameForAddress(store, QStringLiteral("Jo Ann+x@müller.de"));
        QVERIFY2(accounts::isValidAccountName(odd), qPrintable(odd));
        auto first = sample(QStringLiteral("alice-herald.test"));
        QVERIFY(accounts::createAccount(
                    store, first, {accounts::PasswordChoice::Kind::Env, QStringLiteral("PATH")})
                    .ok());
        QCOMPARE(accounts::accountNameForAddress(store, QStringLiteral("alice@herald.test")),
                 QStringLiteral("alice-herald.test-2"));
    }
};

QTEST_GUILESS_MAIN(TestAccountCreation)
#include "tst_account_creation.moc"
