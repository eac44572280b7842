#!/usr/bin/env bash
# What protects the people in the register on this machine: after a whole run of the command
# line (imports, exports, backup, restore, refused input), their PESELs and surnames are in
# the database, the backups and the workbooks and nowhere else (not in the output, not in
# leftovers of the test's TMPDIR, not in /tmp); every file and folder made is private, even
# under a loose umask; and names that are SQL reach the tables as text, never as SQL.
# Speaks TAP.
set -u

cli=$1
tmp=$(mktemp -d)
chmod 700 "$tmp"
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0
ok() {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}
log="$tmp/log"   # every command's stdout and stderr, as a script that calls us would keep them
: >"$log"
run() {
  echo "\$ $*" >>"$log"
  "$cli" "$@" >>"$log" 2>&1
}
mode() { stat -c %a "$1"; }

umask 022
touch "$tmp/.start"

# People made up for this run: surnames nobody has, PESELs generated with a random serial, so
# that a hit anywhere can only come from this test.
token=$(tr -dc 'a-z' </dev/urandom | head -c 8)
/usr/bin/python3 - "$tmp/people.csv" "$tmp/secrets" "$token" <<'PY'
import random, sys
out, secrets, token = sys.argv[1], sys.argv[2], sys.argv[3]
w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
rows, words = [], []
for i in range(5):
    d = f"{random.randint(50, 99):02d}{random.randint(1, 12):02d}{random.randint(1, 28):02d}{random.randint(0, 999):03d}{2 * (i % 5)}"
    pesel = d + str((10 - sum(int(c) * x for c, x in zip(d, w)) % 10) % 10)
    surname = f"Tajemnicz{token}{chr(97 + i)}ska"
    rows.append(f"Zofia;{surname};{pesel};K;01.02.2019;15.11.2019;ukonczenie;zatrudnienie")
    words += [pesel, surname]
with open(out, "w", encoding="utf-8") as f:
    f.write("imie;nazwisko;pesel;plec;data_przyjecia;data_zakonczenia;powod_zakonczenia;sytuacja_po\n")
    f.write("\n".join(rows) + "\n")
with open(secrets, "w") as f:
    f.write("\n".join(words) + "\n")
PY

# A whole run of the contract, into a database in a folder that does not exist yet.
db="$tmp/data/sub/reintegra.db"
run --db "$db" import residents "$tmp/people.csv"; ok $? "import"
run --db "$db" export residents --output "$tmp/list.xlsx"; ok $? "export residents"
run --db "$db" export indicators --year 2019 --output "$tmp/ind.xlsx"; ok $? "export indicators"
run --db "$db" backup "$tmp/backup.db"; ok $? "backup"
run --db "$db" check; ok $? "check"
run --db "$db" restore "$tmp/backup.db"; ok $? "restore"
# Refused input: a file with errors (the same people, one PESEL spoiled), a missing file, a
# foreign database; every message names a line and a field, never the value.
sed '2s/;\([0-9]\{10\}\)\([0-9]\);/;\1X;/' "$tmp/people.csv" >"$tmp/bad.csv"
! run --db "$db" import residents "$tmp/bad.csv"; ok $? "a file with errors is refused"
! run --db "$db" import residents "$tmp/missing.csv"; ok $? "a missing file is refused"
! run --db "$db" restore "$tmp/people.csv"; ok $? "a CSV as a backup is refused"

# The -wal and -shm exist while somebody has the database open: keep a connection open while
# the command line writes, and look at them then.
/usr/bin/python3 - "$db" "$tmp/open.ready" "$tmp/open.done" <<'PY' &
import pathlib, sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("SELECT count(*) FROM sqlite_master").fetchall()
pathlib.Path(sys.argv[2]).touch()
for _ in range(200):
    if pathlib.Path(sys.argv[3]).exists():
        break
    time.sleep(0.05)
PY
holder=$!
for _ in $(seq 100); do [ -e "$tmp/open.ready" ] && break; sleep 0.1; done
run --db "$db" import residents "$tmp/people.csv"
wal_mode=$(mode "$db-wal" 2>/dev/null); shm_mode=$(mode "$db-shm" 2>/dev/null)
touch "$tmp/open.done"
wait $holder

# Modes, under umask 022.
[ "$(mode "$db")" = 600 ]; ok $? "database 0600 ($(mode "$db"))"
[ "$wal_mode" = 600 ]; ok $? "-wal 0600 ($wal_mode)"
[ "$shm_mode" = 600 ]; ok $? "-shm 0600 ($shm_mode)"
[ "$(mode "$tmp/data/sub")" = 700 ] && [ "$(mode "$tmp/data")" = 700 ]
ok $? "the folders made for the database 0700 ($(mode "$tmp/data") $(mode "$tmp/data/sub"))"
[ "$(mode "$tmp/backup.db")" = 600 ]; ok $? "backup 0600"
kept=$(ls "$tmp/data/sub" | grep 'before-restore' | head -1)
[ -n "$kept" ] && [ "$(mode "$tmp/data/sub/$kept")" = 600 ]; ok $? "the database kept by restore 0600"
[ "$(mode "$tmp/list.xlsx")" = 600 ] && [ "$(mode "$tmp/ind.xlsx")" = 600 ]; ok $? "workbooks 0600"

# Where the people may be: the database (and its kept copy), the backup, the workbooks, and
# the CSV files the test wrote.  Nowhere else.
allowed() {
  case "$1" in
    "$db"|"$db"-*|"$tmp/data/sub/$kept"|"$tmp/backup.db"|"$tmp/list.xlsx"|"$tmp/ind.xlsx"|\
    "$tmp/people.csv"|"$tmp/bad.csv"|"$tmp/secrets") return 0 ;;
  esac
  return 1
}
# The control: the search does find them where they belong.
grep -a -F -q -f "$tmp/secrets" "$tmp/backup.db" && unzip -p "$tmp/list.xlsx" | grep -a -F -q -f "$tmp/secrets"
ok $? "control: the backup and the workbook do hold them"
grep -F -q -f "$tmp/secrets" "$log"
[ $? -eq 1 ]; ok $? "no PESEL or surname in any command's output ($(wc -l <"$log") lines)"
grep -F -f "$tmp/secrets" "$log" | sed 's/^/# LEAK: /'
leaks=0
while IFS= read -r -d '' f; do
  allowed "$f" && continue
  # Workbooks are zip archives: look inside them too.
  if grep -a -F -q -f "$tmp/secrets" "$f" || { unzip -p "$f" 2>/dev/null | grep -a -F -q -f "$tmp/secrets"; }; then
    echo "# LEAK in $f"
    leaks=$((leaks + 1))
  fi
done < <(find "$tmp" -type f -print0)
[ "$leaks" -eq 0 ]; ok $? "no PESEL or surname in other files under the test's folder"
# The shared /tmp: everything written there since the test started (other programs' files
# too; none may hold our people).
tmp_hits=$(find /tmp -xdev -type f -newer "$tmp/.start" -readable -print0 2>/dev/null |
           xargs -0 -r grep -a -l -F -f "$tmp/secrets" 2>/dev/null | wc -l)
[ "$tmp_hits" -eq 0 ]; ok $? "no PESEL or surname in /tmp ($tmp_hits files)"
[ -z "$(find /tmp -xdev -newer "$tmp/.start" -name '*reintegra*' 2>/dev/null)" ]
ok $? "no Reintegra file in /tmp"

# SQL injection: names that are SQL, through the import and through a save of a partner,
# reach the tables as text.
cat >"$tmp/sql.csv" <<'CSV'
imie;nazwisko;plec
"Robert'); DELETE FROM audit; --";"'); DROP TABLE resident; --";M
"x' OR '1'='1";"Nowak""; DROP TABLE audit; --";K
CSV
inj="$tmp/inj.db"
run --db "$inj" import residents "$tmp/people.csv"
tables_before=$(sqlite3 "$inj" "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master ORDER BY name)")
audit_before=$(sqlite3 "$inj" "SELECT count(*) FROM audit")
run --db "$inj" import residents "$tmp/sql.csv"; ok $? "names that are SQL import"
cat >"$tmp/sql-partners.csv" <<'CSV'
nazwa;typ
"Fundacja'); DROP TABLE partner; --";C
"Robert'); DELETE FROM audit; --";B
CSV
run --db "$inj" import partners "$tmp/sql-partners.csv"; ok $? "partners named in SQL import"
[ "$(sqlite3 "$inj" "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master ORDER BY name)")" = "$tables_before" ]
ok $? "every table and index is still there"
[ "$(sqlite3 "$inj" "SELECT count(*) FROM audit")" -gt "$audit_before" ]; ok $? "the audit trail grew, nothing was deleted"
[ "$(sqlite3 "$inj" "SELECT count(*) FROM resident")" = 7 ]; ok $? "seven residents"
/usr/bin/python3 - "$inj" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
want = {("Robert'); DELETE FROM audit; --", "'); DROP TABLE resident; --"),
        ("x' OR '1'='1", 'Nowak"; DROP TABLE audit; --')}
got = set(con.execute("SELECT first_name, surname FROM resident WHERE first_name <> 'Zofia'"))
partners = {r[0] for r in con.execute("SELECT name FROM partner")}
ok = got == want and partners == {"Fundacja'); DROP TABLE partner; --",
                                  "Robert'); DELETE FROM audit; --"}
if not ok:
    print("# got", got, partners)
sys.exit(0 if ok else 1)
PY
ok $? "the names round-trip exactly"
run --db "$inj" export residents --output "$tmp/sql.xlsx"
/usr/bin/python3 - "$tmp/sql.xlsx" <<'PY'
import openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1])["Uczestnicy"]
names = {r[0] for r in ws.iter_rows(min_row=2, values_only=True)}
sys.exit(0 if {"'); DROP TABLE resident; --", 'Nowak"; DROP TABLE audit; --'} <= names else 1)
PY
ok $? "and come out of the workbook exactly"
run --db "$inj" check; ok $? "the database checks out"

echo "1..$n"
exit $failed
