#include "ui/SearchHighlight.h"

#include <QApplication>
#include <QPainter>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTextEdit>
#include <QTextLayout>
#include <algorithm>

namespace herald::ui {

namespace {

} // namespace

// A word from the start of a word, a phrase with any spacing.
QRegularExpression highlightPattern(const QStringList &terms)
{
    QStringList alternatives;
    for (const QString &term : terms) {
        QStringList parts;
        for (const QString &word :
             term.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts))
            parts << QRegularExpression::escape(word);
        if (!parts.isEmpty())
            alternatives << QStringLiteral("(?<!\\w)") + parts.join(QStringLiteral("\\W+"));
    }
    // Longest first, so "invoice" wins over "in" where both start.
    std::sort(alternatives.begin(), alternatives.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return QRegularExpression(alternatives.join(QLatin1Char('|')),
                              QRegularExpression::CaseInsensitiveOption |
                                  QRegularExpression::UseUnicodePropertiesOption);
}

namespace {

QList<QTextEdit::ExtraSelection> selectionsIn(QTextDocument *document, const QStringList &terms)
{
    QList<QTextEdit::ExtraSelection> selections;
    if (terms.isEmpty())
        return selections;
    const QRegularExpression pattern = highlightPattern(terms);
    if (pattern.pattern().isEmpty())
        return selections;
    QTextCharFormat format;
    format.setBackground(highlightColor());
    format.setForeground(Qt::black);
    for (QTextCursor c = document->find(pattern); !c.isNull() && selections.size() < 2000;
         c = document->find(pattern, c)) {
        if (!c.hasSelection())
            break; // (an empty match would not move on)
        selections.append({c, format});
    }
    return selections;
}

} // namespace

QColor highlightColor()
{
    return QColor(0xfc, 0xe9, 0x4f);
} // Tango Butter 1

QList<QPair<int, int>> matchSpans(const QString &text, const QStringList &terms)
{
    if (terms.isEmpty() || text.isEmpty())
        return {};
    return matchSpans(text, highlightPattern(terms));
}

QList<QPair<int, int>> matchSpans(const QString &text, const QRegularExpression &pattern)
{
    QList<QPair<int, int>> spans;
    if (pattern.pattern().isEmpty() || text.isEmpty())
        return spans;
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedLength() == 0)
            continue;
        const int start = int(m.capturedStart());
        const int end = start + int(m.capturedLength());
        if (!spans.isEmpty() && start <= spans.last().first + spans.last().second)
            spans.last().second =
                std::max(spans.last().first + spans.last().second, end) - spans.last().first;
        else
            spans.append({start, end - start});
    }
    return spans;
}

QString highlightedHtml(const QString &text, const QStringList &terms)
{
    QString html;
    int at = 0;
    const QString open = QStringLiteral("<span style=\"background-color:%1; color:#000000\">")
                             .arg(highlightColor().name());
    for (const auto &span : matchSpans(text, terms)) {
        html += text.mid(at, span.first - at).toHtmlEscaped();
        html +=
            open + text.mid(span.first, span.second).toHtmlEscaped() + QStringLiteral("</span>");
        at = span.first + span.second;
    }
    return html + text.mid(at).toHtmlEscaped();
}

void highlightTerms(QTextEdit *edit, const QStringList &terms)
{
    edit->setExtraSelections(selectionsIn(edit->document(), terms));
}

void highlightTerms(QPlainTextEdit *edit, const QStringList &terms)
{
    edit->setExtraSelections(selectionsIn(edit->document(), terms));
}

void HighlightDelegate::setTerms(const QStringList &terms)
{
    m_terms = terms;
    m_pattern = terms.isEmpty() ? QRegularExpression() : highlightPattern(terms);
}

void HighlightDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (m_terms.isEmpty() || matchSpans(opt.text, m_pattern).isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The style draws background, selection, icon and focus; the text is drawn here with
    // its spans, elided like the style would.
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QString text = opt.text;
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    opt.text = text;
    const QRect rect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect textRect = rect.adjusted(margin, 0, -margin, 0);
    const QString shown =
        QFontMetrics(opt.font).elidedText(text, opt.textElideMode, textRect.width());

    QList<QTextLayout::FormatRange> formats;
    for (const auto &span : matchSpans(shown, m_pattern)) {
        QTextLayout::FormatRange range;
        range.start = span.first;
        range.length = span.second;
        range.format.setBackground(highlightColor());
        range.format.setForeground(Qt::black);
        formats.append(range);
    }
    QTextLayout layout(shown, opt.font);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(textOption);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    if (line.isValid())
        line.setLineWidth(textRect.width());
    layout.endLayout();

    painter->save();
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (opt.state & QStyle::State_Active) ? QPalette::Normal
                                                                            : QPalette::Inactive;
    painter->setPen(
        opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    painter->setClipRect(textRect);
    const qreal y = textRect.top() + (textRect.height() - layout.boundingRect().height()) / 2;
    layout.draw(painter, QPointF(textRect.left(), y), formats);
    painter->restore();
}

} // namespace herald::ui
