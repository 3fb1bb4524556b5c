#pragma once
#include <QMainWindow>
namespace herald::ui {
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};
} // namespace herald::ui
