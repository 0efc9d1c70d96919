"""Checks the structure of `plan --format json` (the stable contract)."""
import json
import sys

plan = json.load(sys.stdin)
assert set(plan) >= {"migrations", "diagnostics"}, plan.keys()
names = [m["name"] for m in plan["migrations"]]
assert names == ["prep", "backfill", "archive", "zz-status"], names
for m in plan["migrations"]:
    assert set(m) >= {"name", "phase", "requires", "idempotency", "operations"}, m.keys()
    assert m["phase"] in ("before_schema", "after_schema"), m["phase"]
    assert m["idempotency"]["verdict"] in ("idempotent", "not_idempotent", "unknown")
    assert isinstance(m["idempotency"]["reason"], str)
    for op in m["operations"]:
        assert set(op) >= {"kind", "table", "writes", "reads"}, op.keys()
by = {m["name"]: m for m in plan["migrations"]}
assert by["prep"]["phase"] == "before_schema"
assert by["backfill"]["requires"] == ["users", "prep"]
ops = by["backfill"]["operations"]
assert [o["kind"] for o in ops] == ["calculatedUpdate", "staticUpdate"]
assert ops[0]["table"] == "users" and ops[0]["writes"] == ["full_name"]
assert ops[0]["reads"] == ["first_name", "last_name", "full_name"]
assert ops[0]["where"] == "full_name IS NULL"
arch = by["archive"]["operations"][0]
assert arch["kind"] == "customSQL" and arch["table"] is None and arch["opaque"] is True
assert by["archive"]["idempotency"]["verdict"] == "unknown"
want_estimates = len(sys.argv) > 1 and sys.argv[1] == "--estimates"
for m in plan["migrations"]:
    for op in m["operations"]:
        if op["kind"] != "customSQL":
            assert ("estimatedRows" in op) == want_estimates, op
assert ("totalEstimatedRows" in plan) == want_estimates
d = plan["diagnostics"]
assert len(d) == 1, d
assert d[0]["rule"] == "unordered-migrations" and d[0]["severity"] == "warning"
assert d[0]["line"] == 62 and d[0]["column"] == 13
assert d[0]["file"].endswith("plan.yaml")
if want_estimates:
    print("total", plan["totalEstimatedRows"])
    for m in plan["migrations"]:
        for op in m["operations"]:
            if "estimatedRows" in op:
                print(m["name"], op["kind"], op["estimatedRows"])
print("ok")
