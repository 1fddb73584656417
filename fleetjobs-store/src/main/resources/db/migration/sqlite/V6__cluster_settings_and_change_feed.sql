-- Issue 12: what the nodes sharing one database must agree on, and the change feed that carries
-- device notifications from the node that committed a change to the brokers of every node.

-- Settings every node reads at start: the root key and the device CA (their secrets sealed with
-- the operator's sealing key, which is never stored here) and the --dev clock's offset.
CREATE TABLE cluster_settings (
    name   TEXT NOT NULL PRIMARY KEY,
    value  TEXT NOT NULL
);

-- Messages for devices, appended by the transaction that made them and numbered in commit order
-- (the writers take one lock before numbering them); every node publishes them to the devices
-- connected to it. Old entries are pruned by created_at (wall clock, epoch milliseconds).
CREATE TABLE change_feed (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    origin      TEXT    NOT NULL,
    topic       TEXT    NOT NULL,
    payload     BLOB    NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX change_feed_by_time ON change_feed (created_at);
