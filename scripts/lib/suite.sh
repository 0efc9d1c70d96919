# Runs the unit tests and lit against one build directory and adds the counts
# to $passed / $failed. Sourced by scripts/test.

# run_units BUILD_DIR LABEL
run_units() {
  local dir=$1 label=$2 log rc up uf
  log=$(mktemp)
  "$dir/bin/shc-unittests" --gtest_brief=1 >"$log" 2>&1
  rc=$?
  up=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
  uf=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
  up=${up:-0} uf=${uf:-0}
  if [ "$rc" -ne 0 ] && [ "$uf" -eq 0 ]; then uf=1; fi   # crashed before its summary
  [ "$uf" -ne 0 ] && cat "$log"
  echo "$label: $up passed, $uf failed"
  passed=$((passed + up)) failed=$((failed + uf))
  rm -f "$log"
}

# run_lit BUILD_DIR LABEL
run_lit() {
  local dir=$1 label=$2 lit log rc lp lf n k
  lit=$(dpkg -L llvm-14-tools | grep '/lit\.py$' | head -1)
  log=$(mktemp)
  python3 "$lit" -v --param shc_require_postgres=1 "$dir/test/lit" >"$log" 2>&1
  rc=$?
  lp=$(sed -n 's/^ *Passed *: *\([0-9]*\).*/\1/p' "$log" | tail -1)
  lf=0
  for k in Failed Unresolved 'Unexpectedly Passed' 'Timed Out'; do
    n=$(sed -n "s/^ *$k *: *\([0-9]*\).*/\1/p" "$log" | tail -1)
    lf=$((lf + ${n:-0}))
  done
  lp=${lp:-0}
  if [ "$rc" -ne 0 ] && [ "$lf" -eq 0 ]; then lf=1; fi
  grep -vE '^(PASS|UNSUPPORTED|XFAIL): ' "$log"
  echo "$label: $lp passed, $lf failed"
  passed=$((passed + lp)) failed=$((failed + lf))
  rm -f "$log"
}

# Sanitizer runtime options: stop at the first report, abort (so `not` and
# lit see a crash, not an ordinary exit 1) and also write every report under
# $SHC_SAN_LOGS, which sanitizer_reports counts afterwards.
sanitizer_env() {
  SHC_SAN_LOGS=$(mktemp -d /tmp/shc-san.XXXXXX)
  chmod 1777 "$SHC_SAN_LOGS"
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:halt_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1:log_path=$SHC_SAN_LOGS/asan"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:abort_on_error=1:log_path=$SHC_SAN_LOGS/ubsan"
  export LSAN_OPTIONS="log_path=$SHC_SAN_LOGS/lsan"
  export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
}

# Prints every sanitizer report and adds one failure per report file.
sanitizer_reports() {
  local f n=0
  for f in "$SHC_SAN_LOGS"/*; do
    [ -e "$f" ] || continue
    echo "--- sanitizer report $f"
    head -n 60 "$f"
    n=$((n + 1))
  done
  echo "sanitizer reports: $n"
  failed=$((failed + n))
  rm -rf "$SHC_SAN_LOGS"
  unset ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS SHC_SAN_LOGS
}
