// Edit > Settings over the fixture profile, driving the real dialogs: an account's name,
// identities with signatures, body policy and authserv-id are saved through the core (the
// cache writer) and read back from the cache; POP3's options show only for POP3; removing
// says what is deleted and, confirmed, takes the account out of the cache and the window;
// Add asks the window for the set-up wizard; the reading option reaches the window.
#include "core/accounts/AccountSettings.h"
#include "core/accounts/Identity.h"
#include "core/store/Store.h"
#include "tests/support/ProfileFixture.h"
#include "ui/AccountEditDialog.h"
#include "ui/AccountSettingsPage.h"
#include "ui/FolderTreeModel.h"
#include "ui/IdentityEditor.h"
#include "ui/MainWindow.h"
#include "ui/SettingsDialog.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QGroupBox>
#include <QImage>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

class TestSettingsDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::ProfileFixture> m_fixture;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<ui::MainWindow> m_window;

    ui::SettingsDialog *open()
    {
        m_window->findChild<QAction *>(QStringLiteral("settings"))->trigger(); // Ctrl+,
        return m_window->findChild<ui::SettingsDialog *>();
    }
    int rowOf(ui::AccountSettingsPage *page, const QString &name)
    {
        for (int r = 0; r < page->list()->count(); ++r)
            if (page->list()->item(r)->text().startsWith(name + QStringLiteral(" ")))
                return r;
        return -1;
    }
    accounts::AccountSettings settingsOf(const QString &name)
    {
        return accounts::AccountSettings::fromJson(m_store->accounts().byName(name)->settingsJson);
    }
    template <typename T> static T *child(QObject *parent, const char *name)
    {
        T *w = parent->findChild<T *>(QLatin1String(name));
        if (!w)
            qWarning("no child %s", name);
        return w;
    }

private slots:
    void init()
    {
        m_window.reset();
        m_store.reset();
        m_fixture = std::make_unique<test::ProfileFixture>();
        m_store = std::make_unique<store::Store>(m_fixture->path());
        store::Account pop;
        pop.name = QStringLiteral("pop");
        pop.email = QStringLiteral("pop@herald.test");
        pop.incomingUrl = QStringLiteral("pop3s://pop@127.0.0.1:995");
        pop.outgoingUrl = QStringLiteral("smtps://pop@127.0.0.1:465");
        pop.settingsJson = accounts::AccountSettings().toJson();
        m_store->accounts().add(pop);
        m_window = std::make_unique<ui::MainWindow>(*m_store);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() { m_window.reset(); }

    void editImapAccount()
    {
        ui::SettingsDialog *settings = open();
        QVERIFY(settings);
        ui::AccountSettingsPage *page = settings->accountsPage();
        QCOMPARE(page->list()->count(), 2);
        ui::AccountEditDialog *edit = page->editAccount(rowOf(page, QStringLiteral("test")));
        QVERIFY(edit);
        QVERIFY(!edit->isPop3());
        QVERIFY(child<QGroupBox>(edit, "bodyPolicy")->isVisibleTo(edit));
        QVERIFY(!child<QGroupBox>(edit, "pop3Options")->isVisibleTo(edit));

        child<QLineEdit>(edit, "displayName")->setText(QStringLiteral("Tess Tester"));
        child<QRadioButton>(edit, "bodiesSome")->setChecked(true);
        QVERIFY(child<QSpinBox>(edit, "bodyDays")->isEnabled());
        child<QSpinBox>(edit, "bodyDays")->setValue(30);
        child<QSpinBox>(edit, "bodySize")->setValue(5);
        child<QLineEdit>(edit, "authservId")->setText(QStringLiteral("mx.herald.test"));
        // A second identity with its signature, and a signature for the account's own.
        ui::IdentityEditor *identities = edit->identityEditor();
        QCOMPARE(identities->list()->count(), 1);
        ui::IdentityDialog *add = identities->addIdentity();
        child<QLineEdit>(add, "identityEmail")->setText(QStringLiteral("sales@herald.test"));
        child<QLineEdit>(add, "identityName")->setText(QStringLiteral("Sales"));
        child<QPlainTextEdit>(add, "identitySignature")->setPlainText(QStringLiteral("Sales team"));
        add->accept();
        QCOMPARE(identities->list()->count(), 2);
        ui::IdentityDialog *own = identities->editIdentity(0);
        QVERIFY(child<QLineEdit>(own, "identityEmail")->isReadOnly());
        child<QPlainTextEdit>(own, "identitySignature")->setPlainText(QStringLiteral("Tess"));
        own->accept();
        edit->accept();

        QTRY_COMPARE(m_store->accounts().byName(QStringLiteral("test"))->displayName,
                     QStringLiteral("Tess Tester"));
        const auto s = settingsOf(QStringLiteral("test"));
        QVERIFY(s.downloadBodies);
        QCOMPARE(s.bodyMaxAgeDays, 30);
        QCOMPARE(s.bodyMaxSize, qint64(5) * 1024 * 1024);
        QCOMPARE(s.authservId, QStringLiteral("mx.herald.test"));
        const auto all = accounts::identities(s, QStringLiteral("test@herald.test"),
                                              QStringLiteral("Tess Tester"));
        QCOMPARE(all.size(), size_t(2));
        QCOMPARE(all[0].signature, QStringLiteral("Tess"));
        QCOMPARE(all[1].email, QStringLiteral("sales@herald.test"));
        QCOMPARE(all[1].signature, QStringLiteral("Sales team"));
        QTRY_VERIFY(page->statusText().contains(QStringLiteral("Saved")));

        // Reopened, the dialog shows what was saved; "None" turns bodies off.
        edit = page->editAccount(rowOf(page, QStringLiteral("test")));
        QVERIFY(child<QRadioButton>(edit, "bodiesSome")->isChecked());
        QCOMPARE(child<QSpinBox>(edit, "bodyDays")->value(), 30);
        child<QRadioButton>(edit, "bodiesNone")->setChecked(true);
        edit->accept();
        QTRY_VERIFY(!settingsOf(QStringLiteral("test")).downloadBodies);
    }

    void editPop3Account()
    {
        ui::AccountSettingsPage *page = open()->accountsPage();
        ui::AccountEditDialog *edit = page->editAccount(rowOf(page, QStringLiteral("pop")));
        QVERIFY(edit->isPop3());
        QVERIFY(child<QGroupBox>(edit, "pop3Options")->isVisibleTo(edit));
        QVERIFY(!child<QGroupBox>(edit, "bodyPolicy")->isVisibleTo(edit));
        child<QSpinBox>(edit, "deleteAfterDays")->setValue(14);
        child<QCheckBox>(edit, "deleteWhenDeleted")->setChecked(true);
        edit->accept();
        QTRY_COMPARE(settingsOf(QStringLiteral("pop")).deleteAfterDays, 14);
        QVERIFY(settingsOf(QStringLiteral("pop")).leaveOnServer);
        QVERIFY(settingsOf(QStringLiteral("pop")).deleteWhenDeletedInHerald);
        edit = page->editAccount(rowOf(page, QStringLiteral("pop")));
        child<QCheckBox>(edit, "leaveOnServer")->setChecked(false);
        QVERIFY(!child<QSpinBox>(edit, "deleteAfterDays")->isEnabled());
        edit->accept();
        QTRY_VERIFY(!settingsOf(QStringLiteral("pop")).leaveOnServer);
    }

    void removeAccountSaysWhatGoes()
    {
        ui::AccountSettingsPage *page = open()->accountsPage();
        QVERIFY(m_window->folderModel()->indexOfFolder(m_fixture->inboxId).isValid());
        QMessageBox *ask = page->removeAccount(rowOf(page, QStringLiteral("test")));
        QVERIFY(ask);
        QVERIFY2(ask->text().contains(QStringLiteral("4 cached messages")),
                 qPrintable(ask->text()));
        QVERIFY(ask->text().contains(QStringLiteral("0 drafts")));
        QVERIFY(ask->text().contains(QStringLiteral("Nothing is deleted on the server")));
        // Cancel keeps it.
        ask->button(QMessageBox::Cancel)->click();
        QVERIFY(m_store->accounts().byName(QStringLiteral("test")));

        ask = page->removeAccount(rowOf(page, QStringLiteral("test")));
        child<QPushButton>(ask, "confirmRemove")->click();
        QTRY_VERIFY(!m_store->accounts().byName(QStringLiteral("test")));
        QCOMPARE(m_store->messages().orderedIds(m_fixture->inboxId).size(), size_t(0));
        QTRY_COMPARE(page->list()->count(), 1);
        QTRY_VERIFY(!m_window->folderModel()->indexOfFolder(m_fixture->inboxId).isValid());
        QVERIFY(m_store->accounts().byName(QStringLiteral("pop")));
    }

    void addAsksTheWindowForTheWizard()
    {
        QSignalSpy spy(m_window.get(), &ui::MainWindow::addAccountRequested);
        child<QPushButton>(open(), "addAccount")->click();
        QCOMPARE(spy.count(), 1);
    }

    void readingOption()
    {
        QVERIFY(m_window->markReadOnOpen());
        ui::SettingsDialog *settings = open();
        QVERIFY(settings->markReadOnOpenBox()->isChecked());
        settings->markReadOnOpenBox()->setChecked(false);
        QVERIFY(!m_window->markReadOnOpen());
        settings->markReadOnOpenBox()->setChecked(true);
        QVERIFY(m_window->markReadOnOpen());
    }

    // HERALD_SCREENSHOT_DIR keeps the pictures (docs/screenshots); else a temp dir.
    void screenshots()
    {
        QTemporaryDir tmp;
        const QString dir = qEnvironmentVariable("HERALD_SCREENSHOT_DIR", tmp.path());
        ui::SettingsDialog *settings = open();
        QVERIFY(QTest::qWaitForWindowExposed(settings));
        ui::AccountSettingsPage *page = settings->accountsPage();
        page->list()->setCurrentRow(rowOf(page, QStringLiteral("test")));
        const auto save = [&](QWidget *w, const QString &file) {
            const QPixmap pixmap = w->grab();
            const QString path = QDir(dir).filePath(file);
            QVERIFY2(pixmap.save(path, "PNG"), qPrintable(path));
            QCOMPARE(QImage(path).size(), pixmap.size());
        };
        save(settings, QStringLiteral("settings.png"));
        ui::AccountEditDialog *edit = page->editAccount(rowOf(page, QStringLiteral("test")));
        QVERIFY(QTest::qWaitForWindowExposed(edit));
        save(edit, QStringLiteral("settings-account.png"));
        edit->reject();
        QMessageBox *ask = page->removeAccount(rowOf(page, QStringLiteral("test")));
        QVERIFY(QTest::qWaitForWindowExposed(ask));
        save(ask, QStringLiteral("settings-remove-account.png"));
        ask->reject();
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settings_dialog.moc"
