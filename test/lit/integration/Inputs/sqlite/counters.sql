-- 200 rows at 0: after any number of concurrent applies every counter must
-- read 1.
CREATE TABLE counters (id INTEGER PRIMARY KEY, a INTEGER NOT NULL, b INTEGER NOT NULL, note TEXT);
WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < 200)
INSERT INTO counters SELECT i, 0, 0, NULL FROM g;
