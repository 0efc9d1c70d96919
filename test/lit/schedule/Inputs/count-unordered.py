# count-unordered.py N FILE.json: the unordered-migrations warnings of a lint
# --format json run over N generated migrations are at most one per
# migration, and most migrations (which share hot columns) have one.
import collections, json, sys
limit = int(sys.argv[1])
doc = json.load(open(sys.argv[2]))
d = [x for x in doc["diagnostics"] if x["rule"] == "unordered-migrations"]
per_file = collections.Counter(x["file"] for x in d)
assert len(d) <= limit, len(d)
assert max(per_file.values()) == 1, per_file.most_common(3)
assert len(d) > limit // 2, len(d)
assert any("more on" in x["message"] for x in d)
print("%d warnings, at most one per migration" % len(d))
