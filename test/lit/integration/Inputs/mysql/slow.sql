-- dialect: mysql

CREATE TABLE IF NOT EXISTS schemahero_data_migrations (name VARCHAR(255) NOT NULL PRIMARY KEY, checksum CHAR(64) NOT NULL, idempotent BOOLEAN NOT NULL, phase VARCHAR(16) NOT NULL, applied_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)) ENGINE=InnoDB;

-- migration: slow-bump (after_schema)
START TRANSACTION;
UPDATE `counters` SET `a` = `a` + 1;
SELECT SLEEP(30);
INSERT INTO schemahero_data_migrations (name, checksum, idempotent, phase) VALUES ('slow-bump', 'dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd', 0, 'after_schema');
COMMIT;

-- migration: after-slow (after_schema)
START TRANSACTION;
UPDATE `counters` SET `b` = `b` + 1;
INSERT INTO schemahero_data_migrations (name, checksum, idempotent, phase) VALUES ('after-slow', 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff', 0, 'after_schema');
COMMIT;
