-- The batching tests' readings on MariaDB: a composite key with a text
-- column that sorts differently from its insertion order (and without
-- regard to case, as utf8mb4_general_ci does), NULLs outside the key; and
-- sensors, keyed by a unique BIGINT beyond 2^53, which a double cannot hold
-- exactly (MariaDB compares such a column with a string literal exactly,
-- but apply writes integer keys back as integers all the same).
CREATE TABLE readings (site VARCHAR(32) NOT NULL, seq INT NOT NULL, value INT, note TEXT,
                       PRIMARY KEY (site, seq)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO readings
SELECT ELT(1 + seq % 5, 'north', 'South', 'east', 'Ω-west', 'o''hare'), seq DIV 5,
       IF(seq % 7 = 0, NULL, (seq * 37) % 101), IF(seq % 3 = 0, NULL, CONCAT('n', seq))
FROM seq_0_to_499 ORDER BY (seq * 7919) % 500;
CREATE TABLE sensors (id BIGINT NOT NULL, value INT, note TEXT, UNIQUE KEY sensors_id (id))
  ENGINE=InnoDB;
INSERT INTO sensors SELECT 9007199254740993 + seq, IF(seq % 7 = 0, NULL, (seq * 37) % 101), NULL
FROM seq_0_to_299;
CREATE TABLE nokey (a INT, b TEXT) ENGINE=InnoDB;
INSERT INTO nokey VALUES (1, 'x'), (2, 'y');
