#!/usr/bin/env python3
"""Helpers for the SQLite apply tests, with python3's sqlite3 module (the
data is never read back through the tool under test).

sq.py seed DB FILE            creates DB and runs FILE in it
sq.py query DB SQL            prints each row, values joined by | (SQL may
                              be several statements; no `;` inside strings)
sq.py locked TOOL DB ARGS...  runs `TOOL ARGS...` while this process holds
                              DB's write lock (BEGIN IMMEDIATE); prints the
                              tool's stdout, stderr and exit code
sq.py interrupt SIG TOOL ARGS...
                              starts `TOOL ARGS...`, sends SIG 0.5 s later;
                              prints the exit code, its time, stdout, stderr
"""
import signal
import sqlite3
import subprocess
import sys
import time


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "seed":
        con = sqlite3.connect(args[0])
        with open(args[1]) as f:
            con.executescript(f.read())
        con.close()
    elif cmd == "query":
        con = sqlite3.connect(args[0])
        for sql in filter(str.strip, args[1].split(";")):
            for row in con.execute(sql).fetchall():
                print("|".join("NULL" if v is None else str(v) for v in row))
        con.close()
    elif cmd == "locked":
        con = sqlite3.connect(args[1], isolation_level=None)
        con.execute("BEGIN IMMEDIATE")
        start = time.monotonic()
        r = subprocess.run([args[0]] + args[2:], capture_output=True, text=True)
        took = time.monotonic() - start
        con.execute("ROLLBACK")
        con.close()
        sys.stdout.write(r.stdout + r.stderr)
        print("exit %d after %s" % (r.returncode, "< 2 s" if took < 2 else "%.1f s" % took))
    elif cmd == "interrupt":
        sig = getattr(signal, args[0])
        start = time.monotonic()
        p = subprocess.Popen(args[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(0.5)
        p.send_signal(sig)
        out, err = p.communicate(timeout=30)
        took = time.monotonic() - start
        print("exit %d after %s" % (p.returncode, "< 5 s" if took < 5 else "%.1f s" % took))
        sys.stdout.write(out + err)
    else:
        sys.exit("unknown command " + cmd)


if __name__ == "__main__":
    main()
