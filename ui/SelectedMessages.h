#pragma once
// The messages a list view's selection stands for, read through MessageListModel::MessageIdsRole
// (one id for a message row; every id of a collapsed thread in a conversation model), so every
// action acts on all of them whatever model the list shows.

#include <QList>

class QAbstractItemView;

namespace herald::ui {

// In the order of the rows, without repeats.
QList<qint64> selectedMessageIds(const QAbstractItemView &view);
// How many rows are selected.
int selectedRowCount(const QAbstractItemView &view);
// The topmost selected row, or -1.
int firstSelectedRow(const QAbstractItemView &view);
// Selects the rows that stand for any of `ids` (the first of them current); returns how many.
// One pass over the rows' ids, so a selection of thousands comes back quickly after a reload.
int selectMessageIds(QAbstractItemView &view, const QList<qint64> &ids);

} // namespace herald::ui
