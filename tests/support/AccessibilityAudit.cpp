#include "tests/support/AccessibilityAudit.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTabBar>
#include <QTextEdit>
#include <QWidget>

namespace herald::test {

namespace {
bool isInputControl(const QWidget *w)
{
    return qobject_cast<const QLineEdit *>(w) || qobject_cast<const QTextEdit *>(w) ||
           qobject_cast<const QPlainTextEdit *>(w) || qobject_cast<const QComboBox *>(w) ||
           qobject_cast<const QAbstractSpinBox *>(w) || qobject_cast<const QAbstractButton *>(w) ||
           qobject_cast<const QAbstractItemView *>(w) || qobject_cast<const QAbstractSlider *>(w) ||
           qobject_cast<const QTabBar *>(w);
}

// Built by Qt inside another control, reached through it.
bool isInternalPart(const QWidget *w)
{
    // Qt's parts (qt_spinbox_lineedit, qt_scrollarea_viewport, …), except a toolbar's overflow
    // button: a screen reader reaches it as a control of its own (a check box over AT-SPI).
    if (w->objectName().startsWith(QLatin1String("qt_")) &&
        w->objectName() != QLatin1String("qt_toolbar_ext_button"))
        return true;
    if (qobject_cast<const QScrollBar *>(w) || qobject_cast<const QHeaderView *>(w))
        return true;
    const QWidget *parent = w->parentWidget();
    return parent &&
           (qobject_cast<const QAbstractSpinBox *>(parent) ||
            qobject_cast<const QComboBox *>(parent) || qobject_cast<const QTabBar *>(parent));
}

QString describe(QWidget *w)
{
    QStringList chain;
    for (QWidget *p = w->parentWidget(); p; p = p->parentWidget())
        chain.prepend(p->objectName().isEmpty() ? QString::fromLatin1(p->metaObject()->className())
                                                : p->objectName());
    const QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
    return QStringLiteral("%1 '%2' in %3 (role %4)")
        .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
             chain.join(QLatin1Char('/')))
        .arg(iface ? int(iface->role()) : -1);
}
} // namespace

QString accessibleName(QWidget *widget)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
    return iface ? iface->text(QAccessible::Name).trimmed() : QString();
}

QStringList unnamedControls(QWidget *root)
{
    QStringList out;
    QList<QWidget *> all = root->findChildren<QWidget *>();
    all.prepend(root);
    for (QWidget *w : all) {
        if (!isInputControl(w) || isInternalPart(w))
            continue;
        if (accessibleName(w).isEmpty())
            out << describe(w);
    }
    return out;
}

} // namespace herald::test
