-- 200 rows at 0: after any number of concurrent applies every counter must
-- read 1.
CREATE TABLE counters (id integer PRIMARY KEY, a integer NOT NULL, b integer NOT NULL, note text);
INSERT INTO counters SELECT g, 0, 0, NULL FROM generate_series(1, 200) g;
