#!/usr/bin/env python3
"""The connection is lost while COMMIT runs: apply cannot know the outcome.

commit-lost.py TOOL SPEC

A deferred constraint trigger makes COMMIT sleep; while it does, the
server ends apply's session (pg_terminate_backend), so the transaction is in
fact rolled back but apply only sees its connection go. Prints apply's exit
code, report and messages, and what the ledger query apply prints returns.
"""
import os
import re
import subprocess
import sys
import time

TOOL, SPEC = sys.argv[1], sys.argv[2]
DB = "shc_commit_lost_%d" % os.getpid()
PSQL = ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", DB]


def sql(text):
    return subprocess.run(PSQL + ["-c", text], capture_output=True, text=True,
                          check=True).stdout.strip()


subprocess.run(["dropdb", "--if-exists", DB], capture_output=True)
subprocess.run(["createdb", DB], check=True)
sql("""CREATE TABLE sleepy (id integer PRIMARY KEY, n integer);
INSERT INTO sleepy SELECT g, 0 FROM generate_series(1, 5) g;
CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS
  $$ BEGIN PERFORM pg_sleep(30); RETURN NULL; END $$;
CREATE CONSTRAINT TRIGGER slow_commit AFTER UPDATE ON sleepy DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW.id = 1) EXECUTE FUNCTION slow_commit();""")
uri = "postgresql:///%s?host=%s&user=postgres" % (DB, os.environ["PGHOST"])
apply = subprocess.Popen([TOOL, "apply", "--uri", uri, SPEC], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
deadline = time.monotonic() + 20
while True:
    pid = sql("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
              "AND state = 'active' AND query = 'COMMIT'")
    if pid:
        break
    if time.monotonic() > deadline or apply.poll() is not None:
        sys.exit("apply never reached COMMIT")
    time.sleep(0.05)
sql("SELECT pg_terminate_backend(%s)" % pid)
out, err = apply.communicate(timeout=20)
print("exit %d" % apply.returncode)
print(out.strip())
print(err.strip())
query = re.search(r"^  (SELECT checksum, applied_at FROM .*;)$", err, re.M)
print("the ledger query returns %d rows" % len(sql(query.group(1)).splitlines()) if query
      else "no ledger query")
print("n: %s" % " ".join(sql("SELECT n FROM sleepy ORDER BY id").split()))
subprocess.run(["dropdb", "--force", DB], capture_output=True)
