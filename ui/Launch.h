#pragma once
// What `herald ARGUMENT…` asks the window for: a mailto: URL opens a filled compose window
// (core/mime/MailtoUrl.h), any other argument is a message file opened in a MessageWindow.
// The same for this process's own arguments and for those a later start hands over
// (SingleInstance). With HERALD_LAUNCH_REPORT set, each opened window is reported on stdout
// ("herald: compose to=… subject=…", "herald: message subject=…") for the tests.

#include <QStringList>

namespace herald::ui {

class MainWindow;

// File arguments made absolute (the running Herald has another working directory).
QStringList absoluteLaunchArguments(const QStringList &arguments);
// Raises the window and opens what the arguments name.
void openLaunchArguments(MainWindow &window, const QStringList &arguments);

} // namespace herald::ui
