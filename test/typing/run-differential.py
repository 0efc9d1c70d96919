#!/usr/bin/env python3
"""Differential typing test: schemahero-compile against PostgreSQL 15.

Every case of the corpus (test/typing/corpus/*.txt) is one statement over the
tables of test/typing/table.sql: an UPDATE of the table `t` (a calculatedUpdate
for us) or a whole statement (a customSQL with `validate: true` for us):

    set <column> = <expr>                 UPDATE t SET <column> = <expr>
    set <column> = <expr> where <cond>    UPDATE t SET <column> = <expr> WHERE <cond>
    where <cond>                          UPDATE t SET i4 = i4 WHERE <cond>
    sql <statement>                       <statement> (on t, p, q, r)

Lines starting with '#' and blank lines are comments. A comment line
`# known: <why>` marks the next case as a known difference: if the two sides
disagree on it, it is listed as such (not a failure); if they agree, the mark
is stale and that fails. All cases are compiled with our tool in ONE run (one
generated YAML, one DataMigration per case; the diagnostics are mapped back to
cases by YAML line), and checked by PostgreSQL in ONE psql session (errors
mapped back by script line), on empty tables:
  * UPDATE cases: `PREPARE cN AS UPDATE ...; EXECUTE cN;`. EXECUTE plans the
    statement, so errors PostgreSQL raises while folding constants at plan
    time count as rejections too; the table is empty, so nothing
    row-dependent is evaluated.
  * statement cases: `PREPARE cN AS <statement>; EXPLAIN EXECUTE cN;`. EXPLAIN
    plans (constant folding included) without running it, so an INSERT's
    NOT NULL or key violation, a run-time error, is not taken for an analysis
    error.
Then, after inserting the rows of seed.sql, every case runs once more as
`BEGIN; EXECUTE cN; ROLLBACK;`: errors there are run-time errors (value- or
data-dependent), reported but never a disagreement.

A case where one side accepts and the other rejects is a disagreement: all are
listed and the exit status is 1. Our side rejects when it reports an error; a
statement our grammar does not cover stays opaque (warning
custom-sql-not-analysed), which counts as accepting and is counted on the last
line. Where both reject, differing messages are listed as a report (not a
failure). Python 3 standard library only; psql from PATH and the usual PG*
environment variables.
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

Case = collections.namedtuple("Case", "file line column expr where sql known")

SET_RE = re.compile(r"^set\s+(?P<col>\w+)\s*=\s*(?P<rest>.+)$", re.IGNORECASE)
WHERE_RE = re.compile(r"^where\s+(?P<cond>.+)$", re.IGNORECASE)
SQL_RE = re.compile(r"^sql\s+(?P<stmt>.+)$", re.IGNORECASE)
KNOWN_RE = re.compile(r"^#\s*known:\s*(?P<why>.+)$")
# Our warnings that leave a case unchecked (accepted without analysis).
OPAQUE_RULES = ("custom-sql-not-analysed", "custom-sql-ddl")
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
            known = None
            for n, raw in enumerate(f, 1):
                text = raw.strip()
                if not text or text.startswith("#"):
                    m = KNOWN_RE.match(text)
                    if m:
                        known = m.group("why")
                    continue
                m = SET_RE.match(text)
                if m:
                    expr, where = split_where(m.group("rest"))
                    cases.append(Case(path, n, m.group("col"), expr, where, None, known))
                elif WHERE_RE.match(text):
                    cond = WHERE_RE.match(text).group("cond")
                    cases.append(Case(path, n, "i4", "i4", cond, None, known))
                elif SQL_RE.match(text):
                    stmt = SQL_RE.match(text).group("stmt")
                    cases.append(Case(path, n, None, None, None, stmt, known))
                else:
                    sys.exit("%s:%d: not a case: %s" % (path, n, text))
                known = None
    return cases


Table = collections.namedtuple("Table", "name columns primary_key not_null")

CREATE_RE = re.compile(r"CREATE TABLE (\w+) \((.*?)\n\);", re.DOTALL)
SPEC_KEY_RE = re.compile(r"--\s*spec-only primary key:\s*(\w+)")


def read_tables():
    """The Table specs, from the CREATE TABLE statements of table.sql: one
    `name type [PRIMARY KEY] [NOT NULL],` line per column, and maybe a
    `PRIMARY KEY (a, b)` line; a `-- spec-only primary key: col` comment
    gives the spec a key PostgreSQL's table does not have."""
    with open(os.path.join(HERE, "table.sql"), encoding="utf-8") as f:
        sql = f.read()
    tables = []
    for m in CREATE_RE.finditer(sql):
        cols, key, not_null = [], [], set()
        for line in m.group(2).splitlines():
            spec = SPEC_KEY_RE.search(line)
            if spec:
                key.append(spec.group(1))
            line = line.split("--")[0].strip().rstrip(",")
            if not line:
                continue
            pk = re.match(r"PRIMARY KEY \((.*)\)$", line)
            if pk:
                key += [c.strip() for c in pk.group(1).split(",")]
                continue
            name, typ = line.split(None, 1)
            if typ.endswith(" PRIMARY KEY"):
                typ = typ[:-len(" PRIMARY KEY")]
                key.append(name)
            if typ.endswith(" NOT NULL"):
                typ = typ[:-len(" NOT NULL")]
                not_null.add(name)
            cols.append((name, typ))
        tables.append(Table(m.group(1), cols, key, not_null))
    if not tables or tables[0].name != "t":
        sys.exit("table.sql: the first table must be t")
    return sql, tables


def yaml_block(text, indent):
    return "|-\n" + " " * indent + text + "\n"


def write_yaml(path, cases, tables):
    """The Tables and one DataMigration per case; returns {yaml line: case index}."""
    out = []
    for t in tables:
        if out:
            out.append("---")
        out += ["apiVersion: schemas.schemahero.io/v1alpha4", "kind: Table",
                "metadata:", "  name: " + t.name, "spec:", "  database: typing",
                "  name: " + t.name, "  schema:", "    postgres:",
                "      primaryKey: [%s]" % ", ".join(t.primary_key), "      columns:"]
        for name, typ in t.columns:
            out.append("        - name: %s" % name)
            out.append("          type: %s" % typ)
            if name in t.not_null:
                out += ["          constraints:", "            notNull: true"]
    owner = {}
    for i, c in enumerate(cases):
        first = len(out) + 1
        out += ["---", "apiVersion: schemas.schemahero.io/v1alpha4",
                "kind: DataMigration", "metadata:", "  name: c%d" % i, "spec:",
                "  database: typing", "  name: c%d" % i, "  schema:", "    postgres:"]
        if c.sql is not None:
            out += ["      - customSQL:", "          validate: true",
                    "          sql: |-", "            " + c.sql]
        else:
            out += ["      - calculatedUpdate:", "          table: t",
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
    # dependence and lint have nothing to say about typing.
    proc = subprocess.run([tool, "compile", yaml_path, "--error-limit", "0", "--color", "never",
                           "-o", os.devnull, "--disable", "dependence", "lint"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    errors = [None] * ncases
    warnings = [None] * ncases
    opaque = [None] * ncases
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
        elif m.group("rule") in OPAQUE_RULES:
            target = opaque
        else:
            continue  # lint warnings (update-without-where, ...) are not typing
        if target[idx] is None:
            target[idx] = (m.group("msg"), m.group("rule"))
    if proc.returncode not in (0, 1):
        sys.exit("schemahero-compile exited %d:\n%s" % (proc.returncode, proc.stderr))
    if proc.returncode == 1 and not any(errors):
        sys.exit("schemahero-compile failed without a case error:\n" + proc.stderr)
    return errors, warnings, opaque


def case_sql(c):
    if c.sql is not None:
        return c.sql
    sql = "UPDATE t SET %s = %s" % (c.column, c.expr)
    if c.where:
        sql += " WHERE " + c.where
    return sql


def run_postgres(table_sql, cases, workdir):
    """First error per case and stage: 'parse' (PREPARE), 'plan' (EXECUTE of an
    UPDATE on the empty table, EXPLAIN EXECUTE of a statement: constant
    folding) or 'run' (EXECUTE, rolled back, on the rows of seed.sql)."""
    with open(os.path.join(HERE, "seed.sql"), encoding="utf-8") as f:
        seed = f.read()
    script = os.path.join(workdir, "cases.sql")
    db = "shc_typing_%d" % os.getpid()
    lines = ["\\set VERBOSITY default", "SET client_min_messages = error;"]
    lines += table_sql.splitlines()
    stage_of = {}
    for i, c in enumerate(cases):
        stage_of[len(lines) + 1] = (i, "parse")
        lines.append("PREPARE c%d AS %s;" % (i, case_sql(c).replace("\n", " ")))
        stage_of[len(lines) + 1] = (i, "plan")
        lines.append(("EXPLAIN EXECUTE c%d;" if c.sql is not None else "EXECUTE c%d;") % i)
    lines += seed.splitlines()
    for i in range(len(cases)):
        stage_of[len(lines) + 1] = (i, "run")
        lines.append("BEGIN; EXECUTE c%d; ROLLBACK;" % i)
    with open(script, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    subprocess.run(["createdb", db], check=True)
    try:
        proc = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=0", "-d", db,
                               "-f", script], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
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


def classify(us, warn, opaque, pg):
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
        if opaque is not None and pg[0] != "run":
            return "not analysed (opaque statement), PostgreSQL rejects", False
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
    table_sql, tables = read_tables()
    workdir = args.workdir or tempfile.mkdtemp(prefix="shc-typing-")
    os.makedirs(workdir, exist_ok=True)
    yaml_path = os.path.join(workdir, "cases.yaml")
    owner = write_yaml(yaml_path, cases, tables)
    ours, warns, opaques = run_ours(args.compile, yaml_path, owner, len(cases))
    theirs = run_postgres(table_sql, cases, workdir)

    groups = collections.OrderedDict()
    counts = collections.Counter()
    failures = 0
    msgdiff = []
    known = []
    statements = sum(1 for c in cases if c.sql is not None)
    opaque = sum(1 for c, o in zip(cases, opaques) if c.sql is not None and o is not None)
    for i, c in enumerate(cases):
        us, warn, pg = ours[i], warns[i], theirs[i]
        verdict, fails = classify(us, warn, opaques[i], pg)
        ours_text = us[0] if us else (warn[0] if warn else (opaques[i][0] if opaques[i] else "ok"))
        line = "%s:%d: %s\n    ours: %s\n    pg:   %s" % (
            os.path.relpath(c.file, HERE), c.line, case_sql(c),
            ours_text, "%s (%s)" % (pg[1], pg[0]) if pg else "ok")
        if c.known:
            if fails:
                known.append(line + "\n    known: " + c.known)
                counts["known difference"] += 1
                continue
            verdict, fails = "marked `# known:` but the two sides agree (remove the mark)", True
        counts[verdict] += 1
        failures += fails
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
    if known:  # always listed: each is a bug or gap of ours that is not fixed yet
        print("== known differences (not a failure; see the `# known:` comments): %d =="
              % len(known))
        print("\n".join(known))
    for verdict, n in sorted(counts.items()):
        print("  %4d  %s" % (n, verdict))
    print("  %4d  both reject with the same message" % (counts["both reject"] - len(msgdiff)))
    print("%d cases; %d disagree; %d statements, %d not analysed (opaque); %d known differences"
          % (len(cases), failures, statements, opaque, len(known)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
