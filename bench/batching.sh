#!/usr/bin/env bash
# bench/batching.sh [ROWS] [BATCH]: batched apply against one UPDATE on
# PostgreSQL (issue 18). Starts its own server (scripts/lib/pg.sh: fsync
# off), builds a table of ROWS rows (default 1,000,000), then for the single
# UPDATE and for --batch-size BATCH (default 10,000):
#   - wall time of apply, and throughput (rows/s);
#   - a concurrent writer (pgbench, one client, single-row UPDATEs of random
#     rows) during the apply: its latency p50/p99/max, which is the time it
#     waits for the migration's row locks;
#   - apply's peak RSS (/usr/bin/time), at ROWS/4 and ROWS, to show it flat.
# Prints a Markdown table. Wall-clock figures move with the machine's load.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
rows=${1:-1000000}
batch=${2:-10000}
bin=${SHC_BIN:-$here/build/bin/schemahero-compile}
pgbench=/usr/lib/postgresql/15/bin/pgbench
. "$here/scripts/lib/pg.sh"
pg_start >/dev/null
trap pg_stop EXIT
work=$(mktemp -d)
chmod 777 "$work"
uri="postgresql:///shc_bench?host=$PGHOST&user=postgres"

. "$here/bench/batching-specs.sh"
batching_specs "$work" postgres "'n' || v"
cat > "$work/writer.sql" <<SQL
\set id random(1, $rows)
UPDATE big SET note = 'w' WHERE id = :id;
SQL

setup() { # $1 rows
  dropdb --if-exists shc_bench >/dev/null 2>&1
  createdb shc_bench
  psql -X -q -d shc_bench -c "CREATE TABLE big (id bigint PRIMARY KEY, v integer, note text);" \
    -c "INSERT INTO big SELECT i, i % 1000, NULL FROM generate_series(1, $1) i" \
    -c "VACUUM ANALYZE big"
}

# $1 label, $2 rows, $3... apply flags: apply with a writer running beside it.
run() {
  local label=$1 n=$2; shift 2
  setup "$n"
  rm -f "$work"/pgbench_log*
  "$pgbench" -n -c 1 -T 600 -l --log-prefix="$work/pgbench_log" -f "$work/writer.sql" shc_bench \
    > "$work/pgbench.out" 2>&1 &
  local writer=$!
  sleep 1
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f %M -o "$work/rss" "$bin" apply --uri "$uri" --progress none "$@" \
    "$work/postgres-migration.yaml" "$work/postgres-table.yaml" > "$work/apply.out"
  t1=$(date +%s.%N)
  sleep 0.5
  # Ending its session ends pgbench cleanly, with its log written.
  psql -X -q -d postgres -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
    WHERE application_name = 'pgbench'" > /dev/null
  wait $writer || true
  local secs rss
  secs=$(echo "$t1 - $t0" | bc -l)
  rss=$(( $(cat "$work/rss") / 1024 ))
  # pgbench -l: one line per transaction, the 3rd field is its latency (us);
  # only those that started while apply ran count.
  local lat
  lat=$(cat "$work"/pgbench_log.* | awk -v a="$t0" -v b="$t1" '{t = $5 + $6 / 1e6; if (t >= a && t <= b) print $3 / 1000}' | sort -n |
        awk '{v[NR] = $1} END {if (NR == 0) {print "- - - 0"; exit}
             m = int((NR + 1) / 2); q = int(NR * 0.99); if (q < 1) q = 1
             printf "%.1f %.1f %.1f %d\n", v[m], v[q], v[NR], NR}')
  read -r p50 p99 max count <<< "$lat"
  printf '| %s | %s | %.2f | %.0f | %s | %s | %s | %s | %s |\n' "$label" "$n" "$secs" \
    "$(echo "$n / $secs" | bc -l)" "$count" "$p50" "$p99" "$max" "$rss"
}

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| apply | rows | seconds | rows/s | writer txns | writer p50 ms | writer p99 ms | writer max ms | peak RSS MB |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
run "one UPDATE" "$rows"
run "batched, $batch" "$rows" --batch-size "$batch"
run "batched, $batch" "$((rows / 4))" --batch-size "$batch"
run "batched, target 100ms" "$rows" --batch-size 1000 --batch-target 100ms
rm -rf "$work"
