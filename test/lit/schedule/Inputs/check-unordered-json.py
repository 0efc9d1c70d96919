# The unordered-migrations warnings of unordered-bounded.yaml in json: one
# per migration, each with the first peer's access as a located note.
import json, sys
doc = json.load(sys.stdin)
d = [x for x in doc["diagnostics"] if x["rule"] == "unordered-migrations"]
assert len(d) == 6, d
for x in d:
    located = [n for n in x["notes"] if "line" in n]
    assert len(located) == 1 and located[0]["message"] == "the other access is here", x
p4 = [x for x in d if "'p4' both" in x["message"] or "and 'p4'" in x["message"]][0]
assert p4["notes"][-1]["message"] == "'p4' is also unordered with other migrations on users.region", p4
print("ok")
