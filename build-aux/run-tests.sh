#!/usr/bin/env bash
# Builds Reintegra and runs every test and check; ends with meson's test summary.
set -euo pipefail
cd "$(dirname "$0")/.."

./build-aux/install-deps.sh

if [ -f _build/build.ninja ]; then
  meson setup --reconfigure _build >/dev/null
else
  meson setup _build
fi
meson compile -C _build
meson test -C _build --print-errorlogs --num-processes 2
