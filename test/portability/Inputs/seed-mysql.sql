-- As seed-postgres.sql; '\\' is one backslash in MySQL's strings.
CREATE TABLE people (id int PRIMARY KEY, first_name text, last_name text,
  code varchar(10), label text, score int, half int, note text, seen datetime) ENGINE=InnoDB;
INSERT INTO people VALUES (1, 'ann', 'Lee', 'ab', NULL, 7, NULL, NULL, '2024-01-01 10:00:00'),
  (2, NULL, 'O''Brien', 'AB', NULL, 5, NULL, NULL, NULL),
  (3, 'Zoë', NULL, 'cd', NULL, -7, NULL, NULL, '2024-02-29 23:59:59'),
  (4, 'back\\slash', 'x', 'ab ', NULL, 3, NULL, NULL, NULL),
  (5, 'Al', 'Smith', NULL, NULL, NULL, NULL, NULL, NULL);
