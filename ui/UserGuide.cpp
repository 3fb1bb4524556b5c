#include "ui/UserGuide.h"

#include <QAction>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QUrl>

namespace herald::ui {

namespace {
QStringList candidates()
{
    const QDir bin(QCoreApplication::applicationDirPath());
    return {bin.absoluteFilePath(QStringLiteral("../share/doc/herald/guide/index.md")),
            QStringLiteral(HERALD_SOURCE_DIR "/docs/guide/index.md")};
}
} // namespace

QString userGuidePath()
{
    for (const QString &path : candidates()) {
        if (QFileInfo::exists(path))
            return QFileInfo(path).canonicalFilePath();
    }
    return QString();
}

QAction *addUserGuideAction(QMenu *help, QWidget *parent)
{
    QAction *action = help->addAction(QCoreApplication::translate("UserGuide", "User &Guide"));
    action->setParent(parent);
    action->setObjectName(QStringLiteral("userGuide"));
    action->setShortcut(QKeySequence(Qt::Key_F1));
    QObject::connect(action, &QAction::triggered, parent, [parent] {
        const QString path = userGuidePath();
        if (!path.isEmpty() && QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
            return;
        QMessageBox::warning(
            parent, QCoreApplication::translate("UserGuide", "User Guide"),
            path.isEmpty()
                ? QCoreApplication::translate("UserGuide", "The user guide is not installed. "
                                                           "Herald looked for it in:\n%1")
                      .arg(candidates().join(QLatin1Char('\n')))
                : QCoreApplication::translate("UserGuide", "No program to show %1 was found.")
                      .arg(path));
    });
    return action;
}

} // namespace herald::ui
