#!/usr/bin/env python3
"""Deterministic benchmark corpus for schemahero-compile.

    bench/gen-corpus.py N OUTDIR

writes OUTDIR/schema/*.yaml (kind: Table specs), OUTDIR/migrations/mNNNNN.yaml
(N DataMigrations, each requiring the previous one, cycling through every operation kind: staticUpdate,
calculatedUpdate, each transformUpdate transformType, customSQL with
validate: true) and OUTDIR/sql/mNNNNN.sql, the same migrations as the plain
SQL a hand-written migration would hold (the squawk reference). The output
depends only on N: no clock, no randomness.
"""
import os
import sys

TABLES = 20

SCHEMA = """apiVersion: schemas.schemahero.io/v1alpha4
kind: Table
metadata:
  name: t{i}
spec:
  database: benchdb
  name: t{i}
  schema:
    postgres:
      primaryKey:
        - id
      columns:
        - name: id
          type: bigint
        - name: email
          type: varchar(255)
          constraints:
            notNull: true
        - name: name
          type: text
        - name: status
          type: varchar(32)
        - name: score
          type: integer
        - name: price
          type: numeric(12,2)
        - name: created_at
          type: timestamp
        - name: payload
          type: jsonb
        - name: code
          type: text
"""

HEADER = """apiVersion: schemas.schemahero.io/v1alpha4
kind: DataMigration
metadata:
  name: m{n:05d}
spec:
  database: benchdb
  name: m{n:05d}
{requires}  schema:
    postgres:
"""

OPS = [
    # (yaml body, equivalent SQL)
    ("""      - staticUpdate:
          table: {t}
          set:
            status: "active"
            score: "{n}"
          where: "status IS NULL AND id > {n}"
""", "UPDATE {t} SET status = 'active', score = {n} WHERE status IS NULL AND id > {n};"),
    ("""      - calculatedUpdate:
          table: {t}
          calculations:
            - column: name
              expression: "lower(email) || ' #' || CAST(id AS text)"
            - column: price
              expression: "round(price * 1.08, 2)"
          where: "score BETWEEN {n} AND {n} + 100 OR status IN ('a', 'b')"
""", "UPDATE {t} SET name = lower(email) || ' #' || CAST(id AS text), "
     "price = round(price * 1.08, 2) WHERE score BETWEEN {n} AND {n} + 100 OR status IN ('a', 'b');"),
    ("""      - transformUpdate:
          table: {t}
          transformations:
            - column: created_at
              transformType: timezone_convert
              fromValue: UTC
              toValue: America/New_York
          where: "created_at IS NOT NULL"
""", "UPDATE {t} SET created_at = (created_at AT TIME ZONE 'UTC') AT TIME ZONE "
     "'America/New_York' WHERE created_at IS NOT NULL;"),
    ("""      - transformUpdate:
          table: {t}
          transformations:
            - column: email
              transformType: format_change
              toValue: lowercase
            - column: name
              transformType: format_change
              toValue: trim
          where: "email <> lower(email)"
""", "UPDATE {t} SET email = lower(email), name = btrim(name) WHERE email <> lower(email);"),
    ("""      - transformUpdate:
          table: {t}
          transformations:
            - column: code
              transformType: type_cast
              toValue: text
            - column: name
              transformType: string_transform
              parameters:
                type: replace
                old: "-"
                new: "_"
          where: "code IS NOT NULL"
""", "UPDATE {t} SET code = CAST(code AS text), name = replace(name, '-', '_') "
     "WHERE code IS NOT NULL;"),
    ("""      - customSQL:
          sql: |
            UPDATE {t}
            SET status = 'processed', score = score + 1
            WHERE status = 'pending' AND id % 7 = {m}
          validate: true
""", "UPDATE {t} SET status = 'processed', score = score + 1 "
     "WHERE status = 'pending' AND id % 7 = {m};"),
]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    count, out = int(sys.argv[1]), sys.argv[2]
    for sub in ("schema", "migrations", "sql"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    for i in range(TABLES):
        with open(os.path.join(out, "schema", "t%02d.yaml" % i), "w") as f:
            f.write(SCHEMA.format(i="%02d" % i))
    for n in range(count):
        t = "t%02d" % (n % TABLES)
        # Two operations per migration, so every kind meets every table.
        picks = [OPS[n % len(OPS)], OPS[(n // len(OPS) + n + 1) % len(OPS)]]
        # A chain of requires: real histories are ordered, and unordered
        # writes to the same column would (rightly) warn.
        requires = "  requires: [m%05d]\n" % (n - 1) if n else ""
        yaml = HEADER.format(n=n, requires=requires) + "".join(p[0].format(t=t, n=n, m=n % 7) for p in picks)
        sql = "BEGIN;\n" + "\n".join(p[1].format(t=t, n=n, m=n % 7) for p in picks) + "\nCOMMIT;\n"
        with open(os.path.join(out, "migrations", "m%05d.yaml" % n), "w") as f:
            f.write(yaml)
        with open(os.path.join(out, "sql", "m%05d.sql" % n), "w") as f:
            f.write(sql)


if __name__ == "__main__":
    main()
