#!/usr/bin/env python3
"""No output of apply shows a MySQL password.

redact.py TOOL DDL_FILE

Needs the server scripts/lib/mariadb.sh starts: user shc_secret logs in with
the password in $SHC_MYSQL_SECRET_PASSWORD over $SHC_MYSQL_SOCKET.

1. Random passwords (deterministic seed; printable bytes, always some of
   @ / : ? # % ' and space) written into URIs in every form: user info and
   password= parameter, raw and percent-encoded, with a bad port, without a
   database, with an unknown parameter. The password is wrong or the URI
   malformed, so every `apply --dry-run` fails; neither stdout nor stderr may
   contain the password or any 6 bytes of it in a row.
2. The real password works, percent-encoded in the URI and in MYSQL_PWD, and
   is never shown; a wrong one in MYSQL_PWD is refused and not shown either.
"""
import os
import random
import subprocess
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import my  # noqa: E402

TOOL, DDL = sys.argv[1], sys.argv[2]
SOCK = os.environ["SHC_MYSQL_SOCKET"]
REAL = os.environ["SHC_MYSQL_SECRET_PASSWORD"]
DB = "shc_redact"
SPECIAL = "@/:?#%' "
rng = random.Random(15)


def random_password():
    alphabet = [chr(c) for c in range(33, 127)]
    n = rng.randint(10, 24)
    pw = [rng.choice(alphabet) for _ in range(n)]
    for _ in range(rng.randint(1, 4)):
        pw[rng.randrange(n)] = rng.choice(SPECIAL)
    return "".join(pw)


def enc(s):
    return urllib.parse.quote(s, safe="")


def forms(pw):
    s = "socket=" + SOCK
    return [
        "mysql://shc_secret:%s@/%s?%s" % (pw, DB, s),
        "mysql://shc_secret:%s@/%s?%s" % (enc(pw), DB, s),
        "mariadb://shc_secret@/%s?%s&password=%s" % (DB, s, pw),
        "mysql://shc_secret@/%s?%s&password=%s" % (DB, s, enc(pw)),
        "mysql://shc_secret:%s@localhost:%s/%s?%s" % (pw, pw[:4], DB, s),
        "mysql://shc_secret:%s@/?%s" % (pw, s),
        "mysql://shc_secret:%s@/%s?%s&ssl=%s" % (pw, DB, s, pw),
        "mysql://shc_secret:%s@%s/%s" % (pw, pw[-5:], DB),
    ]


def shows(text, pw):
    if pw in text:
        return True
    return any(pw[i:i + 6] in text for i in range(len(pw) - 5))


def run(uri, env=None):
    r = subprocess.run([TOOL, "apply", "--dry-run", "--dialect", "mysql", "--uri", uri, "--ddl",
                        DDL], capture_output=True, text=True, env=env, timeout=60)
    return r.returncode, r.stdout + r.stderr


def main():
    bad = 0
    runs = 0
    for _ in range(12):
        pw = random_password()
        for uri in forms(pw):
            runs += 1
            rc, out = run(uri)
            if rc == 0 or shows(out, pw):
                bad += 1
                print("FAILED: exit %d for a form of %r: %s" % (rc, pw, out[:300]))
    print("%d URIs with wrong or malformed passwords: %s" % (runs, "no password shown" if not bad
                                                             else "%d FAILED" % bad))
    rc, out = run("mysql://shc_secret:%s@/%s?socket=%s" % (enc(REAL), DB, SOCK))
    print("password in the URI: %s" % ("works, not shown" if rc == 0 and not shows(out, REAL)
                                       else "FAILED (exit %d) %s" % (rc, out[:300])))
    env = dict(os.environ, MYSQL_PWD=REAL)
    rc, out = run("mysql://shc_secret@/%s?socket=%s" % (DB, SOCK), env)
    print("MYSQL_PWD: %s" % ("works, not shown" if rc == 0 and not shows(out, REAL)
                             else "FAILED (exit %d) %s" % (rc, out[:300])))
    wrong = REAL + "x#y"
    env = dict(os.environ, MYSQL_PWD=wrong)
    rc, out = run("mysql://shc_secret@/%s?socket=%s" % (DB, SOCK), env)
    print("wrong MYSQL_PWD: %s" % ("refused, not shown" if rc != 0 and not shows(out, wrong)
                                   else "FAILED (exit %d) %s" % (rc, out[:300])))


if __name__ == "__main__":
    main()
