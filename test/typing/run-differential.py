#!/usr/bin/env python3
"""Differential typing test: schemahero-compile against PostgreSQL 15.

Every case of the corpus (test/typing/corpus/*.txt) is one UPDATE on the fixed
table `t` of test/typing/table.sql:

    set <column> = <expr>                 UPDATE t SET <column> = <expr>
    set <column> = <expr> where <cond>    UPDATE t SET <column> = <expr> WHERE <cond>
    where <cond>                          UPDATE t SET i4 = i4 WHERE <cond>

Lines starting with '#' and blank lines are comments. All cases are compiled
with our tool in ONE run (one generated YAML, one DataMigration per case; the
diagnostics are mapped back to cases by YAML line), and checked by PostgreSQL
in ONE psql session: `PREPARE cN AS UPDATE ...; EXECUTE cN;` per line of a
script on an empty table (errors mapped back by script line). EXECUTE plans
the statement, so errors PostgreSQL raises while folding constants at plan
time count as rejections too; the table is empty, so nothing row-dependent is
evaluated.

A case where one side accepts and the other rejects is a disagreement: all are
listed and the exit status is 1. Where both reject, differing messages are
listed as a report (not a failure). Python 3 standard library only; psql from
PATH and the usual PG* environment variables.
"""

import argparse
import collections
import glob
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

Case = collections.namedtuple("Case", "file line column expr where")

SET_RE = re.compile(r"^set\s+(?P<col>\w+)\s*=\s*(?P<rest>.+)$", re.IGNORECASE)
WHERE_RE = re.compile(r"^where\s+(?P<cond>.+)$", re.IGNORECASE)
DIAG_RE = re.compile(
    r"^(?P<file>.*?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): "
    r"(?P<msg>.*?)(?: \[(?P<rule>[\w-]+)\])?$")
PSQL_RE = re.compile(r"^psql:(?P<file>.*?):(?P<line>\d+): ERROR:\s+(?P<msg>.*)$")


def split_where(text):
    """Splits `expr where cond` at a WHERE outside parentheses and quotes."""
    depth, quote = 0, None
    for i, ch in enumerate(text):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0 and re.match(r"\swhere\s", text[i:i + 7], re.IGNORECASE):
            return text[:i].strip(), text[i + 7:].strip()
    return text, None


def parse_corpus(paths):
    cases = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for n, raw in enumerate(f, 1):
                text = raw.strip()
                if not text or text.startswith("#"):
                    continue
                m = SET_RE.match(text)
                if m:
                    expr, where = split_where(m.group("rest"))
                    cases.append(Case(path, n, m.group("col"), expr, where))
                    continue
                m = WHERE_RE.match(text)
                if not m:
                    sys.exit("%s:%d: not a case: %s" % (path, n, text))
                cases.append(Case(path, n, "i4", "i4", m.group("cond")))
    return cases


def read_table():
    """The Table spec columns, from table.sql: `name type,` lines."""
    with open(os.path.join(HERE, "table.sql"), encoding="utf-8") as f:
        sql = f.read()
    body = sql[sql.index("(") + 1:sql.rindex(")")]
    cols = []
    for line in body.splitlines():
        line = line.split("--")[0].strip().rstrip(",")
        if line:
            name, typ = line.split(None, 1)
            cols.append((name, typ))
    return sql, cols


def yaml_block(text, indent):
    return "|-\n" + " " * indent + text + "\n"


def write_yaml(path, cases, cols):
    """One Table and one DataMigration per case; returns {yaml line: case index}."""
    out = ["apiVersion: schemas.schemahero.io/v1alpha4", "kind: Table",
           "metadata:", "  name: t", "spec:", "  database: typing", "  name: t",
           "  schema:", "    postgres:", "      primaryKey: [i4]", "      columns:"]
    for name, typ in cols:
        out.append("        - name: %s" % name)
        out.append("          type: %s" % typ)
    owner = {}
    for i, c in enumerate(cases):
        first = len(out) + 1
        out += ["---", "apiVersion: schemas.schemahero.io/v1alpha4",
                "kind: DataMigration", "metadata:", "  name: c%d" % i, "spec:",
                "  database: typing", "  name: c%d" % i, "  schema:", "    postgres:",
                "      - calculatedUpdate:", "          table: t",
                "          calculations:", "            - column: %s" % c.column,
                "              expression: |-", "                " + c.expr]
        if c.where:
            out += ["          where: |-", "            " + c.where]
        for line in range(first, len(out) + 1):
            owner[line] = i
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    return owner


def run_ours(tool, yaml_path, owner, ncases):
    # dependence and lint have nothing to say about typing (and dependence is
    # quadratic over a thousand migrations writing the same table).
    proc = subprocess.run([tool, "compile", yaml_path, "--error-limit", "0", "--color", "never",
                           "-o", os.devnull, "--disable", "dependence", "lint"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    errors = [None] * ncases
    warnings = [None] * ncases
    for line in proc.stderr.splitlines():
        m = DIAG_RE.match(line)
        if not m:
            continue
        if os.path.basename(m.group("file")) != os.path.basename(yaml_path):
            continue
        idx = owner.get(int(m.group("line")))
        if idx is None:
            sys.exit("diagnostic outside any case: " + line)
        if m.group("sev") == "error":
            target = errors
        elif m.group("rule") == "unknown-function":
            target = warnings
        else:
            continue  # lint warnings (update-without-where, ...) are not typing
        if target[idx] is None:
            target[idx] = (m.group("msg"), m.group("rule"))
    if proc.returncode not in (0, 1):
        sys.exit("schemahero-compile exited %d:\n%s" % (proc.returncode, proc.stderr))
    if proc.returncode == 1 and not any(errors):
        sys.exit("schemahero-compile failed without a case error:\n" + proc.stderr)
    return errors, warnings


def update_sql(c):
    sql = "UPDATE t SET %s = %s" % (c.column, c.expr)
    if c.where:
        sql += " WHERE " + c.where
    return sql


def run_postgres(table_sql, cases, workdir):
    """First error per case and stage: 'parse' (PREPARE), 'plan' (EXECUTE on
    the empty table: constant folding) or 'run' (EXECUTE, rolled back, on the
    one row of seed.sql)."""
    with open(os.path.join(HERE, "seed.sql"), encoding="utf-8") as f:
        seed = f.read()
    script = os.path.join(workdir, "cases.sql")
    db = "shc_typing_%d" % os.getpid()
    lines = ["\\set VERBOSITY default", "SET client_min_messages = error;"]
    lines += table_sql.splitlines()
    stage_of = {}
    for i, c in enumerate(cases):
        stage_of[len(lines) + 1] = (i, "parse")
        lines.append("PREPARE c%d AS %s;" % (i, update_sql(c).replace("\n", " ")))
        stage_of[len(lines) + 1] = (i, "plan")
        lines.append("EXECUTE c%d;" % i)
    lines += seed.splitlines()
    for i in range(len(cases)):
        stage_of[len(lines) + 1] = (i, "run")
        lines.append("BEGIN; EXECUTE c%d; ROLLBACK;" % i)
    with open(script, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    subprocess.run(["createdb", db], check=True)
    try:
        proc = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=0", "-d", db,
                               "-f", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
    finally:
        subprocess.run(["dropdb", "--if-exists", db], check=False)
    errors = [None] * len(cases)
    for line in proc.stderr.splitlines():
        m = PSQL_RE.match(line)
        if not m:
            continue
        where = stage_of.get(int(m.group("line")))
        if where is None:
            sys.exit("setup failed: " + line)
        idx, stage = where
        if errors[idx] is None:
            errors[idx] = (stage, m.group("msg"))
    return errors


def classify(us, warn, pg):
    """(verdict, fails): how our answer compares with PostgreSQL's."""
    if us is not None and us[1] == "unsupported-construct":
        return "unsupported construct (we refuse, pointing at customSQL)", False
    if us is None and pg is None:
        return "both accept", False
    if us is not None and pg is not None:
        if pg[0] == "run":
            return "both reject (PostgreSQL only at run time)", False
        return "both reject", False
    if us is None:
        if warn is not None:
            return "not type-checked (our warning), PostgreSQL rejects", False
        if pg[0] == "run":
            return "we accept, PostgreSQL rejects at run time (value-dependent)", False
        return "we accept, PostgreSQL rejects", True
    return "we reject, PostgreSQL accepts", True


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--compile", required=True, help="path to schemahero-compile")
    ap.add_argument("--workdir", help="keep generated files here")
    ap.add_argument("--report", action="store_true",
                    help="also list the non-failing differences (messages, run time, ...)")
    ap.add_argument("corpus", nargs="*", help="corpus files (default: corpus/*.txt)")
    args = ap.parse_args()

    paths = args.corpus or sorted(glob.glob(os.path.join(HERE, "corpus", "*.txt")))
    cases = parse_corpus(paths)
    table_sql, cols = read_table()
    workdir = args.workdir or tempfile.mkdtemp(prefix="shc-typing-")
    os.makedirs(workdir, exist_ok=True)
    yaml_path = os.path.join(workdir, "cases.yaml")
    owner = write_yaml(yaml_path, cases, cols)
    ours, warns = run_ours(args.compile, yaml_path, owner, len(cases))
    theirs = run_postgres(table_sql, cases, workdir)

    groups = collections.OrderedDict()
    counts = collections.Counter()
    failures = 0
    msgdiff = []
    for i, c in enumerate(cases):
        us, warn, pg = ours[i], warns[i], theirs[i]
        verdict, fails = classify(us, warn, pg)
        counts[verdict] += 1
        failures += fails
        line = "%s:%d: %s\n    ours: %s\n    pg:   %s" % (
            os.path.relpath(c.file, HERE), c.line, update_sql(c),
            us[0] if us else (warn[0] if warn else "ok"), "%s (%s)" % (pg[1], pg[0]) if pg else "ok")
        if verdict == "both reject" and us[0] != pg[1]:
            msgdiff.append(line)
        elif verdict not in ("both accept", "both reject"):
            groups.setdefault((not fails, verdict), []).append(line)
    for (report_only, verdict), lines in sorted(groups.items()):
        if report_only and not args.report:
            continue
        print("== %s%s: %d ==" % (verdict, "" if report_only else " (FAIL)", len(lines)))
        print("\n".join(lines))
    if args.report and msgdiff:
        print("== both reject, different message: %d ==" % len(msgdiff))
        print("\n".join(msgdiff))
    print("%d cases; %d disagree" % (len(cases), failures))
    for verdict, n in sorted(counts.items()):
        print("  %4d  %s" % (n, verdict))
    print("  %4d  both reject with the same message" % (counts["both reject"] - len(msgdiff)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
