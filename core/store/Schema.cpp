#include "core/store/Schema.h"

#include "core/store/Sqlite.h"

#include <string>

namespace herald::store {

namespace {

// Version 1: the first released schema.
// Messages carry projection columns the list sorts and filters on; raw MIME lives
// in bodies (or in a file beside the database when very large); tasks hold the
// offline action queue and the outbox; message_fts indexes what search needs.
const char *const kVersion1 = R"SQL(
CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    display_name TEXT,
    incoming_url TEXT NOT NULL,
    outgoing_url TEXT NOT NULL,
    settings TEXT NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL
);

CREATE TABLE folders (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    delimiter TEXT,
    special_use TEXT,
    attributes TEXT,
    is_local INTEGER NOT NULL DEFAULT 0,
    uidvalidity INTEGER,
    uidnext INTEGER,
    highestmodseq INTEGER,
    synced_at INTEGER,
    UNIQUE (account_id, name)
);

CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
    uid INTEGER,
    remote_key TEXT,
    message_id TEXT,
    in_reply_to TEXT,
    subject TEXT,
    from_name TEXT,
    from_addr TEXT,
    to_addrs TEXT,
    cc_addrs TEXT,
    date INTEGER NOT NULL DEFAULT 0,
    internal_date INTEGER,
    size INTEGER NOT NULL DEFAULT 0,
    flags INTEGER NOT NULL DEFAULT 0,
    keywords TEXT NOT NULL DEFAULT '',
    modseq INTEGER,
    has_attachments INTEGER NOT NULL DEFAULT 0,
    snippet TEXT,
    auth TEXT,
    auth_summary INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX messages_folder_uid ON messages(folder_id, uid) WHERE uid IS NOT NULL;
CREATE UNIQUE INDEX messages_account_remote_key ON messages(account_id, remote_key)
    WHERE remote_key IS NOT NULL;
CREATE INDEX messages_folder_date ON messages(folder_id, date DESC, id DESC);
CREATE INDEX messages_account_date ON messages(account_id, date DESC, id DESC);
CREATE INDEX messages_folder_unread ON messages(folder_id) WHERE (flags & 1) = 0;
CREATE INDEX messages_message_id ON messages(message_id);

CREATE TABLE bodies (
    message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
    raw BLOB,
    file_name TEXT,
    size INTEGER NOT NULL,
    fetched_at INTEGER NOT NULL
);

CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX tasks_account_state ON tasks(account_id, state, id);

CREATE VIRTUAL TABLE message_fts USING fts5(subject, addresses, body,
    tokenize = 'porter unicode61 remove_diacritics 2');
)SQL";

// Version 2: POP3 download state. One row per message of a POP3 account that is safely in the
// cache (written in the same transaction as the message), keyed by the server's UIDL or the
// content hash of core/pop3/README.md. The row outlives a message the user deletes in Herald, so
// it is never downloaded again and can be deleted from the server when the account asks for it.
// first_seen (unix seconds, the engine's clock) drives "delete from the server after N days".
const char *const kVersion2 = R"SQL(
CREATE TABLE pop3_state (
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    remote_key TEXT NOT NULL,
    first_seen INTEGER NOT NULL,
    size INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, remote_key)
) WITHOUT ROWID;
)SQL";

// Version 3: how far a message's authentication verdict got (store::AuthState). The verdict
// from the trusted Authentication-Results is stored as soon as the headers arrive; Herald's
// own DKIM/SPF/DMARC checks need the body and DNS, run after the sync pass, and are retried
// while DNS could not answer. The partial index keeps "what is left to verify" cheap.
const char *const kVersion3 = R"SQL(
ALTER TABLE messages ADD COLUMN auth_state INTEGER NOT NULL DEFAULT 0;
CREATE INDEX messages_auth_pending ON messages(account_id, auth_state) WHERE auth_state < 3;
)SQL";

// Version 4: two things the sync's hot path no longer pays for.
// - has_body, kept by triggers on bodies, so "which bodies are missing" (every resync) reads a
//   small partial index instead of probing one bodies page per message.
// - search_pending: messages whose full-text entry is missing or stale, written in the same
//   transaction as the message. sync::SearchIndexer brings message_fts up to date from it later
//   (before any search), so downloading never waits for tokenising; a crash loses nothing.
const char *const kVersion4 = R"SQL(
ALTER TABLE messages ADD COLUMN has_body INTEGER NOT NULL DEFAULT 0;
UPDATE messages SET has_body = 1 WHERE id IN (SELECT message_id FROM bodies);
CREATE INDEX messages_without_body ON messages(folder_id, date DESC, id DESC) WHERE has_body = 0;
CREATE TRIGGER bodies_added AFTER INSERT ON bodies BEGIN
    UPDATE messages SET has_body = 1 WHERE id = new.message_id;
END;
CREATE TRIGGER bodies_removed AFTER DELETE ON bodies BEGIN
    UPDATE messages SET has_body = 0 WHERE id = old.message_id;
END;
CREATE TABLE search_pending (
    message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE
);
)SQL";

// Version 5: bodies live in files beside the database (BodyRepository), and a removed bodies
// row — also by a cascade from messages, folders or accounts — leaves its file's name here in
// the same transaction; BodyRepository::removeDeletedFiles() deletes those files afterwards.
const char *const kVersion5 = R"SQL(
CREATE TABLE body_files_removed (file_name TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TRIGGER body_file_removed AFTER DELETE ON bodies WHEN old.file_name IS NOT NULL BEGIN
    INSERT OR IGNORE INTO body_files_removed (file_name) VALUES (old.file_name);
END;
)SQL";

// Version 6: the full-text index without the Porter stemmer. Search runs as the user types, so a
// word typed halfway must keep matching: with stemming, "running" is stored as "run" and the
// prefix "runn" found nothing until the word was complete. Every message is indexed again
// (search_pending) in the background by the window's index worker or `herald-cli index`.
const char *const kVersion6 = R"SQL(
DROP TABLE message_fts;
CREATE VIRTUAL TABLE message_fts USING fts5(subject, addresses, body,
    tokenize = 'unicode61 remove_diacritics 2');
INSERT OR IGNORE INTO search_pending (message_id) SELECT id FROM messages;
)SQL";

// Version 7: conversations and sorting by any column of the list.
// - thread_id: the conversation of each row (store/Threading.h, kept by ThreadRepository as mail
//   arrives; NULL until threaded, and the partial index finds those). thread_keys maps an
//   account's Message-IDs and normalized subjects to thread ids.
// - One index per sort key of the list, each covering (folder, key, id, thread_id): opening a
//   folder in any order, with or without conversations, reads one index and no table row.
//   messages_folder_date is rebuilt with thread_id at its end. SQLite 3.40 counts an index on
//   an expression as covering only when the columns the expression reads are in it too, hence
//   from_name, from_addr and flags at the end of two of them.
const char *const kVersion7 = R"SQL(
ALTER TABLE messages ADD COLUMN thread_id INTEGER;
CREATE INDEX messages_thread ON messages(thread_id, date, id);
CREATE INDEX messages_thread_pending ON messages(id) WHERE thread_id IS NULL;
CREATE TABLE thread_keys (
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    thread_id INTEGER NOT NULL,
    PRIMARY KEY (account_id, key)
) WITHOUT ROWID;
CREATE INDEX thread_keys_thread ON thread_keys(thread_id);
DROP INDEX messages_folder_date;
CREATE INDEX messages_folder_date ON messages(folder_id, date DESC, id DESC, thread_id);
CREATE INDEX messages_folder_from ON messages(folder_id,
    coalesce(nullif(from_name, ''), from_addr) COLLATE NOCASE, id, thread_id, from_name, from_addr);
CREATE INDEX messages_folder_subject ON messages(folder_id, subject COLLATE NOCASE, id, thread_id);
CREATE INDEX messages_folder_size ON messages(folder_id, size, id, thread_id);
CREATE INDEX messages_folder_status ON messages(folder_id, ((flags & 4) | (~flags & 1)), id,
    thread_id, flags);
)SQL";

// Version 8: the unified "Unread" and "Flagged" views over every account (UnifiedViews.cpp)
// walk these partial indexes in list order (newest first) instead of sorting the whole cache;
// folder_id makes them covering for the Trash/Junk/Outbox filter.
const char *const kVersion8 = R"SQL(
CREATE INDEX messages_unread_date ON messages(date DESC, id DESC, folder_id)
    WHERE (flags & 1) = 0;
CREATE INDEX messages_flagged_date ON messages(date DESC, id DESC, folder_id)
    WHERE (flags & 4) != 0;
)SQL";

// Version 9: a task's undo window (sync::LocalActions::holdTasksUntil). A task with not_before
// in the future is not sent yet, and neither is any later task of its account
// (TaskRepository::due): a change that can still be undone never reaches the server, and what
// the user did after it keeps its order behind it.
const char *const kVersion9 = R"SQL(
ALTER TABLE tasks ADD COLUMN not_before INTEGER NOT NULL DEFAULT 0;
)SQL";

// Version 10: each folder's message and unread counts, kept by triggers on messages. The
// folder tree shows them at every start; counting a folder of a million messages read a
// million index entries (60 ms of CPU), a row of folders is read at once. A move (folder_id)
// or a change of \Seen updates both folders; a folder's removal cascades to its messages,
// whose triggers run too.
const char *const kVersion10 = R"SQL(
ALTER TABLE folders ADD COLUMN message_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE folders ADD COLUMN unread_count INTEGER NOT NULL DEFAULT 0;
UPDATE folders SET
    message_count = (SELECT count(*) FROM messages m WHERE m.folder_id = folders.id),
    unread_count = (SELECT count(*) FROM messages m INDEXED BY messages_folder_unread
                    WHERE m.folder_id = folders.id AND (m.flags & 1) = 0);
CREATE TRIGGER messages_counted AFTER INSERT ON messages BEGIN
    UPDATE folders SET message_count = message_count + 1,
        unread_count = unread_count + ((new.flags & 1) = 0) WHERE id = new.folder_id;
END;
CREATE TRIGGER messages_uncounted AFTER DELETE ON messages BEGIN
    UPDATE folders SET message_count = message_count - 1,
        unread_count = unread_count - ((old.flags & 1) = 0) WHERE id = old.folder_id;
END;
CREATE TRIGGER messages_recounted AFTER UPDATE OF folder_id, flags ON messages
WHEN old.folder_id != new.folder_id OR (old.flags & 1) != (new.flags & 1) BEGIN
    UPDATE folders SET message_count = message_count - 1,
        unread_count = unread_count - ((old.flags & 1) = 0) WHERE id = old.folder_id;
    UPDATE folders SET message_count = message_count + 1,
        unread_count = unread_count + ((new.flags & 1) = 0) WHERE id = new.folder_id;
END;
)SQL";

} // namespace

const std::vector<Migration> &migrations()
{
    static const std::vector<Migration> list = {
        {1, kVersion1}, {2, kVersion2}, {3, kVersion3}, {4, kVersion4}, {5, kVersion5},
        {6, kVersion6}, {7, kVersion7}, {8, kVersion8}, {9, kVersion9}, {10, kVersion10},
    };
    return list;
}

int latestSchemaVersion()
{
    return migrations().back().version;
}

void migrate(Database &db, int target)
{
    if (target < 0)
        target = latestSchemaVersion();
    const int current = db.userVersion();
    if (current > latestSchemaVersion())
        throw SqliteError("the cache was written by a newer Herald (schema " +
                              std::to_string(current) + ", this build knows " +
                              std::to_string(latestSchemaVersion()) +
                              "); refusing to open it to avoid losing data",
                          0);
    for (const Migration &m : migrations()) {
        if (m.version <= current || m.version > target)
            continue;
        Transaction tx(db);
        db.exec(m.sql);
        db.setUserVersion(m.version);
        tx.commit();
    }
}

} // namespace herald::store
