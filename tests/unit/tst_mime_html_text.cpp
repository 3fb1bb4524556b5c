// HTML to plain text (core/mime/Snippet.h htmlToPlainText): what a reply quotes from HTML-only
// mail and what the full-text index reads.
#include "core/mime/Snippet.h"

#include <QTest>

using namespace herald::mime;

class TestMimeHtmlText : public QObject
{
    Q_OBJECT

private slots:
    void convert_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("text");
        QTest::newRow("paragraphs") << "<p>One</p><p>Two</p>"
                                    << "One\n\nTwo";
        QTest::newRow("source white space is not layout")
            << "<p>Soup\n    and\tbread</p>\n\n  <p>later</p>"
            << "Soup and bread\n\nlater";
        QTest::newRow("line breaks") << "a<br>b<BR/>c<br />d"
                                     << "a\nb\nc\nd";
        QTest::newRow("head, style, script, comments dropped")
            << "<html><head><title>T</title><style>p{}</style></head><body><script>x()</script>"
               "<!-- note -->Hi</body></html>"
            << "Hi";
        QTest::newRow("entities") << "Caf&eacute; &amp; cr&egrave;me &lt;3 &#8364; &#x41; &euro;"
                                  << "Café & crème <3 € A €";
        QTest::newRow("unknown entity kept") << "a &zork; b"
                                             << "a &zork; b";
        QTest::newRow("list items") << "<ul><li>one</li><li>two</li></ul>"
                                    << "one\n\ntwo";
        QTest::newRow("inline tags") << "<b>bold</b> and <a href='x'>link</a>"
                                     << "bold and link";
        QTest::newRow("empty") << ""
                               << "";
    }
    void convert()
    {
        QFETCH(QString, html);
        QFETCH(QString, text);
        QCOMPARE(htmlToPlainText(html), text);
    }
};

QTEST_GUILESS_MAIN(TestMimeHtmlText)
#include "tst_mime_html_text.moc"
