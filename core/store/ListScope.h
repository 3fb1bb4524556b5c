#pragma once
// What a message list shows: one folder, or a unified view over every account ("All
// Inboxes", "Unread", "Flagged"). MessageRepository::orderedIds(const ListScope &) reads its
// ids, newest first (UnifiedViews.cpp).

#include "core/store/Records.h"

namespace herald::store {

enum class UnifiedView : int { None = 0, Inboxes = 1, Unread = 2, Flagged = 3 };

struct ListScope
{
    qint64 folderId = 0; // when unified == None; 0 = nothing
    UnifiedView unified = UnifiedView::None;

    static ListScope folder(qint64 id) { return {id, UnifiedView::None}; }
    static ListScope view(UnifiedView v) { return {0, v}; }
    bool isUnified() const { return unified != UnifiedView::None; }
    bool isEmpty() const { return !isUnified() && folderId == 0; }
    bool operator==(const ListScope &o) const
    {
        return folderId == o.folderId && unified == o.unified;
    }
    bool operator!=(const ListScope &o) const { return !(*this == o); }
};

// Unified views leave out Trash, Junk and the local Outbox: mail thrown away, spam, and the
// user's own unsent mail are not what "Unread" or "Flagged" over all accounts is for.
// "All Inboxes" is every account's INBOX. Mirrors the SQL in UnifiedViews.cpp.
bool inUnifiedView(const Folder &folder, UnifiedView view);

} // namespace herald::store
