-- Applied before the race in the "database with a ledger" rounds.
-- dialect: sqlite

CREATE TABLE IF NOT EXISTS schemahero_data_migrations (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, idempotent INTEGER NOT NULL, phase TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));

-- migration: earlier (after_schema)
BEGIN IMMEDIATE;
UPDATE "counters" SET "note" = 'seen' WHERE "note" IS NULL;
INSERT INTO schemahero_data_migrations (name, checksum, idempotent, phase) VALUES ('earlier', 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', 0, 'after_schema');
COMMIT;
