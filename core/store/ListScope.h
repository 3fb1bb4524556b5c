#pragma once
// What a message list shows: one folder, a unified view over every account ("All Inboxes",
// "Unread", "Flagged"), or an explicit list of messages (search results).
// MessageRepository::orderedIds(const ListScope &, sort, ascending) reads its ids in the order
// of any column (UnifiedViews.cpp).

#include "core/store/Records.h"

#include <vector>

namespace herald::store {

enum class UnifiedView : int { None = 0, Inboxes = 1, Unread = 2, Flagged = 3 };

struct ListScope
{
    qint64 folderId = 0; // when unified == None and it is no list; 0 = nothing
    UnifiedView unified = UnifiedView::None;
    bool isList = false; // exactly `messages`, one row each (search results)
    std::vector<qint64> messages;

    static ListScope folder(qint64 id) { return {id, UnifiedView::None, false, {}}; }
    static ListScope view(UnifiedView v) { return {0, v, false, {}}; }
    static ListScope list(std::vector<qint64> ids)
    {
        return {0, UnifiedView::None, true, std::move(ids)};
    }
    bool isUnified() const { return unified != UnifiedView::None; }
    // One folder: the only scope whose rows can be conversations.
    bool isFolder() const { return !isUnified() && !isList && folderId != 0; }
    bool isEmpty() const { return !isUnified() && !isList && folderId == 0; }
    bool operator==(const ListScope &o) const
    {
        return folderId == o.folderId && unified == o.unified && isList == o.isList &&
               messages == o.messages;
    }
    bool operator!=(const ListScope &o) const { return !(*this == o); }
};

// Unified views leave out Trash, Junk and the local Outbox: mail thrown away, spam, and the
// user's own unsent mail are not what "Unread" or "Flagged" over all accounts is for.
// "All Inboxes" is every account's INBOX. Mirrors the SQL in UnifiedViews.cpp.
bool inUnifiedView(const Folder &folder, UnifiedView view);

} // namespace herald::store
