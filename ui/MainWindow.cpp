#include "ui/MainWindow.h"
namespace herald::ui {
MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent) {}
} // namespace herald::ui
