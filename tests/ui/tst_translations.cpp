// German and French (issue 15, "Ship it"): each translation is loaded the way herald does
// (ui/Language) and the main window, the compose window, the account set-up and the settings
// are walked widget by widget — button and label texts, window titles, tooltips, accessible
// names, placeholders, tab texts, group box titles, combo items, column headers, menu and
// action texts. A text the translated window shows exactly as the English one (built again
// with no translator) is reported, unless it is the user's data (the fixture's subjects,
// names, addresses, folders), a number, or one of the few words that are the same in every
// language. Each menu's accelerators are unique in each language, and the .ts files have no
// unfinished, vanished or obsolete entry and keep every %1 and mnemonic of their source.
#include "core/store/Store.h"
#include "tests/support/ProfileFixture.h"
#include "ui/AccountSetupDialog.h"
#include "ui/Compose.h"
#include "ui/ComposeWindow.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"
#include "ui/MessageListModel.h"
#include "ui/SettingsDialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <QTextDocument>
#include <QTreeView>
#include <QXmlStreamReader>
#include <functional>
#include <map>
#include <memory>

using namespace herald;

namespace {

// The same in German, French and English.
const QStringList kSameEverywhere = {
    QStringLiteral("OK"),        QStringLiteral("Herald"),
    QStringLiteral("IMAP"),      QStringLiteral("POP3"),
    QStringLiteral("SMTP"),      QStringLiteral("TLS"),
    QStringLiteral("STARTTLS"),  QStringLiteral("Cc"),
    QStringLiteral("Bcc"),       QStringLiteral("SPF"),
    QStringLiteral("DKIM"),      QStringLiteral("DMARC"),
    QStringLiteral("ARC"),       QStringLiteral("Online"),
    QStringLiteral("Offline"),   QStringLiteral("Message"),
    QStringLiteral("Messages"),  QStringLiteral("Date"),
    QStringLiteral("Type"),      QStringLiteral("Notifications"),
    QStringLiteral("Name"),      QStringLiteral("English"),
    QStringLiteral("Deutsch"),   QStringLiteral("Français"),
    QStringLiteral("Signature"), QStringLiteral("Junk"),
    QStringLiteral("none"),      QStringLiteral("pass"),
    QStringLiteral("fail"),      QStringLiteral("Qt"),
    QStringLiteral("Server"),    QStringLiteral("Port")}; // (German)

// Every text a user can see or hear on one widget, keyed by where it is in the tree.
using Texts = std::map<QString, QString>;

QString plain(QString text)
{
    if (Qt::mightBeRichText(text)) {
        QTextDocument doc;
        doc.setHtml(text);
        text = doc.toPlainText();
    }
    return text.remove(QLatin1Char('&')).simplified();
}

void collectAction(const QString &key, QAction *a, Texts &out)
{
    if (a->isSeparator())
        return;
    out[key + QStringLiteral(":text")] = plain(a->text());
    if (a->toolTip() != a->text().remove(QLatin1Char('&'))) // (Qt's default tooltip)
        out[key + QStringLiteral(":tooltip")] = plain(a->toolTip());
    // The Move To menu lists the user's folders (data), filled as the selection changes.
    if (QMenu *menu = a->menu(); menu && menu->objectName() != QLatin1String("moveMenu"))
        for (int i = 0; i < menu->actions().size(); ++i)
            collectAction(key + QStringLiteral("/%1").arg(i), menu->actions().at(i), out);
}

void collect(QWidget *w, const QString &key, Texts &out)
{
    auto put = [&](const char *what, const QString &text) {
        if (!plain(text).isEmpty())
            out[key + QLatin1Char(':') + QLatin1String(what)] = plain(text);
    };
    if (w->isWindow())
        put("title", w->windowTitle());
    put("tooltip", w->toolTip());
    put("accessibleName", w->accessibleName());
    if (auto *b = qobject_cast<QAbstractButton *>(w))
        put("text", b->text());
    if (auto *l = qobject_cast<QLabel *>(w))
        put("text", l->text());
    if (auto *e = qobject_cast<QLineEdit *>(w))
        put("placeholder", e->placeholderText());
    if (auto *e = qobject_cast<QPlainTextEdit *>(w))
        put("placeholder", e->placeholderText());
    if (auto *g = qobject_cast<QGroupBox *>(w))
        put("title", g->title());
    if (auto *s = qobject_cast<QAbstractSpinBox *>(w))
        put("special", s->specialValueText());
    if (auto *s = qobject_cast<QSpinBox *>(w))
        put("suffix", s->suffix());
    if (auto *t = qobject_cast<QTabWidget *>(w))
        for (int i = 0; i < t->count(); ++i)
            out[key + QStringLiteral(":tab%1").arg(i)] = plain(t->tabText(i));
    if (auto *c = qobject_cast<QComboBox *>(w))
        for (int i = 0; i < c->count(); ++i)
            out[key + QStringLiteral(":item%1").arg(i)] = plain(c->itemText(i));
    if (auto *v = qobject_cast<QAbstractItemView *>(w); v && v->model())
        for (int c = 0; c < v->model()->columnCount(); ++c)
            put(qPrintable(QStringLiteral("header%1").arg(c)),
                v->model()->headerData(c, Qt::Horizontal).toString());
    if (auto *m = qobject_cast<QMenu *>(w))
        put("title", m->title());
    for (int i = 0; i < w->actions().size(); ++i)
        collectAction(key + QStringLiteral("/action%1").arg(i), w->actions().at(i), out);
    // The menu bar's menus are read through its actions; its own children also hold the
    // overflow menu of a narrow window, whose contents depend on the width of the words.
    if (qobject_cast<QMenuBar *>(w))
        return;
    // Children by class and place among their siblings of that class: the same key for the
    // same widget in two windows built the same way.
    std::map<QString, int> seen;
    for (QObject *child : w->children()) {
        auto *cw = qobject_cast<QWidget *>(child);
        if (!cw || cw->objectName() == QLatin1String("moveMenu"))
            continue;
        const QString cls = QString::fromLatin1(cw->metaObject()->className());
        collect(cw, key + QLatin1Char('/') + cls + QString::number(seen[cls]++), out);
    }
}

// The user's data in the fixture: shown as it is in every language.
QStringList dataOf(store::Store &store)
{
    QStringList data;
    for (const store::Account &a : store.accounts().list()) {
        data << a.name << a.email;
        for (const store::Folder &f : store.folders().list(a.id))
            data << f.name;
    }
    for (const store::MessageRow &m : store.messages().list(store::MessageQuery{}))
        data << m.subject << m.fromName << m.fromAddr;
    data.removeAll(QString());
    // Longest first, so "Archive/2024" goes before "Archive".
    std::sort(data.begin(), data.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return data;
}

// What is left of a text when the user's data, numbers and the shared words are taken out:
// nothing for a text that needs no translation.
QString wordsToTranslate(QString text, const QStringList &data)
{
    for (const QString &d : data)
        text.remove(d);
    static const QRegularExpression address(QStringLiteral("\\S+@\\S+"));
    text.remove(address);
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\d]+"));
    QStringList left;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QString w = it.next().captured();
        const bool letters = std::any_of(w.begin(), w.end(), [](QChar c) { return c.isLetter(); });
        if (letters && w.size() > 1 && !kSameEverywhere.contains(w))
            left << w;
    }
    return left.join(QLatin1Char(' '));
}

// Each menu's accelerators, in the menu bar and every menu of a window: no letter twice.
QStringList mnemonicClashes(QWidget *window)
{
    QStringList clashes;
    QList<QWidget *> menus;
    for (QMenuBar *bar : window->findChildren<QMenuBar *>())
        menus << bar;
    for (QMenu *menu : window->findChildren<QMenu *>())
        menus << menu;
    static const QRegularExpression mnemonic(QStringLiteral("&([^&\\s])"));
    for (QWidget *menu : menus) {
        std::map<QChar, QString> used;
        for (QAction *a : menu->actions()) {
            if (a->isSeparator())
                continue;
            const auto match =
                mnemonic.match(QString(a->text()).replace(QLatin1String("&&"), QString()));
            if (!match.hasMatch())
                continue;
            const QChar key = match.captured(1).at(0).toLower();
            if (used.count(key))
                clashes << QStringLiteral("%1: “%2” and “%3”")
                               .arg(menu->objectName(), used[key], a->text());
            else
                used[key] = a->text();
        }
    }
    return clashes;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::ProfileFixture> m_fixture;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<ui::MainWindow> m_window;

    using Opener = std::function<QWidget *(ui::MainWindow &)>;

    // Builds the window afresh under the installed translator and reads its texts.
    Texts textsOf(const Opener &open)
    {
        m_window.reset();
        m_window = std::make_unique<ui::MainWindow>(*m_store);
        m_window->resize(1200, 760);
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()))
            return {};
        QWidget *w = open(*m_window);
        if (!w)
            return {};
        QCoreApplication::processEvents();
        Texts texts;
        collect(w, QStringLiteral("window"), texts);
        return texts;
    }

    static void windowsData()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("window");
        const char *names[] = {"main window", "compose window", "account set-up", "settings"};
        for (const char *language : {"de", "fr"})
            for (int i = 0; i < 4; ++i)
                QTest::newRow(qPrintable(QStringLiteral("%1, %2").arg(language, names[i])))
                    << QString::fromLatin1(language) << i;
    }

    static QWidget *open(ui::MainWindow &window, int which)
    {
        switch (which) {
        case 0: { // a message open: headers, verdict bar, list and menus
            window.messageListView()->selectionModel()->select(window.messageModel()->index(0, 0),
                                                               QItemSelectionModel::ClearAndSelect |
                                                                   QItemSelectionModel::Rows);
            return &window;
        }
        case 1:
            return window.composer()->newMessage();
        case 2:
            return window.addAccount();
        default:
            return window.openSettings();
        }
    }

private slots:
    void init()
    {
        ui::language::install(QStringLiteral("en"));
        m_fixture = std::make_unique<test::ProfileFixture>();
        m_store = std::make_unique<store::Store>(m_fixture->path());
    }

    void cleanup()
    {
        m_window.reset();
        m_store.reset();
        ui::language::install(QStringLiteral("en"));
    }

    void everyStringTranslated_data() { windowsData(); }
    void everyStringTranslated()
    {
        QFETCH(QString, language);
        QFETCH(int, window);
        const Opener opener = [window](ui::MainWindow &w) { return open(w, window); };
        const Texts english = textsOf(opener);
        QVERIFY(english.size() > 10);
        QVERIFY(english.count(QStringLiteral("window:title")));

        QVERIFY(ui::language::install(language));
        const Texts translated = textsOf(opener);
        const QStringList data = dataOf(*m_store);
        QStringList untranslated;
        for (const auto &[key, text] : english) {
            const auto it = translated.find(key); // the same widget, built the same way
            if (it == translated.end())
                untranslated << QStringLiteral("%1 is gone (“%2”)").arg(key, text);
            else if (it->second == text && !wordsToTranslate(text, data).isEmpty())
                untranslated << QStringLiteral("%1 = “%2”").arg(key, text);
        }
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QLatin1Char('\n'))));
        // Qt's own words (the dialog buttons) come from qtbase_<lang>.qm.
        if (window == 3) {
            const QString close =
                translated.at(QStringLiteral("window/QDialogButtonBox0/QPushButton0:text"));
            QVERIFY2(close == QStringLiteral("Schließen") || close == QStringLiteral("Fermer"),
                     qPrintable(close));
        }
    }

    void menuAcceleratorsUnique_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << QStringLiteral("en");
        QTest::newRow("German") << QStringLiteral("de");
        QTest::newRow("French") << QStringLiteral("fr");
    }
    void menuAcceleratorsUnique()
    {
        QFETCH(QString, language);
        QVERIFY(ui::language::install(language));
        textsOf([](ui::MainWindow &w) { return &w; });
        QVERIFY(m_window->fileMenu()->actions().size() > 2);
        // Both texts of the toggling actions (Mark as Read / Unread, Flag / Remove Flag).
        QStringList clashes = mnemonicClashes(m_window.get());
        m_window->messageListView()->selectionModel()->select(m_window->messageModel()->index(0, 0),
                                                              QItemSelectionModel::ClearAndSelect |
                                                                  QItemSelectionModel::Rows);
        QCoreApplication::processEvents();
        clashes << mnemonicClashes(m_window.get());
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
    }

    void tsFilesComplete_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("de") << QStringLiteral("herald_de.ts");
        QTest::newRow("fr") << QStringLiteral("herald_fr.ts");
    }
    void tsFilesComplete()
    {
        QFETCH(QString, file);
        QFile ts(QDir(QStringLiteral(HERALD_TRANSLATIONS_DIR)).filePath(file));
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
        QXmlStreamReader xml(&ts);
        QStringList problems;
        QString source;
        int messages = 0;
        static const QRegularExpression placeholder(QStringLiteral("%L?(\\d|n)"));
        auto placeholders = [](const QString &s) {
            QStringList found;
            for (auto it = placeholder.globalMatch(s); it.hasNext();)
                found << it.next().captured(1);
            found.sort();
            found.removeDuplicates();
            return found;
        };
        auto check = [&](const QString &translation) {
            if (translation.trimmed().isEmpty())
                problems << QStringLiteral("empty: %1").arg(source);
            if (placeholders(translation) != placeholders(source))
                problems << QStringLiteral("placeholders differ: %1 → %2").arg(source, translation);
            if (QString(source).remove(QLatin1String("&&")).count(QLatin1Char('&')) !=
                QString(translation).remove(QLatin1String("&&")).count(QLatin1Char('&')))
                problems << QStringLiteral("mnemonic: %1 → %2").arg(source, translation);
        };
        bool numerus = false;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("message")) {
                numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
                ++messages;
            } else if (xml.name() == QLatin1String("translation")) {
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                if (!type.isEmpty()) // unfinished, vanished, obsolete
                    problems << QStringLiteral("%1: %2").arg(type, source);
                if (!numerus) // (a numerus message's forms are its children, read next)
                    check(xml.readElementText());
            } else if (xml.name() == QLatin1String("numerusform")) {
                check(xml.readElementText());
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages > 400);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // Settings > Language: the choice is saved in the profile at once, the page says it shows
    // from the next start, and that start (install(saved)) is in the chosen language.
    void languageChosenInSettings()
    {
        textsOf([](ui::MainWindow &w) { return &w; });
        ui::SettingsDialog *dialog = m_window->openSettings();
        auto *box = dialog->findChild<QComboBox *>(QStringLiteral("language"));
        auto *hint = dialog->findChild<QLabel *>(QStringLiteral("languageRestartHint"));
        QVERIFY(box && hint);
        QCOMPARE(box->count(), 4);
        QCOMPARE(box->currentIndex(), 0); // System default
        QVERIFY(hint->isHidden());
        box->setCurrentIndex(box->findData(QStringLiteral("fr")));
        QCOMPARE(ui::language::saved(m_fixture->path()), QStringLiteral("fr"));
        QVERIFY(!hint->isHidden());
        box->setCurrentIndex(0);
        QCOMPARE(ui::language::saved(m_fixture->path()), QString());
        QVERIFY(hint->isHidden());
        box->setCurrentIndex(box->findData(QStringLiteral("de")));
        QCOMPARE(ui::language::saved(m_fixture->path()), QStringLiteral("de"));

        QVERIFY(ui::language::install(ui::language::saved(m_fixture->path()))); // the next start
        textsOf([](ui::MainWindow &w) { return &w; });
        QCOMPARE(m_window->fileMenu()->title(), QStringLiteral("&Datei"));
        QCOMPARE(QLocale().language(), QLocale::German); // dates and sizes too
        dialog = m_window->openSettings();
        box = dialog->findChild<QComboBox *>(QStringLiteral("language"));
        QCOMPARE(box->currentData().toString(), QStringLiteral("de"));
        QCOMPARE(box->itemText(0), QStringLiteral("Systemstandard"));
    }

    // herald itself follows the system locale (LANG), Qt's own words included; --help says so
    // before any window opens.
    void followsSystemLocale_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("de_DE") << QStringLiteral("de_DE.UTF-8")
                               << QStringList{QStringLiteral("Herald, das E-Mail-Programm"),
                                              QStringLiteral("Optionen:")};
        QTest::newRow("fr_FR") << QStringLiteral("fr_FR.UTF-8")
                               << QStringList{QStringLiteral("Herald, client de messagerie")};
        QTest::newRow("C") << QStringLiteral("C")
                           << QStringList{QStringLiteral("Herald mail client"),
                                          QStringLiteral("Options:")};
    }
    void followsSystemLocale()
    {
        QFETCH(QString, lang);
        QFETCH(QStringList, expected);
        QProcess herald;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("LC_ALL"));
        env.remove(QStringLiteral("LC_MESSAGES"));
        env.remove(QStringLiteral("LANGUAGE"));
        env.insert(QStringLiteral("LANG"), lang);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        herald.setProcessEnvironment(env);
        herald.start(QStringLiteral(HERALD_GUI), {QStringLiteral("--help")});
        QVERIFY(herald.waitForFinished(30000));
        QCOMPARE(herald.exitCode(), 0);
        const QString out = QString::fromUtf8(herald.readAllStandardOutput());
        for (const QString &words : expected)
            QVERIFY2(out.contains(words), qPrintable(out));
    }

    // docs/screenshots/main-window-de.png (HERALD_SCREENSHOT_DIR keeps it; else a temp dir).
    void germanScreenshot()
    {
        QVERIFY(ui::language::install(QStringLiteral("de")));
        QTemporaryDir tmp;
        const QString dir = qEnvironmentVariable("HERALD_SCREENSHOT_DIR", tmp.path());
        textsOf([](ui::MainWindow &w) {
            w.messageListView()->selectionModel()->select(w.messageModel()->index(0, 0),
                                                          QItemSelectionModel::ClearAndSelect |
                                                              QItemSelectionModel::Rows);
            return &w;
        });
        QCOMPARE(m_window->fileMenu()->title(), QStringLiteral("&Datei"));
        QCoreApplication::sendPostedEvents();
        const QPixmap pixmap = m_window->grab();
        const QString path = QDir(dir).filePath(QStringLiteral("main-window-de.png"));
        QVERIFY2(pixmap.save(path, "PNG"), qPrintable(path));
        // And the settings' Language page (docs/screenshots/settings-language-de.png).
        ui::SettingsDialog *dialog = m_window->openSettings();
        auto *page = dialog->findChild<QWidget *>(QStringLiteral("languagePage"));
        dialog->pages()->setCurrentWidget(page);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        const QString settingsPath = QDir(dir).filePath(QStringLiteral("settings-language-de.png"));
        QVERIFY2(dialog->grab().save(settingsPath, "PNG"), qPrintable(settingsPath));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
