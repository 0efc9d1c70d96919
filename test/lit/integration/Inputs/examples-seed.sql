-- The tables of examples/schema/*.yaml, as SchemaHero would create them, with
-- rows chosen so that every WHERE clause of the examples both matches and
-- skips at least one row.
CREATE TABLE users (
  id bigint PRIMARY KEY,
  email varchar(255) NOT NULL,
  first_name text,
  last_name text,
  full_name text,
  display_email text,
  status varchar(32),
  region varchar(32)
);
INSERT INTO users VALUES
  (1, 'Ada@Example.com', 'Ada', 'Lovelace', NULL, NULL, NULL, NULL),
  (2, 'bob@example.com', 'Bob', 'Smith', 'Robert Smith', NULL, 'banned', 'eu-west-1'),
  (3, 'C@X.IO', NULL, 'Solo', NULL, NULL, NULL, 'ap-south-1');

CREATE TABLE events (
  id bigint PRIMARY KEY,
  created_at timestamp,
  email text,
  kind varchar(64)
);
INSERT INTO events VALUES
  (1, '2024-01-15 12:00:00', 'Mixed@Case.COM', 'signup'),
  (2, NULL, 'UPPER@X.COM', 'login'),
  (3, '2024-07-01 00:30:00', 'a@b.c', 'logout');

CREATE TABLE orders (
  id bigint PRIMARY KEY,
  subtotal numeric(10,2) NOT NULL,
  total_with_tax numeric(10,2),
  status varchar(32) DEFAULT 'pending'
);
INSERT INTO orders VALUES
  (1, 100.00, NULL, 'pending'),
  (2, 50.00, NULL, 'shipped'),
  (3, 19.99, NULL, 'pending');
