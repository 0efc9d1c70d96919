\ir metrics-table.sql
INSERT INTO metrics
SELECT timestamptz '2024-01-01 00:00:00+00' + make_interval(hours => i * 3), i % 3,
       CASE WHEN i % 7 = 0 THEN NULL ELSE 40 + i END, CASE WHEN i % 2 = 0 THEN 'F' ELSE 'C' END
FROM generate_series(0, 39) AS i;
