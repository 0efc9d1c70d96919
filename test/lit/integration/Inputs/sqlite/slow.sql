-- dialect: sqlite

CREATE TABLE IF NOT EXISTS schemahero_data_migrations (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, idempotent INTEGER NOT NULL, phase TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));

-- migration: slow-bump (after_schema)
BEGIN IMMEDIATE;
UPDATE "counters" SET "a" = "a" + 1;
WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) SELECT count(*) FROM c;
INSERT INTO schemahero_data_migrations (name, checksum, idempotent, phase) VALUES ('slow-bump', 'dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd', 0, 'after_schema');
COMMIT;

-- migration: after-slow (after_schema)
BEGIN IMMEDIATE;
UPDATE "counters" SET "b" = "b" + 1;
INSERT INTO schemahero_data_migrations (name, checksum, idempotent, phase) VALUES ('after-slow', 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff', 0, 'after_schema');
COMMIT;
