-- 200 rows at 0: after any number of concurrent applies every counter must
-- read 1.
CREATE TABLE counters (id INT PRIMARY KEY, a INT NOT NULL, b INT NOT NULL, note TEXT) ENGINE=InnoDB;
INSERT INTO counters WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < 200)
SELECT i, 0, 0, NULL FROM g;
