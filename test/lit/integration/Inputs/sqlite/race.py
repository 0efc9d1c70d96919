#!/usr/bin/env python3
"""Concurrent applies of a non-idempotent migration to one SQLite file apply it once.

race.py TOOL INPUTS_DIR ROUNDS [ddl|specs]

ddl (the default) applies the compiled file bump.sql with `apply --ddl`;
specs applies schema.yaml, earlier.yaml and bump.yaml (needs the SQLite
emitter). For each round, each starting state (a fresh database file; one
whose ledger already has a migration) and each journal mode (rollback
journal, WAL), it creates a database file, seeds counters.sql, starts 8
applies at once (2 with --lock-timeout 50ms), waits for them, and checks:

- every process exits 0, or fails saying that another apply holds the lock;
- every counter row was changed exactly once (a = 1 and b = 1);
- the ledger holds exactly one row per migration.

It prints one line per scenario and exits 1 when any check failed. The data
is read with python3's sqlite3 module, not with the tool under test.
"""
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

TOOL, INPUTS, ROUNDS = sys.argv[1], sys.argv[2], int(sys.argv[3])
MODE = sys.argv[4] if len(sys.argv) > 4 else "ddl"
BUSY = "another apply holds the lock"


def inputs(*names):
    return [os.path.join(INPUTS, n) for n in names]


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def apply_cmd(db, what):
    base = [TOOL, "apply", "--dialect", "sqlite", "--uri", "sqlite://" + db]
    if MODE == "ddl":
        return base + ["--ddl"] + inputs(what + ".sql")
    return base + inputs("schema.yaml", "earlier.yaml") + (inputs("bump.yaml") if what == "bump" else [])


def fresh_db(db, with_ledger, wal):
    con = sqlite3.connect(db)
    if wal:
        con.execute("PRAGMA journal_mode = WAL")
    with open(inputs("counters.sql")[0]) as f:
        con.executescript(f.read())
    con.close()
    if with_ledger:
        r = run(apply_cmd(db, "earlier"))
        if r.returncode != 0:
            sys.exit("failed to apply earlier: %s%s" % (r.stdout, r.stderr))


def query(db, sql):
    con = sqlite3.connect(db)
    rows = con.execute(sql).fetchall()
    con.close()
    return ["|".join(str(v) for v in row) for row in rows]


def check_round(db, results, with_ledger):
    problems = []
    for r in results:
        if r.returncode != 0 and BUSY not in r.stderr:
            lines = [l for l in (r.stderr + r.stdout).splitlines() if "error" in l]
            problems.append("exit %d: %s" % (r.returncode, (lines or ["(no message)"])[0][:200]))
    counts = query(db, "SELECT a, b, count(*) FROM counters GROUP BY a, b ORDER BY a, b")
    if counts != ["1|1|200"]:
        problems.append("counters (a|b|rows): %s, expected 1|1|200" % " ".join(counts))
    names = query(db, "SELECT name FROM schemahero_data_migrations ORDER BY name")
    expected = ["bump-a", "bump-b"] + (["earlier"] if with_ledger or MODE == "specs" else [])
    if names != expected:
        problems.append("ledger rows: %s" % " ".join(names))
    return problems


def main():
    failed = 0
    start = time.monotonic()
    scratch = tempfile.mkdtemp(prefix="shc-sqlite-race-")
    for wal in (False, True):
        for with_ledger in (False, True):
            state = ("with a ledger" if with_ledger else "fresh") + (", WAL" if wal else "")
            procs = exits = busy = 0
            problems = []
            for rnd in range(ROUNDS):
                db = os.path.join(scratch, "race-%d.db" % rnd)
                fresh_db(db, with_ledger, wal)
                cmd = apply_cmd(db, "bump")
                cmds = [cmd] * 6 + [cmd + ["--lock-timeout", "50ms"]] * 2
                running = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                            text=True) for c in cmds]
                results = []
                for c, p in zip(cmds, running):
                    out, err = p.communicate(timeout=120)
                    results.append(subprocess.CompletedProcess(c, p.returncode, out, err))
                procs += len(results)
                exits += sum(r.returncode == 0 for r in results)
                busy += sum(r.returncode != 0 and BUSY in r.stderr for r in results)
                problems += ["round %d: %s" % (rnd + 1, p)
                             for p in check_round(db, results, with_ledger)]
                for suffix in ("", "-journal", "-wal", "-shm"):
                    if os.path.exists(db + suffix):
                        os.unlink(db + suffix)
            status = "FAILED" if problems else "ok"
            print("apply sqlite %s, %s: %s (%d rounds, %d processes: %d exit 0, %d another apply "
                  "holds the lock)" % (MODE, state, status, ROUNDS, procs, exits, busy))
            for p in problems[:3]:
                print("  " + p)
            if len(problems) > 3:
                print("  ... %d more" % (len(problems) - 3))
            failed += bool(problems)
    os.rmdir(scratch)
    print("%d of 4 scenarios failed in %.1f s" % (failed, time.monotonic() - start),
          file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
