-- Frozen cache of schema version 4 (v3.sql migrated by the v4 migration, then sqlite3 .dump; never edit).
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
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
INSERT INTO accounts VALUES(1,'legacy','legacy@herald.test','Legacy User','imaps://legacy@127.0.0.1:993','smtps://legacy@127.0.0.1:465','{}',1700000000);
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
INSERT INTO folders VALUES(1,1,'INBOX','/','',NULL,0,1700000000,2,5,NULL);
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
, auth_state INTEGER NOT NULL DEFAULT 0, has_body INTEGER NOT NULL DEFAULT 0);
INSERT INTO messages VALUES(1,1,1,1,NULL,'legacy-1@herald.test',NULL,'Kept across upgrades','Old Friend','friend@herald.test','legacy@herald.test',NULL,1700000000,NULL,120,1,'',5,0,'Hello from schema 1',NULL,0,1700000000,0,1);
CREATE TABLE bodies (
    message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
    raw BLOB,
    file_name TEXT,
    size INTEGER NOT NULL,
    fetched_at INTEGER NOT NULL
);
INSERT INTO bodies VALUES(1,X'46726f6d3a20667269656e6440686572616c642e746573740d0a5375626a6563743a204b657074206163726f73732075706772616465730d0a0d0a48656c6c6f2066726f6d20736368656d6120310d0a',NULL,82,1700000000);
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
PRAGMA writable_schema=ON;
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','message_fts','message_fts',0,'CREATE VIRTUAL TABLE message_fts USING fts5(subject, addresses, body,
    tokenize = ''porter unicode61 remove_diacritics 2'')');
CREATE TABLE IF NOT EXISTS 'message_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO message_fts_data VALUES(1,X'01030604');
INSERT INTO message_fts_data VALUES(10,X'000000000101010001010101');
INSERT INTO message_fts_data VALUES(137438953473,X'0000007f023031010601020501066163726f73730102030106667269656e64010601010203026f6d0106010203010568656c6c6f0106010202030472616c6401080101030501046b65707401020201066c656761636901060101050106736368656d610106010204010474657374010801010405010675706772616401020404080b0d090c0c090d0d0c');
CREATE TABLE IF NOT EXISTS 'message_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO message_fts_idx VALUES(1,X'',2);
CREATE TABLE IF NOT EXISTS 'message_fts_content'(id INTEGER PRIMARY KEY, c0, c1, c2);
INSERT INTO message_fts_content VALUES(1,'Kept across upgrades','friend@herald.test legacy@herald.test','Hello from schema 1');
CREATE TABLE IF NOT EXISTS 'message_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO message_fts_docsize VALUES(1,X'030604');
CREATE TABLE IF NOT EXISTS 'message_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO message_fts_config VALUES('version',4);
CREATE TABLE pop3_state (
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    remote_key TEXT NOT NULL,
    first_seen INTEGER NOT NULL,
    size INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, remote_key)
) WITHOUT ROWID;
CREATE TABLE search_pending (
    message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX messages_folder_uid ON messages(folder_id, uid) WHERE uid IS NOT NULL;
CREATE UNIQUE INDEX messages_account_remote_key ON messages(account_id, remote_key)
    WHERE remote_key IS NOT NULL;
CREATE INDEX messages_folder_date ON messages(folder_id, date DESC, id DESC);
CREATE INDEX messages_account_date ON messages(account_id, date DESC, id DESC);
CREATE INDEX messages_folder_unread ON messages(folder_id) WHERE (flags & 1) = 0;
CREATE INDEX messages_message_id ON messages(message_id);
CREATE INDEX tasks_account_state ON tasks(account_id, state, id);
CREATE INDEX messages_auth_pending ON messages(account_id, auth_state) WHERE auth_state < 3;
CREATE INDEX messages_without_body ON messages(folder_id, date DESC, id DESC) WHERE has_body = 0;
CREATE TRIGGER bodies_added AFTER INSERT ON bodies BEGIN
    UPDATE messages SET has_body = 1 WHERE id = new.message_id;
END;
CREATE TRIGGER bodies_removed AFTER DELETE ON bodies BEGIN
    UPDATE messages SET has_body = 0 WHERE id = old.message_id;
END;
PRAGMA writable_schema=OFF;
COMMIT;
PRAGMA user_version=4;
