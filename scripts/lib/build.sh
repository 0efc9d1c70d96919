# Configure and build into $BUILD_DIR (default: build). Sourced by demo/test.
: "${BUILD_DIR:=build}"
shc_build() {
  local jobs="${SHC_JOBS:-2}"
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >"$BUILD_DIR.configure.log" 2>&1 \
      || { cat "$BUILD_DIR.configure.log" >&2; return 1; }
  fi
  ninja -C "$BUILD_DIR" -j"$jobs" >"$BUILD_DIR.build.log" 2>&1 \
    || { tail -n 60 "$BUILD_DIR.build.log" >&2; return 1; }
}
