#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Import and export benchmarks, run by hand:  BUILDDIR=_build bench/run.sh [N]
#
# 1. writes the demo CSV of N residents (default 100 000) with rei_demo_write_csv;
# 2. times our import of it against sqlite3's own .import of the same file into a plain table,
#    and prints both times and their ratio;
# 3. times the export of both workbooks at 10 000 and N residents, with peak memory;
# 4. gives everyone a demo plan (rei_demo_fill_plans, as `reintegra-cli demo` does) and times
#    the plans workbook at both sizes against the residents workbook (BENCH_PLANS=0 skips it:
#    the demo plans of 100 000 people take minutes to make).
# Everything goes through reintegra-cli when it is built (BENCH_API=1 forces the bench-import /
# bench-export programs, which call the core API directly).  All files live in a private
# temporary directory that is removed on exit: the demo data has the shape of special-category
# personal data and is treated as such.

set -euo pipefail
# A decimal point, not a comma, in $EPOCHREALTIME and awk whatever the desktop's language.
export LC_ALL=C.UTF-8

N=${1:-100000}
SMALL=10000
if [ "$N" -lt "$SMALL" ]; then
  SMALL=$N
fi
SEED=${SEED:-2019}

here=$(cd "$(dirname "$0")" && pwd)
BUILDDIR=${BUILDDIR:-$here/../_build}
BENCH_IMPORT=$BUILDDIR/bench/bench-import
BENCH_EXPORT=$BUILDDIR/bench/bench-export
CLI=$BUILDDIR/src/cli/reintegra-cli
TIME=/usr/bin/time

for tool in "$BENCH_IMPORT" "$BENCH_EXPORT"; do
  if [ ! -x "$tool" ]; then
    echo "run.sh: $tool is missing; build with: ninja -C $BUILDDIR" >&2
    exit 1
  fi
done
if [ ! -x "$TIME" ]; then
  echo "run.sh: $TIME is missing; install the Debian package 'time'" >&2
  exit 1
fi
if ! command -v sqlite3 >/dev/null; then
  echo "run.sh: sqlite3 is missing; install the Debian package 'sqlite3'" >&2
  exit 1
fi

if [ -x "$CLI" ] && [ "${BENCH_API:-0}" != 1 ]; then
  VIA=cli
else
  VIA=api
fi

umask 077
tmp=$(mktemp -d "${TMPDIR:-/tmp}/reintegra-bench-XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# The indicators of the last whole year: the demo data has graduates in every year since 2017.
YEAR=$(($(date +%Y) - 1))

rows=()
LAST_SECS=
LAST_KIB=

# measure LABEL RESIDENTS VIA COMMAND...: runs the command once, keeps its wall time and peak
# resident memory, and adds a row to the table.
measure() {
  local label=$1 residents=$2 via=$3
  shift 3
  local start end
  # Wall time from bash's microsecond clock (time's %e has only hundredths); memory from time.
  start=$EPOCHREALTIME
  if ! "$TIME" -f '%M' -o "$tmp/time" "$@" >"$tmp/out" 2>"$tmp/err"; then
    echo "run.sh: '$label' failed:" >&2
    cat "$tmp/out" "$tmp/err" | head -n 20 >&2
    exit 1
  fi
  end=$EPOCHREALTIME
  LAST_SECS=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }')
  LAST_KIB=$(tail -n 1 "$tmp/time")
  rows+=("$(printf '%-34s %9s %-7s %9s %10s' "$label" "$residents" "$via" "$LAST_SECS" \
            "$(awk -v k="$LAST_KIB" 'BEGIN { printf "%.1f", k / 1024 }')")")
}

import_ours() {
  local db=$1 csv=$2 residents=$3
  if [ "$VIA" = cli ]; then
    measure "import (Reintegra)" "$residents" cli "$CLI" --db "$db" import residents "$csv"
  else
    measure "import (Reintegra)" "$residents" api "$BENCH_IMPORT" "$db" "$csv"
  fi
  local count
  count=$(sqlite3 "$db" 'SELECT count(*) FROM resident')
  if [ "$count" != "$residents" ]; then
    echo "run.sh: imported $count residents, expected $residents" >&2
    exit 1
  fi
}

export_both() {
  local db=$1 residents=$2
  if [ "$VIA" = cli ]; then
    measure "export residents" "$residents" cli \
      "$CLI" --db "$db" export residents --output "$tmp/residents-$residents.xlsx"
    measure "export indicators $YEAR" "$residents" cli \
      "$CLI" --db "$db" export indicators --year "$YEAR" --output "$tmp/indicators-$residents.xlsx"
  else
    measure "export residents" "$residents" api \
      "$BENCH_EXPORT" "$db" residents "$tmp/residents-$residents.xlsx"
    measure "export indicators $YEAR" "$residents" api \
      "$BENCH_EXPORT" "$db" indicators "$tmp/indicators-$residents.xlsx" "$YEAR"
  fi
}

export_plans() {
  local db=$1 residents=$2
  measure "demo plans for everyone" "$residents" api "$BENCH_EXPORT" "$db" fill-plans "$SEED"
  # The residents workbook again, beside it: the ratio is of two runs on the same loaded machine.
  if [ "$VIA" = cli ]; then
    measure "export residents" "$residents" cli \
      "$CLI" --db "$db" export residents --output "$tmp/residents-again-$residents.xlsx"
  else
    measure "export residents" "$residents" api \
      "$BENCH_EXPORT" "$db" residents "$tmp/residents-again-$residents.xlsx"
  fi
  local residents_secs=$LAST_SECS
  if [ "$VIA" = cli ]; then
    measure "export plans" "$residents" cli "$CLI" --db "$db" export plans --output "$tmp/plans-$residents.xlsx"
  else
    measure "export plans" "$residents" api "$BENCH_EXPORT" "$db" plans "$tmp/plans-$residents.xlsx"
  fi
  ratios+=("$(awk -v p="$LAST_SECS" -v r="$residents_secs" -v n="$residents" \
               'BEGIN { printf "plans workbook / residents workbook at %d: %.1fx", n, p / r }')")
}

ratios=()
echo "Reintegra benchmarks: $N residents, seed $SEED, via $VIA, $(nproc) cores"

# 1. The CSV.
measure "write demo CSV" "$N" api "$BENCH_IMPORT" --write-csv "$tmp/residents-$N.csv" "$N" "$SEED"
csv_mib=$(awk -v b="$(stat -c %s "$tmp/residents-$N.csv")" 'BEGIN { printf "%.1f", b / 1048576 }')

# 2. Our import against sqlite3's .import of the same file into one plain table.
import_ours "$tmp/ours-$N.db" "$tmp/residents-$N.csv" "$N"
ours_secs=$LAST_SECS
measure "import (sqlite3 .import)" "$N" sqlite3 \
  sqlite3 -batch -cmd '.mode csv' -cmd '.separator ;' "$tmp/plain-$N.db" \
  ".import '$tmp/residents-$N.csv' t"
plain_secs=$LAST_SECS
plain_count=$(sqlite3 "$tmp/plain-$N.db" 'SELECT count(*) FROM t')
if [ "$plain_count" != "$N" ]; then
  echo "run.sh: sqlite3 imported $plain_count rows, expected $N" >&2
  exit 1
fi

# 3. Both workbooks at 10 000 residents and at N.
if [ "$SMALL" != "$N" ]; then
  measure "write demo CSV" "$SMALL" api \
    "$BENCH_IMPORT" --write-csv "$tmp/residents-$SMALL.csv" "$SMALL" "$SEED"
  import_ours "$tmp/ours-$SMALL.db" "$tmp/residents-$SMALL.csv" "$SMALL"
  export_both "$tmp/ours-$SMALL.db" "$SMALL"
fi
export_both "$tmp/ours-$N.db" "$N"

# 4. The plans workbook.
if [ "${BENCH_PLANS:-1}" != 0 ]; then
  if [ "$SMALL" != "$N" ]; then
    export_plans "$tmp/ours-$SMALL.db" "$SMALL"
  fi
  export_plans "$tmp/ours-$N.db" "$N"
fi

echo
printf '%-34s %9s %-7s %9s %10s\n' "step" "residents" "via" "wall s" "peak MiB"
printf '%s\n' "------------------------------------------------------------------------"
printf '%s\n' "${rows[@]}"
echo
echo "CSV: $csv_mib MiB"
awk -v o="$ours_secs" -v p="$plain_secs" -v n="$N" 'BEGIN {
  if (p > 0)
    printf "import of %d residents: Reintegra %.3f s, sqlite3 .import %.3f s, ratio %.1fx\n", n, o, p, o / p
  else
    printf "import of %d residents: Reintegra %.3f s, sqlite3 .import %.3f s (too fast to divide)\n", n, o, p
}'
if [ ${#ratios[@]} -gt 0 ]; then
  printf '%s\n' "${ratios[@]}"
fi
for f in "$tmp"/*.xlsx; do
  printf 'workbook %-28s %8.1f KiB\n' "$(basename "$f")" "$(awk -v b="$(stat -c %s "$f")" 'BEGIN { print b / 1024 }')"
done
