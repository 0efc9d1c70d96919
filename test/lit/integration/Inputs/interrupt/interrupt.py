#!/usr/bin/env python3
"""SIGINT/SIGTERM during a long statement: apply cancels it on the server.

interrupt.py TOOL SPEC DIALECT SIGNAL

Starts `apply` on a fresh database, waits until the server runs the
migration's pg_sleep (pg_stat_activity), sends the signal, and prints: apply's
exit code and report, whether the server still runs the statement, whether
the rows the UPDATE locked can be locked again at once, and the data.
"""
import os
import signal
import subprocess
import sys
import time

TOOL, SPEC, DIALECT, SIG = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
DB = "shc_signal_%d" % os.getpid()
PSQL = ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", DB]


def sql(text, timeout=None):
    return subprocess.run(PSQL + ["-c", text], capture_output=True, text=True, check=True,
                          timeout=timeout).stdout.strip()


def sleeping():
    return sql("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
               "AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE '%pg_sleep(30)%'")


subprocess.run(["dropdb", "--if-exists", DB], capture_output=True)
subprocess.run(["createdb", DB], check=True)
sql("CREATE TABLE sleepy (id integer PRIMARY KEY, n integer); "
    "INSERT INTO sleepy SELECT g, 0 FROM generate_series(1, 5) g")
uri = "postgresql:///%s?host=%s&user=postgres" % (DB, os.environ["PGHOST"])
apply = subprocess.Popen([TOOL, "apply", "--dialect", DIALECT, "--uri", uri, SPEC],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
deadline = time.monotonic() + 20
while sleeping() != "1":
    if time.monotonic() > deadline or apply.poll() is not None:
        sys.exit("apply never reached the sleep")
    time.sleep(0.05)
start = time.monotonic()
apply.send_signal(getattr(signal, SIG))
out, err = apply.communicate(timeout=20)
print("exit %d after %s" % (apply.returncode, "< 5 s" if time.monotonic() - start < 5 else "5 s or more"))
print(out.strip())
for line in err.splitlines():
    if "interrupted" in line:
        print(line)
print("statements still running on the server: %s" % sleeping())
try:
    print(sql("SET lock_timeout = '2s'; UPDATE sleepy SET n = n; SELECT 'rows lockable'", timeout=10))
except subprocess.CalledProcessError as e:
    print("rows still locked: %s" % e.stderr.strip())
print("n: %s" % " ".join(sql("SELECT n FROM sleepy ORDER BY id").split()))
print("ledger: %s" % (sql("SELECT count(*) FROM schemahero_data_migrations") or "none"))
subprocess.run(["dropdb", "--force", DB], capture_output=True)
