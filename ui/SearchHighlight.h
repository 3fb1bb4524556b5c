#pragma once
// Where the search box's terms (store::SearchQuery::highlightTerms) occur, and how they are
// shown: a yellow background behind each occurrence in the message list (HighlightDelegate,
// for From and Subject) and in the message view (body and subject). A word matches at the
// start of a word, as the index's prefix match does; a phrase matches with any spacing; case
// is ignored. Text stays text: spans are painted, and the one rich-text label escapes it.

#include <QList>
#include <QPair>
#include <QRegularExpression>
#include <QStringList>
#include <QStyledItemDelegate>

class QLabel;
class QPlainTextEdit;
class QTextEdit;

namespace herald::ui {

// One pattern for all the terms (compiling it is the costly part: keep it while painting).
QRegularExpression highlightPattern(const QStringList &terms);
// [start, length) of each occurrence, sorted, overlaps merged.
QList<QPair<int, int>> matchSpans(const QString &text, const QRegularExpression &pattern);
QList<QPair<int, int>> matchSpans(const QString &text, const QStringList &terms);
// `text` as HTML-escaped rich text with every occurrence highlighted.
QString highlightedHtml(const QString &text, const QStringList &terms);

// The occurrences in the document of `edit` as extra selections (none when terms is empty).
void highlightTerms(QTextEdit *edit, const QStringList &terms);
void highlightTerms(QPlainTextEdit *edit, const QStringList &terms);

// The background of a highlighted occurrence.
QColor highlightColor();

class HighlightDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void setTerms(const QStringList &terms);
    QStringList terms() const { return m_terms; }
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    QStringList m_terms;
    QRegularExpression m_pattern;
};

} // namespace herald::ui
