-- A checkpoint of bump-values written by an apply of another version of it
-- (checksum feedface) that stopped after 12 batches.
CREATE TABLE schemahero_data_batches (name TEXT PRIMARY KEY, checksum TEXT NOT NULL,
  op INTEGER NOT NULL, last_key TEXT, rows_done INTEGER NOT NULL, batches_done INTEGER NOT NULL,
  batch_size INTEGER NOT NULL, updated_at TEXT);
INSERT INTO schemahero_data_batches VALUES ('bump-values', 'feedface', 0, '["84"]', 84, 12, 7, '');
