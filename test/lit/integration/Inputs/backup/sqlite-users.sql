-- The SQLite backup tests' table: an INTEGER PRIMARY KEY, a UNIQUE NOT NULL
-- email, NULLs, quotes, non-ASCII text, a REAL that needs 17 digits, a BLOB
-- with a zero byte and bytes that are not UTF-8, and a CHECK that a
-- rehearsal can break on one row. keyless has no key at all.
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, status TEXT,
                    note TEXT CHECK (note IS NULL OR length(note) < 32), verified INTEGER,
                    score REAL, avatar BLOB);
INSERT INTO users VALUES
  (1, 'Ada@Example.COM', NULL, 'colour', 0, 0.30000000000000004, X'00FF80'),
  (2, 'bob@example.com', 'active', NULL, NULL, -1e-300, NULL),
  (3, 'chloé@example.com', 'active', 'it''s', 1, 12.5, X'C3A9'),
  (4, 'dan@example.com', 'new', 'a note that is long already', 1, NULL, X'');
CREATE TABLE keyless (v TEXT);
INSERT INTO keyless VALUES ('a');
