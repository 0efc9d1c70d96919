-- Records the session's timeouts, as apply set them.
-- dialect: mysql

CREATE TABLE IF NOT EXISTS schemahero_data_migrations (name VARCHAR(255) NOT NULL PRIMARY KEY, checksum CHAR(64) NOT NULL, idempotent BOOLEAN NOT NULL, phase VARCHAR(16) NOT NULL, applied_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)) ENGINE=InnoDB;

-- migration: record-settings (after_schema)
START TRANSACTION;
INSERT INTO settings VALUES (@@innodb_lock_wait_timeout, @@lock_wait_timeout, @@max_statement_time);
INSERT INTO schemahero_data_migrations (name, checksum, idempotent, phase) VALUES ('record-settings', '5555555555555555555555555555555555555555555555555555555555555555', 1, 'after_schema');
COMMIT;
