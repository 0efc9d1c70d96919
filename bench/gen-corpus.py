#!/usr/bin/env python3
"""Deterministic benchmark corpus for schemahero-compile.

    bench/gen-corpus.py [--shape chained|independent|mixed] N OUTDIR

writes OUTDIR/schema/*.yaml (kind: Table specs), OUTDIR/migrations/mNNNNN.yaml
(N DataMigrations of two operations each, drawn from every operation kind:
staticUpdate, calculatedUpdate, each transformUpdate transformType, customSQL
with validate: true) and OUTDIR/sql/mNNNNN.sql, the same migrations as the
plain SQL a hand-written migration would hold (the squawk reference).

Shapes:
  chained      (default) each migration requires the previous one and the
               operations cycle through the tables: an ordered history.
  independent  no requires; each operation picks its kind, table and columns
               at random: many teams on the same hot tables, the worst case
               for the unordered-migrations analysis.
  mixed        short requires chains (a team's history, 1 to 8 long) among
               independent migrations, operations as in independent.

The output depends only on the shape and N: "random" is a generator seeded
with a constant, never the clock.
"""
import argparse
import os
import random

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


# staticUpdate columns for the random shapes: (column, YAML value, SQL value).
STATIC_SETS = [
    ("status", '"active"', "'active'"),
    ("score", '"{n}"', "{n}"),
    ("name", '"n{n}"', "'n{n}'"),
    ("code", '"c{m}"', "'c{m}'"),
    ("price", '"{m}.50"', "{m}.50"),
]

STATIC = ("""      - staticUpdate:
          table: {{t}}
          set:
{sets}          where: "{{w}} IS NULL AND id > {{n}}"
""", "UPDATE {{t}} SET {sql} WHERE {{w}} IS NULL AND id > {{n}};")


def random_static(rng):
    """A staticUpdate of one to three random columns, guarded by a random one."""
    cols = rng.sample(STATIC_SETS, rng.randint(1, 3))
    sets = "".join("            %s: %s\n" % (c, y) for c, y, _ in cols)
    sql = ", ".join("%s = %s" % (c, v) for c, _, v in cols)
    return (STATIC[0].format(sets=sets), STATIC[1].format(sql=sql)), rng.choice(STATIC_SETS)[0]


def ops_for(shape, n, rng):
    """The two (yaml, sql) operations of migration n and their format fields."""
    if shape == "chained":
        # Two operations per migration, so every kind meets every table.
        t = "t%02d" % (n % TABLES)
        picks = [OPS[n % len(OPS)], OPS[(n // len(OPS) + n + 1) % len(OPS)]]
        return [(p, {"t": t}) for p in picks]
    out = []
    for _ in range(2):
        t = "t%02d" % rng.randrange(TABLES)
        k = rng.randrange(len(OPS))
        if k == 0:
            op, w = random_static(rng)
            out.append((op, {"t": t, "w": w}))
        else:
            out.append((OPS[k], {"t": t}))
    return out


def requires_for(shape, n, rng, state):
    """The requires line of migration n."""
    if shape == "chained":
        # A chain of requires: real histories are ordered, and unordered
        # writes to the same column would (rightly) warn.
        return "  requires: [m%05d]\n" % (n - 1) if n else ""
    if shape == "independent":
        return ""
    # mixed: half the migrations are independent; the rest continue one of
    # a few open team chains, which end after 1 to 8 migrations.
    if rng.random() < 0.5:
        return ""
    chains = state.setdefault("chains", [])
    if chains and rng.random() < 0.7:
        i = rng.randrange(len(chains))
        prev, left = chains[i]
        if left <= 1:
            chains.pop(i)
        else:
            chains[i] = (n, left - 1)
        return "  requires: [m%05d]\n" % prev
    chains.append((n, rng.randint(1, 8)))
    return ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shape", choices=("chained", "independent", "mixed"), default="chained")
    ap.add_argument("count", type=int)
    ap.add_argument("out")
    args = ap.parse_args()
    count, out = args.count, args.out
    rng = random.Random(17)
    state = {}
    for sub in ("schema", "migrations", "sql"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    for i in range(TABLES):
        with open(os.path.join(out, "schema", "t%02d.yaml" % i), "w") as f:
            f.write(SCHEMA.format(i="%02d" % i))
    for n in range(count):
        requires = requires_for(args.shape, n, rng, state)
        picks = ops_for(args.shape, n, rng)
        yaml = HEADER.format(n=n, requires=requires) + "".join(
            p[0].format(n=n, m=n % 7, **f) for p, f in picks)
        sql = "BEGIN;\n" + "\n".join(p[1].format(n=n, m=n % 7, **f) for p, f in picks) + "\nCOMMIT;\n"
        with open(os.path.join(out, "migrations", "m%05d.yaml" % n), "w") as f:
            f.write(yaml)
        with open(os.path.join(out, "sql", "m%05d.sql" % n), "w") as f:
            f.write(sql)


if __name__ == "__main__":
    main()
