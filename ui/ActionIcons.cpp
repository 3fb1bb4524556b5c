#include "ui/ActionIcons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QtMath>

namespace herald::ui::icons {

namespace {
const QColor kInk(0x3d, 0x44, 0x4f);

// Drawn on a 24x24 grid, scaled to the pixmap.
void draw(QPainter &p, Action a)
{
    p.setPen(QPen(kInk, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    switch (a) {
    case Action::Delete: // a bin with a lid
        p.drawLine(QPointF(4, 6.5), QPointF(20, 6.5));
        p.drawLine(QPointF(9.5, 6.5), QPointF(10, 4));
        p.drawLine(QPointF(10, 4), QPointF(14, 4));
        p.drawLine(QPointF(14, 4), QPointF(14.5, 6.5));
        p.drawPolyline(
            QPolygonF({QPointF(6, 6.5), QPointF(7, 20), QPointF(17, 20), QPointF(18, 6.5)}));
        p.drawLine(QPointF(10, 10), QPointF(10, 17));
        p.drawLine(QPointF(14, 10), QPointF(14, 17));
        break;
    case Action::Move: { // a folder and an arrow into it
        p.setBrush(QColor(0xe8, 0xc3, 0x6a));
        p.drawPolygon(QPolygonF({QPointF(3, 7), QPointF(9, 7), QPointF(11, 9), QPointF(21, 9),
                                 QPointF(21, 19), QPointF(3, 19)}));
        p.setPen(QPen(QColor(0x1f, 0x5f, 0xbf), 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawLine(QPointF(8, 14), QPointF(16, 14));
        p.drawPolyline(QPolygonF({QPointF(13, 11), QPointF(16, 14), QPointF(13, 17)}));
        break;
    }
    case Action::MarkRead: // an open envelope with a tick
        p.setBrush(QColor(0xf4, 0xf4, 0xf0));
        p.drawPolygon(QPolygonF(
            {QPointF(3, 10), QPointF(12, 4), QPointF(21, 10), QPointF(21, 20), QPointF(3, 20)}));
        p.drawPolyline(QPolygonF({QPointF(3, 10), QPointF(12, 15), QPointF(21, 10)}));
        p.setPen(QPen(QColor(0x2e, 0x8b, 0x3e), 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(QPolygonF({QPointF(8.5, 9.5), QPointF(11, 12), QPointF(16, 7)}));
        break;
    case Action::Flag: // a pole with a red flag
        p.drawLine(QPointF(6, 3), QPointF(6, 21));
        p.setBrush(QColor(0xd9, 0x3a, 0x2b));
        p.setPen(QPen(QColor(0x9c, 0x24, 0x18), 1.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolygon(QPolygonF({QPointF(6.5, 4), QPointF(19, 4), QPointF(16, 8.5), QPointF(19, 13),
                                 QPointF(6.5, 13)}));
        break;
    case Action::Sync: { // two arrows in a circle
        p.setPen(QPen(QColor(0x1f, 0x5f, 0xbf), 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        const QRectF r(5, 5, 14, 14);
        p.drawArc(r, 30 * 16, 150 * 16);
        p.drawArc(r, 210 * 16, 150 * 16);
        p.drawPolyline(QPolygonF({QPointF(15.5, 5.5), QPointF(18.5, 7.5), QPointF(19.5, 4)}));
        p.drawPolyline(QPolygonF({QPointF(8.5, 18.5), QPointF(5.5, 16.5), QPointF(4.5, 20)}));
        break;
    }
    case Action::Settings: { // a gear
        QPainterPath gear;
        for (int i = 0; i < 16; ++i) {
            const qreal r = (i % 4 < 2) ? 9.0 : 6.5;
            const qreal angle = i * M_PI / 8;
            const QPointF pt(12 + r * std::cos(angle), 12 + r * std::sin(angle));
            i == 0 ? gear.moveTo(pt) : gear.lineTo(pt);
        }
        gear.closeSubpath();
        gear.addEllipse(QPointF(12, 12), 2.8, 2.8);
        p.setBrush(QColor(0xc9, 0xcd, 0xd3));
        p.drawPath(gear);
        break;
    }
    }
}

QIcon drawn(Action a)
{
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48}) {
        QPixmap pm(size, size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.scale(size / 24.0, size / 24.0);
        draw(p, a);
        p.end();
        icon.addPixmap(pm);
    }
    return icon;
}
} // namespace

QString themeName(Action a)
{
    switch (a) {
    case Action::Delete:
        return QStringLiteral("edit-delete");
    case Action::Move:
        return QStringLiteral("mail-move"); // (KDE's name; not in every theme)
    case Action::MarkRead:
        return QStringLiteral("mail-mark-read");
    case Action::Flag:
        return QStringLiteral("mail-mark-important");
    case Action::Sync:
        return QStringLiteral("mail-send-receive");
    case Action::Settings:
        return QStringLiteral("preferences-system");
    }
    return QString();
}

QIcon action(Action a)
{
    return QIcon::fromTheme(themeName(a), drawn(a));
}

} // namespace herald::ui::icons
