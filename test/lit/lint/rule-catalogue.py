#!/usr/bin/env python3
"""Every rule id the compiler reports is in the rule catalogue and the docs.

usage: rule-catalogue.py SRC_ROOT SARIF_FILE

Collects the rule ids of the diagnostics the sources report
(`diags.error(loc, "rule", ...)` and friends, in frontend/, passes/,
backends/, tools/ and ir/), the rules SARIF output declares (the catalogue
of frontend/LintConfig.cpp) and the ids docs/rules.md lists, and prints each
id that is reported but missing from either, then `N missing`.
"""
import json
import os
import re
import sys

CALL = re.compile(r'\b(?:error|warning|remark|note)\(\s*[^;"]*?,\s*"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)"')


def reported(root):
    ids = set()
    for top in ("frontend", "passes", "backends", "tools", "ir"):
        for d, _, files in os.walk(os.path.join(root, top)):
            for f in files:
                if f.endswith((".cpp", ".h")):
                    ids.update(CALL.findall(open(os.path.join(d, f), encoding="utf-8").read()))
    return ids


def main():
    root, sarif = sys.argv[1], sys.argv[2]
    declared = {r["id"] for r in json.load(open(sarif))["runs"][0]["tool"]["driver"]["rules"]}
    documented = set(re.findall(r"^\| `([a-z0-9-]+)`", open(os.path.join(root, "docs", "rules.md"),
                                                          encoding="utf-8").read(), re.M))
    missing = 0
    for rule in sorted(reported(root)):
        if rule not in declared:
            print("not in the catalogue (frontend/LintConfig.cpp):", rule)
            missing += 1
        if rule not in documented:
            print("not in docs/rules.md:", rule)
            missing += 1
    print("%d rules reported; %d missing" % (len(reported(root)), missing))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
