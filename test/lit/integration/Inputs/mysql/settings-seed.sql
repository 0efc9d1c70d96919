CREATE TABLE settings (innodb_lock_wait_timeout INT, lock_wait_timeout INT, max_statement_time DOUBLE) ENGINE=InnoDB;
CREATE TABLE counters (id INT PRIMARY KEY, a INT NOT NULL, b INT NOT NULL) ENGINE=InnoDB;
INSERT INTO counters VALUES (1, 0, 0);
