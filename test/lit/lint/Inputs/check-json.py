import json, sys
doc = json.load(open(sys.argv[1]))
d = doc["diagnostics"]
assert [(x["line"], x["column"], x["severity"], x["rule"]) for x in d] == [
    (10, 9, "warning", "update-without-where"),
    (13, 13, "error", "unknown-column"),
    (14, 9, "warning", "update-without-where")], d
assert all(x["file"].endswith("two-problems.yaml") for x in d)
assert d[1]["message"] == "column \"stauts\" of relation \"users\" does not exist (did you mean 'status'?)"
assert d[1]["notes"] == [] and d[0]["notes"][0]["message"].startswith("add a where:")
assert doc["summary"] == {"errors": 1, "warnings": 2, "notes": 0, "files": 2}, doc["summary"]
