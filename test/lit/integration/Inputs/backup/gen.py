#!/usr/bin/env python3
"""Random tables and data migrations for the backup/revert property test.

    gen.py SEED OUTDIR [postgres|sqlite|mysql]

writes OUTDIR/schema.sql (tables and rows), OUTDIR/migrations.yaml (one
DataMigration per operation, each requiring the one before, so they apply
in order; for sqlite and mysql the Table specs of the tables first),
OUTDIR/names (the migrations in apply order) and OUTDIR/checksum.sql (one
fingerprint of every value of every row of every table, in key order), in
the engine's SQL (postgres when not given). The same seed and engine give
the same files. Standard library only.

Tables: a single integer primary key, a composite (text, int) primary key
with unicode and quotes in the text, and one keyed only by a unique NOT NULL
column. Values: NULLs, unicode, quotes, backslashes, newlines, tabs,
numerics, floats, timestamps, and per engine jsonb and arrays (postgres),
blobs of any bytes and a column holding every storage class (sqlite),
varbinary and blob bytes, json and longtext (mysql). Operations:
staticUpdate, calculatedUpdate, transformUpdate, and customSQL that is one
UPDATE (with or without an alias) or one DELETE.

checksum.sql, per engine:
- postgres: md5 over each table's rows as text (row::text), in key order.
- sqlite: hex() of every row as typeof(v) || ':' || quote(v) per column, in
  key order (the ORDER BY of the subquery group_concat reads). quote()
  writes text and blobs whole (a blob as X'..', every byte) and a real as
  %!.15g, or %!.20e when that does not read back: distinct doubles give
  distinct text (checked over 50000 random doubles and their neighbours);
  typeof tells an integer 1 from a real 1.0 or a text '1'. roundtrip.sh
  takes the md5 of that hex.
- mysql: MD5 of GROUP_CONCAT of every row in key order (text keys compared
  as bytes), each value as HEX(v) for strings, json and bytes (the bytes
  themselves) and CAST(v AS CHAR) for numbers and datetimes (MariaDB writes
  a DOUBLE with the shortest digits that read back as that double, so two
  doubles one bit apart differ), NULL as N; group_concat_max_len is raised
  first so nothing is cut.

On sqlite, some reals are below 1e-280 in magnitude, computed exactly by
arithmetic rather than parsed: SQLite 3.40 reads the 20-digit literal
quote() gives some of them back one bit off, which the backup has to work
around (backends/sqlite/SqliteBackups.cpp). Left out, as the engines cannot
give them back: -0.0 on both (SQLite's quote() and MariaDB's CAST write it as 0); text with NUL
characters or invalid UTF-8 in text columns (bytes of every kind are in the
blob columns); on mysql TIMESTAMP (read and written through the session
time zone), FLOAT, BIT, ENUM, SET, TIME and YEAR.
"""
import os
import sys

from genlib import Gen
from genlite import MysqlGen, SqliteGen


def main():
    seed, outdir = int(sys.argv[1]), sys.argv[2]
    engine = sys.argv[3] if len(sys.argv) > 3 else "postgres"
    gens = {"postgres": Gen, "sqlite": SqliteGen, "mysql": MysqlGen}
    if engine not in gens:
        sys.exit("gen.py: unknown engine %s (postgres, sqlite or mysql)" % engine)
    os.makedirs(outdir, exist_ok=True)
    g = gens[engine](seed)
    specs = g.tables()
    files = {"schema.sql": g.schema_sql(specs)}
    files["migrations.yaml"], names = g.migrations(specs)
    files["names"] = "\n".join(names) + "\n"
    files["checksum.sql"] = g.checksum_sql(specs)
    for name, text in files.items():
        with open(os.path.join(outdir, name), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
