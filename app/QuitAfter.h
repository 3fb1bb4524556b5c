#pragma once
// herald --quit-after SECONDS: start as usual, then quit with exit code 0 once the main
// window has been shown for SECONDS (1 if it never was). The smoke test of the installed
// package (installer/check-package.sh) runs it offscreen.

#include <QCommandLineOption>

class QCommandLineParser;
class QWidget;

namespace herald::app {

QCommandLineOption quitAfterOption();

// Arms the timer when the option is set. False, with the reason on stderr, when its value
// is not a number of seconds (the caller exits with 2, as for any other bad argument).
bool scheduleQuitAfter(const QCommandLineParser &parser, const QCommandLineOption &option,
                       QWidget &window);

} // namespace herald::app
