#!/usr/bin/env python3
"""Helpers for the MySQL apply tests, through the mariadb client on the
server scripts/test starts ($SHC_MYSQL_SOCKET, as root): the data is never
read back through the tool under test.

my.py uri DB                  prints the URI of database DB
my.py seed DB FILE            drops and creates DB, runs FILE in it
my.py query DB SQL            prints each row, values joined by | (NULL as NULL)
my.py drop DB                 drops DB
my.py locked TOOL DB ARGS...  runs `TOOL ARGS...` while another session holds
                              DB's apply lock (GET_LOCK); prints the tool's
                              stdout, stderr and exit code
"""
import os
import subprocess
import sys
import time

SOCKET = os.environ["SHC_MYSQL_SOCKET"]
LOCK = "CONCAT('schemahero_data_migrations.', DATABASE())"


def client(db=None, extra=()):
    cmd = ["mariadb", "--no-defaults", "-S", SOCKET, "-u", "root", "-N", "-B"] + list(extra)
    return cmd + ([db] if db else [])


def sql(db, text, **kw):
    return subprocess.run(client(db), input=text, capture_output=True, text=True, check=True, **kw)


def uri(db):
    return "mysql://root@/%s?socket=%s" % (db, SOCKET)


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "uri":
        print(uri(args[0]))
    elif cmd == "seed":
        sql(None, "DROP DATABASE IF EXISTS `%s`; CREATE DATABASE `%s`;" % (args[0], args[0]))
        with open(args[1]) as f:
            sql(args[0], f.read())
    elif cmd == "drop":
        sql(None, "DROP DATABASE IF EXISTS `%s`;" % args[0])
    elif cmd == "query":
        out = sql(args[0], args[1]).stdout
        for line in out.splitlines():
            print("|".join(line.split("\t")))
    elif cmd == "locked":
        holder = subprocess.Popen(client(args[1], ["-n"]), stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True)
        holder.stdin.write("SELECT GET_LOCK(%s, 0);\n" % LOCK)
        holder.stdin.flush()
        if holder.stdout.readline().strip() != "1":
            sys.exit("could not take the lock")
        start = time.monotonic()
        r = subprocess.run([args[0]] + args[2:], capture_output=True, text=True)
        took = time.monotonic() - start
        holder.stdin.close()
        holder.wait()
        sys.stdout.write(r.stdout + r.stderr)
        print("exit %d after %s" % (r.returncode, "< 2 s" if took < 2 else "%.1f s" % took))
    else:
        sys.exit("unknown command " + cmd)


if __name__ == "__main__":
    main()
