#!/usr/bin/env bash
# Builds Reintegra and runs every test and check; ends with meson's test summary.
#
# Two builds: _build (gcc, as the application ships) runs the whole suite; _build-asan (clang
# with AddressSanitizer and UndefinedBehaviorSanitizer, the libFuzzer harnesses built in) runs
# the whole suite again, where any memory error, leak of ours or undefined behaviour fails a
# test, plus each fuzzer for a bounded time (suite "fuzz").  REI_SKIP_SANITIZERS=1 skips the
# second build while you work; CI never sets it.
set -euo pipefail
cd "$(dirname "$0")/.."

./build-aux/install-deps.sh

setup() {
  local dir=$1
  shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@"
  fi
}

status=0
if [ "${REI_SKIP_SANITIZERS:-0}" != 1 ]; then
  CC=clang setup _build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dfuzzing=true
  meson compile -C _build-asan
  echo "== the sanitizer build (clang, ASan + UBSan, libFuzzer) =="
  # The sanitizers make the code several times slower; the fuzzers run on a clock of their own.
  meson test -C _build-asan --print-errorlogs --num-processes 2 --timeout-multiplier 4 || status=$?
fi

# The ordinary build last, so that its summary closes the output.
setup _build
meson compile -C _build
echo "== the ordinary build (gcc) =="
meson test -C _build --print-errorlogs --num-processes 2 || status=$?
exit $status
