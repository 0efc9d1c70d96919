# Bounded libFuzzer runs (docs/hardening.md). Sourced by scripts/test.

# fuzz_seeds SRC_ROOT OUT_DIR: seed corpora from the test inputs, one folder
# per target (yaml, expr, compile).
fuzz_seeds() {
  python3 "$1/test/fuzz/seeds.py" "$1" "$2"
}

# run_fuzz BUILD_DIR SRC_ROOT SECONDS: each target for SECONDS on a scratch
# copy of its seeds. A crash, leak, timeout or out-of-memory is one failure;
# the reproducer is kept in $BUILD_DIR/fuzz-artifacts/.
run_fuzz() {
  local dir=$1 src=$2 secs=$3 work t rc
  work=$(mktemp -d /tmp/shc-fuzz.XXXXXX)
  fuzz_seeds "$src" "$work" || { echo "fuzz: cannot build seed corpora"; failed=$((failed + 1)); return; }
  mkdir -p "$dir/fuzz-artifacts"
  for t in yaml expr compile sql; do
    "$dir/bin/shc-fuzz-$t" "$work/$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
      -max_len=4096 -print_final_stats=1 -artifact_prefix="$dir/fuzz-artifacts/$t-" \
      >"$work/$t.log" 2>&1
    rc=$?
    if [ "$rc" -eq 0 ]; then
      echo "fuzz $t: ok ($(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$t.log") runs in ${secs}s)"
      passed=$((passed + 1))
    else
      echo "fuzz $t: FAILED (exit $rc); reproducer in $dir/fuzz-artifacts/"
      tail -n 60 "$work/$t.log"
      failed=$((failed + 1))
    fi
  done
  rm -rf "$work"
}
