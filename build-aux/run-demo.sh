#!/usr/bin/env bash
# Builds Reintegra and opens the window on a demo database kept inside the build directory.
set -euo pipefail
cd "$(dirname "$0")/.."

./build-aux/install-deps.sh

if [ ! -f _build/build.ninja ]; then
  meson setup _build
fi
meson compile -C _build

db=_build/demo/reintegra-demo.db
if [ ! -f "$db" ]; then
  mkdir -p -m 700 _build/demo
  ./_build/src/cli/reintegra-cli --db "$db" demo --residents 2000 --seed 2019
fi

export REINTEGRA_LOCALEDIR="$PWD/_build/po/locale"
export GSETTINGS_SCHEMA_DIR="$PWD/_build/data"
exec ./_build/src/gui/reintegra --db "$db" "$@"
