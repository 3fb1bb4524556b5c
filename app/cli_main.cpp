#include "app/cli/CliApp.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("herald"));
    return herald::cli::run(QCoreApplication::arguments().mid(1));
}
