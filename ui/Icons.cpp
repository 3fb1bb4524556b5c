#include "ui/Icons.h"

#include <QCoreApplication>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QtMath>

// The PNGs live in a static library: reference their initializer so the linker keeps it.
static void initIconResources()
{
    Q_INIT_RESOURCE(icons);
}

namespace herald::ui::icons {

namespace {
constexpr int kSlot = 13;
constexpr int kSlots = 4;
constexpr int kHeight = 16;

void drawStar(QPainter &p, const QPointF &c, qreal r)
{
    QPolygonF star;
    for (int i = 0; i < 10; ++i) {
        const qreal radius = (i % 2) ? r * 0.45 : r;
        const qreal a = -M_PI / 2 + i * M_PI / 5;
        star << c + QPointF(radius * std::cos(a), radius * std::sin(a));
    }
    p.setPen(QPen(QColor(0xc0, 0x7a, 0x00), 1));
    p.setBrush(QColor(0xf5, 0xb0, 0x1a));
    p.drawPolygon(star);
}

void drawClip(QPainter &p, const QRectF &r)
{
    QPainterPath path;
    const qreal x = r.center().x(), top = r.top() + 2, bottom = r.bottom() - 2;
    path.moveTo(x + 2, top + 4);
    path.lineTo(x + 2, bottom - 2);
    path.arcTo(QRectF(x - 2, bottom - 4, 4, 4), 0, -180);
    path.lineTo(x - 2, top + 2);
    path.arcTo(QRectF(x - 2, top, 3, 3), 180, -180);
    path.lineTo(x + 1, bottom - 4);
    p.setPen(QPen(QColor(0x55, 0x5a, 0x64), 1.2, Qt::SolidLine, Qt::RoundCap));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
}

void drawAuth(QPainter &p, const QRectF &r, store::AuthSummary auth)
{
    const QPointF c = r.center();
    switch (auth) {
    case store::AuthSummary::Pass: {
        p.setPen(QPen(QColor(0x2e, 0x8b, 0x3e), 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        const QPointF pts[] = {c + QPointF(-4, 0), c + QPointF(-1, 3), c + QPointF(4, -3)};
        p.drawPolyline(pts, 3);
        break;
    }
    case store::AuthSummary::Fail:
        p.setPen(QPen(QColor(0xc6, 0x28, 0x28), 2, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(c + QPointF(-3.5, -3.5), c + QPointF(3.5, 3.5));
        p.drawLine(c + QPointF(-3.5, 3.5), c + QPointF(3.5, -3.5));
        break;
    case store::AuthSummary::Neutral:
        p.setPen(QPen(QColor(0x9a, 0x9a, 0x9a), 2, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(c + QPointF(-3.5, 0), c + QPointF(3.5, 0));
        break;
    case store::AuthSummary::Unknown:
        break;
    }
}
} // namespace

QSize messageStatusSize()
{
    return QSize(kSlot * kSlots, kHeight);
}

QPixmap messageStatus(int flags, bool hasAttachments, store::AuthSummary auth)
{
    static QHash<int, QPixmap> cache;
    const bool unread = !(flags & store::FlagSeen);
    const bool flagged = flags & store::FlagFlagged;
    const int key = int(unread) | int(flagged) << 1 | int(hasAttachments) << 2 | int(auth) << 3;
    auto it = cache.constFind(key);
    if (it != cache.constEnd())
        return *it;

    const qreal dpr = 2.0; // drawn at 2x so it stays sharp on HiDPI screens
    QPixmap pm(QSize(kSlot * kSlots, kHeight) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    auto slot = [](int i) { return QRectF(i * kSlot, 0, kSlot, kHeight); };
    if (unread) {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x1f, 0x6f, 0xd0));
        p.drawEllipse(slot(0).center(), 3.2, 3.2);
    }
    if (flagged)
        drawStar(p, slot(1).center(), 5.5);
    if (hasAttachments)
        drawClip(p, slot(2));
    drawAuth(p, slot(3), auth);
    p.end();
    cache.insert(key, pm);
    return pm;
}

QString messageStatusText(int flags, bool hasAttachments, store::AuthSummary auth)
{
    QStringList parts;
    parts << ((flags & store::FlagSeen) ? QCoreApplication::translate("Icons", "Read")
                                        : QCoreApplication::translate("Icons", "Unread"));
    if (flags & store::FlagFlagged)
        parts << QCoreApplication::translate("Icons", "Flagged");
    if (flags & store::FlagAnswered)
        parts << QCoreApplication::translate("Icons", "Answered");
    if (hasAttachments)
        parts << QCoreApplication::translate("Icons", "Has attachments");
    switch (auth) {
    case store::AuthSummary::Pass:
        parts << QCoreApplication::translate("Icons", "Sender verified");
        break;
    case store::AuthSummary::Fail:
        parts << QCoreApplication::translate("Icons", "Sender verification failed");
        break;
    case store::AuthSummary::Neutral:
        parts << QCoreApplication::translate("Icons", "Sender not verifiable");
        break;
    case store::AuthSummary::Unknown:
        break;
    }
    return parts.join(QStringLiteral(", "));
}

QIcon appIcon()
{
    initIconResources();
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/app/%1.png").arg(size), QSize(size, size));
    return icon;
}

} // namespace herald::ui::icons
