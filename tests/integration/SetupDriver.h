#pragma once
// Drives the account set-up dialog as a user: keys typed into the fields (found by object
// name), clicks on the real buttons. Shared by tst_account_setup and tst_keychain_setup.

#include "tests/support/TestSupport.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

namespace herald::test::setup {

template <class T> inline T *child(QWidget *parent, const char *name)
{
    T *w = parent->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qWarning("no widget named %s", name);
    return w;
}

inline void typeInto(QWidget *dialog, const char *name, const QString &text)
{
    auto *edit = child<QLineEdit>(dialog, name);
    QVERIFY(edit);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

inline void typePort(QWidget *dialog, const char *name, quint16 port)
{
    auto *spin = child<QSpinBox>(dialog, name);
    QVERIFY(spin);
    spin->setFocus();
    QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(spin, QString::number(port));
    QCOMPARE(spin->value(), int(port));
}

inline void click(QWidget *dialog, const char *name)
{
    auto *button = child<QPushButton>(dialog, name);
    QVERIFY(button);
    QVERIFY2(button->isVisible() && button->isEnabled(), name);
    QTest::mouseClick(button, Qt::LeftButton);
}

inline QString text(QWidget *dialog, const char *name)
{
    auto *label = child<QLabel>(dialog, name);
    return label ? label->text() : QString();
}

// Page 1: name, address, password.
inline void fillAddressPage(QWidget *dialog, const QString &email, const QString &password)
{
    typeInto(dialog, "nameEdit", QStringLiteral("Alice Liddell"));
    typeInto(dialog, "emailEdit", email);
    typeInto(dialog, "passwordEdit", password);
}

// Page 3 by hand: the stack's IMAPS and SMTPS (submissions) on 127.0.0.1.
inline void fillServersByHand(QWidget *dialog, const QString &incomingHost)
{
    const auto &s = stack();
    typeInto(dialog, "incomingHost", incomingHost);
    typePort(dialog, "incomingPort", s.imapsPort);
    typeInto(dialog, "incomingUser", QStringLiteral("alice"));
    typeInto(dialog, "outgoingHost", s.host);
    typePort(dialog, "outgoingPort", s.submissionsPort);
    typeInto(dialog, "outgoingUser", QStringLiteral("alice"));
}

inline QString fingerprintWithColons(const QString &hex)
{
    QStringList pairs;
    for (int i = 0; i < hex.size(); i += 2)
        pairs << hex.mid(i, 2).toUpper();
    return pairs.join(QLatin1Char(':'));
}

// Clicks "Check and save" and waits until both servers have an answer.
inline bool checkAndWait(QWidget *dialog)
{
    click(dialog, "nextButton");
    return QTest::qWaitFor(
        [&] {
            const QString in = text(dialog, "incomingResult");
            const QString out = text(dialog, "outgoingResult");
            return !in.startsWith(QStringLiteral("Logging in")) && !in.isEmpty() &&
                   !out.startsWith(QStringLiteral("Logging in")) && !out.isEmpty();
        },
        30000);
}

} // namespace herald::test::setup
