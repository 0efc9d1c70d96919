-- After apply, someone edits the second user and inserts a row with the
-- deleted third user's key.
UPDATE users SET status = 'manual' WHERE id = 9007199254740994;
INSERT INTO users (id, email) VALUES (9007199254740995, 'new@x');
