#!/usr/bin/env bash
# The command-line contract that scripts rely on: exit statuses, FILE:LINE messages on stderr,
# nothing written on bad input, Polish messages under a Polish locale.  Speaks TAP.
set -u

cli=$1
srcdir=$2
localedir=${3:-}
tmp=$(mktemp -d)
chmod 700 "$tmp"
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0
ok() {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}
expect_status() {
  local want=$1 what=$2
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  [ "$got" -eq "$want" ]
  ok $? "$what (exit $got, want $want)"
  [ "$got" -eq "$want" ] || sed 's/^/# /' "$tmp/err"
}

db="$tmp/r.db"
pesel_a=$(python3 -c "
w=[1,3,7,9,1,3,7,9,1,3]
d='8207081234'
print(d+str((10-sum(int(c)*x for c,x in zip(d,w))%10)%10))")

# Usage errors: 2.
expect_status 2 "no command is a usage error" "$cli" --db "$db"
expect_status 2 "unknown command" "$cli" --db "$db" frobnicate
expect_status 2 "export indicators without --year" "$cli" --db "$db" export indicators --output "$tmp/x.xlsx"
expect_status 2 "export without --output" "$cli" --db "$db" export residents
expect_status 2 "import with an unknown encoding" "$cli" --db "$db" import residents "$tmp/none.csv" --encoding latin2
expect_status 2 "demo without --residents" "$cli" --db "$db" demo
expect_status 2 "unknown option" "$cli" --db "$db" check --force

# Help: the whole tool, a verb, and one command, each exits 0 and names what it offers.
expect_status 0 "--help" "$cli" --help
grep -q "import residents" "$tmp/out" && grep -q "export indicators" "$tmp/out"; ok $? "--help lists the commands"
expect_status 0 "a verb's --help" "$cli" export --help
grep -q "export residents" "$tmp/out" && ! grep -q "import residents" "$tmp/out"; ok $? "export --help lists the export commands only"
expect_status 0 "a command's --help" "$cli" --db "$db" import residents --help
grep -q -- "--encoding" "$tmp/out"; ok $? "import residents --help names --encoding"
expect_status 0 "check --help" "$cli" check --help
[ ! -e "$db" ]; ok $? "asking for help creates no database"
expect_status 2 "a verb without its noun" "$cli" --db "$db" export --output "$tmp/x.xlsx"
grep -q "indicators" "$tmp/err" && grep -q "residents" "$tmp/err"; ok $? "the message names what export takes"
expect_status 2 "export residents with --year" "$cli" --db "$db" export residents --year 2019 --output "$tmp/x.xlsx"

# A good import.
cat >"$tmp/good.csv" <<CSV
imie;nazwisko;pesel;plec;data_przyjecia;data_zakonczenia;powod_zakonczenia;sytuacja_po
Małgorzata;Żółkiewska;$pesel_a;K;01.02.2019;20.12.2019;ukonczenie;zatrudnienie
Jan;Kowalski;;M;15.03.2020;;;
CSV
expect_status 0 "a good file imports" "$cli" --db "$db" import residents "$tmp/good.csv"
[ "$(stat -c %a "$db")" = "600" ]; ok $? "the database is created mode 0600"

# A bad file: every problem as FILE:LINE, exit 1, nothing written.
cat >"$tmp/bad.csv" <<CSV
imie;nazwisko;pesel;plec
Anna;Nowak;;K
Jan;;;M
Ewa;Lis;12345678901;K
CSV
cp "$db" "$tmp/before.db"
expect_status 1 "a bad file is refused" "$cli" --db "$db" import residents "$tmp/bad.csv"
grep -q "^$tmp/bad.csv:3: " "$tmp/err"; ok $? "line 3 is reported"
grep -q "^$tmp/bad.csv:4: " "$tmp/err"; ok $? "line 4 is reported"
! grep -q "^$tmp/bad.csv:2: " "$tmp/err"; ok $? "the good line 2 is not reported"
"$cli" --db "$db" export residents --output "$tmp/after.xlsx" >/dev/null 2>&1
/usr/bin/python3 - "$tmp/after.xlsx" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Uczestnicy"]
names = [r[0] for r in ws.iter_rows(min_row=2, values_only=True)]
sys.exit(0 if sorted(names) == ["Kowalski", "Żółkiewska"] else 1)
PY
ok $? "after the refused import the database holds the same two people"

expect_status 1 "a missing file" "$cli" --db "$db" import residents "$tmp/missing.csv"
grep -q "missing.csv" "$tmp/err"; ok $? "the message names the missing file"

# Files that are not ours are refused and left byte-for-byte unchanged.
head -c 4096 /dev/urandom >"$tmp/random.db"
cp "$tmp/random.db" "$tmp/random.orig"
expect_status 1 "random bytes as --db" "$cli" --db "$tmp/random.db" check
cmp -s "$tmp/random.db" "$tmp/random.orig"; ok $? "random file unchanged"
[ ! -e "$tmp/random.db-wal" ]; ok $? "no -wal next to the random file"
cp "$tmp/good.csv" "$tmp/csv-as.db"
expect_status 1 "a CSV as --db" "$cli" --db "$tmp/csv-as.db" check
cmp -s "$tmp/csv-as.db" "$tmp/good.csv"; ok $? "CSV file unchanged"

# Only import and demo create a database; a mistyped --db is an error, and nothing is created.
expect_status 1 "check of a missing database" "$cli" --db "$tmp/typo/none.db" check
expect_status 1 "export from a missing database" "$cli" --db "$tmp/typo/none.db" export residents --output "$tmp/none.xlsx"
[ ! -e "$tmp/typo" ] && [ ! -e "$tmp/none.xlsx" ]; ok $? "nothing was created for the mistyped database"

# An empty file made with a loose umask becomes private before personal data goes in.
(umask 022; : >"$tmp/empty.db")
expect_status 0 "import into an empty file" "$cli" --db "$tmp/empty.db" import residents "$tmp/good.csv"
[ "$(stat -c %a "$tmp/empty.db")" = "600" ]; ok $? "the empty file was made 0600"

# A quote that never closes is reported on the line where it opens.
printf 'imie;nazwisko;plec\nJan;"Kowalski;M\nAnna;Nowak;K\n' >"$tmp/quote.csv"
expect_status 1 "an unterminated quote" "$cli" --db "$db" import residents "$tmp/quote.csv"
grep -q "^$tmp/quote.csv:2: " "$tmp/err"; ok $? "the unterminated quote is reported on line 2"

expect_status 0 "check" "$cli" --db "$db" check
expect_status 0 "backup" "$cli" --db "$db" backup "$tmp/backup.db"
[ "$(stat -c %a "$tmp/backup.db")" = "600" ]; ok $? "the backup is mode 0600"
expect_status 0 "the backup checks out" "$cli" --db "$tmp/backup.db" check
cp "$db" "$tmp/db.before"
expect_status 1 "a backup onto the database itself is refused" "$cli" --db "$db" backup "$db"
expect_status 0 "the database is intact after the refused backup" "$cli" --db "$db" check

expect_status 0 "export indicators" "$cli" --db "$db" export indicators --year 2019 --output "$tmp/ind.xlsx"
[ "$(stat -c %a "$tmp/ind.xlsx")" = "600" ]; ok $? "the workbook is mode 0600"

expect_status 0 "demo" "$cli" --db "$tmp/demo.db" demo --residents 200 --seed 7

# Polish messages through gettext.
if [ -n "$localedir" ] && locale -a 2>/dev/null | grep -qi '^pl_PL\.utf-\?8$'; then
  LC_ALL=pl_PL.UTF-8 LANG=pl_PL.UTF-8 REINTEGRA_LOCALEDIR="$localedir" \
    "$cli" --db "$db" import residents "$tmp/bad.csv" >/dev/null 2>"$tmp/err.pl"
  grep -q "^$tmp/bad.csv:3: Nazwisko" "$tmp/err.pl"; ok $? "Polish message for a missing surname"
  sed 's/^/# /' "$tmp/err.pl"
  LC_ALL=pl_PL.UTF-8 LANG=pl_PL.UTF-8 REINTEGRA_LOCALEDIR="$localedir" \
    "$cli" --db "$db" frobnicate >/dev/null 2>"$tmp/err.pl"
  grep -q "Nieznane polecenie" "$tmp/err.pl"; ok $? "Polish usage error"
  LC_ALL=pl_PL.UTF-8 LANG=pl_PL.UTF-8 REINTEGRA_LOCALEDIR="$localedir" \
    "$cli" --help >"$tmp/out.pl" 2>&1
  grep -q "^Polecenia:" "$tmp/out.pl" && grep -q "Importuje uczestników" "$tmp/out.pl"; ok $? "Polish --help"
  LC_ALL=pl_PL.UTF-8 LANG=pl_PL.UTF-8 REINTEGRA_LOCALEDIR="$localedir" \
    "$cli" export indicators --help >"$tmp/out.pl" 2>&1
  grep -q "Rok absolwentów" "$tmp/out.pl"; ok $? "Polish help of a command"
else
  echo "ok $((n + 1)) - # SKIP no pl_PL.UTF-8 locale or no translations"
  n=$((n + 1))
fi

echo "1..$n"
exit $failed
