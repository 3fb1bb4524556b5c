// mboxrd files (core/mime/Mbox.h): the quoting table, "From " lines, the byte-for-byte round
// trip over the MIME corpora of tests/data, the documented line-end rule, and a 100 MB file
// read with bounded memory.
#include "core/mime/Mbox.h"

#include <QBuffer>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace herald::mime;

namespace {

// Peak resident memory of this process so far, in kB (Linux).
qint64 peakRssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

QList<QByteArray> roundTrip(const QList<QByteArray> &messages)
{
    QBuffer buffer;
    buffer.open(QIODevice::ReadWrite);
    MboxWriter writer(buffer);
    for (const QByteArray &m : messages)
        writer.write(m, QStringLiteral("someone@example.org"), QDateTime::currentDateTimeUtc());
    buffer.seek(0);
    MboxReader reader(buffer);
    QList<QByteArray> out;
    QByteArray raw;
    while (reader.next(&raw))
        out << raw;
    return out;
}

} // namespace

class TstMbox : public QObject
{
    Q_OBJECT
private slots:
    void quoting_data();
    void quoting();
    void fromLine();
    void fileLayout();
    void corpusRoundTrip();
    void lineEndRule_data();
    void lineEndRule();
    void notAnMbox();
    void largeFileStreams();
};

void TstMbox::quoting_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("quoted");
    QTest::newRow("From") << QByteArray("From here") << QByteArray(">From here");
    QTest::newRow(">From") << QByteArray(">From here") << QByteArray(">>From here");
    QTest::newRow(">>>From") << QByteArray(">>>From x") << QByteArray(">>>>From x");
    QTest::newRow("From alone") << QByteArray("From ") << QByteArray(">From ");
    QTest::newRow("no space") << QByteArray("From:") << QByteArray("From:");
    QTest::newRow("Fromage") << QByteArray("Fromage") << QByteArray("Fromage");
    QTest::newRow(">Fromage") << QByteArray(">Fromage") << QByteArray(">Fromage");
    QTest::newRow("indented") << QByteArray(" From x") << QByteArray(" From x");
    QTest::newRow("> From") << QByteArray("> From x") << QByteArray("> From x");
    QTest::newRow("lower case") << QByteArray("from x") << QByteArray("from x");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("only >") << QByteArray(">>") << QByteArray(">>");
}

void TstMbox::quoting()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, quoted);
    QCOMPARE(mboxQuoteLine(line), quoted);
    QCOMPARE(mboxUnquoteLine(quoted), line);
}

void TstMbox::fromLine()
{
    const QDateTime d(QDate(2026, 12, 3), QTime(6, 38, 18), Qt::UTC);
    QCOMPARE(mboxFromLine(QStringLiteral("a@example.org"), d),
             QByteArray("From a@example.org Thu Dec  3 06:38:18 2026\n"));
    QCOMPARE(mboxFromLine(QString(), QDateTime(QDate(2025, 1, 17), QTime(23, 5, 0), Qt::UTC)),
             QByteArray("From MAILER-DAEMON Fri Jan 17 23:05:00 2025\n"));
    QCOMPARE(mboxFromLineDate("From a@example.org Thu Dec  3 06:38:18 2026"), d);
    QVERIFY(!mboxFromLineDate("From a@example.org").isValid());
}

void TstMbox::fileLayout()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    MboxWriter writer(buffer);
    const QDateTime d(QDate(2026, 12, 3), QTime(6, 38, 18), Qt::UTC);
    QVERIFY(writer.write("Subject: a\r\n\r\nFrom me\r\n>From you\r\n", QStringLiteral("x@y"), d));
    QVERIFY(writer.write("Subject: b\r\n\r\nbody\r\n", QStringLiteral("x@y"), d));
    QCOMPARE(buffer.data(), QByteArray("From x@y Thu Dec  3 06:38:18 2026\n"
                                       "Subject: a\n\n>From me\n>>From you\n\n"
                                       "From x@y Thu Dec  3 06:38:18 2026\n"
                                       "Subject: b\n\nbody\n\n"));
}

void TstMbox::corpusRoundTrip()
{
    // Every message of the corpora as a server delivers it (CRLF, a line break at the end),
    // and, where a file has both kinds of line ends, exactly as it is.
    QList<QByteArray> messages;
    QDirIterator it(qEnvironmentVariable("HERALD_TEST_DATA"), {QStringLiteral("*.eml")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray raw = f.readAll();
        const bool mixed = raw.contains("\r\n") && raw.replace("\r\n", "").contains('\n');
        f.seek(0);
        raw = f.readAll();
        if (!raw.endsWith('\n'))
            raw += raw.contains("\r\n") ? "\r\n" : "\n";
        if (mixed)
            messages << raw;
        QByteArray crlf = raw;
        crlf.replace("\r\n", "\n").replace("\n", "\r\n");
        messages << crlf;
    }
    QVERIFY2(messages.size() >= 50, qPrintable(QString::number(messages.size())));
    // Quoting at its edges: "From " at the start of the body, already quoted lines, a last
    // line "From ", empty lines at the end, an empty message.
    messages << QByteArray("Subject: q\r\n\r\nFrom the start\r\n>From\r\n>>From x\r\nFrom ") +
                    "\r\n";
    messages << QByteArray("Subject: e\r\n\r\nends with empty lines\r\n\r\n\r\n");
    messages << QByteArray();
    const QList<QByteArray> back = roundTrip(messages);
    QCOMPARE(back.size(), messages.size());
    for (int i = 0; i < messages.size(); ++i)
        QVERIFY2(back[i] == messages[i], qPrintable(QStringLiteral("message %1").arg(i)));
}

void TstMbox::lineEndRule_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("inFile"); // the entry after its "From " line
    QTest::addColumn<QByteArray>("back");
    QTest::newRow("CRLF: LF in the file, CRLF back")
        << QByteArray("A: 1\r\n\r\nb\r\n") << QByteArray("A: 1\n\nb\n\n")
        << QByteArray("A: 1\r\n\r\nb\r\n");
    QTest::newRow("mixed: as it is")
        << QByteArray("A: 1\r\n\r\nb\nc\r\n") << QByteArray("A: 1\r\n\r\nb\nc\r\n\n")
        << QByteArray("A: 1\r\n\r\nb\nc\r\n");
    QTest::newRow("CR before CRLF: as it is")
        << QByteArray("A: 1\r\n\r\nb\r\r\n") << QByteArray("A: 1\r\n\r\nb\r\r\n\n")
        << QByteArray("A: 1\r\n\r\nb\r\r\n");
    QTest::newRow("bare CR inside a line")
        << QByteArray("A: 1\r\n\r\nb\rc\r\n") << QByteArray("A: 1\n\nb\rc\n\n")
        << QByteArray("A: 1\r\n\r\nb\rc\r\n");
    // The two documented losses: only bare LF comes back as CRLF; no final line break gets one.
    QTest::newRow("LF only: CRLF back") << QByteArray("A: 1\n\nb\n") << QByteArray("A: 1\n\nb\n\n")
                                        << QByteArray("A: 1\r\n\r\nb\r\n");
    QTest::newRow("no final line break")
        << QByteArray("A: 1\r\n\r\nb") << QByteArray("A: 1\n\nb\n\n")
        << QByteArray("A: 1\r\n\r\nb\r\n");
}

void TstMbox::lineEndRule()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, inFile);
    QFETCH(QByteArray, back);
    QCOMPARE(mboxEntry(raw), inFile);
    QCOMPARE(roundTrip({raw}), QList<QByteArray>{back});
}

void TstMbox::notAnMbox()
{
    QBuffer buffer;
    buffer.setData("Subject: x\r\n\r\nnot an mbox\r\n");
    buffer.open(QIODevice::ReadOnly);
    MboxReader reader(buffer);
    QByteArray raw;
    QVERIFY(!reader.next(&raw));
    QVERIFY(reader.error().contains(QLatin1String("not an mbox")));

    QBuffer empty;
    empty.open(QIODevice::ReadOnly);
    MboxReader emptyReader(empty);
    QVERIFY(!emptyReader.next(&raw));
    QVERIFY(emptyReader.error().isEmpty());
}

void TstMbox::largeFileStreams()
{
    // 100 MB of mail: written and read one message at a time, the peak memory of the process
    // grows by far less than the file.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("big.mbox"));
    QByteArray body;
    for (int i = 0; i < 64; ++i)
        body +=
            "From the archive, line " + QByteArray::number(i) + ": " + QByteArray(48, 'x') + "\r\n";
    const int count = 100 * 1024 * 1024 / (body.size() - 64 + 100) + 1; // LF in the file
    const qint64 before = peakRssKb();
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        MboxWriter writer(f);
        for (int i = 0; i < count; ++i)
            QVERIFY(
                writer.write("Message-ID: <" + QByteArray::number(i) +
                                 "@big>\r\nSubject: " + QByteArray::number(i) + "\r\n\r\n" + body,
                             QStringLiteral("big@example.org"), QDateTime::currentDateTimeUtc()));
    }
    QVERIFY(QFileInfo(path).size() >= 100 * 1024 * 1024);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    MboxReader reader(f);
    QByteArray raw;
    int read = 0;
    while (reader.next(&raw)) {
        if (read == count - 1)
            QVERIFY(raw.startsWith("Message-ID: <" + QByteArray::number(read) + "@big>\r\n"));
        ++read;
    }
    QCOMPARE(read, count);
    QCOMPARE(raw.size(), qsizetype(raw.indexOf("\r\n\r\n") + 4 + body.size()));
    const qint64 grown = peakRssKb() - before;
    QVERIFY2(grown < 20 * 1024, qPrintable(QStringLiteral("peak grew by %1 kB").arg(grown)));
}

QTEST_GUILESS_MAIN(TstMbox)
#include "tst_mbox.moc"
