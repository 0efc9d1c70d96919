-- Applied before the race in the "database with a ledger" rounds.
-- dialect: mysql

CREATE TABLE IF NOT EXISTS schemahero_data_migrations (name VARCHAR(255) NOT NULL PRIMARY KEY, checksum CHAR(64) NOT NULL, idempotent BOOLEAN NOT NULL, phase VARCHAR(16) NOT NULL, applied_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)) ENGINE=InnoDB;

-- migration: earlier (after_schema)
START TRANSACTION;
UPDATE `counters` SET `note` = 'seen' WHERE `note` IS NULL AND NOT EXISTS (SELECT 1 FROM schemahero_data_migrations WHERE name = 'earlier');
INSERT INTO schemahero_data_migrations (name, checksum, idempotent, phase) VALUES ('earlier', 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', 0, 'after_schema');
COMMIT;
