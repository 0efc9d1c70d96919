#!/usr/bin/env python3
"""Differential typing test: schemahero-compile's SQLite checker against SQLite.

Every case of corpus.txt is one expression over the table of table.sql. We
compile all of them in ONE run (one DataMigration per case, a calculatedUpdate
`out = <expr>`, printed with --emit=ir, which shows each value's type), and
SQLite evaluates each as `SELECT typeof(<expr>) FROM t` over the seed row
(Python's sqlite3 module: the same libsqlite3 the tool links).

Our type is mapped to the storage class SQLite reports: integer types and
boolean are 'integer', real types 'real', text-like types 'text', bytea
'blob', and numeric is 'integer' or 'real' (by value, as SQLite's NUMERIC
affinity). A value NULL on the seed row ('null') matches any type. `any`
(json_extract, ->>) matches anything and is counted as unchecked.

A case where the classes differ, or where one side rejects the expression and
the other does not, is a disagreement. A comment line `# known: <why>` marks
the next case: if it disagrees it is listed as known (not a failure); if it
agrees, the stale mark fails the test. Prints every disagreement and a last
line `N cases; A agree; K known; U unchecked; D disagree`; exit 1 if D > 0.
Python 3 standard library only.
"""

import argparse
import os
import re
import sqlite3
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import differential  # noqa: E402  (test/typing/differential.py)

CLASS = {
    "smallint": "integer", "integer": "integer", "bigint": "integer", "boolean": "integer",
    "real": "real", "double precision": "real",
    "numeric": "number",
    "text": "text", "character varying": "text", "character": "text", "date": "text",
    "timestamp without time zone": "text", "timestamp": "text", "json": "text", "uuid": "text",
    "bytea": "blob",
}


def ours(compile_cmd, cases, workdir):
    spec = os.path.join(workdir, "cases.yaml")
    with open(spec, "w", encoding="utf-8") as f:
        for n, (expr, _) in enumerate(cases):
            f.write("---\ndatabase: typing\nname: c%d\nschema:\n  sqlite:\n" % n)
            f.write("    - calculatedUpdate:\n        table: t\n        calculations:\n")
            f.write("          - column: out\n            expression: '%s'\n"
                    % expr.replace("'", "''"))
    proc = subprocess.run(compile_cmd + ["--dialect", "sqlite", "--emit=ir", "--error-limit", "0",
                                         spec, os.path.join(HERE, "table.yaml")],
                          capture_output=True, text=True)
    types, errors = differential.types_by_case(proc.stdout), {}
    # Errors, mapped back to a case by the document they are in.
    starts = []
    with open(spec, encoding="utf-8") as f:
        for lineno, text in enumerate(f, 1):
            if text.startswith("name: c"):
                starts.append(lineno)
    for line in proc.stderr.splitlines():
        m = re.match(r"^.*cases\.yaml:(\d+):\d+: error: (.*)$", line)
        if m:
            at = int(m.group(1))
            case = max(i for i, s in enumerate(starts) if s <= at)
            errors.setdefault(case, m.group(2))
    return types, errors


def theirs(expr):
    db = sqlite3.connect(":memory:")
    with open(os.path.join(HERE, "table.sql"), encoding="utf-8") as f:
        db.executescript(f.read())
    try:
        return db.execute("SELECT typeof(%s) FROM t" % expr).fetchone()[0], None
    except sqlite3.Error as e:
        return None, str(e)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--compile", required=True, help="schemahero-compile command")
    ap.add_argument("--workdir", required=True)
    args = ap.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    cases = differential.read_corpus(os.path.join(HERE, "corpus.txt"))
    types, errors = ours(args.compile.split(), cases, args.workdir)
    agree = known = unchecked = 0
    bad = []
    for n, (expr, why) in enumerate(cases):
        cls, err = theirs(expr)
        ty = types.get(n)
        if n in errors or ty is None:
            mine = "error: " + errors.get(n, "no type printed")
        else:
            mine = ty
        if err is not None or n in errors or ty is None:
            same = (err is not None) and (n in errors)
        elif ty == "any":
            unchecked += 1
            continue
        else:
            c = CLASS.get(ty, "?" + ty)
            same = cls == "null" or cls == c or (c == "number" and cls in ("integer", "real"))
        theirs_text = cls if err is None else "error: " + err
        if same and why:
            bad.append("stale known mark: %s (%s)" % (expr, why))
        elif same:
            agree += 1
        elif why:
            known += 1
            print("known: %s -- ours %s, SQLite %s (%s)" % (expr, mine, theirs_text, why))
        else:
            bad.append("%s -- ours %s, SQLite %s" % (expr, mine, theirs_text))
    for b in bad:
        print("DISAGREE: " + b)
    print("%d cases; %d agree; %d known; %d unchecked; %d disagree"
          % (len(cases), agree, known, unchecked, len(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
