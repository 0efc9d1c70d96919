-- The example tables in MySQL/MariaDB, with a few rows: the same as
-- sqlite-seed.sql, for test/lit/integration/mysql-examples.test.
CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(255) NOT NULL, first_name TEXT,
                    last_name TEXT, full_name TEXT, display_email TEXT, status VARCHAR(32),
                    region VARCHAR(32)) ENGINE=InnoDB;
CREATE TABLE orders (id BIGINT PRIMARY KEY, subtotal DECIMAL(10,2) NOT NULL,
                     total_with_tax DECIMAL(10,2), status VARCHAR(32) DEFAULT 'pending')
                     ENGINE=InnoDB;
CREATE TABLE events (id BIGINT PRIMARY KEY, created_at DATETIME, email TEXT, kind VARCHAR(64))
                     ENGINE=InnoDB;
INSERT INTO users (id, email, first_name, last_name, status) VALUES
  (1, 'Ada@Example.com', 'Ada', 'Lovelace', NULL),
  (2, 'grace@example.com', 'Grace', NULL, 'inactive'),
  (3, 'Linus@Example.org', NULL, 'Torvalds', NULL);
INSERT INTO orders (id, subtotal, status) VALUES (1, 100.00, 'pending'), (2, 19.99, 'shipped'),
  (3, 5.00, 'pending');
INSERT INTO events (id, created_at, email, kind) VALUES
  (1, '2024-01-15 12:00:00', 'Ops@Example.com', 'signup'),
  (2, NULL, 'x@example.com', 'login');
