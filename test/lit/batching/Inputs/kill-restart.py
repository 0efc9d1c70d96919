#!/usr/bin/env python3
"""kill -9 at random points of a batched apply, then apply again: the data
must equal one clean run. Usage: kill-restart.py COMPILER SEED.sql SPECS... --
RUNS. Prints one line per run and a summary; exits 1 on any difference."""
import os
import random
import signal
import subprocess
import sys
import time

compiler, seed = sys.argv[1], sys.argv[2]
sep = sys.argv.index("--")
specs, runs = sys.argv[3:sep], int(sys.argv[sep + 1])
host = os.environ["PGHOST"]
rng = random.Random(20261204)
CHECKSUM = ("SELECT md5(string_agg(r::text, ',' ORDER BY site, seq)) || ' ' || count(*) "
            "FROM readings r")


def psql(db, *args, capture=False):
    out = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", db, *args],
                         check=True, capture_output=True, text=True)
    return out.stdout.strip()


def fresh(db):
    subprocess.run(["dropdb", "--if-exists", db], check=True, capture_output=True)
    subprocess.run(["createdb", db], check=True)
    psql(db, "-f", seed)


def uri(db):
    return f"postgresql:///{db}?host={host}&user=postgres"


def apply(db, *extra, **kw):
    return subprocess.Popen([compiler, "apply", "--uri", uri(db), "--progress", "none", *extra,
                             *specs], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            **kw)


# The reference: the compiled file, unbatched, in psql.
db = "shc_kill_restart"
fresh(db)
compiled = subprocess.run([compiler, *specs], check=True, capture_output=True, text=True).stdout
psql(db, "-c", compiled)
reference = psql(db, "-c", CHECKSUM)

failures = 0
killed_mid = 0
for run in range(runs):
    fresh(db)
    delay = rng.choice(["2ms", "5ms", "10ms"])
    p = apply(db, "--batch-size", str(rng.randint(1, 6)), "--batch-delay", delay)
    time.sleep(rng.uniform(0.02, 1.0))
    p.send_signal(signal.SIGKILL)
    p.wait()
    state = ""
    if psql(db, "-c", "SELECT to_regclass('schemahero_data_batches') IS NOT NULL") == "t":
        state = psql(db, "-c", "SELECT string_agg(name || ' op ' || op || ' after ' || batches "
                     "|| ' batches', ', ') FROM schemahero_data_batches")
    if not state and psql(db, "-c", "SELECT to_regclass('schemahero_data_migrations') IS NOT "
                          "NULL") == "t":
        state = "none; ledger: " + psql(db, "-c", "SELECT string_agg(name, ' ' ORDER BY name) "
                                        "FROM schemahero_data_migrations")
    killed_mid += state not in ("", "none")
    q = apply(db)
    out, err = q.communicate()
    got = psql(db, "-c", CHECKSUM)
    ok = q.returncode == 0 and got == reference
    failures += not ok
    print(f"run {run + 1}: killed at checkpoint [{state or 'before any'}] -> "
          f"{'same data' if ok else 'DIFFERENT: ' + got + ' ' + out + err}")
    # A third apply changes nothing.
    r = apply(db)
    out, err = r.communicate()
    if r.returncode != 0 or psql(db, "-c", CHECKSUM) != reference or "0 applied" not in out:
        failures += 1
        print(f"run {run + 1}: a further apply changed something: {out}{err}")
subprocess.run(["dropdb", "--if-exists", db], check=True, capture_output=True)
print(f"{runs} runs, {killed_mid} killed mid-migration, {failures} failed")
sys.exit(1 if failures else 0)
