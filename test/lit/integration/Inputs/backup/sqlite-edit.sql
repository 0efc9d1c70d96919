-- After apply, someone edits user 2 and inserts a row with the deleted key 3.
UPDATE users SET status = 'manual' WHERE id = 2;
INSERT INTO users (id, email) VALUES (3, 'new@x');
