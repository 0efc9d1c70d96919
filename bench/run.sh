#!/usr/bin/env bash
# Benchmark lint and compile against the read floor and squawk.
#
#   bench/run.sh [SIZES...]        (default: 1000 10000)
#
# Env: SHC=path/to/schemahero-compile (default build/bin/schemahero-compile),
#      RUNS=N (default 5), OUT=folder for corpora (default /tmp/shc-bench).
# Each figure is the median of RUNS cold process runs (page cache dropped
# before each run when /proc/sys/vm/drop_caches is writable, else warm and
# said so). Installs hyperfine (apt) and squawk-cli (npm) when missing: only
# here, not in scripts/bootstrap.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHC=${SHC:-$ROOT/build/bin/schemahero-compile}
RUNS=${RUNS:-5}
OUT=${OUT:-/tmp/shc-bench}
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(1000 10000)

command -v hyperfine >/dev/null || apt-get install -y -q hyperfine >/dev/null
command -v squawk >/dev/null || npm install -g squawk-cli >/dev/null 2>&1 || true
[ -x "$SHC" ] || { echo "build first: $SHC is missing" >&2; exit 2; }
mkdir -p "$OUT"
FLOOR=$OUT/yaml-floor
[ "$FLOOR" -nt "$ROOT/bench/yaml-floor.cpp" ] ||
  c++ -O2 -std=c++17 -o "$FLOOR" "$ROOT/bench/yaml-floor.cpp" -lyaml-cpp

PREPARE="true"
COLD="warm (page cache not dropped)"
if (sync && echo 3 > /proc/sys/vm/drop_caches) 2>/dev/null; then
  PREPARE="sync; echo 3 > /proc/sys/vm/drop_caches"
  COLD="cold (page cache dropped before each run)"
fi

# median wall time in ms of a command, via hyperfine's JSON export
wall() {
  local json=$OUT/h.json
  hyperfine -N --runs "$RUNS" --prepare "$PREPARE" --export-json "$json" -i "$1" >/dev/null 2>&1 ||
    hyperfine --runs "$RUNS" --prepare "$PREPARE" --export-json "$json" -i "$1" >/dev/null 2>&1
  python3 -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["median"]*1000))' "$json"
}
# the same, warm: the binary and files in the page cache (a pre-commit run)
wall_warm() {
  local json=$OUT/h.json
  hyperfine -N --warmup 3 --runs $((RUNS * 4)) --export-json "$json" -i "$1" >/dev/null 2>&1
  python3 -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["median"]*1000))' "$json"
}
# median peak RSS in MB over RUNS runs
peak() {
  local i vals=()
  for ((i = 0; i < RUNS; i++)); do
    vals+=("$( { /usr/bin/time -f '%M' sh -c "$1 >/dev/null 2>&1" ; } 2>&1 | tail -1)")
  done
  printf '%s\n' "${vals[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1024}'
}
row() { printf '| %-28s | %6s | %10s | %9s |\n' "$1" "$2" "$3" "$4"; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(free -g | awk '/Mem:/ {print $2}') GB RAM; runs: $RUNS, $COLD"
echo "binary: $SHC ($("$SHC" --version))"
row "what" "N" "wall ms" "peak MB"
row "---" "---" "---" "---"
for n in "${SIZES[@]}"; do
  dir=$OUT/corpus-$n
  [ -f "$dir/.done" ] || { rm -rf "$dir"; python3 "$ROOT/bench/gen-corpus.py" "$n" "$dir"; touch "$dir/.done"; }
  yaml="$dir/schema $dir/migrations"
  row "read floor (yaml-cpp parse)" "$n" "$(wall "$FLOOR $yaml")" "$(peak "$FLOOR $yaml")"
  row "lint" "$n" "$(wall "$SHC lint $yaml")" "$(peak "$SHC lint $yaml")"
  row "compile" "$n" "$(wall "$SHC compile $yaml")" "$(peak "$SHC compile $yaml")"
  # The dependence pass is quadratic today (bench/README.md): show the rest.
  row "compile --disable=dependence" "$n" "$(wall "$SHC compile --disable=dependence $yaml")" \
    "$(peak "$SHC compile --disable=dependence $yaml")"
  if command -v squawk >/dev/null; then
    row "squawk (same SQL)" "$n" "$(wall "sh -c 'squawk $dir/sql/*.sql'")" \
      "$(peak "squawk $dir/sql/*.sql")"
  fi
done
# The pre-commit case: one migration and its schema.
one="${OUT}/corpus-${SIZES[0]}"
row "lint, one file + schema, cold" "1" "$(wall "$SHC lint $one/schema $one/migrations/m00000.yaml")" \
  "$(peak "$SHC lint $one/schema $one/migrations/m00000.yaml")"
row "lint, one file + schema, warm" "1" "$(wall_warm "$SHC lint $one/schema $one/migrations/m00000.yaml")" \
  "$(peak "$SHC lint $one/schema $one/migrations/m00000.yaml")"
