#!/usr/bin/env python3
"""Concurrent applies of a non-idempotent migration must apply it once.

race.py TOOL INPUTS_DIR ROUNDS

For each round and each way of applying (apply on PostgreSQL, `psql -f` of the
compiled file, apply through the CockroachDB code path) and each starting
state (a fresh database; one whose ledger already has a migration), it creates
a database, seeds counters.sql, starts N processes at once, waits for them,
and checks:

- every process exits 0, or fails saying that another apply holds the lock;
- every counter row was changed exactly once (a = 1 and b = 1);
- the ledger holds exactly one row per migration.

It prints one line per scenario and exits 1 when any check failed. The
migration sleeps after its ledger check, so without a lock the processes all
pass the check before the first commits: a race fails the test with high
probability (docs/apply.md says how this was verified).
"""
import os
import subprocess
import sys
import time

TOOL, INPUTS, ROUNDS = sys.argv[1], sys.argv[2], int(sys.argv[3])
SEED = os.path.join(INPUTS, "counters.sql")
SPECS = [os.path.join(INPUTS, f) for f in ("schema.yaml", "earlier.yaml", "bump.yaml")]
PSQL = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1"]
BUSY = "another apply holds the lock"


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def must(cmd):
    r = run(cmd)
    if r.returncode != 0:
        sys.exit("failed: %s\n%s%s" % (" ".join(cmd), r.stdout, r.stderr))
    return r.stdout


def uri(db):
    return "postgresql:///%s?host=%s&user=postgres" % (db, os.environ["PGHOST"])


def query(db, sql):
    return must(PSQL + ["-A", "-t", "-F", "|", "-d", db, "-c", sql]).split()


def fresh_db(db, with_ledger, dialect):
    run(["dropdb", "--if-exists", db])
    must(["createdb", db])
    must(PSQL + ["-d", db, "-f", SEED])
    if with_ledger:
        must([TOOL, "apply", "--dialect", dialect, "--uri", uri(db), SPECS[0], SPECS[1]])


def commands(way, db, sql_file):
    if way == "psql -f":
        return [PSQL + ["-d", db, "-f", sql_file]] * 4
    dialect = "cockroachdb" if way == "apply cockroachdb" else "postgres"
    base = [TOOL, "apply", "--dialect", dialect, "--uri", uri(db)] + SPECS
    # Two of the eight give up quickly when another apply holds the lock.
    return [base] * 6 + [base + ["--lock-timeout", "50ms"]] * 2


def check_round(way, db, results):
    problems = []
    for cmd, r in results:
        if r.returncode != 0 and BUSY not in r.stderr:
            lines = [l for l in (r.stderr + r.stdout).splitlines() if "ERROR" in l or "error" in l]
            problems.append("exit %d: %s" % (r.returncode, (lines or ["(no message)"])[0][:200]))
    counts = query(db, "SELECT a, b, count(*) FROM counters GROUP BY a, b ORDER BY a, b")
    if counts != ["1|1|200"]:
        problems.append("counters (a|b|rows): %s, expected 1|1|200" % " ".join(counts))
    names = query(db, "SELECT name FROM schemahero_data_migrations ORDER BY name")
    if names != ["bump-a", "bump-b", "earlier"]:
        problems.append("ledger rows: %s" % " ".join(names))
    return problems


def main():
    scratch = os.environ.get("TMPDIR", "/tmp")
    sql = {}
    for dialect in ("postgres", "cockroachdb"):
        sql[dialect] = os.path.join(scratch, "shc-race-%d-%s.sql" % (os.getpid(), dialect))
        must([TOOL, "--dialect", dialect, "-o", sql[dialect]] + SPECS)
    failed = 0
    start = time.monotonic()
    for way in ("apply postgres", "psql -f", "apply cockroachdb"):
        dialect = "cockroachdb" if way == "apply cockroachdb" else "postgres"
        for with_ledger in (False, True):
            state = "with a ledger" if with_ledger else "fresh"
            procs = exits = busy = 0
            problems = []
            for rnd in range(ROUNDS):
                db = "shc_race_%d_%d" % (os.getpid(), rnd)
                fresh_db(db, with_ledger, dialect)
                cmds = commands(way, db, sql[dialect])
                running = [(c, subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                                text=True)) for c in cmds]
                results = []
                for c, p in running:
                    out, err = p.communicate(timeout=60)
                    results.append((c, subprocess.CompletedProcess(c, p.returncode, out, err)))
                procs += len(results)
                exits += sum(r.returncode == 0 for _, r in results)
                busy += sum(r.returncode != 0 and BUSY in r.stderr for _, r in results)
                problems += ["round %d: %s" % (rnd + 1, p) for p in check_round(way, db, results)]
                run(["dropdb", "--if-exists", db])
            status = "FAILED" if problems else "ok"
            print("%s, %s: %s (%d rounds, %d processes: %d exit 0, %d another apply holds the "
                  "lock)" % (way, state, status, ROUNDS, procs, exits, busy))
            for p in problems[:3]:
                print("  " + p)
            if len(problems) > 3:
                print("  ... %d more" % (len(problems) - 3))
            failed += bool(problems)
    for f in sql.values():
        os.unlink(f)
    print("%d of 6 scenarios failed in %.1f s" % (failed, time.monotonic() - start),
          file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
