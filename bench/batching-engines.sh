#!/usr/bin/env bash
# bench/batching-engines.sh [ROWS] [BATCH]: batched apply against one UPDATE
# on SQLite (a file in /tmp) and MariaDB (a throw-away server,
# scripts/lib/mariadb.sh: no flush at commit, a 32 MB buffer pool). Builds a
# table of ROWS rows (default 1,000,000) on each, then times apply of the
# same backfill whole and with --batch-size BATCH (default 10,000), and
# prints a Markdown table with the ratio. With SHC_BENCH_BACKUP=1 it also
# times apply --backup (whole and batched) and the revert that follows each
# (docs/rehearse-backup-revert.md). No concurrent writer: SQLite has
# one writer at a time; bench/batching.sh measures writer latency on
# PostgreSQL. Wall-clock figures move with the machine's load.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
rows=${1:-1000000}
batch=${2:-10000}
bin=${SHC_BIN:-$here/build/bin/schemahero-compile}
. "$here/scripts/lib/mariadb.sh"
work=$(mktemp -d)
mariadb_start
trap 'mariadb_stop; rm -rf "$work"' EXIT

. "$here/bench/batching-specs.sh"
batching_specs "$work" sqlite "'n' || v"
batching_specs "$work" mysql "concat('n', v)"

my() { mariadb --no-defaults -S "$SHC_MYSQL_SOCKET" -u root "$@"; }
setup_sqlite() {
  rm -f "$work/big.db"
  python3 - "$work/big.db" "$rows" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
con.execute("CREATE TABLE big (id INTEGER PRIMARY KEY, v INTEGER, note TEXT)")
con.executemany("INSERT INTO big VALUES (?, ?, NULL)", ((i, i % 1000) for i in range(1, int(sys.argv[2]) + 1)))
con.commit()
PY
}
setup_mysql() {
  my -e "DROP DATABASE IF EXISTS shc_bench; CREATE DATABASE shc_bench"
  my shc_bench -e "CREATE TABLE big (id BIGINT PRIMARY KEY, v INT, note TEXT) ENGINE=InnoDB;
    INSERT INTO big SELECT seq, seq % 1000, NULL FROM seq_1_to_$rows; ANALYZE TABLE big" > /dev/null
}

# $1 engine, $2 label, $3... apply flags (`revert` instead: revert the
# migration the last run applied with --backup, on its data)
run() {
  local engine=$1 label=$2; shift 2
  local uri dialect
  if [ "$engine" = sqlite ]; then uri="sqlite://$work/big.db"; dialect=sqlite
  else uri="mysql://root@/shc_bench?socket=$SHC_MYSQL_SOCKET"; dialect=mysql; fi
  local t0 t1 command=(apply --progress none "$@" "$work/$dialect-migration.yaml"
                       "$work/$dialect-table.yaml")
  if [ "${1:-}" = revert ]; then command=(revert backfill); else "setup_$engine"; fi
  t0=$(date +%s.%N)
  /usr/bin/time -f %M -o "$work/rss" "$bin" "${command[@]}" --dialect "$dialect" --uri "$uri" \
    > /dev/null
  t1=$(date +%s.%N)
  local secs
  secs=$(echo "$t1 - $t0" | bc -l)
  printf '| %s | %s | %s | %.2f | %.0f | %s |\n' "$engine" "$label" "$rows" "$secs" \
    "$(echo "$rows / $secs" | bc -l)" "$(( $(cat "$work/rss") / 1024 ))"
}

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| engine | apply | rows | seconds | rows/s | peak RSS MB |"
echo "|---|---|---:|---:|---:|---:|"
for engine in sqlite mysql; do
  run "$engine" "one UPDATE"
  run "$engine" "batches of $batch" --batch-size "$batch"
  if [ "${SHC_BENCH_BACKUP:-}" = 1 ]; then
    run "$engine" "one UPDATE, --backup" --backup
    run "$engine" "revert of it" revert
    run "$engine" "batches of $batch, --backup" --batch-size "$batch" --backup
    run "$engine" "revert of it" revert
  fi
done
