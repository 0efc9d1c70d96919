-- The MySQL backup tests' table: a BIGINT key beyond 2^53, a UNIQUE NOT NULL
-- email compared without regard to case, NULLs, quotes and backslashes,
-- non-ASCII text in utf8mb4 and in latin1, a DOUBLE that needs 17 digits,
-- bytes with a zero and bytes that are not UTF-8, microseconds, and a CHECK
-- that a rehearsal can break on one row. keyless has no key at all.
CREATE TABLE users (id BIGINT NOT NULL PRIMARY KEY, email VARCHAR(64) NOT NULL UNIQUE,
                    status VARCHAR(16), note TEXT CHECK (note IS NULL OR CHAR_LENGTH(note) < 32),
                    verified TINYINT, score DOUBLE, avatar VARBINARY(16), created DATETIME(6),
                    latin VARCHAR(16) CHARACTER SET latin1)
  ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO users VALUES
  (9007199254740993, 'Ada@Example.COM', NULL, 'colour', 0, 0.1e0 + 0.2e0, X'00FF80',
   '2026-01-02 03:04:05.000001', 'café'),
  (9007199254740994, 'bob@example.com', 'active', NULL, NULL, -1e-300, NULL, NULL, NULL),
  (9007199254740995, 'chloé@example.com', 'active', 'it''s a back\\slash', 1, 12.5, X'C3A9',
   '1999-12-31 23:59:59.999999', ''),
  (9007199254740996, 'dan@example.com', 'new', 'a note that is long already', 1, NULL, X'',
   NULL, 'Ñ');
CREATE TABLE keyless (v TEXT) ENGINE=InnoDB;
INSERT INTO keyless VALUES ('a');
