#!/usr/bin/env python3
"""No output of apply, plan or lint shows a password.

fuzz.py TOOL SPEC... -- SEED_SQL

Needs the server scripts/lib/pg.sh starts: role shc_secret must log in with a
password (scram-sha-256) over the socket in $PGHOST.

1. Random passwords (deterministic seed; any byte but NUL, always some of
   @ / : ? # % ' and space), written into connection strings in every form:
   URI user info and password= parameter, raw and percent-encoded; key=value
   quoted and raw; without a scheme; with a bad port or an unknown parameter.
   Valid or malformed, the password is wrong, so every command fails; none of
   stdout and stderr of `apply`, `plan --uri` and `lint --uri` may contain the
   password, or any 6 bytes of it in a row.
2. The role's real password works, in a URI (percent-encoded), in PGPASSWORD
   and in a .pgpass file (PGPASSFILE), and is never shown; a wrong one in
   PGPASSWORD or .pgpass is refused and not shown either.
"""
import os
import random
import subprocess
import sys
import tempfile
import urllib.parse

SEP = sys.argv.index("--")
TOOL, SPECS, SEED_SQL = sys.argv[1], sys.argv[2:SEP], sys.argv[SEP + 1]
HOST = os.environ["PGHOST"]
DB = "shc_redact"
ROLE = "shc_secret"
SPECIAL = b"@/:?#%' "
rng = random.Random(12)


def random_password(alphabet):
    n = rng.randint(10, 24)
    pw = bytearray(rng.choice(alphabet) for _ in range(n))
    for _ in range(rng.randint(1, 4)):  # always some of the characters that break URIs
        pw[rng.randrange(n)] = rng.choice(SPECIAL)
    return bytes(pw)


def enc(pw):
    return urllib.parse.quote_from_bytes(pw, safe="").encode()


def kv_quote(pw):
    return b"'" + pw.replace(b"\\", b"\\\\").replace(b"'", b"\\'") + b"'"


def forms(pw):
    h, d, r = HOST.encode(), DB.encode(), ROLE.encode()
    return {
        "uri user info, raw": b"postgresql://" + r + b":" + pw + b"@/" + d + b"?host=" + h,
        "uri user info, encoded": b"postgresql://" + r + b":" + enc(pw) + b"@/" + d + b"?host=" + h,
        "uri password=, raw": b"postgresql:///" + d + b"?host=" + h + b"&user=" + r + b"&password=" + pw,
        "uri password=, encoded": b"postgres:///" + d + b"?host=" + h + b"&user=" + r + b"&password=" + enc(pw),
        "key=value, quoted": b"host=" + h + b" dbname=" + d + b" user=" + r + b" password=" + kv_quote(pw),
        "key=value, raw": b"host=" + h + b" dbname=" + d + b" user=" + r + b" password=" + pw,
        "no scheme": r + b":" + pw + b"@localhost/" + d,
        "bad port": b"postgresql://" + r + b":" + enc(pw) + b"@localhost:x" + pw[:3] + b"/" + d,
        "unknown parameter": b"postgresql://" + r + b":" + pw + b"@/" + d + b"?host=" + h + b"&bogus=1",
    }


def commands(uri):
    return [
        [TOOL.encode(), b"apply", b"--uri", uri] + [s.encode() for s in SPECS],
        [TOOL.encode(), b"plan", b"--uri", uri] + [s.encode() for s in SPECS],
        [TOOL.encode(), b"lint", b"--uri", uri] + [s.encode() for s in SPECS],
    ]


def leaks(output, pw):
    """The password, or 6 bytes of it in a row, in `output`."""
    if pw in output:
        return pw
    for i in range(len(pw) - 5):
        if pw[i:i + 6] in output:
            return pw[i:i + 6]
    return None


def run(cmd, env=None):
    r = subprocess.run(cmd, capture_output=True, env=env)
    return r.returncode, r.stdout + r.stderr


def psql(sql, db="postgres"):
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db, "-c", sql], check=True,
                   capture_output=True)


def main():
    failures = []
    printable = bytes(range(0x21, 0x7f))
    secret = random_password(printable)  # the role's real password
    literal = secret.decode().replace("'", "''")
    subprocess.run(["dropdb", "--if-exists", DB], capture_output=True)
    psql("DROP ROLE IF EXISTS %s" % ROLE)
    psql("CREATE ROLE %s LOGIN SUPERUSER PASSWORD '%s'" % (ROLE, literal))
    subprocess.run(["createdb", "-O", ROLE, DB], check=True)
    subprocess.run(["psql", "-X", "-q", "-d", DB, "-f", SEED_SQL], check=True, capture_output=True)

    # 1. Wrong passwords in every form.
    cases = runs = 0
    anybyte = bytes(range(1, 256))
    for i in range(12):
        pw = random_password(anybyte if i % 2 else printable)
        for form, uri in forms(pw).items():
            cases += 1
            for cmd in commands(uri):
                runs += 1
                code, out = run(cmd)
                if code == 0:
                    failures.append("%s: %s exited 0 with a wrong password" % (form, cmd[1]))
                leak = leaks(out, pw)
                if leak:
                    failures.append("%s: %s shows %r: %r" % (form, cmd[1], leak, out[-300:]))
    print("%d connection strings, %d runs of apply, plan and lint: %s" %
          (cases, runs, "no password shown" if not failures else "PASSWORDS SHOWN"))

    # 2. The real password works from the URI, PGPASSWORD and .pgpass.
    bare = ("postgresql:///%s?host=%s&user=%s" % (DB, HOST, ROLE)).encode()
    env = dict(os.environ)
    env.pop("PGPASSWORD", None)
    with tempfile.NamedTemporaryFile("wb", delete=False) as f:
        pgpass = f.name
    checks = []
    for name, uri, extra, ok in [
        ("password in the URI", forms(secret)["uri user info, encoded"], {}, True),
        ("password in key=value", forms(secret)["key=value, quoted"], {}, True),
        ("PGPASSWORD", bare, {"PGPASSWORD": secret}, True),
        (".pgpass", bare, {"PGPASSFILE": pgpass}, True),
        ("wrong PGPASSWORD", bare, {"PGPASSWORD": secret[::-1]}, False),
        ("wrong .pgpass", bare, {"PGPASSFILE": pgpass, "WRONG": b"1"}, False),
    ]:
        pw = secret[::-1] if not ok else secret
        line = b"*:*:*:" + ROLE.encode() + b":" + pw.replace(b"\\", b"\\\\").replace(b":", b"\\:")
        with open(pgpass, "wb") as f:
            f.write(line + b"\n")
        os.chmod(pgpass, 0o600)
        e = dict(env)
        e.update({k: v.decode() if isinstance(v, bytes) else v for k, v in extra.items()})
        outcome = "works" if ok else "refused"
        for cmd in commands(uri):
            code, out = run(cmd, e)
            if (code == 0) != ok:
                outcome = "FAILED (%s exit %d: %r)" % (cmd[1].decode(), code, out[-300:])
            leak = leaks(out, secret) or leaks(out, secret[::-1])
            if leak:
                outcome = "SHOWN (%s: %r)" % (cmd[1].decode(), leak)
        checks.append(outcome)
        print("%s: %s, not shown" % (name, outcome) if "FAILED" not in outcome and
              "SHOWN" not in outcome else "%s: %s" % (name, outcome))
    os.unlink(pgpass)
    subprocess.run(["dropdb", DB], capture_output=True)
    psql("DROP ROLE %s" % ROLE)
    for f in failures[:10]:
        print("  " + f)
    bad = failures or any("FAILED" in c or "SHOWN" in c for c in checks)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
