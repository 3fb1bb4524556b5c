// MultipartSplitter (core/mime/internal): the entity tree of a message as byte ranges, with the
// corpus's boundary rules. Each case prints the tree as "type[body]" nodes, children in ().

#include "core/mime/internal/MultipartSplitter.h"
#include "tests/support/CpuTimer.h"

#include <QElapsedTimer>
#include <QTest>

using namespace herald::mime::internal;

namespace {

QByteArray contentTypeOf(const QByteArray &raw, const SplitEntity &e)
{
    const QByteArray header = raw.mid(e.headerBegin, e.headerEnd - e.headerBegin).toLower();
    const qsizetype at = header.indexOf("content-type:");
    if (at < 0)
        return "default";
    qsizetype end = at + 13;
    while (end < header.size() && header.at(end) != ';' && header.at(end) != '\n' &&
           header.at(end) != '\r')
        ++end;
    return header.mid(at + 13, end - at - 13).trimmed();
}

QByteArray describe(const QByteArray &raw, const SplitEntity &e)
{
    QByteArray out = contentTypeOf(raw, e);
    if (e.isMultipart) {
        QByteArrayList children;
        for (const SplitEntity &c : e.children)
            children << describe(raw, c);
        return out + "(" + children.join(", ") + ")";
    }
    QByteArray body = raw.mid(e.bodyBegin, e.bodyEnd - e.bodyBegin);
    body.replace("\r\n", "\\n").replace("\n", "\\n");
    return out + "[" + body + "]" + (e.terminated ? "" : "!");
}

} // namespace

class TestMimeSplitter : public QObject
{
    Q_OBJECT

private slots:
    void split_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray mixed = "Content-Type: multipart/mixed; boundary=\"b\"\n\n";

        QTest::newRow("single part")
            << QByteArray("Subject: x\n\nhello\n") << QByteArray("default[hello\\n]");
        QTest::newRow("headers only") << QByteArray("Subject: x\n") << QByteArray("default[]");
        QTest::newRow("simple") << mixed +
                                       "--b\nContent-Type: text/plain\n\none\n--b\n\ntwo\n--b--\n"
                                << QByteArray("multipart/mixed(text/plain[one], default[two])");
        QTest::newRow("crlf") << QByteArray(
                                     "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                                     "Content-Type: text/plain\r\n\r\none\r\n--b--\r\n")
                              << QByteArray("multipart/mixed(text/plain[one])");
        QTest::newRow("preamble and epilogue")
            << mixed + "preamble\n--b\n\none\n--b--\nepilogue\n--b\n"
            << QByteArray("multipart/mixed(default[one])");
        QTest::newRow("delimiter with trailing white space")
            << mixed + "--b  \t\n\none\n--b-- \n"
            << QByteArray("multipart/mixed(default[one])");
        QTest::newRow("missing end delimiter")
            << mixed + "--b\n\none\n--b\n\ntwo\n"
            << QByteArray("multipart/mixed(default[one], default[two\\n]!)");
        QTest::newRow("nested")
            << mixed + "--b\nContent-Type: multipart/alternative; boundary=c\n\n--c\n\nx\n--c\n"
                       "Content-Type: text/html\n\ny\n--c--\n--b\n\nz\n--b--\n"
            << QByteArray(
                   "multipart/mixed(multipart/alternative(default[x], text/html[y]), default[z])");
        QTest::newRow("inner boundary equals outer")
            << mixed + "--b\nContent-Type: multipart/mixed; "
                       "boundary=b\n\n--b\n\nx\n--b--\n--b\n\ny\n--b--\n"
            << QByteArray("multipart/mixed(multipart/mixed(default[x]), default[y])");
        QTest::newRow("inner boundary is a prefix of the outer")
            << QByteArray("Content-Type: multipart/mixed; boundary=ab\n\n--ab\n"
                          "Content-Type: multipart/mixed; boundary=a\n\n--a\n\nx\n--ab\n\ny\n")
            << QByteArray("multipart/mixed(multipart/mixed(default[x], default[y\\n]!))");
        QTest::newRow("only the innermost boundary ends a part")
            << QByteArray("Content-Type: multipart/mixed; boundary=1\n\n--1\n"
                          "Content-Type: multipart/mixed; boundary=2\n\n--2\n\nx\n--1\n\ny\n")
            << QByteArray("multipart/mixed(multipart/mixed(default[x\\n--1\\n\\ny\\n]!))");
        QTest::newRow("inner multipart without its delimiter is a leaf")
            << mixed + "--b\nContent-Type: multipart/mixed; boundary=zz\n\nx\n--b\n\ny\n--b--\n"
            << QByteArray("multipart/mixed(multipart/mixed[x], default[y])");
        QTest::newRow("inner multipart starting with a close delimiter is a leaf")
            << mixed + "--b\nContent-Type: multipart/mixed; boundary=c\n\n--c--\n--b\n\ny\n--b--\n"
            << QByteArray("multipart/mixed(multipart/mixed[--c--], default[y])");
        QTest::newRow("no boundary parameter")
            << QByteArray("Content-Type: multipart/mixed\n\n--b\n\nx\n")
            << QByteArray("multipart/mixed[--b\\n\\nx\\n]");
        QTest::newRow("boundary parameter without semicolon")
            << QByteArray("Content-Type: multipart/mixed\n\tboundary=\"b\"\n\n--b\n\nx\n--b--\n")
            << QByteArray("multipart/mixed(default[x])");
        QTest::newRow("boundary not found") << mixed + "body\n"
                                            << QByteArray("multipart/mixed[body\\n]");
        QTest::newRow("close delimiter in the middle of a line")
            << mixed + "--b\n\none\n--b\n\ninvalid--b--\n"
            << QByteArray("multipart/mixed(default[one], default[invalid])");
        QTest::newRow("part header without empty line is dropped")
            << mixed + "--b\n\none\n--b\nContent-Type: text/plain\n--b--\n"
            << QByteArray("multipart/mixed(default[one])");
        QTest::newRow("boundaries are case-sensitive") << mixed + "--B\n\nx\n--b\n\ny\n--b--\n"
                                                       << QByteArray("multipart/mixed(default[y])");
        QTest::newRow("digest parts are not multiparts by default")
            << QByteArray(
                   "Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: a\n\nx\n--d--\n")
            << QByteArray("multipart/digest(default[Subject: a\\n\\nx])");
    }

    void split()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QByteArray, expected);
        QCOMPARE(describe(raw, splitMessage(raw)), expected);
    }

    void depthIsBounded()
    {
        QByteArray raw;
        for (int i = 0; i < 1000; ++i)
            raw += "Content-Type: multipart/mixed; boundary=\"b" + QByteArray::number(i) +
                   "\"\n\n--b" + QByteArray::number(i) + "\n";
        raw += "\nend\n";
        int depth = 0;
        const SplitEntity *e = nullptr;
        const SplitEntity root = splitMessage(raw);
        for (e = &root; e->isMultipart && !e->children.empty(); e = &e->children.front())
            ++depth;
        QCOMPARE(depth, kMaxMultipartDepth);
        QVERIFY(!e->isMultipart);
    }

    void linearTime()
    {
        // Many sibling multiparts whose boundary never occurs: each must not rescan the rest.
        QByteArray raw = "Content-Type: multipart/mixed; boundary=b\n\n";
        for (int i = 0; i < 20000; ++i)
            raw += "--b\nContent-Type: multipart/mixed; "
                   "boundary=zz\n\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n";
        raw += "--b--\n";
        const herald::test::CpuTimer timer; // CPU, not wall: see CpuTimer.h
        const SplitEntity root = splitMessage(raw);
        QCOMPARE(root.children.size(), size_t(20000));
        QVERIFY2(timer.elapsedMs() < 2000, qPrintable(QString::number(timer.elapsedMs())));
    }

    void garbageDoesNotCrash()
    {
        const QByteArray pieces[] = {"--b",
                                     "--b--",
                                     "\n",
                                     "\r\n",
                                     "Content-Type: multipart/mixed; boundary=b",
                                     "Content-Type: multipart/mixed; boundary=",
                                     "x",
                                     "--",
                                     "\n\n"};
        quint32 seed = 1;
        for (int round = 0; round < 2000; ++round) {
            QByteArray raw;
            for (int i = 0; i < 40; ++i) {
                seed = seed * 1103515245u + 12345u;
                raw += pieces[(seed >> 16) % std::size(pieces)];
            }
            const SplitEntity root = splitMessage(raw);
            QVERIFY(root.bodyEnd <= raw.size());
        }
    }
};

QTEST_GUILESS_MAIN(TestMimeSplitter)
#include "tst_mime_splitter.moc"
