-- Written by hand in the layout the SQLite emitter produces (the preamble,
-- then each migration's statements and its ledger INSERT inside BEGIN
-- IMMEDIATE; ... COMMIT;), so that apply --ddl can be raced before the
-- emitter exists. bump-a is not idempotent (a + 1 accumulates), and slow:
-- the recursive count keeps the step busy after its ledger check, so applies
-- that start together all get past the check before the first commits
-- unless something serialises them.
-- dialect: sqlite

CREATE TABLE IF NOT EXISTS schemahero_data_migrations (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, idempotent INTEGER NOT NULL, phase TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));

-- migration: bump-a (after_schema)
BEGIN IMMEDIATE;
WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT count(*) FROM c;
UPDATE "counters" SET "a" = "a" + 1;
INSERT INTO schemahero_data_migrations (name, checksum, idempotent, phase) VALUES ('bump-a', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 0, 'after_schema');
COMMIT;

-- migration: bump-b (after_schema)
BEGIN IMMEDIATE;
UPDATE "counters" SET "b" = "b" + 1;
INSERT INTO schemahero_data_migrations (name, checksum, idempotent, phase) VALUES ('bump-b', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 0, 'after_schema');
COMMIT;
