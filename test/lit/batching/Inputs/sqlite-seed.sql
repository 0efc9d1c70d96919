-- The batching tests' readings on SQLite: a rowid table (batched over its
-- rowid) and the same rows in a WITHOUT ROWID table with a composite text
-- key that sorts differently from its insertion order, NULLs outside the
-- key, quotes and non-ASCII text in it.
CREATE TABLE readings (site TEXT NOT NULL, seq INTEGER NOT NULL, value INTEGER, note TEXT,
                       PRIMARY KEY (site, seq));
CREATE TABLE sensors (site TEXT NOT NULL, seq INTEGER NOT NULL, value INTEGER, note TEXT,
                      PRIMARY KEY (site, seq)) WITHOUT ROWID;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 499)
INSERT INTO readings
SELECT CASE i % 5 WHEN 0 THEN 'north' WHEN 1 THEN 'South' WHEN 2 THEN 'east'
                  WHEN 3 THEN 'Ω-west' ELSE 'o''hare' END,
       i / 5,
       CASE WHEN i % 7 = 0 THEN NULL ELSE (i * 37) % 101 END,
       CASE WHEN i % 3 = 0 THEN NULL ELSE 'n' || i END
FROM n ORDER BY (i * 7919) % 500;
INSERT INTO sensors SELECT * FROM readings;
CREATE TABLE nokey (a INTEGER, b TEXT, PRIMARY KEY (a)) WITHOUT ROWID;
