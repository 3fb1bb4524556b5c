// The application icon compiled in from resources/icons.qrc: every hicolor size the package
// installs, each a real picture (not an empty pixmap), and the same files the desktop gets.
#include "ui/Icons.h"

#include <QApplication>
#include <QImage>
#include <QTest>

class TestAppIcon : public QObject
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
            QStringLiteral("/../../resources/icons/hicolor/%1x%1/apps/org.herald.Herald.png").arg(size));
        QVERIFY(!installed.isNull());
        QCOMPARE(image.convertToFormat(QImage::Format_ARGB32_Premultiplied),
                 installed.convertToFormat(QImage::Format_ARGB32_Premultiplied));
    }
};

QTEST_MAIN(TestAppIcon)
#include "tst_app_icon.moc"
