#!/usr/bin/env python3
"""Concurrent applies of a non-idempotent migration to one MySQL database apply it once.

race.py TOOL INPUTS_DIR ROUNDS [ddl|specs]

ddl (the default) applies the compiled file bump.sql with `apply --ddl`;
specs applies specs/schema.yaml, specs/earlier.yaml and specs/bump.yaml,
compiled by the MySQL emitter.

For each round and each starting state (a fresh database; one whose ledger
already has a migration) it creates a database on $SHC_MYSQL_SOCKET, seeds
counters.sql, starts 8 applies at once (2 with
--lock-timeout 50ms), waits for them, and checks:

- every process exits 0, or fails saying that another apply holds the lock;
- every counter row was changed exactly once (a = 1 and b = 1);
- the ledger holds exactly one row per migration.

It prints one line per scenario and exits 1 when any check failed. The data
is read with the mariadb client (my.py), not with the tool under test.
"""
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import my  # noqa: E402

TOOL, INPUTS, ROUNDS = sys.argv[1], sys.argv[2], int(sys.argv[3])
MODE = sys.argv[4] if len(sys.argv) > 4 else "ddl"
BUSY = "another apply holds the lock"


def apply_cmd(db, what):
    base = [TOOL, "apply", "--dialect", "mysql", "--uri", my.uri(db)]
    if MODE == "ddl":
        return base + ["--ddl", os.path.join(INPUTS, what + ".sql")]
    specs = ["schema", "earlier"] + (["bump"] if what == "bump" else [])
    return base + [os.path.join(INPUTS, "specs", n + ".yaml") for n in specs]


def rows(db, text):
    return ["|".join(l.split("\t")) for l in my.sql(db, text).stdout.splitlines()]


def main():
    failed = 0
    start = time.monotonic()
    for with_ledger in (False, True):
        state = "with a ledger" if with_ledger else "fresh"
        procs = exits = busy = 0
        problems = []
        for rnd in range(ROUNDS):
            db = "shc_race_%d_%d" % (os.getpid(), rnd)
            my.sql(None, "DROP DATABASE IF EXISTS %s; CREATE DATABASE %s;" % (db, db))
            with open(os.path.join(INPUTS, "counters.sql")) as f:
                my.sql(db, f.read())
            if with_ledger:
                r = subprocess.run(apply_cmd(db, "earlier"), capture_output=True, text=True)
                if r.returncode != 0:
                    sys.exit("failed to apply earlier: %s%s" % (r.stdout, r.stderr))
            cmd = apply_cmd(db, "bump")
            cmds = [cmd] * 6 + [cmd + ["--lock-timeout", "50ms"]] * 2
            running = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True) for c in cmds]
            results = []
            for p in running:
                out, err = p.communicate(timeout=120)
                results.append((p.returncode, out, err))
            procs += len(results)
            exits += sum(rc == 0 for rc, _, _ in results)
            busy += sum(rc != 0 and BUSY in err for rc, _, err in results)
            for rc, out, err in results:
                if rc != 0 and BUSY not in err:
                    lines = [l for l in (err + out).splitlines() if "error" in l]
                    problems.append("round %d: exit %d: %s" % (
                        rnd + 1, rc, (lines or ["(no message)"])[0][:200]))
            counts = rows(db, "SELECT a, b, count(*) FROM counters GROUP BY a, b ORDER BY a, b")
            if counts != ["1|1|200"]:
                problems.append("round %d: counters (a|b|rows): %s, expected 1|1|200"
                                % (rnd + 1, " ".join(counts)))
            names = rows(db, "SELECT name FROM schemahero_data_migrations ORDER BY name")
            expected = ["bump-a", "bump-b"] + (["earlier"] if with_ledger or MODE == "specs" else [])
            if names != expected:
                problems.append("round %d: ledger rows: %s" % (rnd + 1, " ".join(names)))
            my.sql(None, "DROP DATABASE %s;" % db)
        status = "FAILED" if problems else "ok"
        print("apply mysql %s, %s: %s (%d rounds, %d processes: %d exit 0, %d another apply "
              "holds the lock)" % (MODE, state, status, ROUNDS, procs, exits, busy))
        for p in problems[:3]:
            print("  " + p)
        if len(problems) > 3:
            print("  ... %d more" % (len(problems) - 3))
        failed += bool(problems)
    print("%d of 2 scenarios failed in %.1f s" % (failed, time.monotonic() - start),
          file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
