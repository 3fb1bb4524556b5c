// store::Threader, the JWZ grouping kept one message at a time: tables of messages in arrival
// order and the conversations they must form.
#include "core/store/Threading.h"

#include <QHash>
#include <QTest>
#include <map>
#include <set>

using namespace herald::store;

namespace {
// The key index of the cache, in memory; it also keeps each message's thread, as the cache's
// rows do, so merges can be checked.
class MapIndex : public ThreadIndex
{
public:
    QHash<QString, qint64> keys;
    std::map<qint64, qint64> threadOf; // message row -> thread

    std::optional<qint64> threadOfKey(const QString &key) override
    {
        const auto it = keys.constFind(key);
        return it == keys.constEnd() ? std::nullopt : std::optional<qint64>(*it);
    }
    void setKey(const QString &key, qint64 threadId) override { keys[key] = threadId; }
    void mergeThreads(qint64 from, qint64 into) override
    {
        ++merges;
        for (auto &[row, thread] : threadOf)
            if (thread == from)
                thread = into;
        for (auto &thread : keys)
            if (thread == from)
                thread = into;
    }
    int merges = 0;
};

// "1 2|3": rows 1 and 2 together, 3 alone; groups in order of their first row.
QString partition(const std::map<qint64, qint64> &threadOf)
{
    std::map<qint64, std::set<qint64>> groups;
    for (const auto &[row, thread] : threadOf)
        groups[thread].insert(row);
    std::map<qint64, QStringList> byFirst;
    for (const auto &[thread, rows] : groups) {
        QStringList list;
        for (qint64 r : rows)
            list << QString::number(r);
        byFirst[*rows.begin()] = list;
    }
    QStringList out;
    for (const auto &[first, list] : byFirst)
        out << list.join(QLatin1Char(' '));
    return out.join(QLatin1Char('|'));
}
} // namespace

class TestThreading : public QObject
{
    Q_OBJECT
private slots:
    void groups_data()
    {
        // Each message: "Message-ID;parents (References then In-Reply-To, space separated);
        // Subject", rows numbered 1, 2, … in arrival order.
        QTest::addColumn<QStringList>("messages");
        QTest::addColumn<QString>("expected");
        QTest::newRow("reply chain")
            << QStringList{"a@x;;Plan", "b@x;a@x;Re: Plan", "c@x;a@x b@x;Re: Plan"} << "1 2 3";
        QTest::newRow("unrelated stay apart") << QStringList{"a@x;;Plan", "b@x;;Lunch"} << "1|2";
        QTest::newRow("missing parent groups its children")
            << QStringList{"b@x;gone@x;Re: Plan", "c@x;gone@x;Re: Plan", "d@x;;Other"} << "1 2|3";
        QTest::newRow("only In-Reply-To") << QStringList{"a@x;;Hi", "b@x;<a@x>;Re: Hi"} << "1 2";
        QTest::newRow("reply arrives before its parent")
            << QStringList{"c@x;a@x b@x;Re: Plan", "a@x;;Plan", "b@x;a@x;Re: Plan"} << "1 2 3";
        QTest::newRow("later message links two threads")
            << QStringList{"a@x;;Plan", "c@x;b@x;Re: Plan B", "x@x;;Else", "b@x;a@x;Re: Plan"}
            << "1 2 4|3";
        QTest::newRow("reference loop")
            << QStringList{"a@x;b@x;Loop", "b@x;a@x;Re: Loop", "c@x;c@x;Self"} << "1 2|3";
        QTest::newRow("subject fallback for a reply without references")
            << QStringList{"a@x;;Quarterly numbers", "b@y;;RE: quarterly  numbers",
                           "c@z;;AW: Quarterly numbers"}
            << "1 2 3";
        QTest::newRow("no subject fallback for a non-reply")
            << QStringList{"a@x;;Hello", "b@y;;Hello"} << "1|2";
        QTest::newRow("no subject fallback with references")
            << QStringList{"a@x;;Status", "b@x;other@x;Re: Status"} << "1|2";
        QTest::newRow("subject fallback takes the latest conversation")
            << QStringList{"a@x;;Weekly", "b@x;;Weekly", "c@x;;Re: Weekly"} << "1|2 3";
        QTest::newRow("empty subject never groups") << QStringList{"a@x;;", "b@x;;Re:"} << "1|2";
        QTest::newRow("no Message-ID") << QStringList{";;Plan", ";;Fwd: Plan"} << "1 2";
        QTest::newRow("merge keeps the older thread and later mail follows")
            << QStringList{"a@x;;One", "b@x;;Two", "c@x;a@x b@x;Re: One", "d@x;b@x;Re: Two"}
            << "1 2 3 4";
    }
    void groups()
    {
        QFETCH(QStringList, messages);
        QFETCH(QString, expected);
        MapIndex index;
        Threader threader(index);
        qint64 row = 0;
        for (const QString &m : messages) {
            const QStringList f = m.split(QLatin1Char(';'));
            ThreadInput in;
            in.rowId = ++row;
            in.messageId = f.value(0);
            in.parents = f.value(1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
            in.subject = f.value(2);
            index.threadOf[row] = threader.add(in);
        }
        QCOMPARE(partition(index.threadOf), expected);
    }

    void mergeKeepsOldestThreadId()
    {
        MapIndex index;
        Threader threader(index);
        index.threadOf[1] = threader.add({1, "a@x", {}, "One"});
        index.threadOf[2] = threader.add({2, "b@x", {}, "Two"});
        QCOMPARE(index.threadOf[2], qint64(2));
        index.threadOf[3] = threader.add({3, "c@x", {"b@x", "a@x"}, "Re: Two"});
        QCOMPARE(index.merges, 1);
        QCOMPARE(index.threadOf[1], qint64(1));
        QCOMPARE(index.threadOf[2], qint64(1));
        QCOMPARE(index.threadOf[3], qint64(1));
        QCOMPARE(*index.threadOfKey("<b@x>"), qint64(1));
    }

    void normalizedSubject_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("normalized");
        QTest::addColumn<bool>("isReply");
        QTest::newRow("plain") << "Plan for Monday"
                               << "plan for monday" << false;
        QTest::newRow("Re") << "Re: Plan"
                            << "plan" << true;
        QTest::newRow("RE upper, no space") << "RE:Plan"
                                            << "plan" << true;
        QTest::newRow("repeated and mixed") << "Re: Fwd: re: Plan"
                                            << "plan" << true;
        QTest::newRow("Fw") << "FW: Plan"
                            << "plan" << true;
        QTest::newRow("German AW and WG") << "AW: WG: Termin"
                                          << "termin" << true;
        QTest::newRow("Scandinavian SV") << "SV: Möte"
                                         << "möte" << true;
        QTest::newRow("counted") << "Re[2]: Plan"
                                 << "plan" << true;
        QTest::newRow("list tag") << "[dev] Re: Build broken"
                                  << "build broken" << true;
        QTest::newRow("list tag alone") << "[dev] Build broken"
                                        << "build broken" << false;
        QTest::newRow("whitespace") << "  Re:   Two   words "
                                    << "two words" << true;
        QTest::newRow("word starting like a prefix") << "Review: draft"
                                                     << "review: draft" << false;
        QTest::newRow("only prefix") << "Re:"
                                     << "" << true;
        QTest::newRow("empty") << ""
                               << "" << false;
    }
    void normalizedSubject()
    {
        QFETCH(QString, subject);
        QFETCH(QString, normalized);
        QFETCH(bool, isReply);
        bool reply = !isReply;
        QCOMPARE(herald::store::normalizedSubject(subject, &reply), normalized);
        QCOMPARE(reply, isReply);
    }
};

QTEST_GUILESS_MAIN(TestThreading)
#include "tst_threading.moc"
