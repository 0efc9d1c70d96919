import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["version"] == "2.1.0" and doc["$schema"].endswith("sarif-2.1.0.json")
run = doc["runs"][0]
drv = run["tool"]["driver"]
assert drv["name"] == "schemahero-compile" and drv["version"]
ids = [r["id"] for r in drv["rules"]]
assert len(ids) == len(set(ids)) and "update-without-where" in ids and "unknown-column" in ids
res = run["results"]
assert [(r["ruleId"], r["level"]) for r in res] == [
    ("update-without-where", "warning"), ("unknown-column", "error"),
    ("update-without-where", "warning")], res
for r in res:
    assert ids[r["ruleIndex"]] == r["ruleId"]
    assert r["message"]["text"]
    loc = r["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"].endswith("two-problems.yaml")
    assert set(loc["region"]) >= {"startLine", "startColumn"}
assert res[1]["locations"][0]["physicalLocation"]["region"] == {"startLine": 13, "startColumn": 13}
