-- A migration whose customSQL holds DDL, which MySQL would commit
-- implicitly in the middle of the step: refused before anything runs.
-- dialect: mysql

CREATE TABLE IF NOT EXISTS schemahero_data_migrations (name VARCHAR(255) NOT NULL PRIMARY KEY, checksum CHAR(64) NOT NULL, idempotent BOOLEAN NOT NULL, phase VARCHAR(16) NOT NULL, applied_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)) ENGINE=InnoDB;

-- migration: first (after_schema)
START TRANSACTION;
UPDATE `counters` SET `a` = 5;
INSERT INTO schemahero_data_migrations (name, checksum, idempotent, phase) VALUES ('first', '1111111111111111111111111111111111111111111111111111111111111111', 0, 'after_schema');
COMMIT;

-- migration: add-column (after_schema)
START TRANSACTION;
UPDATE `counters` SET `b` = 5;
ALTER TABLE `counters` ADD COLUMN `c` INT;
INSERT INTO schemahero_data_migrations (name, checksum, idempotent, phase) VALUES ('add-column', '2222222222222222222222222222222222222222222222222222222222222222', 0, 'after_schema');
COMMIT;
