// The sender verdict line above a message: what it says for each stored verdict, and that a
// domain taken from the message is shown as text, never as markup.
#include "ui/VerdictBar.h"

#include <QLabel>
#include <QTest>

using herald::store::AuthState;
using herald::store::AuthSummary;
using herald::ui::VerdictBar;

Q_DECLARE_METATYPE(VerdictBar::Level)

class TestVerdictBar : public QObject
{
    Q_OBJECT
private slots:
    void describe_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<int>("summary");
        QTest::addColumn<int>("state");
        QTest::addColumn<VerdictBar::Level>("level");
        QTest::addColumn<QString>("headline"); // a part of it
        QTest::addColumn<QString>("details");  // a part of it

        const QString pass =
            QStringLiteral(R"({"spf":{"result":"pass","domain":"herald.test","ip":"127.0.0.1"},)"
                           R"("dkim":[{"result":"pass","domain":"herald.test","selector":"s"}],)"
                           R"("dmarc":{"result":"pass","policy":"reject","domain":"herald.test"},)"
                           R"("arc":{"result":"none"},"source":"local"})");
        const QString forged = QStringLiteral(
            R"({"spf":{"result":"fail","domain":"herald.test","ip":"127.0.0.2"},"dkim":[],)"
            R"("dmarc":{"result":"fail","policy":"reject","domain":"herald.test"},)"
            R"("arc":{"result":"none"},"source":"local"})");
        const QString noPolicy = QStringLiteral(
            R"({"spf":{"result":"pass","domain":"example.org","ip":"192.0.2.1"},"dkim":[],)"
            R"("dmarc":{"result":"none","policy":"","domain":"example.org"},)"
            R"("arc":{"result":"none"},"source":"authentication-results"})");
        const QString partial = QStringLiteral(
            R"({"spf":{"result":"temperror","domain":"herald.test","ip":"127.0.0.1"},"dkim":[],)"
            R"("dmarc":{"result":"temperror","policy":"","domain":"herald.test"},)"
            R"("arc":{"result":"none"},"source":"local"})");

        QTest::newRow("verified") << pass << int(AuthSummary::Pass) << int(AuthState::Verified)
                                  << VerdictBar::Level::Verified << "Verified sender: herald.test"
                                  << "SPF pass · DKIM pass (herald.test) · DMARC pass · ARC none";
        QTest::newRow("forged") << forged << int(AuthSummary::Fail) << int(AuthState::Verified)
                                << VerdictBar::Level::Failed
                                << "may not be from herald.test (herald.test asks to reject"
                                << "SPF fail · DKIM none · DMARC fail";
        QTest::newRow("no policy, from the server's A-R")
            << noPolicy << int(AuthSummary::Neutral) << int(AuthState::FromHeaders)
            << VerdictBar::Level::Neutral << "example.org publishes no DMARC policy"
            << "as reported by your mail server";
        QTest::newRow("DNS did not answer")
            << partial << int(AuthSummary::Unknown) << int(AuthState::Incomplete)
            << VerdictBar::Level::Neutral << "could not be checked (temperror)"
            << "checked again on the next sync";
        QTest::newRow("not checked yet")
            << QString() << int(AuthSummary::Unknown) << int(AuthState::None)
            << VerdictBar::Level::Pending << "not checked yet"
            << "";
        QTest::newRow("own mail: nothing to say")
            << QString() << int(AuthSummary::Unknown) << int(AuthState::Verified)
            << VerdictBar::Level::None << ""
            << "";
    }

    void describe()
    {
        QFETCH(QString, json);
        QFETCH(int, summary);
        QFETCH(int, state);
        QFETCH(VerdictBar::Level, level);
        QFETCH(QString, headline);
        QFETCH(QString, details);
        herald::store::MessageRow row;
        row.fromAddr = QStringLiteral("alice@herald.test");
        row.authJson = json;
        row.authSummary = AuthSummary(summary);
        row.authState = AuthState(state);

        VerdictBar bar;
        bar.showVerdict(row);
        QCOMPARE(bar.level(), level);
        QCOMPARE(bar.isVisibleTo(nullptr), level != VerdictBar::Level::None);
        QVERIFY2(bar.headline().contains(headline), qPrintable(bar.headline()));
        QVERIFY2(bar.details().contains(details), qPrintable(bar.details()));
        if (headline.isEmpty())
            QVERIFY(bar.headline().isEmpty() || level == VerdictBar::Level::None);
    }

    void domainIsNeverMarkup()
    {
        herald::store::MessageRow row;
        row.authJson = QStringLiteral(
            R"({"spf":{"result":"fail"},"dkim":[],"dmarc":{"result":"fail","policy":"none",)"
            R"("domain":"<b>bank</b>.example"},"arc":{"result":"none"},"source":"local"})");
        row.authSummary = AuthSummary::Fail;
        row.authState = AuthState::Verified;
        VerdictBar bar;
        bar.showVerdict(row);
        const auto labels = bar.findChildren<QLabel *>();
        for (const QLabel *label : labels)
            QVERIFY(label->textFormat() == Qt::PlainText || label->text().isEmpty());
        QVERIFY(bar.headline().contains(QStringLiteral("<b>bank</b>.example")));
    }
};

QTEST_MAIN(TestVerdictBar)
#include "tst_verdict_bar.moc"
