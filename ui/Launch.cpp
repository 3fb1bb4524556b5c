#include "ui/Launch.h"

#include "core/mime/MailtoUrl.h"
#include "ui/Compose.h"
#include "ui/MainWindow.h"
#include "ui/MessageFileActions.h"
#include "ui/MessageView.h"
#include "ui/MessageWindow.h"

#include <QDir>
#include <QLineEdit>
#include <QStatusBar>
#include <cstdio>

namespace herald::ui {

namespace {

bool isMailto(const QString &argument)
{
    return argument.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive);
}

void report(const QString &line)
{
    if (!qEnvironmentVariableIsSet("HERALD_LAUNCH_REPORT"))
        return;
    std::fputs(qPrintable(QStringLiteral("herald: %1\n").arg(line)), stdout);
    std::fflush(stdout);
}

void openMailto(MainWindow &window, const QString &url)
{
    const std::optional<mime::MailtoFields> fields = mime::parseMailto(url);
    if (!fields)
        return;
    ComposeWindow *compose = window.composer()->newMessage(mime::draftFromMailto(*fields));
    if (!compose)
        return; // no account yet: the composer said so
    if (!fields->ignored.isEmpty())
        window.statusBar()->showMessage(
            MainWindow::tr("The link also asked for %1; Herald leaves such headers out.")
                .arg(fields->ignored.join(QStringLiteral(", "))),
            15000);
    report(QStringLiteral("compose to=%1 subject=%2")
               .arg(compose->toEdit()->text(), compose->subjectEdit()->text()));
}

} // namespace

QStringList absoluteLaunchArguments(const QStringList &arguments)
{
    QStringList out;
    for (const QString &a : arguments)
        out << (isMailto(a) ? a : QDir::current().absoluteFilePath(a));
    return out;
}

void openLaunchArguments(MainWindow &window, const QStringList &arguments)
{
    window.showNormal();
    window.raise();
    window.activateWindow();
    for (const QString &a : arguments) {
        if (isMailto(a)) {
            openMailto(window, a);
        } else if (MessageWindow *w = window.messageFileActions()->openMessageFile(a)) {
            report(QStringLiteral("message subject=%1").arg(w->view()->subjectText()));
        }
    }
}

} // namespace herald::ui
