#include "ui/FolderIcons.h"

#include "core/engine/smtp/Outbox.h"

#include <QApplication>
#include <QStyle>

namespace herald::ui::icons {

QString folderThemeName(const store::Folder &folder)
{
    if (folder.name.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("mail-folder-inbox");
    if (smtp::Outbox::isOutboxFolder(folder))
        return QStringLiteral("mail-folder-outbox");
    // (mail-folder-* are not in the naming spec but in GNOME's, KDE's and most other themes.)
    static const QList<QPair<QLatin1String, QString>> bySpecialUse = {
        {QLatin1String("\\Sent"), QStringLiteral("mail-folder-sent")},
        {QLatin1String("\\Trash"), QStringLiteral("user-trash")},
        {QLatin1String("\\Junk"), QStringLiteral("mail-mark-junk")},
        {QLatin1String("\\Drafts"), QStringLiteral("document-edit")},
    };
    for (const auto &[use, name] : bySpecialUse)
        if (folder.specialUse.compare(use, Qt::CaseInsensitive) == 0)
            return name;
    return QStringLiteral("folder");
}

QIcon folder(const store::Folder &folder)
{
    const QString name = folderThemeName(folder);
    const QStyle::StandardPixmap fallback =
        name == QLatin1String("user-trash") ? QStyle::SP_TrashIcon : QStyle::SP_DirIcon;
    return QIcon::fromTheme(name, QApplication::style()->standardIcon(fallback));
}

QIcon account()
{
    return QIcon::fromTheme(QStringLiteral("network-server"),
                            QApplication::style()->standardIcon(QStyle::SP_DriveNetIcon));
}

} // namespace herald::ui::icons
