// herald: the desktop client. Wiring only: arguments, translations, the cache, the main window.

#include "app/QuitAfter.h"
#include "core/Version.h"
#include "core/store/Profile.h"
#include "core/store/Store.h"
#include "core/sync/ConnectionDns.h"
#include "ui/Icons.h"
#include "ui/Language.h"
#include "ui/Launch.h"
#include "ui/MainWindow.h"
#include "ui/SingleInstance.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTimer>
#include <memory>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("herald"));
    QApplication::setApplicationDisplayName(QStringLiteral("Herald"));
    QApplication::setApplicationVersion(herald::versionString());
    QApplication::setDesktopFileName(QStringLiteral("org.herald.Herald")); // resources/*.desktop
    QApplication::setWindowIcon(herald::ui::icons::appIcon());
    herald::ui::language::install(QString()); // the system's, until the profile is known

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Herald mail client"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        QApplication::translate("main", "Use the cache and settings in DIR (default: "
                                        "$HERALD_PROFILE, else the user's data directory)."),
        QStringLiteral("DIR"));
    parser.addOption(profileOption);
    const QCommandLineOption nameserverOption(
        QStringLiteral("nameserver"),
        QApplication::translate(
            "main", "Ask HOST:PORT for server names and for the DNS records "
                    "that sender checks (SPF, DKIM, DMARC) need (default: $HERALD_NAMESERVER, "
                    "else the system's resolvers)."),
        QStringLiteral("HOST:PORT"));
    parser.addOption(nameserverOption);
    parser.addPositionalArgument(
        QStringLiteral("mailto:…|FILE.eml"),
        QApplication::translate("main", "Write to a mailto: address, or open a message file."));
    const QCommandLineOption quitAfter = herald::app::quitAfterOption();
    parser.addOption(quitAfter);
    parser.process(app);
    // The sync worker reads it from the environment, as herald-cli does.
    if (parser.isSet(nameserverOption))
        qputenv("HERALD_NAMESERVER", parser.value(nameserverOption).toUtf8());
    try { // connections resolve server names through it too (core/sync/ConnectionDns.h)
        herald::sync::useNameserverForConnections(qEnvironmentVariable("HERALD_NAMESERVER"));
    } catch (const std::exception &e) {
        QMessageBox::critical(
            nullptr, QApplication::translate("main", "Herald"),
            QApplication::translate("main", "The DNS server “%1” cannot be used: %2")
                .arg(qEnvironmentVariable("HERALD_NAMESERVER"), QString::fromLocal8Bit(e.what())));
        return 2;
    }

    const QString profileDir = herald::store::resolveProfileDir(parser.value(profileOption));
    if (const QString chosen = herald::ui::language::saved(profileDir); !chosen.isEmpty())
        herald::ui::language::install(chosen); // Settings > Language
    // A Herald already runs on this profile: it opens what was asked for (ui/SingleInstance.h).
    const QString instanceName = herald::ui::SingleInstance::serverName(profileDir);
    const QStringList launchArguments =
        herald::ui::absoluteLaunchArguments(parser.positionalArguments());
    if (herald::ui::SingleInstance::forward(instanceName, launchArguments))
        return 0;
    std::unique_ptr<herald::store::Store> store;
    try {
        store = std::make_unique<herald::store::Store>(profileDir);
    } catch (const std::exception &e) {
        QMessageBox::critical(
            nullptr, QApplication::translate("main", "Herald"),
            QApplication::translate("main", "Herald cannot open the mail cache in %1.\n\n%2")
                .arg(profileDir, QString::fromLocal8Bit(e.what())));
        return 1;
    }

    herald::ui::MainWindow window(*store);
    window.show();
    herald::ui::SingleInstance instance(instanceName);
    QObject::connect(
        &instance, &herald::ui::SingleInstance::argumentsReceived, &window,
        [&window](const QStringList &a) { herald::ui::openLaunchArguments(window, a); });
    if (!launchArguments.isEmpty())
        QTimer::singleShot(0, &window, [&window, launchArguments] {
            herald::ui::openLaunchArguments(window, launchArguments);
        });
    if (!herald::app::scheduleQuitAfter(parser, quitAfter, window))
        return 2;
    // Accounts without a keychain: their passwords, before anything connects.
    window.askForSessionPasswords();
    // First start: nothing to show yet, so the set-up comes up by itself.
    if (store->accounts().list().empty())
        QTimer::singleShot(0, &window, [&window] { window.addAccount(); });
    // IMAP accounts: push (IDLE) from now on. Everything else (POP3, the outbox, sender
    // checks) at start and every five minutes. The window stays usable offline.
    window.startWatching();
    if (!store->accounts().list().empty())
        QTimer::singleShot(0, &window, &herald::ui::MainWindow::syncInBackground);
    QTimer periodic;
    QObject::connect(&periodic, &QTimer::timeout, &window,
                     &herald::ui::MainWindow::syncInBackground);
    periodic.start(5 * 60 * 1000);
    return app.exec();
}
