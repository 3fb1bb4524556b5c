// The application icon compiled in from resources/icons.qrc: every hicolor size the package
// installs, each a real picture (not an empty pixmap), and the same files the desktop gets.
// The folder tree's icons: the freedesktop theme name for each kind of folder, and a
// picture even when the desktop has no icon theme (as under the offscreen platform).
#include "core/engine/smtp/Outbox.h"
#include "ui/FolderIcons.h"
#include "ui/Icons.h"

#include <QApplication>
#include <QImage>
#include <QTest>

class TestIcons : public QObject
{
    Q_OBJECT
private slots:
    void everySize_data()
    {
        QTest::addColumn<int>("size");
        for (const int size : {16, 22, 24, 32, 48, 64, 128, 256})
            QTest::addRow("%dx%d", size, size) << size;
    }

    void everySize()
    {
        QFETCH(int, size);
        const QIcon icon = herald::ui::icons::appIcon();
        QVERIFY(icon.availableSizes().contains(QSize(size, size)));
        const QImage image = icon.pixmap(QSize(size, size)).toImage();
        QCOMPARE(image.size(), QSize(size, size));
        // The envelope on the blue tile: the centre is opaque, the corners transparent.
        QCOMPARE(qAlpha(image.pixel(size / 2, size / 2)), 255);
        QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
        // Pixels identical to the file installed to share/icons/hicolor.
        // (HERALD_TEST_DATA is tests/data of the source tree.)
        const QImage installed(
            qEnvironmentVariable("HERALD_TEST_DATA") +
            QStringLiteral("/../../resources/icons/hicolor/%1x%1/apps/org.herald.Herald.png")
                .arg(size));
        QVERIFY(!installed.isNull());
        QCOMPARE(image.convertToFormat(QImage::Format_ARGB32_Premultiplied),
                 installed.convertToFormat(QImage::Format_ARGB32_Premultiplied));
    }

    void folderIcons_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("specialUse");
        QTest::addColumn<QString>("themeName");
        QTest::newRow("inbox") << "INBOX"
                               << ""
                               << "mail-folder-inbox";
        QTest::newRow("inbox, any case") << "Inbox"
                                         << ""
                                         << "mail-folder-inbox";
        QTest::newRow("sent") << "Gesendet"
                              << "\\Sent"
                              << "mail-folder-sent";
        QTest::newRow("trash") << "Papierkorb"
                               << "\\Trash"
                               << "user-trash";
        QTest::newRow("junk") << "Spam"
                              << "\\Junk"
                              << "mail-mark-junk";
        QTest::newRow("drafts") << "Drafts"
                                << "\\Drafts"
                                << "document-edit";
        QTest::newRow("plain") << "Archive/2024"
                               << ""
                               << "folder";
        QTest::newRow("archive") << "Archive"
                                 << "\\Archive"
                                 << "folder";
    }

    void folderIcons()
    {
        QFETCH(QString, name);
        QFETCH(QString, specialUse);
        QFETCH(QString, themeName);
        herald::store::Folder folder;
        folder.name = name;
        folder.specialUse = specialUse;
        QCOMPARE(herald::ui::icons::folderThemeName(folder), themeName);
        QVERIFY(!herald::ui::icons::folder(folder).pixmap(16, 16).isNull());
    }

    void outboxIcon()
    {
        herald::store::Folder outbox;
        outbox.name = QStringLiteral("Outbox");
        outbox.isLocal = true;
        outbox.specialUse = QStringLiteral("\\Outbox"); // (core/smtp/Outbox.cpp's local marker)
        QVERIFY(herald::smtp::Outbox::isOutboxFolder(outbox));
        QCOMPARE(herald::ui::icons::folderThemeName(outbox), QStringLiteral("mail-folder-outbox"));
        QVERIFY(!herald::ui::icons::account().pixmap(16, 16).isNull());
    }
};

QTEST_MAIN(TestIcons)
#include "tst_icons.moc"
