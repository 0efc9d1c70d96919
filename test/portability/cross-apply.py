#!/usr/bin/env python3
"""Applies the same specs to PostgreSQL, MariaDB and SQLite and compares the data.

usage: cross-apply.py --compile TOOL --seeds DIR --query SQL --dialects a,b,c SPEC...

For each dialect: a fresh database (createdb on $PGHOST; a database on the
MariaDB at $SHC_MYSQL_SOCKET; a file for SQLite), seeded with DIR/seed-<dialect>.sql
(the same rows in each dialect's DDL), then `TOOL apply --dialect D --uri ...
SPEC...`, then QUERY through the database's own client (psql, mariadb,
python's sqlite3), never through the tool. Values are compared as text, with
numbers normalised (1.50 == 1.5 == 1.5000) and NULL as NULL. Prints each
dialect's rows, then `same data on: a, b, c`, or the first difference and
exit 1.
"""
import argparse
import decimal
import os
import sqlite3
import subprocess
import sys
import tempfile


def norm(value):
    if value is None:
        return "NULL"
    text = str(value)
    try:
        d = decimal.Decimal(text.strip())
        if d.is_finite():
            return format(d.normalize(), "f")
    except decimal.InvalidOperation:
        pass
    return text


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def postgres(tool, seed, specs, query):
    db = "shc_cross_%d" % os.getpid()
    run(["dropdb", "--if-exists", db])
    subprocess.run(["createdb", db], check=True)
    try:
        subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db, "-f", seed],
                       check=True, capture_output=True)
        uri = "postgresql:///%s?host=%s&user=%s" % (db, os.environ["PGHOST"],
                                                     os.environ.get("PGUSER", "postgres"))
        r = run([tool, "apply", "--dialect", "postgres", "--uri", uri] + specs)
        if r.returncode:
            return None, r.stdout + r.stderr
        out = run(["psql", "-X", "-q", "-A", "-t", "-F", "\t", "-P", "null=\\N", "-d", db,
                   "-c", query])
        rows = [line.split("\t") for line in out.stdout.splitlines()]
        return [[None if v == "\\N" else v for v in row] for row in rows], r.stdout
    finally:
        run(["dropdb", "--if-exists", db])


def mysql(tool, seed, specs, query):
    sock = os.environ["SHC_MYSQL_SOCKET"]
    db = "shc_cross_%d" % os.getpid()
    client = ["mariadb", "--no-defaults", "-S", sock, "-u", "root"]
    subprocess.run(client + ["-e", "DROP DATABASE IF EXISTS %s; CREATE DATABASE %s" % (db, db)],
                   check=True)
    try:
        with open(seed) as f:
            subprocess.run(client + [db], stdin=f, check=True, capture_output=True)
        uri = "mysql://root@/%s?socket=%s" % (db, sock)
        r = run([tool, "apply", "--dialect", "mysql", "--uri", uri] + specs)
        if r.returncode:
            return None, r.stdout + r.stderr
        out = run(client + ["-N", "-B", db, "-e", query])
        rows = [line.split("\t") for line in out.stdout.splitlines()]
        return [[None if v == "NULL" else v.replace("\\\\", "\\") for v in row] for row in rows], r.stdout
    finally:
        run(client + ["-e", "DROP DATABASE IF EXISTS %s" % db])


def sqlite(tool, seed, specs, query):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "cross.db")
        con = sqlite3.connect(path)
        with open(seed) as f:
            con.executescript(f.read())
        con.close()
        r = run([tool, "apply", "--dialect", "sqlite", "--uri", "sqlite://" + path] + specs)
        if r.returncode:
            return None, r.stdout + r.stderr
        con = sqlite3.connect(path)
        rows = [list(row) for row in con.execute(query)]
        con.close()
        return rows, r.stdout


RUNNERS = {"postgres": postgres, "mysql": mysql, "sqlite": sqlite}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--compile", required=True)
    ap.add_argument("--seeds", required=True)
    ap.add_argument("--query", required=True)
    ap.add_argument("--dialects", required=True)
    ap.add_argument("--compile-arg", action="append", default=[],
                    help="compile with this argument too, then apply the file with --ddl "
                         "(the test passes --disable portability to see the data differ)")
    ap.add_argument("specs", nargs="+")
    args = ap.parse_args()
    results = {}
    for d in args.dialects.split(","):
        inputs = args.specs
        if args.compile_arg:
            out = os.path.join(tempfile.gettempdir(), "shc-cross-%d-%s.sql" % (os.getpid(), d))
            r = run([args.compile, "--dialect", d] + args.compile_arg + args.specs + ["-o", out])
            if r.returncode:
                print("== %s: compile failed\n%s" % (d, r.stderr))
                return 1
            inputs = ["--ddl", out]
        rows, log = RUNNERS[d](args.compile, os.path.join(args.seeds, "seed-%s.sql" % d),
                               inputs, args.query)
        if rows is None:
            print("== %s: apply failed\n%s" % (d, log))
            return 1
        results[d] = [[norm(v) for v in row] for row in rows]
        print("== %s" % d)
        for row in results[d]:
            print("|".join(row))
    names = list(results)
    first = results[names[0]]
    for other in names[1:]:
        if results[other] != first:
            for a, b in zip(first, results[other]):
                if a != b:
                    print("DIFFERENT: %s %s, %s %s" % (names[0], "|".join(a), other, "|".join(b)))
                    break
            else:
                print("DIFFERENT: %d rows on %s, %d on %s" % (len(first), names[0],
                                                               len(results[other]), other))
            return 1
    print("same data on: " + ", ".join(names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
