#!/usr/bin/env bash
# Benchmark lint and compile against two floors and squawk.
#
#   bench/run.sh [SIZES...]        (default: 1000 10000)
#
# Env: SHC=path/to/schemahero-compile (default build/bin/schemahero-compile)
#      SHAPE=independent|chained|mixed corpus shape (default independent)
#      RUNS=N runs per figure, at least 5 (default 5)
#      COLD=0 skips the cold runs (page cache dropped before each run)
#      PROFILE=1 adds callgrind's top entries for compile of the first size
#      OUT=folder for corpora, floors and raw results (default /tmp/shc-bench)
#
# Every command of a size runs in one hyperfine invocation, warm (3 warmup
# runs: the binaries and files in the page cache, as in a pre-commit hook or
# CI) and cold, and the table gives the minimum and median of each. The
# floors read the same YAML bytes: libyaml's event parser in C, doing nothing
# else, and yaml-cpp's own parse (YAML::LoadAll, and the event API). squawk
# reads the same migrations as plain SQL. Installs hyperfine, libyaml-dev
# and valgrind (apt) and squawk-cli (npm) when missing: here only, not in
# scripts/bootstrap.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHC=${SHC:-$ROOT/build/bin/schemahero-compile}
SHAPE=${SHAPE:-independent}
RUNS=${RUNS:-5}
COLD=${COLD:-1}
PROFILE=${PROFILE:-0}
OUT=${OUT:-/tmp/shc-bench}
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(1000 10000)
[ "$RUNS" -ge 5 ] || { echo "RUNS must be at least 5" >&2; exit 2; }

apt_need() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed' ||
  apt-get install -y -q "$1" >/dev/null; }
command -v hyperfine >/dev/null || apt_need hyperfine
apt_need libyaml-dev
[ "$PROFILE" = 0 ] || command -v valgrind >/dev/null || apt_need valgrind
command -v squawk >/dev/null || npm install -g squawk-cli >/dev/null 2>&1 || true
[ -x "$SHC" ] || { echo "build first: $SHC is missing" >&2; exit 2; }
mkdir -p "$OUT"
[ "$OUT/libyaml-floor" -nt "$ROOT/bench/libyaml-floor.c" ] ||
  cc -O2 -o "$OUT/libyaml-floor" "$ROOT/bench/libyaml-floor.c" -lyaml
[ "$OUT/yaml-floor" -nt "$ROOT/bench/yaml-floor.cpp" ] ||
  c++ -O2 -std=c++17 -o "$OUT/yaml-floor" "$ROOT/bench/yaml-floor.cpp" -lyaml-cpp

DROP=$OUT/drop-caches.sh
printf '#!/bin/sh\nsync\necho 3 > /proc/sys/vm/drop_caches\n' > "$DROP"
chmod +x "$DROP"
if [ "$COLD" != 0 ] && ! "$DROP" 2>/dev/null; then
  echo "note: /proc/sys/vm/drop_caches is not writable: no cold runs" >&2
  COLD=0
fi

RESULTS=$OUT/results.tsv
: > "$RESULTS"
# record NAME N KIND FILE: hyperfine's JSON times (seconds) as one row each
record() {
  python3 - "$@" >> "$RESULTS" <<'PY'
import json, sys
name, n, kind, path = sys.argv[1:5]
for r in json.load(open(path))["results"]:
    print("\t".join([r["command"], n, kind, ",".join("%.6f" % t for t in r["times"])]))
    if kind == "warm":  # mean CPU time (user + sys): steadier than wall time under load
        print("\t".join([r["command"], n, "cpu", "%.6f" % (r["user"] + r["system"])]))
PY
}
# bench N KIND LABEL=COMMAND...: one hyperfine run over the commands
bench() {
  local n=$1 kind=$2 args=() json=$OUT/h-$1-$2.json
  shift 2
  for c in "$@"; do args+=(-n "${c%%=*}" "${c#*=}"); done
  local how=(--warmup 3)
  [ "$kind" = warm ] || how=(--prepare "$DROP")
  hyperfine -N -i "${how[@]}" --runs "$RUNS" --export-json "$json" "${args[@]}" \
    >"$OUT/hyperfine.log" 2>&1 || { cat "$OUT/hyperfine.log" >&2; exit 1; }
  record x "$n" "$kind" "$json"
}
# peak N LABEL=COMMAND...: median peak RSS in KB of three runs
peak() {
  local n=$1 c label cmd i vals
  shift
  for c in "$@"; do
    label=${c%%=*} cmd=${c#*=} vals=()
    for i in 1 2 3; do
      /usr/bin/time -o "$OUT/rss" -f '%M' $cmd >/dev/null 2>&1 || true
      vals+=("$(tail -1 "$OUT/rss")")
    done
    printf '%s\t%s\trss\t%s\n' "$label" "$n" "$(printf '%s\n' "${vals[@]}" | sort -n | sed -n 2p)" >> "$RESULTS"
  done
}

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(free -g | awk '/Mem:/ {print $2}') GB RAM, $(. /etc/os-release && echo "$PRETTY_NAME")"
echo "binary: $SHC ($("$SHC" --version))"
echo "corpus: $SHAPE; runs: $RUNS per figure; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

for n in "${SIZES[@]}"; do
  dir=$OUT/$SHAPE-$n
  [ -f "$dir/.done" ] ||
    { rm -rf "$dir"; python3 "$ROOT/bench/gen-corpus.py" --shape "$SHAPE" "$n" "$dir"; touch "$dir/.done"; }
  yaml="$dir/schema $dir/migrations"
  cmds=("libyaml floor=$OUT/libyaml-floor $yaml"
        "yaml-cpp LoadAll=$OUT/yaml-floor $yaml"
        "yaml-cpp events=$OUT/yaml-floor --events $yaml"
        "lint=$SHC lint $yaml"
        "compile=$SHC compile $yaml -o /dev/null")
  if command -v squawk >/dev/null; then
    # One argument per file: hyperfine -N takes the command as one string,
    # and 10,000 paths in one string are over the kernel's limit for an
    # argument. The script exec's squawk, so it is squawk that is timed.
    printf '#!/bin/sh\ncd %s && exec squawk sql/*.sql\n' "$dir" > "$OUT/squawk-$n.sh"
    chmod +x "$OUT/squawk-$n.sh"
    cmds+=("squawk (same SQL)=$OUT/squawk-$n.sh")
  fi
  bench "$n" warm "${cmds[@]}"
  [ "$COLD" = 0 ] || bench "$n" cold "${cmds[@]}"
  peak "$n" "${cmds[@]}"
  "$SHC" lint --format json $yaml > "$OUT/lint-$n.json" || true
  python3 - "$n" "$OUT/lint-$n.json" >> "$RESULTS" <<'PY'
import json, sys
d = json.load(open(sys.argv[2]))["diagnostics"]
u = sum(1 for x in d if x["rule"] == "unordered-migrations")
print("diagnostics\t%s\tcount\t%d,%d" % (sys.argv[1], len(d), u))
PY
done

# The pre-commit case: one migration and its 20 Table specs.
one=$OUT/$SHAPE-${SIZES[0]}
cmd="lint, one file + 20 specs=$SHC lint $one/schema $one/migrations/m00000.yaml"
bench 1 warm "$cmd"
[ "$COLD" = 0 ] || bench 1 cold "$cmd"
peak 1 "$cmd"

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$ROOT/bench/summarize.py" "$RESULTS"

if [ "$PROFILE" != 0 ]; then
  dir=$OUT/$SHAPE-${SIZES[0]}
  echo
  echo "callgrind, compile of ${SIZES[0]} ($SHAPE): top entries by own instructions"
  valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.out" \
    "$SHC" compile "$dir/schema" "$dir/migrations" -o /dev/null >/dev/null 2>&1 || true
  callgrind_annotate "$OUT/callgrind.out" 2>/dev/null | sed -n '/PROGRAM TOTALS/p; /file:function/,$p' |
    sed -n '1p; 4,13p' | cut -c1-150
fi
