// Help > User Guide (F1) in the real window opens the guide of docs/guide, whose every link
// (pages, screenshots) points at a file that exists. With HERALD_SCREENSHOT_DIR set it also
// saves verdicts.png, the guide's picture of the three kinds of verdict bar.
#include "core/store/Store.h"
#include "tests/support/ProfileFixture.h"
#include "ui/MainWindow.h"
#include "ui/UserGuide.h"
#include "ui/VerdictBar.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QVBoxLayout>

using namespace herald;

// Stands in for the desktop's file viewer: records what Herald asked it to open.
class UrlRecorder : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl &url) { opened << url; }
};

class TestUserGuide : public QObject
{
    Q_OBJECT
private slots:
    void helpMenuOpensTheGuideOnF1();
    void linksResolve_data();
    void linksResolve();
    void verdictScreenshot();
};

void TestUserGuide::helpMenuOpensTheGuideOnF1()
{
    const QString guide = ui::userGuidePath();
    QVERIFY2(!guide.isEmpty(), "no docs/guide/index.md found");
    QVERIFY(guide.endsWith(QLatin1String("/docs/guide/index.md"))); // (run from the build tree)

    test::ProfileFixture fixture;
    store::Store store(fixture.path());
    ui::MainWindow window(store);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QAction *action = window.findChild<QAction *>(QStringLiteral("userGuide"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::Key_F1));
    QCOMPARE(action->text(), QStringLiteral("User &Guide"));
    QMenu *help = nullptr;
    for (QAction *top : window.menuBar()->actions())
        if (top->menu() && top->menu()->actions().contains(action))
            help = top->menu();
    QVERIFY2(help && help->title() == QLatin1String("&Help"), "User Guide is not in the Help menu");

    UrlRecorder recorder;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &recorder, "open");
    QTest::keyClick(&window, Qt::Key_F1);
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    QCOMPARE(recorder.opened.size(), 1);
    QCOMPARE(recorder.opened.first(), QUrl::fromLocalFile(guide));
}

void TestUserGuide::linksResolve_data()
{
    QTest::addColumn<QString>("page");
    const QDir dir = QFileInfo(ui::userGuidePath()).dir();
    const QStringList pages = dir.entryList({QStringLiteral("*.md")}, QDir::Files);
    QVERIFY(pages.size() >= 6);
    for (const QString &page : pages)
        QTest::newRow(qPrintable(page)) << dir.filePath(page);
}

void TestUserGuide::linksResolve()
{
    QFETCH(QString, page);
    QFile file(page);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    // [words](target) and ![alt](target): every relative target exists (anchors dropped).
    static const QRegularExpression link(QStringLiteral(R"(\]\(([^)\s]+)\))"));
    int relative = 0;
    for (auto it = link.globalMatch(text); it.hasNext();) {
        const QString target = it.next().captured(1).section(QLatin1Char('#'), 0, 0);
        if (target.isEmpty() || target.contains(QLatin1String("://")) ||
            target.startsWith(QLatin1String("mailto:")))
            continue;
        ++relative;
        const QString path = QFileInfo(page).dir().filePath(target);
        QVERIFY2(QFileInfo::exists(path), qPrintable(page + QStringLiteral(": ") + target));
    }
    if (!page.endsWith(QLatin1String("index.md")))
        QVERIFY2(relative > 0, "a page that links nowhere (not even back to the index)");
}

void TestUserGuide::verdictScreenshot()
{
    const auto row = [](const char *json, store::AuthSummary summary) {
        store::MessageRow r;
        r.fromAddr = QStringLiteral("alice@example.org");
        r.authJson = QString::fromLatin1(json);
        r.authSummary = summary;
        r.authState = store::AuthState::Verified;
        return r;
    };
    const store::MessageRow rows[] = {
        row(R"({"spf":{"result":"pass","domain":"example.org"},"dkim":[{"result":"pass",)"
            R"("domain":"example.org","selector":"s1"}],"dmarc":{"result":"pass",)"
            R"("policy":"reject","domain":"example.org"},"arc":{"result":"none"},"source":"local"})",
            store::AuthSummary::Pass),
        row(R"({"spf":{"result":"fail","domain":"example.org"},"dkim":[],"dmarc":)"
            R"({"result":"fail","policy":"reject","domain":"example.org"},"arc":{"result":"none"},)"
            R"("source":"local"})",
            store::AuthSummary::Fail),
        row(R"({"spf":{"result":"pass","domain":"example.org"},"dkim":[],"dmarc":{"result":)"
            R"("none","policy":"","domain":"example.org"},"arc":{"result":"none"},"source":"local"})",
            store::AuthSummary::Neutral),
    };
    QWidget page;
    page.setFixedWidth(800); // the longest headline on one line
    auto *layout = new QVBoxLayout(&page);
    QList<ui::VerdictBar *> bars;
    for (const store::MessageRow &r : rows) {
        bars << new ui::VerdictBar(&page);
        bars.last()->showVerdict(r);
        layout->addWidget(bars.last());
    }
    // What the guide says about them.
    QCOMPARE(bars[0]->level(), ui::VerdictBar::Level::Verified);
    QCOMPARE(bars[1]->level(), ui::VerdictBar::Level::Failed);
    QVERIFY(bars[1]->headline().contains(QLatin1String("may not be from example.org")));
    QCOMPARE(bars[2]->level(), ui::VerdictBar::Level::Neutral);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.adjustSize();
    QTemporaryDir tmp;
    const QString dir = qEnvironmentVariable("HERALD_SCREENSHOT_DIR", tmp.path());
    QVERIFY(page.grab().save(QDir(dir).filePath(QStringLiteral("verdicts.png"))));
}

QTEST_MAIN(TestUserGuide)
#include "tst_user_guide.moc"
