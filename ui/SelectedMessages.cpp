#include "ui/SelectedMessages.h"

#include "ui/MessageListModel.h"

#include <QAbstractItemView>
#include <QItemSelectionModel>
#include <QSet>
#include <algorithm>

namespace herald::ui {

namespace {
QModelIndexList sortedRows(const QAbstractItemView &view)
{
    if (!view.selectionModel())
        return {};
    QModelIndexList rows = view.selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    return rows;
}
} // namespace

QList<qint64> selectedMessageIds(const QAbstractItemView &view)
{
    QList<qint64> ids;
    QSet<qint64> seen;
    for (const QModelIndex &row : sortedRows(view))
        for (const QVariant &id : row.data(MessageListModel::MessageIdsRole).toList())
            if (const qint64 value = id.toLongLong(); value > 0 && !seen.contains(value)) {
                seen.insert(value);
                ids << value;
            }
    return ids;
}

int selectedRowCount(const QAbstractItemView &view)
{
    return view.selectionModel() ? int(view.selectionModel()->selectedRows().size()) : 0;
}

int firstSelectedRow(const QAbstractItemView &view)
{
    const QModelIndexList rows = sortedRows(view);
    return rows.isEmpty() ? -1 : rows.first().row();
}

int selectMessageIds(QAbstractItemView &view, const QList<qint64> &ids)
{
    QAbstractItemModel *model = view.model();
    if (!model || !view.selectionModel() || ids.isEmpty())
        return 0;
    const QSet<qint64> wanted(ids.begin(), ids.end());
    const int lastColumn = model->columnCount() - 1;
    QItemSelection selection;
    QModelIndex first;
    int count = 0;
    int runStart = -1; // contiguous rows become one range (merging row by row is quadratic)
    const auto endRun = [&](int end) {
        if (runStart >= 0)
            selection.append(
                QItemSelectionRange(model->index(runStart, 0), model->index(end, lastColumn)));
        runStart = -1;
    };
    const int rows = model->rowCount();
    for (int row = 0; row < rows; ++row) {
        const QVariantList rowIds =
            model->index(row, 0).data(MessageListModel::MessageIdsRole).toList();
        const bool hit = std::any_of(rowIds.begin(), rowIds.end(), [&](const QVariant &id) {
            return wanted.contains(id.toLongLong());
        });
        if (!hit) {
            endRun(row - 1);
            continue;
        }
        if (runStart < 0)
            runStart = row;
        if (!first.isValid())
            first = model->index(row, 0);
        ++count;
    }
    endRun(rows - 1);
    if (count == 0)
        return 0;
    view.selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
    view.selectionModel()->select(selection,
                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return count;
}

} // namespace herald::ui
