-- The table every case of corpus.txt reads, and its one seed row.
CREATE TABLE t (i INTEGER, r REAL, n NUMERIC, s TEXT, b BLOB, flag BOOLEAN, d DATE,
                ts DATETIME, j JSON);
INSERT INTO t VALUES (7, 2.5, 10, '42', x'0102', 1, '2024-03-01', '2024-03-01 12:00:00',
                      '{"a":1}');
ALTER TABLE t ADD COLUMN out TEXT;
