-- The tables of test/lit/Inputs/schema.yaml as SchemaHero would create them,
-- with rows that each golden's WHERE both matches and skips.
CREATE TABLE users (
  id bigint PRIMARY KEY,
  email varchar(255) NOT NULL,
  first_name text,
  last_name text,
  full_name text,
  status varchar(32),
  region varchar(16),
  login_count integer,
  verified boolean,
  score numeric(5,2),
  note text,
  created_at timestamp,
  updated_at timestamptz,
  birthday date,
  settings jsonb,
  external_id uuid
);
INSERT INTO users (id, email, first_name, last_name, full_name, status, region, login_count,
                   verified, score, note, created_at) VALUES
  (1, 'Ada@Example.COM', 'ada', 'Lovelace', NULL, NULL, 'eu-west-1', 3, true, NULL,
   'colour colour', '2024-01-15 12:00:00'),
  (2, 'bob@example.com', 'Bob', 'Smith', 'Robert Smith', 'active', 'ap-south-1', 20, false, 2.5,
   NULL, NULL),
  (3, 'C@X.IO', NULL, '  Solo ', NULL, 'banned', NULL, NULL, NULL, NULL, 'x',
   '2024-07-01 00:30:00');

CREATE TABLE "order" (
  id integer PRIMARY KEY,
  "select" text,
  "Name" text,
  "user" varchar(64)
);
INSERT INTO "order" VALUES (0, '', 'x', 'u0'), (1, 'a', 'x', 'u1'), (2, 'b', 'y', 'u2');
