-- Written by hand in the layout of the MySQL emitter (the ledger's CREATE
-- TABLE, then each migration's statements and its ledger INSERT inside
-- START TRANSACTION; ... COMMIT;), so that apply --ddl can be raced before
-- the emitter exists. bump-a is not idempotent (a + 1 accumulates) and slow:
-- SLEEP(0.3) after the ledger check, so applies that start together all get
-- past the check before the first commits unless something serialises them.
-- A `-- migration: x (after_schema)` line inside a string, and the `--1` of
-- `b --1` (b minus minus one), are not comments.
-- dialect: mysql

CREATE TABLE IF NOT EXISTS schemahero_data_migrations (name VARCHAR(255) NOT NULL PRIMARY KEY, checksum CHAR(64) NOT NULL, idempotent BOOLEAN NOT NULL, phase VARCHAR(16) NOT NULL, applied_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)) ENGINE=InnoDB;

-- migration: bump-a (after_schema)
START TRANSACTION;
SELECT SLEEP(0.3);
UPDATE `counters` SET `a` = `a` + 1, `note` = '
-- migration: fake (after_schema)
' WHERE NOT EXISTS (SELECT 1 FROM schemahero_data_migrations WHERE name = 'bump-a');
INSERT INTO schemahero_data_migrations (name, checksum, idempotent, phase) VALUES ('bump-a', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 0, 'after_schema');
COMMIT;

-- migration: bump-b (after_schema)
START TRANSACTION;
UPDATE `counters` SET `b` = `b` --1
 WHERE NOT EXISTS (SELECT 1 FROM schemahero_data_migrations WHERE name = 'bump-b');
INSERT INTO schemahero_data_migrations (name, checksum, idempotent, phase) VALUES ('bump-b', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 0, 'after_schema');
COMMIT;
