-- The tables of shop.yaml, with a few rows.
CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL, tier varchar(16),
                        credits integer, region varchar(8), updated_at timestamptz);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, total numeric(10,2),
                     status varchar(16), placed_at timestamptz);
CREATE TABLE order_archive (id bigint PRIMARY KEY, customer_id bigint, total numeric(10,2),
                            reason text);
CREATE TABLE tiers (name varchar(16) PRIMARY KEY, min_total numeric(10,2));
INSERT INTO customers VALUES
  (1, 'ada@example.com', NULL, 0, 'eu', NULL),
  (2, 'bob@example.com', 'bronze', 5, 'us', NULL),
  (3, 'old@test.invalid', NULL, 0, 'eu', NULL);
INSERT INTO orders VALUES
  (10, 1, 750.00, 'paid', '2024-01-02 10:00+00'),
  (11, 2, 120.00, 'paid', '2024-01-03 10:00+00'),
  (12, 2, 30.00, 'cancelled', '2024-01-04 10:00+00');
INSERT INTO tiers VALUES ('gold', 400.00);
