#!/usr/bin/env python3
"""The checked-in zone list (ir/TimeZoneNames.inc) against the server.

usage: check-timezones.py --compile TOOL --list ir/TimeZoneNames.inc --workdir DIR

  * every name of the server's pg_timezone_names (a "posix/" prefix stripped:
    the compiler accepts it on any listed name) is in the list;
  * every name of the list is accepted by the server (`AT TIME ZONE`);
  * the compiler accepts every server name, in AT TIME ZONE and in
    timezone_convert, and rejects a misspelt one with "did you mean".

Prints what disagrees and a summary line; exit status 1 on any
disagreement. Python 3 standard library and psql only.
"""
import argparse
import json
import os
import re
import subprocess
import sys


def psql(sql):
    return subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=0"], input=sql,
                          capture_output=True, text=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--compile", required=True)
    ap.add_argument("--list", required=True)
    ap.add_argument("--workdir", required=True)
    args = ap.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    ours = re.findall(r'^\{"([^"]+)", "[^"]+"\},$', open(args.list, encoding="utf-8").read(), re.M)
    server = psql("SELECT name FROM pg_timezone_names ORDER BY name;").stdout.split()
    bad = 0
    for name in sorted({n[len("posix/"):] if n.startswith("posix/") else n for n in server}):
        if name not in ours:
            print("missing from the list:", name)
            bad += 1
    probe = "".join("SELECT 'ok %s', now() AT TIME ZONE '%s';\n" % (n, n) for n in ours)
    accepted = set(re.findall(r"^ok (\S+)\|", psql(probe).stdout, re.M))
    for name in ours:
        if name not in accepted:
            print("not accepted by the server:", name)
            bad += 1
    # The compiler on every server name, and on a typo.
    docs = []
    for i, name in enumerate(server + ["America/New_Yrok"]):
        docs.append("---\napiVersion: schemas.schemahero.io/v1alpha4\nkind: DataMigration\n"
                    "metadata: {name: z%d}\nspec:\n  database: testdb\n  name: z%d\n  schema:\n"
                    "    postgres:\n      - calculatedUpdate:\n          table: users\n"
                    "          where: updated_at IS NOT NULL\n          calculations:\n"
                    "            - {column: note, expression: \"to_char(updated_at AT TIME ZONE "
                    "'%s', 'HH24')\"}\n      - transformUpdate:\n          table: users\n"
                    "          where: created_at IS NOT NULL\n          transformations:\n"
                    "            - {column: created_at, transformType: timezone_convert, "
                    "fromValue: UTC, toValue: \"%s\"}\n" % (i, i, name, name))
    spec = os.path.join(args.workdir, "zones.yaml")
    with open(spec, "w", encoding="utf-8") as f:
        f.write("".join(docs))
    schema = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lit", "Inputs",
                          "schema.yaml")
    proc = subprocess.run([args.compile, "lint", "--disable", "dependence", "--format", "json",
                           spec, schema], capture_output=True, text=True)
    diags = json.loads(proc.stdout)["diagnostics"]
    for d in diags:
        if d["severity"] == "error" and "New_Yrok" not in d["message"]:
            print("rejected by the compiler: %s (line %s)" % (d["message"], d.get("line")))
            bad += 1
    typo = sorted(d["message"] + "".join(" / " + n["message"] for n in d["notes"])
                  for d in diags if "New_Yrok" in d["message"])
    expected = ["time zone \"America/New_Yrok\" not recognized (did you mean "
                "'America/New_York'?)",
                "time zone \"America/New_Yrok\" not recognized / did you mean "
                "'America/New_York'?"]
    if typo != sorted(expected):
        print("the typo is not reported as expected:", typo)
        bad += 1
    print("%d server zones, %d listed (tzdata %s); %d disagree" % (
        len(server), len(ours), re.search(r'SHC_TZDATA_VERSION "([^"]+)"',
                                           open(args.list).read()).group(1), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
