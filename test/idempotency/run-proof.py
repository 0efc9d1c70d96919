#!/usr/bin/env python3
"""Proof of the idempotency verdicts against PostgreSQL 15.

Every case of corpus.txt is one UPDATE of the table `t` (table.yaml; the
same columns as the CREATE TABLE below):

    <column> = <expression>                 UPDATE t SET <column> = <expression>
    <column> = <expression> where <cond>    ... WHERE <cond>

Lines starting with '#' and blank lines are comments. All cases are compiled
in ONE run of `schemahero-compile plan --format json` (one DataMigration per
case, a calculatedUpdate of t), so the verdicts checked are the compiler's
own. Every case the compiler calls idempotent is then applied on a real
server to every generated value of its column's type, row by row: the
UPDATE runs once, the value is read back as text, the UPDATE runs again, and
the two texts must be the same (f(f(x)) = f(x), including the coercion to
the column type and the WHERE). A row on which the UPDATE raises an error
(a value too long for varchar(n), an invalid cast) is counted and skipped: a
failing migration is not a wrong verdict. The values are NULL, empty and
blank strings, whitespace runs of every kind, mixed case, unicode (final
sigma, dotted I, ligatures, full-width and non-breaking spaces), and built
from each case's own constants (the pattern, doubled, interleaved, with
spaces around it), plus numbers, dates and times around the interesting
boundaries. The session's TimeZone is America/New_York, so timestamptz and
date casts meet DST.

Any value on which PostgreSQL disagrees is listed (case, value, first and
second result) and the exit status is 1. With --trust-all every case is
tested whatever its verdict (to show the test can fail: the corpus holds
expressions that are not idempotent). Python 3 standard library only; psql
from PATH and the usual PG* environment variables.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

COLUMNS = [  # name, PostgreSQL type, value family
    ("txt", "text", "text"),
    ("vc", "varchar(12)", "text"),
    ("ch", "char(8)", "text"),
    ("num", "numeric", "num"),
    ("n52", "numeric(5,2)", "num"),
    ("i4", "integer", "int"),
    ("i8", "bigint", "int"),
    ("f8", "double precision", "float"),
    ("d", "date", "date"),
    ("ts", "timestamp", "ts"),
    ("tstz", "timestamptz", "ts"),
]

TEXT_VALUES = [
    None, "", " ", "  ", "\t", " \t\n ", "a", "A", "abc", "ABC", "aBc", "Abc Def", "abc def",
    "  lead", "trail  ", " both ", "two  spaces", "tab\there", "new\nline", "cr\r\nlf",
    "x  y   z", " - ", "-", "--", "---", "a-b-c", "555-123-4567", "(555) 123 4567",
    "ÄÖÜ äöü", "ß", "straße", "İstanbul", "ı", "ǅungla", "Σίσυφος", "ΣΑΣ", "ﬁne", "日本語 テキスト",
    "😀 ok", "a\u00a0b", "\u00a0x\u00a0", "em\u2003space", "\u3000wide\u3000", "ＡＢＣ",
    "123", "1.50", "0", "x", "cat", "cats", "catcat", "colour", "aab", "aabb", "abab", "aaaa",
    "O'Brien", "mc donald", "hello-world foo_bar", "a.b.c", "  MiXeD  CaSe  ",
]
NUM_VALUES = [None, "0", "-0", "1", "-1", "0.5", "-0.5", "1.5", "2.5", "-2.5", "1.005", "1.45",
              "1.50", "123.456", "-123.456", "99.99", "100", "101", "0.001", "15", "-15",
              "999.99", "-999.99", "12345.6789", "NaN", "0.0"]
INT_VALUES = [None, "0", "1", "-1", "2", "5", "10", "99", "100", "101", "-100", "150",
              "2147483647", "-2147483648"]
FLOAT_VALUES = [None, "0", "-0", "0.1", "0.5", "1.5", "2.5", "-2.5", "3.14159", "1e300",
                "-1e-300", "Infinity", "-Infinity", "NaN", "1.2345678901234567"]
DATE_VALUES = [None, "2024-01-01", "2024-01-31", "2024-02-29", "2023-12-31", "1999-07-15",
               "2024-03-10", "2024-11-03", "infinity", "-infinity"]
TS_VALUES = [None, "2024-01-01 00:00:00", "2024-01-31 23:59:59.999999", "2024-02-29 12:34:56.5",
             "2024-03-10 02:30:00", "2024-03-10 01:59:59", "2024-11-03 01:30:00",
             "2023-12-31 23:00:00", "1999-07-15 08:15:00", "infinity", "-infinity"]
FAMILY_VALUES = {"num": NUM_VALUES, "int": INT_VALUES, "float": FLOAT_VALUES,
                 "date": DATE_VALUES, "ts": TS_VALUES}

CASE_RE = re.compile(r"^(?P<col>\w+)\s*=\s*(?P<expr>.+?)(?:\s+where\s+(?P<where>.+))?$",
                     re.IGNORECASE)
STRING_RE = re.compile(r"'((?:[^']|'')*)'")


def read_corpus(path):
    cases = []
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = CASE_RE.match(line.strip())
        if not m or m.group("col") not in [c[0] for c in COLUMNS]:
            sys.exit("%s:%d: not a case: %s" % (path, n, line))
        cases.append((n, m.group("col"), m.group("expr"), m.group("where")))
    return cases


def text_values(cases):
    """The fixed strings, plus strings built from every constant of the corpus."""
    vals = list(TEXT_VALUES)
    for _, _, expr, where in cases:
        for k in STRING_RE.findall(expr + " " + (where or "")):
            k = k.replace("''", "'")
            if not k or "\\" in k:
                continue
            built = [k, k + k, k * 3, " " + k + " ", k.upper(), k.lower(), "x" + k + "y",
                     k[0] + k + k[1:], k[:-1] + k + k[-1:], k + " " + k]
            vals.extend(built)
    seen, out = set(), []
    for v in vals:
        if v not in seen:
            seen.add(v)
            out.append(v)
    return out


def sql_literal(v):
    if v is None:
        return "NULL"
    return "E'" + v.replace("\\", "\\\\").replace("'", "''").replace("\n", "\\n") \
        .replace("\r", "\\r").replace("\t", "\\t") + "'"


def spec_yaml(cases):
    out = [open(os.path.join(HERE, "table.yaml"), encoding="utf-8").read()]
    for i, (_, col, expr, where) in enumerate(cases):
        out.append("---\napiVersion: schemas.schemahero.io/v1alpha4\nkind: DataMigration\n"
                   "metadata:\n  name: c%d\nspec:\n  database: proof\n  name: c%d\n  schema:\n"
                   "    postgres:\n      - calculatedUpdate:\n          table: t\n"
                   "          calculations:\n            - column: %s\n              expression: %s\n"
                   % (i, i, col, json.dumps(expr)))
        if where:
            out.append("          where: %s\n" % json.dumps(where))
    return "".join(out)


def verdicts(compile_tool, yaml_path):
    proc = subprocess.run([compile_tool, "plan", "--format", "json", "--disable", "dependence",
                           yaml_path], capture_output=True, text=True)
    plan = json.loads(proc.stdout)
    errors = [d for d in plan["diagnostics"] if d.get("severity") == "error"]
    if errors:
        sys.exit("the corpus does not compile:\n" + "\n".join(
            "%s:%s: %s" % (d.get("line"), d.get("column"), d.get("message")) for d in errors))
    out = {}
    for m in plan["migrations"]:
        op = m["operations"][0]["idempotency"]
        out[int(m["name"][1:])] = (op["verdict"], op["reason"])
    return out


def build_script(cases, tested, values):
    lines = ["\\set ON_ERROR_STOP 1", "SET client_min_messages = notice;",
             "SET TimeZone = 'America/New_York';",
             "CREATE TEMP TABLE vals (id int PRIMARY KEY, %s);"
             % ", ".join("%s %s" % (c, t) for c, t, _ in COLUMNS)]
    rows = max(len(v) for v in values.values())
    lines.append("INSERT INTO vals (id) SELECT generate_series(0, %d);" % (rows - 1))
    # A value the column cannot hold (too long for char(8), out of range for
    # numeric(5,2)) leaves that cell NULL.
    lines.append("DO $fill$ BEGIN")
    for c, t, fam in COLUMNS:
        for i, v in enumerate(values[fam]):
            if v is not None:
                lines.append("  BEGIN UPDATE vals SET %s = %s WHERE id = %d; "
                             "EXCEPTION WHEN OTHERS THEN NULL; END;" % (c, sql_literal(v), i))
    lines.append("END $fill$;")
    for i in tested:
        _, col, expr, where = cases[i]
        cond = "id = r.id" + (" AND (%s)" % where if where else "")
        lines += [
            "BEGIN;", "CREATE TEMP TABLE t ON COMMIT DROP AS TABLE vals;",
            "DO $proof$ DECLARE r record; v1 text; v2 text; errs int := 0; n int := 0; BEGIN",
            "  FOR r IN SELECT min(id) AS id FROM t GROUP BY %s ORDER BY 1 LOOP" % col,
            "    BEGIN",
            "      UPDATE t SET %s = %s WHERE %s;" % (col, expr, cond),
            "      SELECT %s::text INTO v1 FROM t WHERE id = r.id;" % col,
            "      UPDATE t SET %s = %s WHERE %s;" % (col, expr, cond),
            "      SELECT %s::text INTO v2 FROM t WHERE id = r.id;" % col,
            "      n := n + 1;",
            "      IF v1 IS DISTINCT FROM v2 THEN",
            "        RAISE NOTICE 'DIFF c%d row %% once=[%%] twice=[%%]', r.id, v1, v2;" % i,
            "      END IF;",
            "    EXCEPTION WHEN OTHERS THEN errs := errs + 1;",
            "    END;",
            "  END LOOP;",
            "  RAISE NOTICE 'DONE c%d pairs=%% errors=%%', n, errs;" % i,
            "END $proof$;", "ROLLBACK;"]
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--compile", required=True)
    ap.add_argument("--corpus", default=os.path.join(HERE, "corpus.txt"))
    ap.add_argument("--workdir", default=None)
    ap.add_argument("--trust-all", action="store_true",
                    help="test every case, whatever its verdict")
    args = ap.parse_args()
    work = args.workdir or tempfile.mkdtemp(prefix="shc-proof-")
    os.makedirs(work, exist_ok=True)
    cases = read_corpus(args.corpus)
    yaml_path = os.path.join(work, "proof.yaml")
    with open(yaml_path, "w", encoding="utf-8") as f:
        f.write(spec_yaml(cases))
    verdict = verdicts(args.compile, yaml_path)
    tested = [i for i in range(len(cases))
              if args.trust_all or verdict[i][0] == "idempotent"]
    values = {"text": text_values(cases)}
    values.update(FAMILY_VALUES)
    script = build_script(cases, tested, values)
    with open(os.path.join(work, "proof.sql"), "w", encoding="utf-8") as f:
        f.write(script)
    proc = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f",
                           os.path.join(work, "proof.sql")], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit("psql failed:\n" + proc.stderr)
    diffs, pairs, errors = {}, 0, 0
    for line in proc.stderr.splitlines():
        m = re.search(r"NOTICE:  DIFF c(\d+) row (\d+) once=\[(.*)\] twice=\[(.*)\]", line)
        if m:
            diffs.setdefault(int(m.group(1)), []).append(m.group(2, 3, 4))
        m = re.search(r"NOTICE:  DONE c\d+ pairs=(\d+) errors=(\d+)", line)
        if m:
            pairs += int(m.group(1))
            errors += int(m.group(2))
    counts = {}
    for v, _ in verdict.values():
        counts[v] = counts.get(v, 0) + 1
    for i in sorted(diffs):
        line, col, expr, where = cases[i]
        print("DISAGREE corpus.txt:%d: %s = %s%s (verdict %s: %s)" % (
            line, col, expr, " where " + where if where else "", verdict[i][0], verdict[i][1]))
        for row, once, twice in diffs[i][:3]:
            print("  row %s: first run %s, second run %s" % (row, once, twice))
    print("%d cases: %d idempotent, %d not_idempotent, %d unknown" % (
        len(cases), counts.get("idempotent", 0), counts.get("not_idempotent", 0),
        counts.get("unknown", 0)))
    print("%d expressions tested: %d expression/value pairs (each distinct value of the "
          "column), %d raised an error; %d disagree" % (len(tested), pairs, errors, len(diffs)))
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
