-- Readings with a composite key, NULLs outside the key, and text keys
-- that sort differently from their insertion order.
CREATE TABLE readings (
  site text NOT NULL,
  seq integer NOT NULL,
  value integer,
  note text,
  PRIMARY KEY (site, seq)
);
INSERT INTO readings
SELECT (ARRAY['north', 'South', 'east', 'Ω-west', 'o''hare'])[1 + i % 5], i / 5,
       CASE WHEN i % 7 = 0 THEN NULL ELSE (i * 37) % 101 END,
       CASE WHEN i % 3 = 0 THEN NULL ELSE 'n' || i END
FROM generate_series(0, 499) AS i;
CREATE TABLE nokey (a integer, b text);
INSERT INTO nokey VALUES (1, 'x'), (2, 'y');
