#!/usr/bin/env python3
"""Differential typing test: schemahero-compile's MySQL checker against MariaDB.

corpus.txt holds expressions over the table of table.sql, and assignments
`column := value`. We compile all of them in ONE run (--dialect mysql
--emit=ir): an expression is a calculatedUpdate `out = <expr>`, whose type
--emit=ir prints; an assignment is a staticUpdate of that column. MariaDB
(the server scripts/test starts, through the `mariadb` client):
  - types an expression with CREATE TABLE r AS SELECT <expr> ... WHERE 1 = 0
    and information_schema.columns (no row is read, so only the expression's
    type and validity count, not the seed values);
  - runs an assignment as UPDATE t SET column = value in its default strict
    mode, in a transaction it rolls back, and reads SHOW WARNINGS.

Types are compared by class (integer, decimal, double, string, date,
datetime, time, binary); NULL typed expressions match anything. A verdict on
an assignment is error, warning (a note or warning from the server; our
value-truncated) or ok. Any difference is a disagreement, except a case
marked `# known: <why>` (listed; a stale mark fails). A function outside
our catalogue is a warning (unknown-function: a stored function of that
name may exist on the server), which counts as reporting the server's
error. A false accept (we
accept, the server refuses) is always counted as a disagreement. Prints every
disagreement and a last line `N cases; A agree; K known; D disagree
(F false accepts)`; exit 1 if D > 0. Python 3 standard library only.
"""

import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import differential  # noqa: E402  (test/typing/differential.py)

OURS = {
    "smallint": "integer", "integer": "integer", "bigint": "integer", "boolean": "integer",
    "numeric": "decimal", "real": "double", "double precision": "double",
    "text": "string", "character varying": "string", "character": "string", "bpchar": "string",
    "json": "string", "uuid": "string",
    "date": "date", "timestamp without time zone": "datetime",
    "timestamp with time zone": "datetime", "time without time zone": "time",
    "bytea": "binary",
}
THEIRS = {
    "tinyint": "integer", "smallint": "integer", "mediumint": "integer", "int": "integer",
    "bigint": "integer", "decimal": "decimal", "double": "double", "float": "double",
    "varchar": "string", "char": "string", "text": "string", "tinytext": "string",
    "mediumtext": "string", "longtext": "string", "uuid": "string",
    "date": "date", "datetime": "datetime", "timestamp": "datetime", "time": "time",
    "varbinary": "binary", "binary": "binary", "blob": "binary", "longblob": "binary",
    "mediumblob": "binary", "tinyblob": "binary", "null": "null",
}


def read_corpus(path):
    """[(assignment or None, line, known)]: `column := value` is an assignment."""
    cases = []
    for line, known in differential.read_corpus(path):
        m = re.match(r"^(\w+) := (.*)$", line)
        cases.append((m.groups() if m else None, line, known))
    return cases


def ours(compile_cmd, cases, workdir):
    spec = os.path.join(workdir, "cases.yaml")
    starts = []
    with open(spec, "w", encoding="utf-8") as f:
        line = 1
        for n, (assign, expr, _) in enumerate(cases):
            f.write("---\ndatabase: typing\nname: c%d\nschema:\n  mysql:\n" % n)
            starts.append(line + 2)
            if assign:
                f.write("    - staticUpdate:\n        table: t\n        where: id = 1\n")
                # A SQL literal is its own YAML scalar: '...' with '' quotes
                # SQL's way and YAML's alike, and a number is plain.
                f.write("        set:\n          %s: %s\n" % (assign[0], assign[1]))
                line += 10
            else:
                f.write("    - calculatedUpdate:\n        table: t\n        where: id = 1\n")
                f.write("        calculations:\n          - column: out\n")
                f.write("            expression: '%s'\n" % expr.replace("'", "''"))
                line += 11
    proc = subprocess.run(compile_cmd + ["--dialect", "mysql", "--emit=ir", "--error-limit", "0",
                                         spec, os.path.join(HERE, "table.yaml")],
                          capture_output=True, text=True)
    types, verdicts = differential.types_by_case(proc.stdout), {}
    for text in proc.stderr.splitlines():
        m = re.match(r"^.*cases\.yaml:(\d+):\d+: (error|warning): (.*)$", text)
        if not m:
            continue
        at = int(m.group(1))
        case = max(i for i, s in enumerate(starts) if s <= at)
        kind, message = m.group(2), m.group(3)
        if kind == "error":
            verdicts[case] = "error: " + message
        elif message.endswith("[value-truncated]") and case not in verdicts:
            verdicts[case] = "warning: " + message
        elif message.endswith("[unknown-function]") and case not in verdicts:
            verdicts[case] = "reported: " + message
    return types, verdicts


def server(sock, sql):
    r = subprocess.run(["mariadb", "-S", sock, "-u", "root", "-N", "-B", "shc_typing", "-e", sql],
                       capture_output=True, text=True)
    err = r.stderr.strip().splitlines()
    return r.stdout, (err[-1] if r.returncode else None)


def theirs_expr(sock, expr):
    out, err = server(sock, "CREATE OR REPLACE TABLE r AS SELECT %s AS c FROM t WHERE 1 = 0; "
                            "SELECT DATA_TYPE FROM information_schema.columns WHERE "
                            "TABLE_SCHEMA = 'shc_typing' AND TABLE_NAME = 'r'" % expr)
    if err:
        return None, err
    return out.strip(), None


def theirs_assign(sock, column, value):
    out, err = server(sock, "START TRANSACTION; UPDATE t SET `%s` = %s WHERE id = 1; "
                            "SHOW WARNINGS; ROLLBACK" % (column, value))
    if err:
        return "error: " + err
    return "warning: " + out.strip().replace("\t", " ") if out.strip() else "ok"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--compile", required=True, help="schemahero-compile command")
    ap.add_argument("--socket", required=True, help="MariaDB's unix socket")
    ap.add_argument("--workdir", required=True)
    args = ap.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    setup = open(os.path.join(HERE, "table.sql"), encoding="utf-8").read()
    subprocess.run(["mariadb", "-S", args.socket, "-u", "root", "-e",
                    "CREATE DATABASE IF NOT EXISTS shc_typing"], check=True)
    subprocess.run(["mariadb", "-S", args.socket, "-u", "root", "shc_typing"], input=setup,
                   text=True, check=True)
    cases = read_corpus(os.path.join(HERE, "corpus.txt"))
    types, verdicts = ours(args.compile.split(), cases, args.workdir)
    agree = known = false_accepts = 0
    bad = []
    for n, (assign, expr, why) in enumerate(cases):
        mine_verdict = verdicts.get(n)
        if assign:
            theirs = theirs_assign(args.socket, assign[0], assign[1])
            mine = mine_verdict or "ok"
            same = mine.split(":")[0] == theirs.split(":")[0]
            accepts_wrongly = theirs.startswith("error") and not mine.startswith("error")
        else:
            ty, err = theirs_expr(args.socket, expr)
            theirs = ("error: " + err) if err else ty
            if mine_verdict and mine_verdict.startswith("error"):
                mine = mine_verdict
                same = err is not None
            elif mine_verdict and mine_verdict.startswith("reported"):
                mine = mine_verdict  # a function we do not know: a stored one may exist
                same = err is not None
            elif n not in types:
                mine = "no type printed"
                same = False
            else:
                mine = types[n]
                c = OURS.get(mine, "?" + mine)
                same = err is None and (THEIRS.get(ty, "?" + ty) in (c, "null"))
            accepts_wrongly = err is not None and not mine.startswith(("error", "reported"))
        if same and why:
            bad.append("stale known mark: %s (%s)" % (expr, why))
        elif same:
            agree += 1
        elif why and not accepts_wrongly:
            known += 1
            print("known: %s -- ours %s, MariaDB %s (%s)" % (expr, mine, theirs, why))
        else:
            false_accepts += accepts_wrongly
            bad.append("%s -- ours %s, MariaDB %s" % (expr, mine, theirs))
    for b in bad:
        print("DISAGREE: " + b)
    print("%d cases; %d agree; %d known; %d disagree (%d false accepts)"
          % (len(cases), agree, known, len(bad), false_accepts))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
