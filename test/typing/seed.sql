-- The rows for the run-time stage of run-differential.py: every value is
-- valid for every case that PostgreSQL accepts at plan time, so an error
-- raised now comes from the statement itself (e.g. date_trunc('fortnight', ts))
-- or from the data it writes (a duplicate key, a NULL into p.name), not from
-- an unlucky value.
INSERT INTO t VALUES (1, 1, 1, 1, 1.5, 1, 1, 'a', 'b', 'c', true, '2024-01-05', '10:00', '10:00+00', '2024-01-05 10:00', '2024-01-05 10:00+00', '1 day', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1}', '{"a": 1}', '10.0.0.1', '\x00', '{a}', '{1}');
INSERT INTO p VALUES (1, 'ann', 1.5, 'first', '2000-01-01', '2024-01-05 10:00+00', true),
                     (2, 'bob', 20, NULL, '1990-06-30', NULL, false);
INSERT INTO q VALUES (10, 1, 1, 'ann', 10.00, '2024-01-05 10:00', true),
                     (11, 2, 7, 'bob', 2.50, NULL, false);
INSERT INTO r VALUES (1, 'x', 1);
