#!/usr/bin/env python3
"""kill -9 at random points of a batched apply, then apply again: the data
must equal one clean run. Usage:
  kill-restart.py ENGINE COMPILER SEED.sql SPECS... -- RUNS [backup]
ENGINE is postgres ($PGHOST), sqlite (a file in $TMPDIR) or mysql
($SHC_MYSQL_SOCKET); the data is read through the engine's own client or
python's sqlite3, never through the tool under test. With `backup`, every
apply runs with --backup, and after each run revert of every migration,
newest first, must give the seed's data back. Prints one line per run and
a summary; exits 1 on any difference."""
import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

engine, compiler, seed = sys.argv[1], sys.argv[2], sys.argv[3]
sep = sys.argv.index("--")
specs, runs = sys.argv[4:sep], int(sys.argv[sep + 1])
backup = ["--backup"] if sys.argv[sep + 2:sep + 3] == ["backup"] else []
rng = random.Random(20261204)
TABLES = ["readings", "sensors"]


class Postgres:
    db = "shc_kill_restart"

    def run(self, sql):
        out = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d",
                              self.db, "-c", sql], check=True, capture_output=True, text=True)
        return out.stdout.strip()

    def fresh(self):
        subprocess.run(["dropdb", "--if-exists", self.db], check=True, capture_output=True)
        subprocess.run(["createdb", self.db], check=True)
        subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", self.db, "-f", seed],
                       check=True, capture_output=True)

    def uri(self):
        return f"postgresql:///{self.db}?host={os.environ['PGHOST']}&user=postgres"

    def exists(self, table):
        return self.run(f"SELECT to_regclass('{table}') IS NOT NULL") == "t"

    def rows(self, sql):
        return self.run(sql)

    def drop(self):
        subprocess.run(["dropdb", "--if-exists", self.db], check=True, capture_output=True)


class Sqlite:
    def __init__(self):
        self.dir = tempfile.mkdtemp()
        self.path = os.path.join(self.dir, "k.db")

    def run(self, sql):
        con = sqlite3.connect(self.path, isolation_level=None)
        con.executescript(sql)
        con.close()

    def fresh(self):
        if os.path.exists(self.path):
            os.remove(self.path)
        with open(seed) as f:
            self.run(f.read())

    def uri(self):
        return "sqlite://" + self.path

    def exists(self, table):
        return self.rows(f"SELECT 1 FROM sqlite_schema WHERE name = '{table}'") != ""

    def rows(self, sql):
        con = sqlite3.connect(self.path)
        out = "\n".join("|".join(str(v) for v in r) for r in con.execute(sql).fetchall())
        con.close()
        return out

    def drop(self):
        os.remove(self.path)
        os.rmdir(self.dir)


class Mysql:
    db = "shc_kill_restart"

    def client(self, *extra):
        return ["mariadb", "--no-defaults", "-S", os.environ["SHC_MYSQL_SOCKET"], "-u", "root",
                "-N", "-B", *extra]

    def run(self, sql, db=None):
        out = subprocess.run(self.client(*([db or self.db] if db != "" else [])), input=sql,
                             check=True, capture_output=True, text=True)
        return out.stdout.strip()

    def fresh(self):
        self.run(f"DROP DATABASE IF EXISTS {self.db}; CREATE DATABASE {self.db}", db="")
        with open(seed) as f:
            self.run(f.read())

    def uri(self):
        return f"mysql://root@/{self.db}?socket={os.environ['SHC_MYSQL_SOCKET']}"

    def exists(self, table):
        return self.run("SELECT count(*) FROM information_schema.tables WHERE table_schema = "
                        f"DATABASE() AND table_name = '{table}'") == "1"

    def rows(self, sql):
        return self.run(sql).replace("\t", "|")

    def drop(self):
        self.run(f"DROP DATABASE IF EXISTS {self.db}", db="")


e = {"postgres": Postgres, "sqlite": Sqlite, "mysql": Mysql}[engine]()
dialect = ["--dialect", engine]


def checksum():
    h = hashlib.sha256()
    n = 0
    for t in TABLES:
        if e.exists(t):
            text = e.rows(f"SELECT * FROM {t} ORDER BY 1, 2")
            h.update(text.encode())
            n += text.count("\n") + 1
    return f"{h.hexdigest()[:16]} {n}"


def apply(*extra):
    return subprocess.Popen([compiler, "apply", *dialect, "--uri", e.uri(), "--progress", "none",
                             *extra, *specs], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


# The seed's data, and the reference: the compiled file, unbatched, through
# the engine's client.
e.fresh()
seeded = checksum()
compiled = subprocess.run([compiler, *dialect, *specs], check=True, capture_output=True,
                          text=True).stdout
e.run(compiled)
reference = checksum()

failures = 0
killed_mid = 0
for run in range(runs):
    e.fresh()
    delay = rng.choice(["2ms", "5ms", "10ms"])
    p = apply(*backup, "--batch-size", str(rng.randint(1, 6)), "--batch-delay", delay)
    time.sleep(rng.uniform(0.02, 1.0))
    p.send_signal(signal.SIGKILL)
    p.wait()
    state = ""
    if e.exists("schemahero_data_batches"):
        state = ", ".join(f"{r.split('|')[0]} op {r.split('|')[1]} after {r.split('|')[2]} batches"
                          for r in e.rows("SELECT name, op, batches_done FROM "
                                          "schemahero_data_batches ORDER BY name"
                                          if engine != "postgres" else
                                          "SELECT name, op, batches FROM "
                                          "schemahero_data_batches ORDER BY name").split("\n")
                          if r)
    if not state and e.exists("schemahero_data_migrations"):
        state = "none; ledger: " + " ".join(
            e.rows("SELECT name FROM schemahero_data_migrations ORDER BY name").split("\n"))
    killed_mid += state not in ("", "none") and not state.startswith("none;")
    q = apply(*backup)
    out, err = q.communicate()
    got = checksum()
    ok = q.returncode == 0 and got == reference
    failures += not ok
    print(f"run {run + 1}: killed at checkpoint [{state or 'before any'}] -> "
          f"{'same data' if ok else 'DIFFERENT: ' + got + ' ' + out + err}")
    # A third apply changes nothing.
    r = apply(*backup)
    out, err = r.communicate()
    if r.returncode != 0 or checksum() != reference or "0 applied" not in out:
        failures += 1
        print(f"run {run + 1}: a further apply changed something: {out}{err}")
    if backup:
        # Revert, newest first: the batches of the killed apply and of the
        # one that resumed it are one migration's backups.
        names = e.rows("SELECT name FROM schemahero_data_migrations ORDER BY name DESC").split()
        for name in names:
            v = subprocess.run([compiler, "revert", name, *dialect, "--uri", e.uri()],
                               capture_output=True, text=True)
            if v.returncode != 0:
                failures += 1
                print(f"run {run + 1}: revert {name} failed: {v.stdout}{v.stderr}")
        if checksum() != seeded:
            failures += 1
            print(f"run {run + 1}: DIFFERENT from the seed after revert")
e.drop()
print(f"{runs} runs, {killed_mid} killed mid-migration, {failures} failed")
sys.exit(1 if failures else 0)
