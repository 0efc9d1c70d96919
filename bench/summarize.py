#!/usr/bin/env python3
"""bench/summarize.py RESULTS.tsv: the table and the targets of bench/run.sh.

RESULTS.tsv rows: label, N, kind (warm | cold: seconds per run; cpu: mean
user + sys seconds of the warm runs; rss: KB; count:
diagnostics,unordered-migrations), comma-separated values.
"""
import collections
import statistics
import sys

rows = collections.OrderedDict()
for line in open(sys.argv[1]):
    label, n, kind, values = line.rstrip("\n").split("\t")
    rows.setdefault((label, int(n)), {})[kind] = [float(v) for v in values.split(",") if v]


def ms(key, kind, how):
    v = rows.get(key, {}).get(kind)
    if not v:
        return None
    return (min(v) if how == "min" else statistics.median(v)) * 1000


def fmt(x, digits=1):
    return "-" if x is None else "{:,.{}f}".format(x, digits)


print()
print("| what | N | warm min ms | warm median ms | warm CPU ms | cold min ms | cold median ms | peak MB |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for (label, n), kinds in rows.items():
    if "rss" not in kinds:
        continue
    print("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
        label, "{:,}".format(n), fmt(ms((label, n), "warm", "min")),
        fmt(ms((label, n), "warm", "median")), fmt(ms((label, n), "cpu", "median")),
        fmt(ms((label, n), "cold", "min")),
        fmt(ms((label, n), "cold", "median")), fmt(kinds["rss"][0] / 1024)))

print()
print("Targets (warm medians):")
sizes = sorted({n for (_, n) in rows if n > 1})


def verdict(ok):
    return "met" if ok else "MISSED"


def ratio_line(what, a, b, limit, unit="x"):
    if a is None or b is None:
        return
    r = a / b
    print("- %s: %s / %s ms = %.2f%s (target <= %s%s): %s" % (
        what, fmt(a), fmt(b), r, unit, limit, unit, verdict(r <= limit)))


for n in sizes:
    ratio_line("lint of {:,} vs squawk".format(n), ms(("lint", n), "warm", "median"),
               ms(("squawk (same SQL)", n), "warm", "median"), 1.0)
    a, b = ms(("lint", n), "cpu", "median"), ms(("squawk (same SQL)", n), "cpu", "median")
    if a and b:
        print("    (CPU time: %s / %s ms = %.2fx)" % (fmt(a), fmt(b), a / b))
for n in sizes:
    c = ms(("compile", n), "warm", "median")
    ratio_line("compile of {:,} vs the libyaml floor".format(n), c,
               ms(("libyaml floor", n), "warm", "median"), 3.0)
    for floor in ("yaml-cpp events", "yaml-cpp LoadAll"):
        f = ms((floor, n), "warm", "median")
        if c and f:
            print("    (vs %s: %.2fx)" % (floor, c / f))
one = ms(("lint, one file + 20 specs", 1), "warm", "median")
if one is not None:
    print("- lint of one file + 20 Table specs: %s ms (target < 20 ms): %s" % (fmt(one), verdict(one < 20)))
for n in sizes:
    d = rows.get(("diagnostics", n), {}).get("count")
    if d:
        print("- diagnostics for {:,} migrations: {:,} ({:,} unordered-migrations; target <= {:,}): {}".format(
            n, int(d[0]), int(d[1]), n, verdict(d[0] <= n)))
if len(sizes) >= 2:
    lo, hi = sizes[0], sizes[-1]
    for what in ("lint", "compile"):
        a = rows.get((what, hi), {}).get("rss")
        b = rows.get((what, lo), {}).get("rss")
        if a and b:
            r = a[0] / b[0]
            limit = hi / lo
            print("- peak RSS of %s, %s / %s: %.1f / %.1f MB = %.2f (target <= %g): %s" % (
                what, "{:,}".format(hi), "{:,}".format(lo), a[0] / 1024, b[0] / 1024, r, limit,
                verdict(r <= limit)))
