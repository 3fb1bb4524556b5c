#include "app/QuitAfter.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>
#include <QWidget>
#include <cstdio>

namespace herald::app {

QCommandLineOption quitAfterOption()
{
    return QCommandLineOption(
        QStringLiteral("quit-after"),
        QApplication::translate("main", "Quit SECONDS after the window is shown, with exit code "
                                        "0 (a smoke test of the installation)."),
        QStringLiteral("SECONDS"));
}

bool scheduleQuitAfter(const QCommandLineParser &parser, const QCommandLineOption &option,
                       QWidget &window)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const double seconds = parser.value(option).toDouble(&ok);
    if (!ok || seconds < 0 || seconds > 24 * 3600) {
        std::fprintf(stderr, "herald: --quit-after needs a number of seconds, not “%s”\n",
                     qPrintable(parser.value(option)));
        return false;
    }
    QTimer::singleShot(int(seconds * 1000), &window, [&window] {
        const bool shown = window.isVisible();
        if (!shown)
            std::fputs("herald: --quit-after: the main window was not shown\n", stderr);
        QApplication::exit(shown ? 0 : 1);
    });
    return true;
}

} // namespace herald::app
