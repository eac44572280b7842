#!/usr/bin/env bash
# How reintegra-cli fails when the world does: a full disk (a 1 MiB tmpfs when we may mount one,
# and a file-size limit always), a read-only database file and folder, a database another
# program holds locked, a -wal lost after a crash, a database cut short.  Each must give a
# sentence a clerk understands, in English and in Polish, exit 1, not crash, and leave the
# database it could not write (or read whole) byte for byte as it was.  Speaks TAP.
set -u

cli=$1
localedir=${2:-}
tmp=$(mktemp -d)
chmod 700 "$tmp"
mounted=
cleanup() {
  [ -n "$mounted" ] && umount "$mounted" 2>/dev/null
  chmod -R u+rwX "$tmp" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

n=0
failed=0
cases=0
ok() {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}
skip() {
  n=$((n + 1))
  echo "ok $n - # SKIP $1"
}

# Root writes through any permission bit; without CAP_DAC_OVERRIDE it is held to them like
# anybody else, which is what a read-only file means to the clerk's own account.
as_user=()
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
  as_user=(setpriv --bounding-set=-dac_override,-dac_read_search --)
fi

# run NAME [ENV…] -- CLI-ARGS…: once in English, once in Polish; stdout/stderr kept per language.
run() {
  local name=$1
  shift
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  env "${envs[@]}" LANGUAGE=en "${as_user[@]}" "$cli" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
  echo $? >"$tmp/$name.rc"
  env "${envs[@]}" LANGUAGE=pl REINTEGRA_LOCALEDIR="$localedir" "${as_user[@]}" "$cli" "$@" \
    >"$tmp/$name.pl.out" 2>"$tmp/$name.pl.err"
  echo $? >"$tmp/$name.pl.rc"
}

# expect NAME ENGLISH POLISH: exit 1 in both languages, the sentence in each, no crash.
expect() {
  local name=$1 en=$2 pl=$3
  cases=$((cases + 1))
  [ "$(cat "$tmp/$name.rc")" = 1 ] && [ "$(cat "$tmp/$name.pl.rc")" = 1 ]
  ok $? "$name: exit 1 (got $(cat "$tmp/$name.rc")/$(cat "$tmp/$name.pl.rc"))"
  grep -q -- "$en" "$tmp/$name.err"
  ok $? "$name: English message '$en'"
  sed 's/^/# en: /' "$tmp/$name.err"
  if [ -n "$localedir" ]; then
    grep -q -- "$pl" "$tmp/$name.pl.err"
    ok $? "$name: Polish message '$pl'"
    sed 's/^/# pl: /' "$tmp/$name.pl.err"
  fi
}

count() {
  sqlite3 "file:$1?mode=ro" "SELECT count(*) FROM resident" 2>/dev/null
}

# People invented for the test, none of them real.
make_csv() {
  /usr/bin/python3 - "$1" "$2" "${3:-0}" <<'PY'
import sys
rows = int(sys.argv[2])
first = int(sys.argv[3])
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("imie;nazwisko;pesel;plec;data_przyjecia\n")
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    for i in range(first, first + rows):
        d = f"70{1 + i // 28000 % 12:02d}{1 + i // 1000 % 28:02d}{i % 1000:03d}2"
        d += str((10 - sum(int(c) * x for c, x in zip(d, w)) % 10) % 10)
        f.write(f"Testowa{i};Próbna{i};{d};K;01.02.2020\n")
PY
}

make_csv "$tmp/two.csv" 2
make_csv "$tmp/two-more.csv" 2 2
make_csv "$tmp/big.csv" 8000
"$cli" --db "$tmp/base.db" import residents "$tmp/two.csv" >/dev/null || exit 1

fresh() {   # a copy of the two-person database at $1, closed cleanly
  cp "$tmp/base.db" "$1"
  chmod 600 "$1"
}

# 1. A full disk: a 1 MiB tmpfs holding the database, the workbook, the backup.
if [ "$(id -u)" -eq 0 ] && mkdir -p "$tmp/full" && mount -t tmpfs -o size=1m,mode=0700 tmpfs "$tmp/full" 2>/dev/null; then
  mounted="$tmp/full"
  fresh "$tmp/full/r.db"
  cp "$tmp/full/r.db" "$tmp/full.before"
  run full-import -- --db "$tmp/full/r.db" import residents "$tmp/big.csv"
  expect full-import "The disk is full" "Dysk jest pełny"
  cmp -s "$tmp/full/r.db" "$tmp/full.before"; ok $? "full-import: the database file is unchanged"
  [ "$(count "$tmp/full/r.db")" = 2 ]; ok $? "full-import: still the two people"
  head -c 900000 /dev/zero >"$tmp/full/ballast"
  run full-export -- --db "$tmp/base.db" export residents --output "$tmp/full/list.xlsx"
  cases=$((cases + 1))
  [ "$(cat "$tmp/full-export.rc")" = 1 ]; ok $? "full-export: exit 1"
  sed 's/^/# en: /' "$tmp/full-export.err"
  [ -z "$(ls "$tmp/full" | grep -v -e '^r.db' -e '^ballast$')" ]; ok $? "full-export: no workbook and no temporary file left"
  run full-backup -- --db "$tmp/base.db" backup "$tmp/full/backup.db"
  expect full-backup "Cannot write the backup\|The disk is full" "Nie można zapisać kopii\|Dysk jest pełny"
  [ -z "$(ls "$tmp/full" | grep -v -e '^r.db' -e '^ballast$')" ]; ok $? "full-backup: no backup and no temporary file left"
  umount "$tmp/full" && mounted=
else
  skip "cannot mount a tmpfs (not root): the file-size limit below stands in for a full disk"
fi

# 2. A full disk as a file-size limit (ulimit -f, SIGXFSZ ignored so that write() fails).
fresh "$tmp/limit.db"
cp "$tmp/limit.db" "$tmp/limit.before"
(ulimit -f 600; trap '' XFSZ; run limit-import -- --db "$tmp/limit.db" import residents "$tmp/big.csv")
expect limit-import "The disk is full" "Dysk jest pełny"
cmp -s "$tmp/limit.db" "$tmp/limit.before"; ok $? "limit-import: the database file is unchanged"
[ "$(count "$tmp/limit.db")" = 2 ]; ok $? "limit-import: still the two people"
(ulimit -f 8; trap '' XFSZ; run limit-backup -- --db "$tmp/base.db" backup "$tmp/limit-backup.db")
expect limit-backup "The disk is full" "Dysk jest pełny"
[ ! -e "$tmp/limit-backup.db" ] && [ -z "$(ls -A "$tmp" | grep '^\.reintegra-backup')" ]
ok $? "limit-backup: no backup and no temporary file left"

# 3. A read-only database file.
fresh "$tmp/ro.db"
chmod 400 "$tmp/ro.db"
cp "$tmp/ro.db" "$tmp/ro.before"
run ro-import -- --db "$tmp/ro.db" import residents "$tmp/two.csv"
expect ro-import "The database is read-only" "Baza danych jest tylko do odczytu"
cmp -s "$tmp/ro.db" "$tmp/ro.before"; ok $? "ro-import: the database file is unchanged"
"$cli" --db "$tmp/base.db" backup "$tmp/ro-backup.db" >/dev/null
run ro-restore -- --db "$tmp/ro.db" restore "$tmp/ro-backup.db"
expect ro-restore "The database is read-only" "Baza danych jest tylko do odczytu"
cmp -s "$tmp/ro.db" "$tmp/ro.before"; ok $? "ro-restore: the database file is unchanged"

# 4. A read-only folder: the database may be written, its -wal not created.
mkdir "$tmp/rodir"
fresh "$tmp/rodir/r.db"
cp "$tmp/rodir/r.db" "$tmp/rodir.before"
chmod 500 "$tmp/rodir"
run rodir-import -- --db "$tmp/rodir/r.db" import residents "$tmp/two.csv"
expect rodir-import "The database is read-only" "Baza danych jest tylko do odczytu"
cmp -s "$tmp/rodir/r.db" "$tmp/rodir.before"; ok $? "rodir-import: the database file is unchanged"
[ "$(ls "$tmp/rodir")" = "r.db" ]; ok $? "rodir-import: nothing was created beside it"
chmod 700 "$tmp/rodir"

# 5. Locked by another program: a connection holds a write transaction past the busy timeout,
# as the window does while it saves (here for longer than the shortened timeout).
fresh "$tmp/locked.db"
/usr/bin/python3 - "$tmp/locked.db" "$tmp/locked.ready" <<'PY' &
import sqlite3, sys, time, pathlib
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
pathlib.Path(sys.argv[2]).touch()
time.sleep(6)
con.execute("ROLLBACK")
PY
holder=$!
for _ in $(seq 100); do [ -e "$tmp/locked.ready" ] && break; sleep 0.1; done
run locked-import REINTEGRA_BUSY_TIMEOUT_MS=300 -- --db "$tmp/locked.db" import residents "$tmp/two.csv"
run locked-restore REINTEGRA_BUSY_TIMEOUT_MS=300 -- --db "$tmp/locked.db" restore "$tmp/ro-backup.db"
wait $holder
expect locked-import "Another program is using the database" "Inny program używa bazy danych"
expect locked-restore "Another program is using the database" "Inny program używa bazy danych"
[ "$(count "$tmp/locked.db")" = 2 ]; ok $? "locked: still the two people, nothing half-written"
[ -z "$(ls "$tmp" | grep '^locked.db.before-restore')" ]; ok $? "locked-restore: no copy kept of a database it did not replace"

# 6. A -wal lost after a crash.  A second connection stays open, so the import's commit stays
# in the -wal (nobody checkpoints it); the "crash" is a copy of the database and its -shm
# without the -wal, as a careless copy or a sync tool leaves it.
fresh "$tmp/crash.db"
/usr/bin/python3 - "$tmp/crash.db" "$tmp/crash.ready" "$tmp/crash.done" <<'PY' &
import sqlite3, sys, time, pathlib
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("SELECT count(*) FROM sqlite_master").fetchall()
pathlib.Path(sys.argv[2]).touch()
for _ in range(100):
    if pathlib.Path(sys.argv[3]).exists():
        break
    time.sleep(0.1)
PY
holder=$!
for _ in $(seq 100); do [ -e "$tmp/crash.ready" ] && break; sleep 0.1; done
"$cli" --db "$tmp/crash.db" import residents "$tmp/two-more.csv" >/dev/null 2>&1
cp "$tmp/crash.db" "$tmp/lost.db"; cp "$tmp/crash.db-shm" "$tmp/lost.db-shm"
cp "$tmp/crash.db" "$tmp/kept.db"; cp "$tmp/crash.db-shm" "$tmp/kept.db-shm"; cp "$tmp/crash.db-wal" "$tmp/kept.db-wal"
touch "$tmp/crash.done"
wait $holder
cp "$tmp/lost.db" "$tmp/lost.before"; cp "$tmp/lost.db-shm" "$tmp/lost.shm.before"
run lost-wal-check -- --db "$tmp/lost.db" check
expect lost-wal-check "is missing: the last changes saved" "Brakuje dziennika bazy danych"
run lost-wal-export -- --db "$tmp/lost.db" export residents --output "$tmp/lost.xlsx"
expect lost-wal-export "is missing: the last changes saved" "Brakuje dziennika bazy danych"
cmp -s "$tmp/lost.db" "$tmp/lost.before" && cmp -s "$tmp/lost.db-shm" "$tmp/lost.shm.before"
ok $? "lost-wal: the database and its -shm are unchanged"
[ ! -e "$tmp/lost.db-wal" ] && [ ! -e "$tmp/lost.xlsx" ]; ok $? "lost-wal: no new -wal, no workbook"
"$cli" --db "$tmp/kept.db" check >/dev/null 2>&1 && [ "$(count "$tmp/kept.db")" = 4 ]
ok $? "the same crash with its -wal recovers all four people"

# 7. A database cut short in the middle.
fresh "$tmp/cut.db"
size=$(stat -c %s "$tmp/cut.db")
truncate -s $((size / 2)) "$tmp/cut.db"
cp "$tmp/cut.db" "$tmp/cut.before"
run cut-check -- --db "$tmp/cut.db" check
expect cut-check "is damaged: the file is cut short" "jest uszkodzona: plik jest ucięty"
run cut-import -- --db "$tmp/cut.db" import residents "$tmp/two.csv"
expect cut-import "is damaged: the file is cut short" "jest uszkodzona: plik jest ucięty"
run cut-export -- --db "$tmp/cut.db" export residents --output "$tmp/cut.xlsx"
expect cut-export "is damaged: the file is cut short" "jest uszkodzona: plik jest ucięty"
cmp -s "$tmp/cut.db" "$tmp/cut.before"; ok $? "cut: the database file is unchanged"
[ ! -e "$tmp/cut.db-wal" ] && [ ! -e "$tmp/cut.xlsx" ]; ok $? "cut: no -wal, no workbook"
head -c 60 "$tmp/base.db" >"$tmp/header.db"
run cut-header -- --db "$tmp/header.db" check
expect cut-header "is damaged: the file is cut short" "jest uszkodzona: plik jest ucięty"
# A restore is the remedy: it takes the cut database's place and keeps the cut one beside it.
"$cli" --db "$tmp/cut.db" restore "$tmp/ro-backup.db" >"$tmp/cut-restore.out" 2>&1
ok $? "a restore over the cut database succeeds"
"$cli" --db "$tmp/cut.db" check >/dev/null 2>&1 && [ "$(count "$tmp/cut.db")" = 2 ]
ok $? "the restored database checks out and holds the two people"
kept=$(ls "$tmp" | grep '^cut.db.before-restore-' | head -1)
[ -n "$kept" ] && cmp -s "$tmp/$kept" "$tmp/cut.before" && [ "$(stat -c %a "$tmp/$kept")" = 600 ]
ok $? "the cut database is kept byte for byte, mode 0600"

echo "# fault cases tried: $cases (each in English and in Polish)"
echo "1..$n"
exit $failed
