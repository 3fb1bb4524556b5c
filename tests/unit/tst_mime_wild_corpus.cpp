// The 357 real-world messages of tests/data/wild-mail/ (other mail libraries' public test
// suites; PROVENANCE.txt per folder): each is parsed without failing, and what Herald reads
// (subject, from, to, date, attachment names, first line of the text) is what
// tests/data/wild-mail/expected.tsv says, decided against the RFCs (see make_expected.py there).
// With HERALD_WILD_DUMP=FILE the test also writes what Herald reads to FILE, for that script.

#include "core/mime/MessageParser.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QTest>

using namespace herald::mime;

namespace {

const QStringList kFields = {QStringLiteral("subject"),     QStringLiteral("from"),
                             QStringLiteral("to"),          QStringLiteral("date"),
                             QStringLiteral("attachments"), QStringLiteral("text")};

QString oneLine(QString s)
{
    s.replace(QLatin1Char('\t'), QLatin1Char(' '));
    s.replace(QLatin1Char('\r'), QLatin1Char(' '));
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return s;
}

QString addresses(const std::vector<Address> &list)
{
    QStringList out;
    for (const Address &a : list)
        out << (a.name.isEmpty() ? QStringLiteral("<%1>").arg(a.email)
                                 : QStringLiteral("%1 <%2>").arg(a.name, a.email));
    return out.join(QLatin1String("; "));
}

void fileNames(const Part &part, QStringList &out)
{
    if (part.children.empty() && !part.filename.isEmpty())
        out << part.filename;
    for (const Part &child : part.children)
        fileNames(child, out);
}

// The first line of the text/plain body with something on it, at most 80 characters.
QString firstTextLine(const QString &text)
{
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            return trimmed.left(80);
    }
    return {};
}

QMap<QString, QString> describe(const Message &m)
{
    QStringList names;
    fileNames(m.root, names);
    return {
        {QStringLiteral("subject"), m.subject},
        {QStringLiteral("from"), addresses(m.from)},
        {QStringLiteral("to"), addresses(m.to)},
        {QStringLiteral("date"),
         m.date.isValid() ? m.date.toUTC().toString(Qt::ISODate) : QString()},
        {QStringLiteral("attachments"), names.join(QLatin1String(" | "))},
        {QStringLiteral("text"), firstTextLine(m.text)},
    };
}

QString corpusDir()
{
    return herald::test::dataFile(QStringLiteral("wild-mail"));
}

QStringList messageFiles()
{
    QStringList files;
    QDirIterator it(corpusDir(), {QStringLiteral("*.eml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(corpusDir()).relativeFilePath(it.next());
    files.sort();
    return files;
}

struct Expectation
{
    QString value;
    QString notes;
};

// "file TAB field TAB expected TAB notes"; lines starting with # are comments.
QMap<QString, QMap<QString, Expectation>> expectations()
{
    QMap<QString, QMap<QString, Expectation>> out;
    QFile f(corpusDir() + QStringLiteral("/expected.tsv"));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> cols = line.split('\t');
        if (cols.size() < 3)
            continue;
        out[QString::fromUtf8(cols[0])][QString::fromUtf8(cols[1])] = {
            QString::fromUtf8(cols[2]), cols.size() > 3 ? QString::fromUtf8(cols[3]) : QString()};
    }
    return out;
}

QByteArray readFile(const QString &relative)
{
    QFile f(corpusDir() + QLatin1Char('/') + relative);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestMimeWildCorpus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString dump = qEnvironmentVariable("HERALD_WILD_DUMP");
        if (dump.isEmpty())
            return;
        QFile out(dump);
        QVERIFY(out.open(QIODevice::WriteOnly));
        for (const QString &file : messageFiles()) {
            const auto fields = describe(parseMessage(readFile(file)));
            for (const QString &field : kFields)
                out.write((file + QLatin1Char('\t') + field + QLatin1Char('\t') +
                           oneLine(fields.value(field)) + QLatin1Char('\n'))
                              .toUtf8());
        }
    }

    void allMessagesAreThere()
    {
        QCOMPARE(messageFiles().size(), 357);
        // Every message has its expectations written down (all six fields decided).
        const auto expected = expectations();
        int decided = 0;
        for (const QString &file : messageFiles())
            decided += expected.value(file).size();
        qInfo() << decided << "of" << messageFiles().size() * kFields.size() << "fields decided";
        QVERIFY(decided > 0);
    }

    void message_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString &file : messageFiles())
            QTest::newRow(qPrintable(file)) << file;
    }

    void message()
    {
        QFETCH(QString, file);
        const QByteArray raw = readFile(file);
        QVERIFY(!raw.isEmpty());
        const Message m = parseMessage(raw);
        for (const QString &error : m.errors)
            QVERIFY2(!error.startsWith(QLatin1String("parse failed")), qPrintable(error));
        const auto actual = describe(m);
        static const auto all = expectations();
        const auto expected = all.value(file);
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            QVERIFY2(kFields.contains(it.key()),
                     qPrintable(QStringLiteral("unknown field ") + it.key()));
            QCOMPARE(QStringLiteral("%1: %2").arg(it.key(), oneLine(actual.value(it.key()))),
                     QStringLiteral("%1: %2").arg(it.key(), it->value));
        }
    }
};

QTEST_GUILESS_MAIN(TestMimeWildCorpus)
#include "tst_mime_wild_corpus.moc"
